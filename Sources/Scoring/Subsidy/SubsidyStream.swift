/// Decides a claims file that arrives in blocks and writes each block's results as soon as they
/// are decided, so a batch of any size runs in the memory of two blocks and the per-applicant totals.
///
/// The file must be in decision order (by date, then claim id), as exports by date and the claim
/// generator are: a claim out of order stops the stream with ``Stop/outOfOrder(line:)``, and the
/// caller decides the file whole instead (``ClaimBatch`` and ``SubsidyCalculator/run(_:file:)``),
/// which sorts it. Both print the same bytes for the same claims.
///
/// Reading and assessing runs in the background, up to two blocks ahead of the block being
/// settled and rendered, so a core never waits for the other while there is work; within a block,
/// both are split over `workers` threads. The rules across claims are
/// applied one claim at a time, in order. The output does not depend on the block size or the
/// number of workers.
public struct SubsidyStream: Sendable {
    /// Why a stream stopped before the end of its file.
    public enum Stop: Error, Sendable {
        /// The file as a whole cannot be read (a bad header, a NUL byte, a quote never closed).
        case unreadable(FileProblems)
        /// The claim on this line comes before the one decided last: the file is not in date order.
        case outOfOrder(line: Int)
    }

    private let assessor: BlockAssessor
    /// How many blocks may be read and assessed ahead of the one being settled.
    private static let blocksAhead = 2
    private var calculator: SubsidyCalculator
    private var tally: SubsidyTally
    private var order: DecisionOrder
    private var writer: SubsidyWriter

    /// - Parameters:
    ///   - calculator: the schedule's calculator, with any prior awards already recorded.
    ///   - workers: threads for the parts of each block that do not depend on other claims.
    public init(calculator: SubsidyCalculator, file: String, format: SubsidyFormat, workers: Int = 1) {
        let schedule = calculator.schedule
        self.calculator = calculator
        assessor = BlockAssessor(calculator: calculator, file: file, workers: max(workers, 1))
        tally = SubsidyTally(schedule: schedule, file: file, keepsResults: false)
        order = DecisionOrder(file: file)
        writer = SubsidyWriter(format: format, schedule: RubricIdentity(schedule), file: file)
    }

    /// The output before the first claim.
    public func begin() -> String { writer.begin() }

    /// Takes the next block of the file and returns the output decided so far: every block at least
    /// two before this one, and at the last block, every block left.
    ///
    /// The block given is read and assessed in the background and is still being worked on when this
    /// returns, so it goes on while the caller writes this output and reads the next block.
    public mutating func feed(_ block: some Collection<UInt8>, isLast: Bool) throws(Stop) -> [UInt8] {
        assessor.start(Array(block), isLast: isLast)
        var out: [UInt8] = []
        do {
            while assessor.waiting > (isLast ? 0 : Self.blocksAhead) {
                var parts = try assessor.takeOldest()
                out += try decide(&parts)
            }
        } catch {
            assessor.drain()
            throw error
        }
        return out
    }

    /// Settles a block's claims in file order and renders them.
    private mutating func decide(_ parts: inout BlockAssessor.Parts) throws(Stop) -> [UInt8] {
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
        return render(&parts, firstIndex: firstIndex, count: decided)
    }

    /// Applies the rules across claims to one row, in file order; whether it was decided.
    private mutating func settle(_ item: inout AssessedRow) throws(Stop) -> Bool {
        guard item.assessed != nil || item.unassessed != nil else {
            tally.noteRows(read: 1, rejected: 1, problems: item.problems)
            return false
        }
        tally.noteRows(read: 1, rejected: 0, problems: [])
        // Taken out of the row and put back, so the result is never copied.
        guard var assessed = item.assessed.take() else {
            if let repeated = try checkOrder(item.unassessed!) {
                tally.reject(repeated)
            } else {
                item.problems.forEach { tally.reject($0) }
            }
            return false
        }
        if let repeated = try checkOrder(assessed.result.claim) {
            tally.reject(repeated)
            return false
        }
        calculator.settle(&assessed)
        tally.add(assessed.result, applicant: assessed.applicant, measure: assessed.measure)
        item.assessed = consume assessed
        return true
    }

    /// The output of the `count` decided claims, each part's starting at the batch index `firstIndex[part]`.
    ///
    /// Each part is taken out of `parts` by the thread that renders it, and freed there too: freeing a
    /// block's results one by one on this thread cost as much as settling them.
    private mutating func render(_ parts: inout BlockAssessor.Parts, firstIndex: [Int], count: Int) -> [UInt8] {
        if writer.format == .text {
            var out: [UInt8] = []
            for part in parts { writer.add(part.compactMap { $0.assessed?.result }, to: &out) }
            return out
        }
        let writer = self.writer
        let pieces = parts.withUnsafeMutableBufferPointer { buffer in
            let slots = PartSlots(buffer: buffer)
            return inParallel(buffer.count) { part in
                var rows = slots.take(part)
                var out: [UInt8] = []
                out.reserveCapacity(rows.count * 512)
                var index = firstIndex[part]
                for row in rows.indices {
                    // Moved out of its row, not copied: a copy would retain each of the result's texts
                    // again, and texts made on the other core make that slow.
                    guard let assessed = rows[row].assessed.take() else { continue }
                    writer.append(assessed.result, index: index, to: &out)
                    index += 1
                }
                return out
            }
        }
        self.writer.advance(by: count)
        var out: [UInt8] = []
        out.reserveCapacity(pieces.reduce(0) { $0 + $1.count })
        for piece in pieces { out += piece }
        return out
    }

    /// Stops the stream when `claim` comes before the claim decided last; the problem when it
    /// repeats that claim's id.
    private mutating func checkOrder(_ claim: Claim) throws(Stop) -> FileProblem? {
        if order.isOutOfOrder(claim) { throw .outOfOrder(line: claim.line) }
        return order.repeatedID(claim)
    }

    /// The output after the last claim, and the report of the run (without the per-claim results,
    /// which were written as they came).
    public mutating func finish() -> (output: String, report: SubsidyReport) {
        precondition(assessor.waiting == 0, "SubsidyStream: the last block must be fed with isLast: true")
        let report = tally.report(poolUsed: calculator.poolUsed)
        return (writer.end(report), report)
    }
}

/// The parts of a block, each taken by exactly one rendering thread (so no two threads touch the
/// same element).
private struct PartSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<[AssessedRow]>

    /// Part `index`, leaving an empty part in its place.
    func take(_ index: Int) -> [AssessedRow] {
        precondition(buffer.indices.contains(index))
        return (buffer.baseAddress! + index).exchange(with: [])
    }
}

extension UnsafeMutablePointer {
    /// The value here, replaced by `value`.
    fileprivate func exchange(with value: Pointee) -> Pointee {
        let old = move()
        initialize(to: value)
        return old
    }
}

extension RubricIdentity {
    init(_ schedule: Schedule) {
        self.init(
            id: schedule.header.id, version: schedule.header.version, title: schedule.header.title,
            document: schedule.header.document, sha256: schedule.header.sha256)
    }
}
