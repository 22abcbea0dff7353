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
    public var values: InputValues
    /// What the applicant asked for, if stated.
    public var claimedAmount: Rational?
    /// Finance's decision for discretionary measures (最高不超过…).
    public var approvedAmount: Rational?
    /// Claims of one applicant with the same matter key are one matter (同一事项).
    public var matter: String?

    /// Whether `self` is decided before `other`: by date, then by claim id (compared as UTF-8 bytes,
    /// so the order never depends on the machine's locale).
    public func precedes(_ other: Claim) -> Bool {
        if date != other.date { return date < other.date }
        return compareBytes(id, other.id) < 0
    }
}

/// The claims of a file that could be read, and a problem for each row that could not.
///
/// This reads a whole file at once, for small batches, YAML and JSON, and files not in date order;
/// large CSV files in date order stream through ``ClaimStreamReader`` instead, with the same rules.
public struct ClaimBatch: Sendable, Hashable {
    public var claims: [Claim]
    /// One problem per cell that could not be read; a row with any problem is not processed.
    public var problems: [FileProblem]
    /// How many rows the file had (processed + rejected = read).
    public var rowsRead: Int
    /// The rows rejected, by line.
    public var rejectedLines: Set<Int>

    /// Reads claims for `schedule` from CSV, YAML or JSON bytes; `file` names the file in messages.
    ///
    /// - Throws: ``FileProblems`` when the file as a whole cannot be read (not UTF-8, a bad header,
    ///   unbalanced quotes). A bad row does not throw: it is listed in ``problems`` and left out.
    public static func read(bytes: [UInt8], file: String, schedule: Schedule) throws(FileProblems) -> ClaimBatch {
        var batch = ClaimBatch(claims: [], problems: [], rowsRead: 0, rejectedLines: [])
        func add(_ outcome: ClaimRowReader.Outcome) {
            batch.rowsRead += 1
            switch outcome {
            case .claim(let claim): batch.claims.append(claim)
            case .rejected(let line, let problems):
                batch.rejectedLines.insert(line)
                batch.problems += problems
            }
        }
        let isStructured = file.hasSuffix(".yaml") || file.hasSuffix(".yml") || file.hasSuffix(".json")
        if isStructured {
            let reader = ClaimRowReader(schedule: schedule, file: file)
            for row in try structuredRows(bytes, file: file) { add(reader.claim(line: row.line, cells: row.cells)) }
        } else {
            var stream = ClaimStreamReader(schedule: schedule, file: file)
            for outcome in try stream.read(bytes, isLast: true) { add(outcome) }
            if !stream.sawHeader {
                throw FileProblems([FileProblem(file: file, location: nil, field: "", message: "文件为空：应有表头行和至少一行申请")])
            }
        }
        return batch
    }

    private static func structuredRows(_ bytes: [UInt8], file: String) throws(FileProblems) -> [(line: Int, cells: [ClaimRowReader.Cell])] {
        let parsed = try StructuredFile(bytes: bytes, name: file)
        var list = parsed.root
        if case .mapping(let top) = parsed.root, let claims = top["claims"] { list = claims }
        guard case .sequence(let sequence) = list else {
            throw FileProblems([FileProblem(file: file, location: parsed.root.location, field: "", message: "应为申请的列表（或 claims: 列表）")])
        }
        return sequence.map { node in
            let line = node.location?.line ?? 0
            guard case .mapping(let mapping) = node else {
                return (line, [ClaimRowReader.Cell(name: "(整行)", value: "", column: 1, line: line)])
            }
            var cells: [ClaimRowReader.Cell] = []
            for (index, (key, value)) in mapping.enumerated() {
                let text: String
                if case .scalar(let scalar) = value, !scalar.isNull { text = scalar.string } else { text = "" }
                cells.append(ClaimRowReader.Cell(name: key.scalar?.string ?? "", value: text.trimmingSpaces(), column: index + 1, line: value.location?.line ?? line))
            }
            return (line, cells)
        }
    }
}
