import ArgumentParser
import Foundation
import Scoring

/// `score-cli subsidy CLAIMS --schedule ID`: decides a batch of claims under one schedule.
struct SubsidyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subsidy",
        abstract: "按扶持政策逐条审核申请：是否符合、金额、受哪条上限约束，并按申请单位汇总 / Decide subsidy claims.",
        discussion: """
            申请按日期（同日按申请编号）处理，年度累计上限、个数上限、就高不重复和专项资金总额据此计算；
            --ledger 给出的既往给予记录先计入。有问题的行逐条报告（行、列），其余行照常处理，退出码 65。
            按日期排序的 CSV 边读边算，内存不随行数增长；未排序的文件整体读入后排序。
            结果先写入临时文件，完成后才替换输出文件，中途失败不会留下半份结果。
            Claims are decided in date order; a bad row is reported with its row and column and the rest are processed.
            A CSV file in date order streams in flat memory; output appears whole or not at all.
            示例 / examples:
              score-cli subsidy examples/subsidies/trade-consumption-2022.csv --schedule trade-consumption-2022
              score-cli subsidy 本年申请.csv --schedule trade-consumption-2022 --ledger 上次结果.csv -f csv -o 结果.csv
            """)

    @Argument(help: "申请文件（CSV、YAML 或 JSON）/ claims file")
    var claims: String

    @Option(name: .shortAndLong, help: "扶持政策 id 或文件路径 / schedule id or path")
    var schedule: String

    @Option(name: .shortAndLong, help: "既往给予记录（CSV：claim_id,applicant,date,measure,amount[,matter]）/ prior awards")
    var ledger: String?

    @Option(name: .shortAndLong, help: "输出格式 / output format: text, json, csv, markdown, html, xlsx")
    var format: ResultFormat = .text

    @Option(name: .shortAndLong, help: "写入文件（默认标准输出）/ write to this file instead of standard output")
    var output: String?

    @Option(help: "并行线程数（默认为处理器数；结果与线程数无关）/ threads (default: processors; results do not depend on it)")
    var workers: Int?

    @Option(help: .hidden)
    var blockSize: Int = 256 << 10

    func validate() throws {
        if let workers, !(1...256).contains(workers) { throw ValidationError("--workers 应在 1 到 256 之间 / must be 1...256") }
        if blockSize < 1 { throw ValidationError("--block-size 应为正数 / must be positive") }
    }

    func run() throws {
        var result = CommandResult()
        let report: SubsidyReport?
        do throws(CLIFailure) {
            try refuseToOverwriteInputs()
            try format.refuseTerminal(output)
            let out = try OutputFile(destination: output)
            report = stream(into: out.write(bytes:), restart: out.restart, result: &result)
            // Bad rows still give a report of the others; a file that cannot be read gives none.
            if report != nil { try out.commit() } else { out.discard() }
        } catch {
            result.errors += error.lines
            result.status = max(result.status, error.exitCode)
        }
        try CommandResult(errors: result.errors, status: result.status).deliver()
    }

    /// For tests: the same run, with the output kept in memory.
    func execute() -> CommandResult {
        var result = CommandResult()
        var bytes: [UInt8] = []
        _ = stream(into: { bytes += $0 }, restart: { bytes = [] }, result: &result)
        result.output = String(decoding: bytes, as: UTF8.self)
        return result
    }

    private func refuseToOverwriteInputs() throws(CLIFailure) {
        guard let output, output != "-" else { return }
        let target = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
        for input in [claims, ledger].compactMap({ $0 }) where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == target {
            throw CLIFailure(lines: ["\(output): 输出文件就是输入文件，拒绝覆盖 / refusing to overwrite an input file"], exitCode: 64)
        }
    }

    /// The calculator for the schedule, with the prior awards recorded.
    private func calculator() throws(CLIFailure) -> SubsidyCalculator {
        let rules = try RubricLibrary.schedule(schedule)
        var calculator = SubsidyCalculator(schedule: rules)
        if let ledger {
            let bytes = try FileAccess.read(ledger)
            do {
                for award in try PriorAwards.read(bytes: bytes, file: ledger, schedule: rules) { calculator.record(award) }
            } catch {
                throw .malformed(error)
            }
        }
        return calculator
    }

    /// Decides the claims, writing the output through `write` as it is produced.
    ///
    /// A CSV file streams block by block. When a claim turns out to be out of date order, the output
    /// so far is dropped (`restart`) and the file is decided whole, sorted: the same result, with
    /// memory that grows with the file.
    func stream(into write: ([UInt8]) throws(CLIFailure) -> Void, restart: () throws(CLIFailure) -> Void, result: inout CommandResult) -> SubsidyReport? {
        do throws(CLIFailure) {
            let calculator = try calculator()
            let format = SubsidyFormat(rawValue: format.rawValue) ?? .text
            var report: SubsidyReport
            if self.format.isDocument {
                // A document begins with the totals, so it is laid out from the whole batch.
                report = try decideWhole(calculator)
                try write(try document(report))
            } else if claims.hasSuffix(".csv") || !(claims.hasSuffix(".yaml") || claims.hasSuffix(".yml") || claims.hasSuffix(".json")) {
                if let streamed = try streamCSV(calculator, format, write) {
                    report = streamed
                } else {
                    try restart()
                    report = try decideWhole(calculator)
                    try write(Array(report.rendered(format).utf8))
                }
            } else {
                report = try decideWhole(calculator)
                try write(Array(report.rendered(format).utf8))
            }
            result.errors += report.problems.map(\.description)
            if !report.problems.isEmpty { result.status = max(result.status, ExitStatus.malformed) }
            if report.claimsWithErrors > 0 { result.status = max(result.status, ExitStatus.findings) }
            report.results = []
            return report
        } catch {
            result.errors += error.lines
            result.status = max(result.status, error.exitCode)
            return nil
        }
    }

    /// Streams a CSV file; `nil` when it is not in date order.
    private func streamCSV(_ calculator: SubsidyCalculator, _ format: SubsidyFormat, _ write: ([UInt8]) throws(CLIFailure) -> Void) throws(CLIFailure) -> SubsidyReport? {
        guard let input = FileHandle(forReadingAtPath: claims), !isDirectory(claims) else { throw .missingFile(claims) }
        defer { try? input.close() }
        let blocks = FileBlocks(input)
        let size = (try? FileManager.default.attributesOfItem(atPath: claims)[.size] as? Int) ?? 0
        var progress = Progress(total: size)
        var stream = SubsidyStream(calculator: calculator, file: claims, format: format, workers: workers ?? ProcessInfo.processInfo.activeProcessorCount)
        try write(Array(stream.begin().utf8))
        var done = false
        while !done {
            let block: [UInt8]
            do {
                block = try blocks.next(upTo: blockSize)
            } catch {
                throw CLIFailure(lines: ["\(claims): 读取失败 / read failed: \(error.reason)"], exitCode: ExitStatus.missingFile)
            }
            done = block.isEmpty
            do {
                // Each piece is written as it is: joining them first would copy the output once more.
                for piece in try stream.feedInPieces(block, isLast: done) { try write(piece) }
            } catch let stop as SubsidyStream.Stop {
                progress.clear()
                switch stop {
                case .unreadable(let problems): throw .malformed(problems)
                case .outOfOrder: return nil
                }
            } catch let failure as CLIFailure {
                throw failure
            } catch {
                throw CLIFailure(lines: ["\(error)"], exitCode: ExitStatus.malformed)
            }
            progress.advance(by: block.count)
        }
        progress.clear()
        let (end, report) = stream.finish()
        try write(Array(end.utf8))
        return report
    }

    private func decideWhole(_ calculator: SubsidyCalculator) throws(CLIFailure) -> SubsidyReport {
        var calculator = calculator
        let bytes = try FileAccess.read(claims)
        do {
            return calculator.run(try ClaimBatch.read(bytes: bytes, file: claims, schedule: calculator.schedule), file: claims)
        } catch {
            throw .malformed(error)
        }
    }

    /// The whole report as an HTML page or an .xlsx workbook.
    private func document(_ report: SubsidyReport) throws(CLIFailure) -> [UInt8] {
        guard format == .xlsx else { return Array(report.renderHTML().utf8) }
        return try workbookBytes { () throws(XLSXLimitExceeded) in try report.workbook() }
    }

    private func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }

    /// Reads, decides and returns the whole report with every result (for `audit`).
    func decide(into result: inout CommandResult) -> SubsidyReport? {
        do throws(CLIFailure) {
            let report = try decideWhole(try calculator())
            result.errors += report.problems.map(\.description)
            if !report.problems.isEmpty { result.status = max(result.status, ExitStatus.malformed) }
            return report
        } catch {
            result.errors += error.lines
            result.status = max(result.status, error.exitCode)
            return nil
        }
    }
}

/// `已读 35% …` on standard error while a large file is decided, only when standard error is a
/// terminal: in scripts and CI it stays silent.
struct Progress {
    private let total: Int
    private var read = 0
    private var lastShown = DispatchTime.now()
    private var shown = false
    private let enabled = isatty(STDERR_FILENO) != 0

    init(total: Int) {
        self.total = total
    }

    mutating func advance(by count: Int) {
        read += count
        guard enabled, total > 0, DispatchTime.now().uptimeNanoseconds - lastShown.uptimeNanoseconds > 250_000_000 else { return }
        lastShown = DispatchTime.now()
        shown = true
        try? FileHandle.standardError.write(contentsOf: Data("\r已读 \(read * 100 / total)%（\(read >> 20) / \(total >> 20) MB）".utf8))
    }

    mutating func clear() {
        guard shown else { return }
        shown = false
        try? FileHandle.standardError.write(contentsOf: Data("\r\u{1B}[K".utf8))
    }
}
