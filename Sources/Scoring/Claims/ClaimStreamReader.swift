/// Reads claims from a CSV file that arrives in blocks, so a file of any size is read in the
/// memory of one block.
///
/// Splitting into records (``scan(_:isLast:)``) is serial and cheap; turning records into claims
/// (``claims(in:)``) is pure, so callers may do it for different blocks, or different parts of one
/// block, on several threads. The first record is the header.
struct ClaimStreamReader: Sendable {
    private var scanner: CSVScanner
    private let rows: ClaimRowReader
    /// The schedule's inputs, by position, and its measure ids, as the reading of a cell needs them.
    private let inputColumns: [InputColumn]
    private let measures: KnownTexts
    private var names: [String] = []
    private var roles: [ClaimRowReader.Column] = []
    /// Whether the header has been read.
    private(set) var sawHeader = false

    init(schedule: Schedule, file: String) {
        scanner = CSVScanner(file: file)
        rows = ClaimRowReader(schedule: schedule, file: file)
        inputColumns = schedule.catalog.inputs.map(InputColumn.init)
        measures = KnownTexts(schedule.measures.map(\.id))
    }

    /// The rows in the next block of the file (the header, when first seen, is taken out and checked).
    ///
    /// - Throws: ``FileProblems`` for a bad header, a NUL byte or a quote never closed.
    mutating func scan(_ block: some Collection<UInt8>, isLast: Bool) throws(FileProblems) -> ClaimRows {
        let records = try scanner.scan(block, isLast: isLast)
        var first = 0
        if !sawHeader && records.count > 0 {
            try readHeader(records)
            first = 1
        }
        return ClaimRows(records: records, range: first..<records.count)
    }

    private mutating func readHeader(_ records: CSVRecords) throws(FileProblems) {
        let file = rows.file
        let line = records.lines[0]
        var problems: [FileProblem] = []
        var seen: [String: Int] = [:]
        /// The column each fixed field and input was first found in, by any of its names.
        var fixedAt: [ClaimRowReader.Fixed: Int] = [:]
        var inputAt: [Int: Int] = [:]
        for (index, text) in records.texts(0).enumerated() {
            guard let text else {
                throw FileProblems([FileProblem(file: file, location: nil, field: "", message: "文件不是有效的 UTF-8 编码（在 Excel 中另存为“CSV UTF-8”） / not valid UTF-8")])
            }
            let name = text.trimmingSpaces()
            let location = SourceLocation(line: line, column: index + 1)
            if name.isEmpty {
                problems.append(FileProblem(file: file, location: location, field: "表头", message: "第 \(index + 1) 列没有列名"))
            } else if let earlier = seen[name] {
                problems.append(FileProblem(file: file, location: location, field: name, message: "列名重复（与第 \(earlier) 列相同）"))
            }
            let role = rows.column(named: name)
            // Two names for one field (`applicant` and 申请单位, an input's id and its label).
            var sameAs: Int?
            switch role {
            case .fixed(let field):
                sameAs = fixedAt[field]
                if sameAs == nil { fixedAt[field] = index + 1 }
            case .input(let input):
                sameAs = inputAt[input]
                if sameAs == nil { inputAt[input] = index + 1 }
            case .unknown: break
            }
            if let sameAs, seen[name] == nil {
                problems.append(
                    FileProblem(file: file, location: location, field: name, message: "列名重复（与第 \(sameAs) 列 \(names[sameAs - 1]) 是同一列）"))
            }
            seen[name] = index + 1
            names.append(name)
            roles.append(role)
        }
        let missing = [ClaimRowReader.Fixed.claimID, .applicant, .date, .measure].filter { fixedAt[$0] == nil }
        if !missing.isEmpty, !names.isEmpty {
            problems.append(
                FileProblem(file: file, location: SourceLocation(line: line, column: 1), field: "表头",
                    message: "申请文件缺少列：\(missing.map(\.name).joined(separator: "、"))"))
        }
        guard problems.isEmpty else { throw FileProblems(problems) }
        sawHeader = true
    }

    /// The claim, or the problems, of each row in `rows`, in file order.
    func claims(in rows: ClaimRows) -> [ClaimRowReader.Outcome] {
        claims(in: rows, range: rows.range)
    }

    /// The claim, or the problems, of the rows in `range` (a part of `rows.range`).
    func claims(in rows: ClaimRows, range: Range<Int>) -> [ClaimRowReader.Outcome] {
        claims(in: rows, range: range) { $0 }
    }

    /// What `transform` makes of each row's claim or problems in `range`, in file order. The
    /// outcome is handed over, not copied, so a claim's strings are not retained and released again.
    func claims<T>(in rows: ClaimRows, range: Range<Int>, _ transform: (consuming ClaimRowReader.Outcome) -> T) -> [T] {
        let records = rows.records
        var results: [T] = []
        results.reserveCapacity(range.count)
        for index in range {
            let line = records.lines[index]
            if let claim = wellFormedClaim(records, index, line: line) {
                results.append(transform(.claim(claim)))
            } else {
                results.append(transform(claimOrProblems(records, index, line: line)))
            }
        }
        return results
    }

