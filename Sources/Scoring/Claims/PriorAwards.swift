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
        records.bytes.withUnsafeBufferPointer { bytes in
            // A ledger names the same applicants, dates, measures and amounts thousands of times:
            // each distinct cell is decoded and read once.
            var applicants = Memo<String?>(), matters = Memo<String?>()
            var dates = Memo<(text: String?, date: CalendarDate?)>()
            var measures = Memo<(text: String?, known: Bool)>()
            var amounts = Memo<(text: String?, amount: Rational?)>()
            rows: for row in 1..<records.count {
                let location = { (column: Int) in SourceLocation(line: records.lines[row], column: column + 1) }
                /// The bytes of cell `column`, empty when the row has no such column.
                func cellBytes(_ column: Int?) -> CellBytes {
                    guard let column, column < records.fieldCount(row) else { return CellBytes(bytes, 0..<0) }
                    let field = records.field(row, column)
                    return CellBytes(bytes, Int(field.start)..<Int(field.end))
                }
                /// The text of cell `column` as this tool wrote it, "" when the row has no such
                /// column, `nil` when the cell is not valid UTF-8.
                func text(_ column: Int?) -> String? {
                    guard let column, column < records.fieldCount(row) else { return "" }
                    let field = records.field(row, column)
                    guard field.start < field.end else { return "" }
                    guard let text = records.trimmedText(field) else { return nil }
                    // Only a cell starting with ' can have been neutralised by this tool's writer.
                    return text.utf8.first == UInt8(ascii: "'") ? CSVWriter.restored(text) : text
                }
                let id = text(columns.id)
                let applicant = applicants.value(for: cellBytes(applicantColumn)) { text(applicantColumn) }
                let date = dates.value(for: cellBytes(dateColumn)) {
                    let text = text(dateColumn)
                    return (text, text.flatMap { CalendarDate(text: $0) })
                }
                let measure = measures.value(for: cellBytes(measureColumn)) {
                    let text = text(measureColumn)
                    return (text, text.map { schedule.measureIndex[$0] != nil } ?? false)
                }
                let amount = amounts.value(for: cellBytes(amountColumn)) {
                    let text = text(amountColumn)
                    return (text, text.flatMap { Rational(moneyText: $0) }.flatMap { $0.isNegative ? nil : $0 })
                }
                let matter = matters.value(for: cellBytes(columns.matter)) { text(columns.matter) }
                let round = text(columns.round)
                guard let id, let applicant, let dateText = date.text, let measureText = measure.text, let amountText = amount.text,
                    let matter, let roundText = round
                else {
                    // A file saved in another encoding is wrong on every row: the first bad cell says so.
                    let cells = [
                        (columns.id, "claim_id", id), (applicantColumn, "applicant", applicant), (dateColumn, "date", date.text),
                        (measureColumn, "measure", measure.text), (amountColumn, "amount", amount.text), (columns.matter, "matter", matter),
                        (columns.round, "round", round),
                    ]
                    if let (column, field, _) = cells.first(where: { $0.2 == nil }) {
                        problems.append(FileProblem(file: file, location: column.map(location), field: field, message: Self.notUTF8Cell))
                    }
                    break rows
                }
                guard let day = date.date else {
                    problems.append(FileProblem(file: file, location: location(dateColumn), field: "date", message: "日期「\(dateText)」无法识别"))
                    continue
                }
                guard let value = amount.amount else {
                    problems.append(FileProblem(file: file, location: location(amountColumn), field: "amount", message: "金额「\(amountText)」无法识别"))
                    continue
                }
                guard measure.known else {
                    problems.append(FileProblem(file: file, location: location(measureColumn), field: "measure", message: "本政策没有项目「\(measureText)」"))
                    continue
                }
                let roundValue = roundText.isEmpty ? nil : Rational(decimalText: roundText)
                if let roundColumn = columns.round, !roundText.isEmpty, roundValue == nil {
                    problems.append(FileProblem(file: file, location: location(roundColumn), field: "round", message: "届次「\(roundText)」无法识别"))
                    continue
                }
                awards.append(
                    PriorAward(claimID: id, applicant: applicant, date: day, measure: measureText, amount: value,
                        matter: matter.isEmpty ? nil : matter, round: roundValue))
            }
        }
        guard problems.isEmpty else { throw FileProblems(problems) }
        return awards
    }

    /// The header (or the whole file) is not UTF-8: the file was saved in another encoding.
    static let notUTF8File = "文件不是有效的 UTF-8 编码（在 Excel 中另存为“CSV UTF-8”） / not valid UTF-8"
    /// A cell read is not UTF-8, as a claims file says of one.
    static let notUTF8Cell = "不是有效的 UTF-8 编码（在 Excel 中另存为“CSV UTF-8”） / not valid UTF-8"
}

/// The bytes of one cell, compared and hashed as bytes; they point into the file's bytes, so they
/// are used only while those are held.
private struct CellBytes: Hashable {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ file: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        bytes = UnsafeBufferPointer(rebasing: file[range])
    }

    static func == (lhs: CellBytes, rhs: CellBytes) -> Bool { sameBytes(lhs.bytes, rhs.bytes) }

    func hash(into hasher: inout Hasher) { hasher.combine(bytes: UnsafeRawBufferPointer(bytes)) }
}

/// What was read from each distinct cell, so the next cell with the same bytes is not read again.
private struct Memo<Value> {
    private var values: [CellBytes: Value] = [:]

    mutating func value(for cell: CellBytes, reading: () -> Value) -> Value {
        // An empty cell (most matters) is read faster than it is looked up.
        guard !cell.bytes.isEmpty else { return reading() }
        if let value = values[cell] { return value }
        let value = reading()
        values[cell] = value
        return value
    }
}
