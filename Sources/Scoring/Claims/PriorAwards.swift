/// Reads a prior-awards file (the ledger): awards granted before this batch, which count against
/// yearly caps, count limits and highest-only groups.
///
/// Its columns are the first columns of `score-cli subsidy --format csv`, so last run's output can
/// be given as this run's ledger: `claim_id, applicant, date, measure, amount[, matter][, round]`.
/// The other columns of that output (status, reasons, citations) are long and are never decoded:
/// only the cells read are checked as UTF-8, and the first one that is not refuses the file, naming
/// its row and column.
public enum PriorAwards {
    public static func read(bytes: [UInt8], file: String, schedule: Schedule) throws(FileProblems) -> [PriorAward] {
        let records = try CSVReader.records(bytes, file: file)
        guard records.count > 0 else { return [] }
        var names: [String] = []
        for name in records.texts(0) {
            guard let name else { throw FileProblems([FileProblem(file: file, location: nil, field: "", message: Self.notUTF8File)]) }
            names.append(name.trimmingSpaces())
        }
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
        awards.reserveCapacity(records.count - 1)
        var problems: [FileProblem] = []
        rows: for row in 1..<records.count {
            let location = { (column: Int) in SourceLocation(line: records.lines[row], column: column + 1) }
            /// The text of cell `column` (`field`) as this tool wrote it, "" when the row has no such
            /// column, or `nil` after noting that it is not valid UTF-8.
            func cell(_ column: Int?, _ field: String) -> String? {
                guard let column, column < records.fieldCount(row) else { return "" }
                guard let text = records.trimmedText(records.field(row, column)) else {
                    problems.append(FileProblem(file: file, location: location(column), field: field, message: Self.notUTF8Cell))
                    return nil
                }
                // Only a cell starting with ' can have been neutralised by this tool's writer.
                return text.utf8.first == UInt8(ascii: "'") ? CSVWriter.restored(text) : text
            }
            guard let id = cell(columns.id, "claim_id"), let applicant = cell(applicantColumn, "applicant"),
                let dateText = cell(dateColumn, "date"), let measure = cell(measureColumn, "measure"),
                let amountText = cell(amountColumn, "amount"), let matter = cell(columns.matter, "matter"),
                let roundText = cell(columns.round, "round")
            else {
                // A file saved in another encoding is wrong on every row: one message says so.
                break rows
            }
            guard let date = CalendarDate(text: dateText) else {
                problems.append(FileProblem(file: file, location: location(dateColumn), field: "date", message: "日期「\(dateText)」无法识别"))
                continue
            }
            guard let amount = Rational(moneyText: amountText), !amount.isNegative else {
                problems.append(FileProblem(file: file, location: location(amountColumn), field: "amount", message: "金额「\(amountText)」无法识别"))
                continue
            }
            guard schedule.measureIndex[measure] != nil else {
                problems.append(FileProblem(file: file, location: location(measureColumn), field: "measure", message: "本政策没有项目「\(measure)」"))
                continue
            }
            let round = roundText.isEmpty ? nil : Rational(decimalText: roundText)
            if let roundColumn = columns.round, !roundText.isEmpty, round == nil {
                problems.append(FileProblem(file: file, location: location(roundColumn), field: "round", message: "届次「\(roundText)」无法识别"))
                continue
            }
            awards.append(
                PriorAward(claimID: id, applicant: applicant, date: date, measure: measure, amount: amount,
                    matter: matter.isEmpty ? nil : matter, round: round))
        }
        guard problems.isEmpty else { throw FileProblems(problems) }
        return awards
    }

    /// The header (or the whole file) is not UTF-8: the file was saved in another encoding.
    static let notUTF8File = "文件不是有效的 UTF-8 编码（在 Excel 中另存为“CSV UTF-8”） / not valid UTF-8"
    /// A cell read is not UTF-8, as a claims file says of one.
    static let notUTF8Cell = "不是有效的 UTF-8 编码（在 Excel 中另存为“CSV UTF-8”） / not valid UTF-8"
}
