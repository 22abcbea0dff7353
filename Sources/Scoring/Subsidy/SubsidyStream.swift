/// Decides a claims file that arrives in blocks and writes each block's results as soon as they
/// are decided, so a batch of any size runs in the memory of one block and the per-applicant totals.
///
/// The file must be in decision order (by date, then claim id), as exports by date and the claim
/// generator are: a claim out of order stops the stream with ``Stop/outOfOrder(line:)``, and the
/// caller decides the file whole instead (``ClaimBatch`` and ``SubsidyCalculator/run(_:file:)``),
/// which sorts it. Both print the same bytes for the same claims.
///
/// Within a block, reading and assessing claims, and rendering results, are split over `workers`
/// threads; the rules across claims are applied one claim at a time, in order. The output does not
/// depend on the block size or the number of workers.
public struct SubsidyStream: Sendable {
    /// Why a stream stopped before the end of its file.
    public enum Stop: Error, Sendable {
        /// The file as a whole cannot be read (a bad header, a NUL byte, a quote never closed).
        case unreadable(FileProblems)
        /// The claim on this line comes before the one decided last: the file is not in date order.
        case outOfOrder(line: Int)
    }

    private var reader: ClaimStreamReader
    private var calculator: SubsidyCalculator
    private var tally: SubsidyTally
    private var order: DecisionOrder
    private var writer: SubsidyWriter
    private let file: String
    private let workers: Int

    /// - Parameters:
    ///   - calculator: the schedule's calculator, with any prior awards already recorded.
    ///   - workers: threads for the parts of each block that do not depend on other claims.
    public init(calculator: SubsidyCalculator, file: String, format: SubsidyFormat, workers: Int = 1) {
        let schedule = calculator.schedule
        self.calculator = calculator
        self.file = file
        self.workers = max(workers, 1)
        reader = ClaimStreamReader(schedule: schedule, file: file)
        tally = SubsidyTally(schedule: schedule, file: file, keepsResults: false)
        order = DecisionOrder(file: file)
        writer = SubsidyWriter(format: format, schedule: RubricIdentity(schedule), file: file)
    }

    /// The output before the first claim.
    public func begin() -> String { writer.begin() }

    /// One row read from the file: its claim decided as far as the claim alone allows, or why not.
    private struct Item: Sendable {
        var assessed: SubsidyCalculator.Assessed?
        /// The claim, when it could not be assessed (a fact it needs is blank).
        var unassessed: Claim?
        var problems: [FileProblem]
    }

    /// Decides the claims in the next block of the file and returns their output.
    public mutating func feed(_ block: some Collection<UInt8>, isLast: Bool) throws(Stop) -> [UInt8] {
        let rows: ClaimRows
        do {
            rows = try reader.scan(block, isLast: isLast)
        } catch {
            throw .unreadable(error)
        }
        if isLast && !reader.sawHeader {
            throw .unreadable(FileProblems([FileProblem(file: file, location: nil, field: "", message: "文件为空：应有表头行和至少一行申请")]))
        }
        guard rows.count > 0 else { return [] }
        let (reader, calculator, file, workers) = (self.reader, self.calculator, self.file, self.workers)
        var parts = inParallel(workers) { part in
            reader.claims(in: rows, range: split(rows.range, into: workers)[part]).map { outcome -> Item in
                switch outcome {
                case .claim(let claim):
                    do throws(FileProblem) {
                        return Item(assessed: try calculator.assess(claim, file: file), problems: [])
                    } catch {
                        return Item(unassessed: claim, problems: [error])
                    }
                case .rejected(_, let problems): return Item(problems: problems)
                }
            }
        }
        // The rules across claims, one claim at a time in file order; each part's results stay where
        // they are and are rendered from there.
        var firstIndex: [Int] = []
        var decided = 0
        for part in parts.indices {
            firstIndex.append(writer.written + decided)
            for index in parts[part].indices where try settle(&parts[part][index]) {
                decided += 1
            }
        }
        return render(parts, firstIndex: firstIndex, count: decided)
    }

    /// Applies the rules across claims to one row, in file order; whether it was decided.
    private mutating func settle(_ item: inout Item) throws(Stop) -> Bool {
        guard item.assessed != nil || item.unassessed != nil else {
            tally.noteRows(read: 1, rejected: 1, problems: item.problems)
            return false
        }
        tally.noteRows(read: 1, rejected: 0, problems: [])
        let claim = item.assessed.map(\.result.claim) ?? item.unassessed!
        if order.isOutOfOrder(claim) { throw .outOfOrder(line: claim.line) }
        if let repeated = order.repeatedID(claim) {
            tally.reject(repeated)
            item.assessed = nil
            return false
        }
        guard item.assessed != nil else {
            item.problems.forEach { tally.reject($0) }
            return false
        }
        calculator.settle(&item.assessed!)
        tally.add(item.assessed!.result, applicant: item.assessed!.applicant)
        return true
    }

    /// The output of the `count` decided claims, each part's starting at the batch index `firstIndex[part]`.
    private mutating func render(_ parts: [[Item]], firstIndex: [Int], count: Int) -> [UInt8] {
        if writer.format == .text {
            var out: [UInt8] = []
            for part in parts { writer.add(part.compactMap { $0.assessed?.result }, to: &out) }
            return out
        }
        let writer = self.writer
        let pieces = inParallel(parts.count) { part in
            var out: [UInt8] = []
            out.reserveCapacity(parts[part].count * 512)
            var index = firstIndex[part]
            for item in parts[part] {
                guard let assessed = item.assessed else { continue }
                writer.append(assessed.result, index: index, to: &out)
                index += 1
            }
            return out
        }
        self.writer.advance(by: count)
        var out: [UInt8] = []
        out.reserveCapacity(pieces.reduce(0) { $0 + $1.count })
        for piece in pieces { out += piece }
        return out
    }

    /// The output after the last claim, and the report of the run (without the per-claim results,
    /// which were written as they came).
    public mutating func finish() -> (output: String, report: SubsidyReport) {
        let report = tally.report(poolUsed: calculator.poolUsed)
        return (writer.end(report), report)
    }
}

extension RubricIdentity {
    init(_ schedule: Schedule) {
        self.init(
            id: schedule.header.id, version: schedule.header.version, title: schedule.header.title,
            document: schedule.header.document, sha256: schedule.header.sha256)
    }
}
