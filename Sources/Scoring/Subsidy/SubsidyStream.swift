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

    /// One claim read from the file: decided as far as the claim alone allows, or its problems.
    private enum Item: Sendable {
        case claim(Claim, Result<SubsidyCalculator.Assessed, FileProblem>)
        case rejected(line: Int, problems: [FileProblem])
    }

    /// Decides the claims in the next block of the file and returns their output.
    public mutating func feed(_ block: some Collection<UInt8>, isLast: Bool) throws(Stop) -> String {
        let rows: ClaimRows
        do {
            rows = try reader.scan(block, isLast: isLast)
        } catch {
            throw .unreadable(error)
        }
        if isLast && !reader.sawHeader {
            throw .unreadable(FileProblems([FileProblem(file: file, location: nil, field: "", message: "文件为空：应有表头行和至少一行申请")]))
        }
        guard rows.count > 0 else { return "" }
        let (reader, calculator, file, workers) = (self.reader, self.calculator, self.file, self.workers)
        let parts = inParallel(workers) { part in
            reader.claims(in: rows, range: split(rows.range, into: workers)[part]).map { outcome -> Item in
                switch outcome {
                case .claim(let claim):
                    do throws(FileProblem) {
                        return .claim(claim, .success(try calculator.assess(claim, file: file)))
                    } catch {
                        return .claim(claim, .failure(error))
                    }
                case .rejected(let line, let problems): return .rejected(line: line, problems: problems)
                }
            }
        }
        var decided: [ClaimResult] = []
        decided.reserveCapacity(rows.count)
        for item in parts.joined() {
            switch item {
            case .rejected(_, let problems):
                tally.noteRows(read: 1, rejected: 1, problems: problems)
            case .claim(let claim, let assessment):
                tally.noteRows(read: 1, rejected: 0, problems: [])
                if order.isOutOfOrder(claim) { throw .outOfOrder(line: claim.line) }
                if let repeated = order.repeatedID(claim) {
                    tally.reject(repeated)
                    continue
                }
                switch assessment {
                case .failure(let problem): tally.reject(problem)
                case .success(var assessed):
                    self.calculator.settle(&assessed)
                    tally.add(assessed.result)
                    decided.append(assessed.result)
                }
            }
        }
        return render(decided)
    }

    private mutating func render(_ results: [ClaimResult]) -> String {
        guard writer.format != .text, workers > 1, results.count >= 2 * workers else { return writer.add(results) }
        let (writer, first, workers) = (self.writer, self.writer.written, self.workers)
        let pieces = split(results.indices, into: workers)
        let texts = inParallel(workers) { part in
            var out = ""
            for index in pieces[part] { out += writer.row(results[index], index: first + index) }
            return out
        }
        self.writer.advance(by: results.count)
        return texts.joined()
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
