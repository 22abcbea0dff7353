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
        tally = SubsidyTally(schedule: schedule, file: file, keepsResults: false, keepsApplicants: format != .csv)
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
        let pieces = try feedInPieces(Array(block), isLast: isLast)
        var out: [UInt8] = []
        out.reserveCapacity(pieces.reduce(0) { $0 + $1.count })
        for piece in pieces { out += piece }
        return out
    }

    /// ``feed(_:isLast:)``, with the output in pieces to be written one after another: each piece
    /// was rendered on its own thread, and joining them would copy every byte of the output once more.
    public mutating func feedInPieces(_ block: [UInt8], isLast: Bool) throws(Stop) -> [[UInt8]] {
        assessor.start(block, isLast: isLast)
        var pieces: [[UInt8]] = []
        do {
            while assessor.waiting > (isLast ? 0 : Self.blocksAhead) {
                var parts = try assessor.takeOldest()
                try decide(&parts, into: &pieces)
            }
        } catch {
            assessor.drain()
            throw error
        }
        return pieces
    }

    /// Settles a block's claims in file order and renders them, a piece for each part.
    private mutating func decide(_ parts: inout BlockAssessor.Parts, into pieces: inout [[UInt8]]) throws(Stop) {
        // The rules across claims, one claim at a time in file order; each part's results stay where
        // they are and are rendered from there.
        var firstIndex: [Int] = []
        firstIndex.reserveCapacity(parts.count)
        var decided = 0
        for part in parts.indices {
            firstIndex.append(writer.written + decided)
            decided += try settle(&parts[part])
        }
        render(&parts, firstIndex: firstIndex, count: decided, into: &pieces)
    }

    /// Applies the rules across claims to the rows of one part, in file order; how many claims were decided.
    private mutating func settle(_ part: inout AssessedPart) throws(Stop) -> Int {
        tally.noteRows(read: part.rows, rejected: 0, problems: [])
        var next = 0
        for other in part.others.indices {
            while next < part.others[other].position {
                if try !settle(&part.assessed[next]) { part.rejected.append(next) }
                next += 1
            }
            if let claim = part.others[other].claim {
                if let repeated = try checkOrder(claim) {
                    tally.reject(repeated)
                    continue
                }
                part.others[other].problems.forEach { tally.reject($0) }
            } else {
                tally.noteRows(read: 0, rejected: 1, problems: part.others[other].problems)
            }
        }
        while next < part.assessed.count {
            if try !settle(&part.assessed[next]) { part.rejected.append(next) }
            next += 1
        }
        return part.assessed.count - part.rejected.count
    }

    /// Applies the rules across claims to one assessed claim, where it lies; whether it was decided
    /// (not when its claim id repeats the one before).
    ///
    /// The claim is passed `inout`, so nothing else can touch it during the call and its fields are
    /// lent to the calls below as they are; read from the part's array, each would be copied first.
    private mutating func settle(_ assessed: inout SubsidyCalculator.Assessed) throws(Stop) -> Bool {
        if let repeated = try checkOrder(assessed.result.claim) {
            tally.reject(repeated)
            return false
        }
        calculator.settle(&assessed)
        tally.add(assessed.result, applicant: assessed.applicant, measure: assessed.measure)
        return true
    }

    /// Appends the output of the `count` decided claims, a piece for each part, each part's starting
    /// at the batch index `firstIndex[part]`.
    ///
    /// Each part is taken out of `parts` by the thread that renders it, and freed there too: freeing a
    /// block's results one by one on this thread cost as much as settling them.
    private mutating func render(_ parts: inout BlockAssessor.Parts, firstIndex: [Int], count: Int, into pieces: inout [[UInt8]]) {
        if writer.format == .text {
            var out: [UInt8] = []
            for index in parts.indices {
                var results: [ClaimResult] = []
                Self.forEachDecided(in: &parts[index]) { results.append($0.result) }
                writer.add(results, to: &out)
            }
            pieces.append(out)
            return
        }
        let writer = self.writer
        let rendered = parts.withUnsafeMutableBufferPointer { buffer in
            let slots = PartSlots(buffer: buffer)
            return inParallel(buffer.count) { index in
                var part = slots.take(index)
                var out: [UInt8] = []
                out.reserveCapacity(part.assessed.count * 512)
                var batchIndex = firstIndex[index]
                Self.forEachDecided(in: &part) { assessed in
                    writer.append(assessed.result, index: batchIndex, to: &out)
                    batchIndex += 1
                }
                return out
            }
        }
        self.writer.advance(by: count)
        pieces += rendered
    }

    /// Calls `body` with each claim of `part` that was decided, in order (skipping those settling
    /// rejected). Each is lent `inout`, which lets `body` lend its fields on without copying them.
    private static func forEachDecided(in part: inout AssessedPart, _ body: (inout SubsidyCalculator.Assessed) -> Void) {
        var rejected = part.rejected.makeIterator()
        var nextRejected = rejected.next()
        for row in part.assessed.indices {
            if row == nextRejected {
                nextRejected = rejected.next()
                continue
            }
            body(&part.assessed[row])
        }
    }

    /// Stops the stream when `claim` comes before the claim decided last; the problem when it
    /// repeats that claim's id.
    private mutating func checkOrder(_ claim: Claim) throws(Stop) -> FileProblem? {
        if order.isOutOfOrder(claim) { throw .outOfOrder(line: claim.line) }
        return order.repeatedID(claim)
    }

    /// The output after the last claim, and the report of the run (without the per-claim results,
    /// which were written as they came, and for CSV, which prints no summary, without the summary
    /// per applicant).
    public mutating func finish() -> (output: String, report: SubsidyReport) {
        precondition(assessor.waiting == 0, "SubsidyStream: the last block must be fed with isLast: true")
        let report = tally.report(poolUsed: calculator.poolUsed)
        return (writer.end(report), report)
    }
}

/// The parts of a block, each taken by exactly one rendering thread (so no two threads touch the
/// same element).
private struct PartSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<AssessedPart>

    /// Part `index`, leaving an empty part in its place.
    func take(_ index: Int) -> AssessedPart {
        precondition(buffer.indices.contains(index))
        return (buffer.baseAddress! + index).exchange(with: AssessedPart())
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
