import Yams

/// One application for one measure: who, when, which measure, the facts, and the amounts asked
/// for and approved.
public struct Claim: Sendable, Hashable {
    /// The line of the claim in its file.
    public var line: Int
    public var id: String
    public var applicant: String
    /// The date of the matter claimed for, which decides the policy in force and the year of caps.
    public var date: CalendarDate
    public var measure: String
    public var values: [String: InputValue]
    /// What the applicant asked for, if stated.
    public var claimedAmount: Rational?
    /// Finance's decision for discretionary measures (最高不超过…).
    public var approvedAmount: Rational?
    /// Claims of one applicant with the same matter key are one matter (同一事项).
    public var matter: String?
}

/// The claims of a file that could be read, and a problem for each row that could not.
public struct ClaimBatch: Sendable, Hashable {
    public var claims: [Claim]
    /// One problem per cell that could not be read; a row with any problem is not processed.
    public var problems: [FileProblem]
    /// How many rows the file had (processed + rejected = read).
    public var rowsRead: Int
    /// The rows rejected, by line.
    public var rejectedLines: Set<Int>

    /// The fixed columns, with the Chinese headers Excel users may use instead.
    static let fixedColumns: [String: String] = [
        "claim_id": "claim_id", "申请编号": "claim_id",
        "applicant": "applicant", "申请单位": "applicant", "申请人": "applicant",
        "date": "date", "申请日期": "date", "日期": "date",
        "measure": "measure", "项目": "measure",
        "claimed_amount": "claimed_amount", "申请金额": "claimed_amount",
        "approved_amount": "approved_amount", "核定金额": "approved_amount",
        "matter": "matter", "事项": "matter",
    ]

    /// Reads claims for `schedule` from CSV, YAML or JSON bytes; `file` names the file in messages.
    ///
    /// - Throws: ``FileProblems`` when the file as a whole cannot be read (not UTF-8, a bad header,
    ///   unbalanced quotes). A bad row does not throw: it is listed in ``problems`` and left out.
    public static func read(bytes: [UInt8], file: String, schedule: Schedule) throws(FileProblems) -> ClaimBatch {
        let isStructured = file.hasSuffix(".yaml") || file.hasSuffix(".yml") || file.hasSuffix(".json")
        let rows = isStructured ? try structuredRows(bytes, file: file) : try csvRows(bytes, file: file)
        var reader = RowReader(schedule: schedule, file: file)
        var claims: [Claim] = []
        var rejected: Set<Int> = []
        var seenIDs: [String: Int] = [:]
        for row in rows {
            guard var claim = reader.claim(from: row) else {
                rejected.insert(row.line)
                continue
            }
            if let earlier = seenIDs[claim.id] {
                reader.problems.append(
                    FileProblem(
                        file: file, location: SourceLocation(line: row.line, column: row.column(of: "claim_id") ?? 1),
                        field: "claim_id", message: "申请编号「\(claim.id)」与第 \(earlier) 行重复"))
                rejected.insert(row.line)
                continue
            }
            seenIDs[claim.id] = row.line
            claim.line = row.line
            claims.append(claim)
        }
        return ClaimBatch(claims: claims, problems: reader.problems, rowsRead: rows.count, rejectedLines: rejected)
    }

    /// A row of cells by column name, with where each cell is.
    struct Row {
        var line: Int
        var cells: [(column: String, value: String, columnNumber: Int, line: Int)]

        func column(of name: String) -> Int? { cells.first { $0.column == name }?.columnNumber }
    }

    private static func csvRows(_ bytes: [UInt8], file: String) throws(FileProblems) -> [Row] {
        let records = try CSVReader.records(bytes, file: file)
        guard let header = records.first else {
            throw FileProblems([FileProblem(file: file, location: nil, field: "", message: "文件为空：应有表头行和至少一行申请")])
        }
        var problems: [FileProblem] = []
        var seen: [String: Int] = [:]
        let names = header.fields.map { $0.trimmingSpaces() }
        for (index, name) in names.enumerated() {
            let location = SourceLocation(line: header.line, column: index + 1)
            if name.isEmpty {
                problems.append(FileProblem(file: file, location: location, field: "表头", message: "第 \(index + 1) 列没有列名"))
            } else if let earlier = seen[name] {
                problems.append(FileProblem(file: file, location: location, field: name, message: "列名重复（与第 \(earlier) 列相同）"))
            }
            seen[name] = index + 1
        }
        guard problems.isEmpty else { throw FileProblems(problems) }
        return records.dropFirst().map { record in
            var cells: [(String, String, Int, Int)] = []
            for (index, value) in record.fields.enumerated() {
                let name = index < names.count ? names[index] : "(第 \(index + 1) 列，表头中没有)"
                cells.append((name, value, index + 1, record.line))
            }
            return Row(line: record.line, cells: cells)
        }
    }

