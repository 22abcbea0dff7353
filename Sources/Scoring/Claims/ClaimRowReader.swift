/// Turns one row's cells into a claim, or into one problem per bad cell.
///
/// Pure and independent of other rows, so rows can be read on several threads at once; what spans
/// rows (order, repeated claim ids) is checked where claims are decided in order.
struct ClaimRowReader: Sendable {
    /// The columns every claims file has, whatever the schedule.
    enum Fixed: Int, CaseIterable, Sendable {
        case claimID, applicant, date, measure, claimedAmount, approvedAmount, matter

        /// The name used in messages and JSON.
        var name: String {
            switch self {
            case .claimID: "claim_id"
            case .applicant: "applicant"
            case .date: "date"
            case .measure: "measure"
            case .claimedAmount: "claimed_amount"
            case .approvedAmount: "approved_amount"
            case .matter: "matter"
            }
        }
    }

    /// What a column holds.
    enum Column: Sendable {
        case fixed(Fixed)
        /// An input of the schedule's catalog, by position.
        case input(Int)
        case unknown
    }

    /// One cell: its column's name and role, its text without surrounding spaces, and where it is.
    struct Cell: Sendable {
        var name: String
        var value: String
        var column: Int
        var line: Int
        /// `nil` when the cell's bytes were not valid UTF-8.
        var isText = true

        init(name: String, value: String, column: Int, line: Int, isText: Bool = true) {
            self.name = name
            self.value = value
            self.column = column
            self.line = line
            self.isText = isText
        }
    }

    enum Outcome: Sendable {
        case claim(Claim)
        case rejected(line: Int, problems: [FileProblem])
    }

    /// The fixed columns, with the Chinese headers Excel users may use instead.
    static let fixedNames: [String: Fixed] = [
        "claim_id": .claimID, "申请编号": .claimID,
        "applicant": .applicant, "申请单位": .applicant, "申请人": .applicant,
        "date": .date, "申请日期": .date, "日期": .date,
        "measure": .measure, "项目": .measure,
        "claimed_amount": .claimedAmount, "申请金额": .claimedAmount,
        "approved_amount": .approvedAmount, "核定金额": .approvedAmount,
        "matter": .matter, "事项": .matter,
    ]

    let schedule: Schedule
    let file: String
    let measureIDs: Set<String>

    init(schedule: Schedule, file: String) {
        self.schedule = schedule
        self.file = file
        measureIDs = Set(schedule.measures.map(\.id))
    }

    /// The role of a column named `name`: a fixed column, an input by id or by its Chinese label, or unknown.
    func column(named name: String) -> Column {
        if let fixed = Self.fixedNames[name] { return .fixed(fixed) }
        let inputs = schedule.catalog.inputs
        if let index = inputs.firstIndex(where: { $0.id == name }) ?? inputs.firstIndex(where: { $0.label == name }) {
            return .input(index)
        }
        return .unknown
    }

    /// Reads a row whose cells carry their column names (YAML and JSON rows).
    func claim(line: Int, cells: [Cell]) -> Outcome {
        claim(line: line, cells: cells.map { (column(named: $0.name), $0) })
    }

    /// Reads a row whose cells' roles are already known (CSV rows, by header position).
    func claim(line: Int, cells: [(role: Column, cell: Cell)]) -> Outcome {
        var fixed: [(value: String, column: Int)?] = Array(repeating: nil, count: Fixed.allCases.count)
        var values = InputValues(minimumCapacity: 4)
        var problems: [FileProblem] = []
        func fail(_ column: String, _ number: Int, _ line: Int, _ message: String) {
            problems.append(FileProblem(file: file, location: SourceLocation(line: line, column: number), field: column, message: message))
        }
        for (role, cell) in cells {
            guard cell.isText else {
                fail(cell.name, cell.column, cell.line, "不是有效的 UTF-8 编码（在 Excel 中另存为“CSV UTF-8”） / not valid UTF-8")
                continue
            }
            switch role {
            case .fixed(let name):
                fixed[name.rawValue] = (cell.value, cell.column)
            case .unknown:
                if !cell.value.isEmpty { fail(cell.name, cell.column, cell.line, "未知的列：不是固定列，也不是本政策的输入项") }
            case .input(let index):
                guard !cell.value.isEmpty else { continue }
                let definition = schedule.catalog.inputs[index]
                switch InputValue.parse(cell.value, as: definition) {
                case .success(let typed): values[definition.id] = typed
                case .failure(let rejection): fail(cell.name, cell.column, cell.line, "「\(definition.label)」\(rejection.message)")
                }
            }
        }
        func required(_ name: Fixed, _ label: String) -> String? {
            guard let entry = fixed[name.rawValue], !entry.value.isEmpty else {
                fail(name.name, fixed[name.rawValue]?.column ?? 1, line, "缺少\(label)")
                return nil
            }
            return entry.value
        }
        let id = required(.claimID, "申请编号")
        let applicant = required(.applicant, "申请单位")
        let dateText = required(.date, "日期")
        let measureID = required(.measure, "项目")
        var date: CalendarDate?
        if let dateText {
            date = CalendarDate(text: dateText)
            if date == nil {
                fail("date", fixed[Fixed.date.rawValue]?.column ?? 1, line, "日期「\(dateText)」无法识别或不存在（写作 2022-03-01、2022/3/1 或 2022年3月1日）")
            }
        }
        if let measureID, !measureIDs.contains(measureID) {
            let known = schedule.measures.map(\.id).joined(separator: "、")
            fail("measure", fixed[Fixed.measure.rawValue]?.column ?? 1, line, "本政策没有项目「\(measureID)」（项目：\(known)）")
        }
        var amounts: [Rational?] = [nil, nil]
        for (slot, name) in [Fixed.claimedAmount, .approvedAmount].enumerated() {
            guard let entry = fixed[name.rawValue], !entry.value.isEmpty else { continue }
            guard let amount = Rational(moneyText: entry.value), !amount.isNegative else {
                fail(name.name, entry.column, line, "金额「\(entry.value)」无法识别（写作 1200000、120万、1.2亿 或 1,200,000.00，不能为负）")
                continue
            }
            amounts[slot] = amount
        }
        guard problems.isEmpty, let id, let applicant, let date, let measureID else { return .rejected(line: line, problems: problems) }
        let matter = fixed[Fixed.matter.rawValue].flatMap { $0.value.isEmpty ? nil : $0.value }
        return .claim(
            Claim(
                line: line, id: id, applicant: applicant, date: date, measure: measureID, values: values,
                claimedAmount: amounts[0], approvedAmount: amounts[1], matter: matter))
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
