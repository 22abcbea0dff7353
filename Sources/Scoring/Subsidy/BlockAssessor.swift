import Dispatch

/// One row of a claims file, decided as far as the claim alone allows, or why not.
struct AssessedRow: Sendable {
    var assessed: SubsidyCalculator.Assessed?
    /// The claim, when it could not be assessed (a fact it needs is blank).
    var unassessed: Claim?
    var problems: [FileProblem]
}

/// Reads and assesses the blocks of a claims file one after another on a background thread, so the
/// next block is read while the one before it is settled and rendered.
///
/// Blocks are taken strictly in turn (``start(_:isLast:)`` waits for nothing, ``wait()`` must come
/// before the next ``start(_:isLast:)``), so the reader's state across blocks is touched by one
/// block at a time and the results do not depend on the timing.
final class BlockAssessor: @unchecked Sendable {
    /// The rows of one block, split into parts that were read on different threads, in file order.
    typealias Parts = [[AssessedRow]]

    private var reader: ClaimStreamReader
    /// Numbers applicants in file order, as settling would, so settling does not look names up.
    private var applicants: ApplicantNumbers
    private let calculator: SubsidyCalculator
    private let file: String
    private let workers: Int
    private let done = DispatchGroup()
    /// Written by the background thread before it leaves `done`, read after `done.wait()`.
    private var outcome: Result<Parts, SubsidyStream.Stop>?

    init(calculator: SubsidyCalculator, file: String, workers: Int) {
        self.calculator = calculator
        self.file = file
        self.workers = workers
        reader = ClaimStreamReader(schedule: calculator.schedule, file: file)
        applicants = calculator.applicantNumbers
    }

    /// Starts reading and assessing `block` in the background.
    func start(_ block: [UInt8], isLast: Bool) {
        precondition(outcome == nil, "BlockAssessor: wait() for a block before starting the next")
        done.enter()
        DispatchQueue.global().async {
            self.outcome = self.assess(block, isLast: isLast)
            self.done.leave()
        }
    }

    /// The rows of the block started last, once read and assessed.
    func wait() throws(SubsidyStream.Stop) -> Parts {
        done.wait()
        defer { outcome = nil }
        return try outcome!.get()
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
        let (reader, calculator, file, workers) = (self.reader, self.calculator, self.file, self.workers)
        var parts = inParallel(workers) { part in
                reader.claims(in: rows, range: split(rows.range, into: workers)[part]).map { outcome -> AssessedRow in
                    switch outcome {
                    case .claim(let claim):
                        do throws(FileProblem) {
                            return AssessedRow(assessed: try calculator.assess(claim, file: file), problems: [])
                        } catch {
                            return AssessedRow(unassessed: claim, problems: [error])
                        }
                    case .rejected(_, let problems): return AssessedRow(problems: problems)
                    }
                }
            }
        for part in parts.indices {
            for row in parts[part].indices where parts[part][row].assessed != nil {
                parts[part][row].assessed!.applicant = applicants.number(of: parts[part][row].assessed!.result.claim.applicant)
            }
        }
        return .success(parts)
    }
}