    private static func structuredRows(_ bytes: [UInt8], file: String) throws(FileProblems) -> [Row] {
        let parsed = try StructuredFile(bytes: bytes, name: file)
        var list = parsed.root
        if case .mapping(let top) = parsed.root, let claims = top["claims"] { list = claims }
        guard case .sequence(let sequence) = list else {
            throw FileProblems([FileProblem(file: file, location: parsed.root.location, field: "", message: "应为申请的列表（或 claims: 列表）")])
        }
        return sequence.map { node in
            let line = node.location?.line ?? 0
            guard case .mapping(let mapping) = node else { return Row(line: line, cells: [("(整行)", "", 1, line)]) }
            var cells: [(String, String, Int, Int)] = []
            for (index, (key, value)) in mapping.enumerated() {
                let text: String
                if case .scalar(let scalar) = value, !scalar.isNull { text = scalar.string } else { text = "" }
                cells.append((key.scalar?.string ?? "", text, index + 1, value.location?.line ?? line))
            }
            return Row(line: line, cells: cells)
        }
    }
}

/// Turns a row of cells into a claim, collecting one problem per bad cell.
private struct RowReader {
    let schedule: Schedule
    let file: String
    var problems: [FileProblem] = []

    mutating func claim(from row: ClaimBatch.Row) -> Claim? {
        var fixed: [String: (value: String, column: Int)] = [:]
        var values: [String: InputValue] = [:]
        var ok = true
        func fail(_ column: String, _ number: Int, _ line: Int, _ message: String) {
            problems.append(FileProblem(file: file, location: SourceLocation(line: line, column: number), field: column, message: message))
            ok = false
        }
        for cell in row.cells {
            let value = cell.value.trimmingSpaces()
            if let name = ClaimBatch.fixedColumns[cell.column] {
                fixed[name] = (value, cell.columnNumber)
                continue
            }
            let definition = schedule.catalog.input(cell.column) ?? schedule.catalog.inputs.first { $0.label == cell.column }
            guard let definition else {
                if !value.isEmpty { fail(cell.column, cell.columnNumber, cell.line, "未知的列：不是固定列，也不是本政策的输入项") }
                continue
            }
            guard !value.isEmpty else { continue }
            switch InputValue.parse(value, as: definition) {
            case .success(let typed): values[definition.id] = typed
            case .failure(let rejection): fail(cell.column, cell.columnNumber, cell.line, "「\(definition.label)」\(rejection.message)")
            }
        }
        func required(_ name: String, _ label: String) -> String? {
            guard let entry = fixed[name], !entry.value.isEmpty else {
                fail(name, fixed[name]?.column ?? 1, row.line, "缺少\(label)")
                return nil
            }
            return entry.value
        }
        let id = required("claim_id", "申请编号")
        let applicant = required("applicant", "申请单位")
        let dateText = required("date", "日期")
        let measureID = required("measure", "项目")
        var date: CalendarDate?
        if let dateText {
            date = CalendarDate(text: dateText)
            if date == nil {
                fail("date", fixed["date"]?.column ?? 1, row.line, "日期「\(dateText)」无法识别或不存在（写作 2022-03-01、2022/3/1 或 2022年3月1日）")
            }
        }
        if let measureID, schedule.measure(measureID) == nil {
            let known = schedule.measures.map(\.id).joined(separator: "、")
            fail("measure", fixed["measure"]?.column ?? 1, row.line, "本政策没有项目「\(measureID)」（项目：\(known)）")
        }
        var amounts: [String: Rational] = [:]
        for name in ["claimed_amount", "approved_amount"] {
            guard let entry = fixed[name], !entry.value.isEmpty else { continue }
            guard let amount = Rational(moneyText: entry.value), !amount.isNegative else {
                fail(name, entry.column, row.line, "金额「\(entry.value)」无法识别（写作 1200000、120万、1.2亿 或 1,200,000.00，不能为负）")
                continue
            }
            amounts[name] = amount
        }
        guard ok, let id, let applicant, let date, let measureID else { return nil }
        let matter = fixed["matter"].flatMap { $0.value.isEmpty ? nil : $0.value }
        return Claim(
            line: row.line, id: id, applicant: applicant, date: date, measure: measureID, values: values,
            claimedAmount: amounts["claimed_amount"], approvedAmount: amounts["approved_amount"], matter: matter)
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs (as spreadsheets pad cells).
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" || first == "\u{3000}" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\u{3000}" { text = text.dropLast() }
        return String(text)
    }
}
