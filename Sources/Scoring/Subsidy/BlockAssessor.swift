import Dispatch

/// Reads and assesses the blocks of a claims file one after another on a background queue, so the
/// next blocks are read while the ones before them are settled and rendered.
///
/// Blocks are read strictly in turn on one serial queue, so the reader's state across blocks is
/// touched by one block at a time and the results do not depend on the timing. Several blocks may be
/// started before the oldest is taken: while the caller settles one block on its own thread, the
/// queue is already working on the next ones, so neither core waits for the other.
final class BlockAssessor: @unchecked Sendable {
    /// The rows of one block, split into parts that were read on different threads, in file order.
    typealias Parts = [AssessedPart]

    private var reader: ClaimStreamReader
    /// Numbers applicants in file order, as settling would, so settling does not look names up.
    private var applicants: ApplicantNumbers
    private let calculator: SubsidyCalculator
    private let file: String
    private let workers: Int
    /// Parts of a block for each thread: with one part each, a thread that finished its part first
    /// waited for the other, and a core stood idle for a quarter of the run.
    private static let partsPerWorker = 4
    /// Reads and assesses one block at a time, in the order they were started.
    private let queue = DispatchQueue(label: "BlockAssessor")
    /// The blocks started and not yet taken, oldest first; touched only by the caller's thread.
    private var started: [Block] = []

    /// One block's outcome, written on the queue before `done` is signalled.
    private final class Block: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        var outcome: Result<Parts, SubsidyStream.Stop>?
    }

    init(calculator: SubsidyCalculator, file: String, workers: Int) {
        self.calculator = calculator
        self.file = file
        self.workers = workers
        reader = ClaimStreamReader(schedule: calculator.schedule, file: file)
        applicants = calculator.applicantNumbers
    }

    /// How many blocks were started and not yet taken.
    var waiting: Int { started.count }

    /// Starts reading and assessing `block` in the background, after the blocks started before it.
    func start(_ block: [UInt8], isLast: Bool) {
        let started = Block()
        self.started.append(started)
        queue.async {
            started.outcome = self.assess(block, isLast: isLast)
            started.done.signal()
        }
    }

    /// The rows of the oldest block started and not yet taken, once read and assessed.
    func takeOldest() throws(SubsidyStream.Stop) -> Parts {
        precondition(!started.isEmpty, "BlockAssessor: no block was started")
        let oldest = started.removeFirst()
        oldest.done.wait()
        // Taken out of the block, so the caller holds the only reference and can change the rows in place.
        return try oldest.outcome.take()!.get()
    }

    /// Waits for every block started, dropping their rows: after a stop, nothing may still be running.
    func drain() {
        while !started.isEmpty { _ = try? takeOldest() }
    }

    private func assess(_ block: [UInt8], isLast: Bool) -> Result<Parts, SubsidyStream.Stop> {
        let rows: ClaimRows
        do {
            rows = try reader.scan(block, isLast: isLast)
        } catch {
            return .failure(.unreadable(error))
        }
        if isLast && !reader.sawHeader {
            return .failure(.unreadable(FileProblems([FileProblem(file: file, location: nil, field: "", message: "文件为空：应有表头行和至少一行申请")])))
        }
        guard rows.count > 0 else { return .success([]) }
        var parts = assessParts(rows)
        Self.numberNewApplicants(&parts, with: &applicants)
        return .success(parts.map(\.part))
    }

    /// A part of the block read and assessed, with the applicants it did not find numbered yet.
    private typealias AssessedWithNewApplicants = (part: AssessedPart, new: [(row: Int, hash: UInt64)])

    /// Reads and assesses the rows of a block, a part on each thread, and looks each applicant up
    /// among those numbered before the block.
    ///
    /// Most applicants have claimed before, and looking them up here, on every thread, takes the
    /// table's cache misses off the one thread that numbers the rest in file order. The table is
    /// only read while the threads run, and the threads' copy of it is gone when this returns, so
    /// numbering the new applicants changes it in place.
    private func assessParts(_ rows: ClaimRows) -> [AssessedWithNewApplicants] {
        let (reader, calculator, file, applicants) = (self.reader, self.calculator, self.file, self.applicants)
        let parts = workers == 1 ? 1 : workers * Self.partsPerWorker
        let ranges = split(rows.range, into: parts)
        return inParallel(parts) { index in
            let range = ranges[index]
            var part = AssessedPart()
            part.assessed.reserveCapacity(range.count)
            var hashes: [UInt64] = []
            hashes.reserveCapacity(range.count)
            _ = reader.claims(in: rows, range: range) { outcome in
                switch consume outcome {
                case .claim(let claim):
                    let hash = ApplicantNumbers.hash(of: claim.applicant)
                    do throws(SubsidyCalculator.Unassessed) {
                        // The claim is handed over to its result, not copied.
                        part.assessed.append(try calculator.assess(taking: claim, file: file))
                        hashes.append(hash)
                    } catch {
                        part.others.append(AssessedPart.OtherRow(position: part.assessed.count, claim: error.claim, problems: [error.problem]))
                    }
                case .rejected(_, let problems):
                    part.others.append(AssessedPart.OtherRow(position: part.assessed.count, claim: nil, problems: problems))
                }
            }
            // Looked up in a loop of their own, not between assessing claims: the lookups miss the
            // cache, and only one after another can the processor wait for several misses at once.
            var new: [(row: Int, hash: UInt64)] = []
            part.assessed.withUnsafeMutableBufferPointer { assessed in
                for row in assessed.indices {
                    if let number = applicants.knownNumber(of: assessed[row].result.claim.applicant, hash: hashes[row]) {
                        assessed[row].applicant = number
                    } else {
                        new.append((row, hashes[row]))
                    }
                }
            }
            return (part: part, new: new)
        }
    }

    /// Numbers the applicants not found before the block, in file order, as settling would: the
    /// first claim of a new applicant gives it its number, and its later claims in the block find it.
    ///
    /// One access to `applicants` for the whole block, not one a claim.
    private static func numberNewApplicants(_ parts: inout [AssessedWithNewApplicants], with applicants: inout ApplicantNumbers) {
        for index in parts.indices {
            let new = parts[index].new
            parts[index].part.assessed.withUnsafeMutableBufferPointer { assessed in
                for (row, hash) in new {
                    assessed[row].applicant = applicants.number(of: assessed[row].result.claim.applicant, hash: hash)
                }
            }
        }
    }
}
