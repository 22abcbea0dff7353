/// Reads a prior-awards file (the ledger): awards granted before this batch, which count against
/// yearly caps, count limits and highest-only groups.
///
/// Its columns are the first columns of `score-cli subsidy --format csv`, so last run's output can
/// be given as this run's ledger: `claim_id, applicant, date, measure, amount[, matter][, round]`.
public enum PriorAwards {
    public static func read(bytes: [UInt8], file: String, schedule: Schedule) throws(FileProblems) -> [PriorAward] {
        let records = try CSVReader.records(bytes, file: file)
        guard records.count > 0 else { return [] }
        let names = records.texts(0).map { ($0 ?? "").trimmingSpaces() }
        func index(_ options: String...) -> Int? { names.firstIndex { options.contains($0) } }
        let columns = (
            id: index("claim_id", "申请编号"), applicant: index("applicant", "申请单位", "申请人"),
            date: index("date", "申请日期", "日期"), measure: index("measure", "项目"),
            amount: index("amount", "金额", "给予金额"), matter: index("matter", "事项"), round: index("round", "届次"))
        var missing: [String] = []
        if columns.applicant == nil { missing.append("applicant") }
        if columns.date == nil { missing.append("date") }
        if columns.measure == nil { missing.append("measure") }
        if columns.amount == nil { missing.append("amount") }
        guard missing.isEmpty, let applicantColumn = columns.applicant, let dateColumn = columns.date,
            let measureColumn = columns.measure, let amountColumn = columns.amount
        else {
            throw FileProblems([FileProblem(file: file, location: SourceLocation(line: records.lines[0], column: 1), field: "表头", message: "既往给予记录缺少列：\(missing.joined(separator: "、"))")])
        }
        var awards: [PriorAward] = []
        var problems: [FileProblem] = []
        for row in 1..<records.count {
            func cell(_ column: Int?) -> String {
                guard let column, column < records.fieldCount(row) else { return "" }
                return CSVWriter.restored(records.trimmedText(records.field(row, column)) ?? "")
            }
            let location = { (column: Int) in SourceLocation(line: records.lines[row], column: column + 1) }
            guard let date = CalendarDate(text: cell(dateColumn)) else {
                problems.append(FileProblem(file: file, location: location(dateColumn), field: "date", message: "日期「\(cell(dateColumn))」无法识别"))
                continue
            }
            guard let amount = Rational(moneyText: cell(amountColumn)), !amount.isNegative else {
                problems.append(FileProblem(file: file, location: location(amountColumn), field: "amount", message: "金额「\(cell(amountColumn))」无法识别"))
                continue
            }
            let measure = cell(measureColumn)
            guard schedule.measureIndex[measure] != nil else {
                problems.append(FileProblem(file: file, location: location(measureColumn), field: "measure", message: "本政策没有项目「\(measure)」"))
                continue
            }
            let matter = cell(columns.matter)
            let roundText = cell(columns.round)
            let round = Rational(decimalText: roundText)
            if let roundColumn = columns.round, !roundText.isEmpty, round == nil {
                problems.append(FileProblem(file: file, location: location(roundColumn), field: "round", message: "届次「\(roundText)」无法识别"))
                continue
            }
            awards.append(
                PriorAward(claimID: cell(columns.id), applicant: cell(applicantColumn), date: date, measure: measure, amount: amount,
                    matter: matter.isEmpty ? nil : matter, round: round))
        }
        guard problems.isEmpty else { throw FileProblems(problems) }
        return awards
    }
}