    /// Record `index` read cell by cell through ``ClaimRowReader/claim(line:cells:)``: its claim, or
    /// one problem per bad cell, each naming its column.
    func claimOrProblems(_ records: CSVRecords, _ index: Int, line: Int) -> ClaimRowReader.Outcome {
        var cells: [(role: ClaimRowReader.Column, cell: ClaimRowReader.Cell)] = []
        for column in 0..<records.fieldCount(index) {
            let field = records.field(index, column)
            let role = column < roles.count ? roles[column] : .unknown
            if field.start == field.end {
                // A blank input or unknown cell says nothing; a blank fixed cell is named as missing.
                guard case .fixed = role else { continue }
                cells.append((role, ClaimRowReader.Cell(name: names[column], value: "", column: column + 1, line: line)))
                continue
            }
            let name = column < names.count ? names[column] : "(第 \(column + 1) 列，表头中没有)"
            let text = records.trimmedText(field)
            cells.append((role, ClaimRowReader.Cell(name: name, value: text ?? "", column: column + 1, line: line, isText: text != nil)))
        }
        return rows.claim(line: line, cells: cells)
    }

    /// The claim of record `index` when every cell of it is well formed; `nil` sends the row to
    /// ``claimOrProblems(_:_:line:)``, which reads it again and names each problem.
    ///
    /// Nearly every row of a large batch is well formed, and this reads one straight from its bytes:
    /// numbers, amounts, dates, booleans, choices and measures without a string, only the claim id,
    /// applicant and matter as strings. It accepts exactly what the full reader accepts, with the
    /// same values, except a row with more cells than the header, which is always left to it.
    func wellFormedClaim(_ records: CSVRecords, _ index: Int, line: Int) -> Claim? {
        let count = records.fieldCount(index)
        guard count <= roles.count else { return nil }
        var row = WellFormedRow()
        let wellFormed = records.withRecord(index) { fields, bytes in
            for (column, field) in fields.enumerated() {
                if field.start == field.end { continue }
                let role = roles[column]
                if bytes[Int(field.start)] == UInt8(ascii: "\"") {
                    // A quoted cell (its first byte is a quote) is rare: its text is unquoted and trimmed as
                    // the full reader does it.
                    guard var text = records.trimmedText(field), text.withUTF8({ read($0, as: role, into: &row) }) else { return false }
                } else {
                    let text = UnsafeBufferPointer(rebasing: bytes[CSVRecords.trimmedRange(field, in: bytes)])
                    guard read(text, as: role, into: &row) else { return false }
                }
            }
            return true
        }
        return wellFormed ? row.claim(line: line) : nil
    }

    /// What ``wellFormedClaim(_:_:line:)`` has read of a row so far.
    private struct WellFormedRow {
        var claimID: String?, applicant: String?, date: CalendarDate?, measure: String?, matter: String?
        var claimed: Rational?, approved: Rational?
        var values = InputValues(minimumCapacity: 4)

        /// The claim, once every cell is read; `nil` when the claim id, applicant, date or measure is missing.
        consuming func claim(line: Int) -> Claim? {
            guard let claimID, let applicant, let date, let measure else { return nil }
            return Claim(
                line: line, id: claimID, applicant: applicant, date: date, measure: measure, values: values,
                claimedAmount: claimed, approvedAmount: approved, matter: matter)
        }
    }

    /// Reads one cell into `row`, given the bytes of its text without padding; `false` when the cell
    /// is not well formed.
    private func read(_ text: UnsafeBufferPointer<UInt8>, as role: ClaimRowReader.Column, into row: inout WellFormedRow) -> Bool {
        // A blank cell says nothing; a blank claim id, applicant, date or measure is missing at the end.
        guard !text.isEmpty else { return true }
        switch role {
        case .unknown:
            return false
        case .input(let input):
            // The column is read where it lies, not copied: a copy retains each of its texts, for
            // every cell of a million rows. Each input has one column, so its value is new to the row.
            guard let typed = InputValue.parse(bytes: text, as: inputColumns[input]) ?? inputValue(text, input) else { return false }
            row.values.appendNew(inputColumns[input].id, typed)
            return true
        case .fixed(let fixed):
            switch fixed {
            case .claimID:
                row.claimID = CSVRecords.string(text)
                return row.claimID != nil
            case .applicant:
                row.applicant = CSVRecords.string(text)
                return row.applicant != nil
            case .matter:
                row.matter = CSVRecords.string(text)
                return row.matter != nil
            case .date:
                row.date = CalendarDate(isoBytes: text) ?? CSVRecords.string(text).flatMap { CalendarDate(text: $0) }
                return row.date != nil
            case .measure:
                row.measure = measures.text(matching: text) ?? CSVRecords.string(text).flatMap { rows.measureIDs.contains($0) ? $0 : nil }
                return row.measure != nil
            case .claimedAmount:
                row.claimed = Rational(amountBytes: text)
                return row.claimed.map { !$0.isNegative } ?? false
            case .approvedAmount:
                row.approved = Rational(amountBytes: text)
                return row.approved.map { !$0.isNegative } ?? false
            }
        }
    }

    /// The value of a cell of input `input` read from its text, for the cells whose bytes alone do
    /// not settle it; `nil` when it is not a value of the input.
    private func inputValue(_ text: UnsafeBufferPointer<UInt8>, _ input: Int) -> InputValue? {
        guard let string = CSVRecords.string(text),
            case .success(let value) = InputValue.parse(string, as: rows.schedule.catalog.inputs[input])
        else { return nil }
        return value
    }

    /// Scans and reads a block in one step.
    mutating func read(_ block: some Collection<UInt8>, isLast: Bool) throws(FileProblems) -> [ClaimRowReader.Outcome] {
        let rows = try scan(block, isLast: isLast)
        return claims(in: rows)
    }
}

/// The rows of one block of a claims file, ready to be read into claims.
public struct ClaimRows: Sendable {
    let records: CSVRecords
    let range: Range<Int>

    /// How many rows.
    public var count: Int { range.count }
}
