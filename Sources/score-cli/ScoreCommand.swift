import ArgumentParser
import Foundation
import Scoring

/// `score-cli score FILE…`: scores self-assessments, each against the rubric it names.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "计算自评得分：逐项得分、逐条说明及出处、总分、失分和发现 / Score self-assessments.",
        discussion: """
            每个文件按其 rubric 字段找到评分表；多个文件时另附按总分排序的汇总表。
            给出文件夹时，评分其中所有 .yaml、.yml、.json 文件（按文件名顺序）。
            Each file names its rubric; several files also give a summary ranked by total.
            A folder stands for every .yaml, .yml and .json file in it.
            按名额评定等次（如 2021 年度 41 家中优秀 10 家、表扬 10 家，长府办〔2022〕5号）：
            --top 给出第一个等次及名额，--next 依次给出后面的等次；总分相同者名次相同（1、2、2、4），
            并列跨越名额界线时按 --ties 处理（默认 higher：均评较高等次，下一等次名额相应减少），
            汇总表下逐条说明每个边界并列如何处理。
            With --top/--next, units are rated by rank and quota; ties across a quota's end follow --ties.
            示例 / examples:
              score-cli score examples/scorecards/model-unit.yaml
              score-cli score examples/scorecards/*.yaml --format csv -o 汇总.csv
              score-cli score 2022年自评/ --format csv -o 汇总.csv
              score-cli score examples/ranking/ --top 优秀=10 --next 表扬=10
              score-cli score examples/ranking/ --top 优秀=10 --next 表扬=10 --ties undecided -f csv -o 等次.csv
            """)

    @Argument(help: "自评文件（YAML 或 JSON）或文件夹 / self-assessment files, or folders of them")
    var files: [String]

    @Option(name: .shortAndLong, help: "输出格式 / output format: text, json, csv, markdown, html, xlsx")
    var format: ResultFormat = .text

    @Option(name: .shortAndLong, help: "评分表 id 或路径，代替文件中的 rubric 字段 / use this rubric instead of the one each file names")
    var rubric: String?

    @Option(name: .shortAndLong, help: "写入文件（默认标准输出）/ write to this file instead of standard output")
    var output: String?

    @Option(help: "按名额评定等次：第一个等次及名额，如 优秀=10 / rate by quota: the first rating and its places, e.g. 优秀=10")
    var top: String?

    @Option(help: "下一个等次及名额，可重复，如 表扬=10 / the next rating and its places; repeatable")
    var next: [String] = []

    @Option(
        help: "并列跨越名额界线时：higher 均评较高等次（默认），lower 均不评较高等次，undecided 列为待定 / how a tie across a quota's end is settled",
        completion: .list(BoundaryTiePolicy.allCases.map(\.rawValue)))
    var ties: String?

    func validate() throws {
        do {
            _ = try quotas()
        } catch {
            throw ValidationError(error.message)
        }
    }

    /// The quotas given with `--top` and `--next`, or `nil` without `--top`.
    func quotas() throws(RatingQuotaError) -> RatingQuotas? {
        guard let top else {
            if !next.isEmpty { throw RatingQuotaError("--next 须与 --top 一起使用，如 --top 优秀=10 --next 表扬=10 / --next needs --top") }
            if ties != nil { throw RatingQuotaError("--ties 须与 --top 一起使用 / --ties needs --top") }
            return nil
        }
        var policy = BoundaryTiePolicy.higher
        if let ties {
            guard let chosen = BoundaryTiePolicy(rawValue: ties) else {
                throw RatingQuotaError("--ties 应为 higher、lower 或 undecided，实为「\(ties)」/ must be higher, lower or undecided")
            }
            policy = chosen
        }
        var quotas: [RatingQuota] = []
        for (option, text) in [("--top", top)] + next.map({ ("--next", $0) }) {
            do {
                quotas.append(try RatingQuota(parsing: text))
            } catch {
                throw RatingQuotaError("\(option) \(error.message)")
            }
        }
        return try RatingQuotas(quotas, ties: policy)
    }

    func run() throws {
        var result = CommandResult()
        do throws(CLIFailure) {
            try format.refuseTerminal(output)
            let out = try OutputFile(destination: output)
            result = format.isDocument ? executeDocument(into: out.write(bytes:)) : execute(into: out.write)
            if result.status == ExitStatus.success || result.status == ExitStatus.findings || !result.output.isEmpty {
                try out.commit()
            } else {
                out.discard()
            }
        } catch {
            result.errors += error.lines
            result.status = max(result.status, error.exitCode)
        }
        try CommandResult(errors: result.errors, status: result.status).deliver()
    }

    /// For tests: the same run, with the output kept in memory.
    func execute() -> CommandResult {
        var text = ""
        var result = format.isDocument ? executeDocument { text += String(decoding: $0, as: UTF8.self) } : execute { text += $0 }
        result.output = text
        return result
    }

    /// Files scored at a time: their reports are rendered and written before the next are read, so
    /// the text of ten thousand reports is never all in memory at once.
    static let chunkSize = 512

    /// Scores every file, writing the output through `write` as it is produced; a file with
    /// problems is reported and the others are still scored. `output` of the result is non-empty
    /// when anything was written.
    ///
    /// Files are read and scored on all processors at once; results keep the order of the files,
    /// and the rubric each names is read once.
    func execute(into write: (String) throws(CLIFailure) -> Void) -> CommandResult {
        var reports: [ScoreReport] = []
        var result = CommandResult()
        var targetOutputs: [String] = []
        let paths = Self.expand(files)
        let rubrics = RubricCache()
        let streams = paths.count > 1 && (format == .text || format == .markdown)
        // Reports written one by one, and reports of several files to CSV, end up only as rows of
        // the summary: those rows are all that is kept of them.
        let keeping: Keeping = streams ? .summaryRows : format == .csv && paths.count > 1 ? .summaryRowsAfterFirst : .reports
        let separator = format == .text ? "\n" + String(repeating: "─", count: 60) + "\n\n" : "\n---\n\n"
        var wrote = false
        do throws(CLIFailure) {
            for start in stride(from: 0, to: paths.count, by: Self.chunkSize) {
                let chunk = Array(paths[start..<min(start + Self.chunkSize, paths.count)])
                for (outcome, text) in score(chunk, rubrics, rendering: streams, keeping: keeping) {
                    switch outcome {
                    case .success(.report(let report)):
                        if let text {
                            try write(reports.isEmpty ? text : separator + text)
                            wrote = true
                        }
                        reports.append(report)
                    case .success(.targets(let report)): targetOutputs.append(render(report))
                    case .failure(let error):
                        result.errors += error.lines
                        result.status = max(result.status, error.exitCode)
                    }
                }
            }
            var rest = ""
            if !reports.isEmpty { rest = streams ? ending(reports) : render(reports) }
            rest += targetOutputs.joined(separator: "\n")
            if !rest.isEmpty {
                try write(rest)
                wrote = true
            }
        } catch {
            result.errors += error.lines
            result.status = max(result.status, error.exitCode)
            return result
        }
        if wrote { result.output = " " }
        if result.status == ExitStatus.success, reports.contains(where: { $0.findings.contains { $0.severity == .error } }) {
            result.status = ExitStatus.findings
        }
        return result
    }

    /// Scores every file into one document, html or xlsx, written through `write` at the end: the
    /// summary comes first, so it needs every report. A file with problems is reported and left out.
    func executeDocument(into write: ([UInt8]) throws(CLIFailure) -> Void) -> CommandResult {
        var result = CommandResult()
        var reports: [ScoreReport] = []
        var targets: [TargetReport] = []
        for (outcome, _) in score(Self.expand(files), RubricCache(), rendering: false, keeping: .reports) {
            switch outcome {
            case .success(.report(let report)): reports.append(report)
            case .success(.targets(let report)): targets.append(report)
            case .failure(let error):
                result.errors += error.lines
                result.status = max(result.status, error.exitCode)
            }
        }
        guard !reports.isEmpty || !targets.isEmpty else { return result }
        do throws(CLIFailure) {
            let quotas = try? quotas()
            let bytes =
                format == .xlsx
                ? try workbookBytes { () throws(XLSXLimitExceeded) in try ScoreReport.workbook(reports, targets: targets, quotas: quotas) }
                : Array(ScoreReport.renderHTML(reports, targets: targets, quotas: quotas).utf8)
            try write(bytes)
            result.output = " "
        } catch {
            result.errors += error.lines
            result.status = max(result.status, error.exitCode)
            return result
        }
        if result.status == ExitStatus.success, reports.contains(where: { $0.findings.contains { $0.severity == .error } }) {
            result.status = ExitStatus.findings
        }
        return result
    }

    /// What is kept of each report once it is scored (and rendered, when it is written as it comes).
    private enum Keeping {
        /// The whole report: it is rendered at the end.
        case reports
        /// Only its row of the summary (``ScoreReport/summaryRow``).
        case summaryRows
        /// Only its row of the summary, except the first report of each piece of files: should
        /// that be the one file that scores, it is rendered whole after all.
        case summaryRowsAfterFirst
    }

    /// Reads and scores `paths` on all processors, each with its rendered text when `rendering`.
    ///
    /// The files go in pieces of at least 64, a few pieces per processor, so that a processor
    /// that finishes early takes another piece instead of waiting.
    private func score(
        _ paths: [String], _ rubrics: RubricCache, rendering: Bool, keeping: Keeping
    ) -> [(Result<Scored, CLIFailure>, String?)] {
        let pieces = split(paths.indices, into: min(max(paths.count / 64, 1), 4 * ProcessInfo.processInfo.activeProcessorCount))
        let (rubricOverride, format) = (rubric, format)
        return Scoring.inParallel(pieces.count) { part in
            var keptWhole = false
            return pieces[part].map { index -> (Result<Scored, CLIFailure>, String?) in
                let outcome = Result { () throws(CLIFailure) -> Scored in
                    let assessment = try Self.readAssessment(paths[index])
                    switch try rubrics.rubric(rubricOverride ?? assessment.rubric) {
                    case .targets(let checklist):
                        return .targets(try Self.malformedIfThrows { () throws(FileProblems) in try checklist.check(assessment) })
                    case .scorecard(let scorecard):
                        return .report(try Self.malformedIfThrows { () throws(FileProblems) in try scorecard.score(assessment) })
                    case .schedule:
                        throw CLIFailure(lines: ["\(paths[index]): 对应的是扶持政策，请用 score-cli subsidy / use `subsidy` for claims"], exitCode: 64)
                    }
                }
                guard case .success(.report(let report)) = outcome else { return (outcome, nil) }
                let text = rendering ? (format == .text ? report.renderText() : report.renderMarkdown()) : nil
                switch keeping {
                case .reports:
                    return (outcome, text)
                case .summaryRowsAfterFirst where !keptWhole:
                    keptWhole = true
                    return (outcome, text)
                case .summaryRows, .summaryRowsAfterFirst:
                    return (.success(.report(report.summaryRow)), text)
                }
            }
        }.flatMap { $0 }
    }

    private enum Scored: Sendable {
        case report(ScoreReport)
        case targets(TargetReport)
    }

    /// The files named, with each folder replaced by its .yaml, .yml and .json files in name order.
    ///
    /// A file in a folder is named as `URL(fileURLWithPath: folder).appendingPathComponent(name).path`
    /// names it. That takes microseconds a file (50 ms for 10,000), so the folder's part is made
    /// once (from a name of one letter) and each file's name put after it: the same text, tested
    /// for folders written in every way (`ScoreCommandTests`).
    static func expand(_ arguments: [String]) -> [String] {
        arguments.flatMap { argument -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue,
                let names = try? FileManager.default.contentsOfDirectory(atPath: argument)
            else { return [argument] }
            let folder = URL(fileURLWithPath: argument)
            let sample = folder.appendingPathComponent("x").path
            let prefix = sample.hasSuffix("/x") ? String(sample.dropLast()) : nil
            return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }.sorted()
                .map { name in prefix.map { $0 + name } ?? folder.appendingPathComponent(name).path }
        }
    }

    /// Reads and parses one self-assessment.
    static func readAssessment(_ file: String) throws(CLIFailure) -> SelfAssessment {
        let bytes = try FileAccess.read(file)
        return try malformedIfThrows { () throws(FileProblems) in try SelfAssessment.load(bytes: bytes, file: file) }
    }

    /// Reads a self-assessment (or actuals) file and the rubric it names, or `rubric` when given.
    static func load(_ file: String, rubric: String?) throws(CLIFailure) -> (SelfAssessment, Rubric) {
        let assessment = try readAssessment(file)
        return (assessment, try RubricLibrary.rubric(rubric ?? assessment.rubric).rubric)
    }

    /// Scores one file for an audit (claims above 满分 and values outside their range become findings).
    static func scoreForAudit(_ file: String, rubric: String?) throws(CLIFailure) -> ScoreReport {
        let (assessment, loaded) = try load(file, rubric: rubric)
        guard case .scorecard(let scorecard) = loaded else {
            throw CLIFailure(lines: ["\(file): 对应的不是评分表 / not a scorecard self-assessment"], exitCode: 64)
        }
        return try malformedIfThrows { () throws(FileProblems) in try scorecard.scoreForAudit(assessment) }
    }

    /// Runs `body`, reporting its file problems as malformed input (exit 65).
    static func malformedIfThrows<T>(_ body: () throws(FileProblems) -> T) throws(CLIFailure) -> T {
        do {
            return try body()
        } catch {
            throw .malformed(error)
        }
    }

    private func render(_ report: TargetReport) -> String {
        switch format {
        case .text: report.renderText()
        case .json: report.json.serialized()
        case .csv: report.renderCSV()
        case .markdown: report.renderMarkdown()
        // Whole documents are built by executeDocument(into:).
        case .html, .xlsx: ""
        }
    }

    /// What follows the reports written one by one: the summary ranking them.
    private func ending(_ reports: [ScoreReport]) -> String {
        let quotas = try? quotas()
        guard reports.count > 1 || quotas != nil else { return "" }
        let summary = ScoreSummary(reports: reports, quotas: quotas)
        return format == .text ? "\n" + summary.renderText() : "\n" + summary.renderMarkdown()
    }

    private func render(_ reports: [ScoreReport]) -> String {
        // Checked by `validate()`; rated summaries appear even for one file.
        let quotas = try? quotas()
        let summary = ScoreSummary(reports: reports, quotas: quotas)
        let several = reports.count > 1 || quotas != nil
        switch format {
        case .text:
            return reports.map { $0.renderText() }.joined(separator: "\n" + String(repeating: "─", count: 60) + "\n\n")
                + (several ? "\n" + summary.renderText() : "")
        case .markdown:
            return reports.map { $0.renderMarkdown() }.joined(separator: "\n---\n\n") + (several ? "\n" + summary.renderMarkdown() : "")
        case .csv:
            return several ? summary.renderCSV() : reports[0].renderCSV()
        case .json:
            if !several { return reports[0].json.serialized() }
            return JSONValue.object(
                [("reports", .array(reports.map(\.json))), ("summary", summary.json)] + (summary.ratings.map { [("ratings", $0.json)] } ?? [])
            ).serialized()
        // Whole documents are built by executeDocument(into:).
        case .html, .xlsx:
            return ""
        }
    }
}

/// A rubric as `score` uses it: a scorecard comes prepared for scoring many files.
enum ScoringRubric: Sendable {
    case scorecard(PreparedScorecard)
    case targets(TargetChecklist)
    case schedule
}

/// Rubrics read so far, shared by the threads that score files: each rubric is read (and a
/// scorecard prepared) once, by the first file that names it.
final class RubricCache: @unchecked Sendable {
    private let lock = NSLock()
    private var found: [String: Result<ScoringRubric, CLIFailure>] = [:]

    func rubric(_ reference: String) throws(CLIFailure) -> ScoringRubric {
        lock.lock()
        defer { lock.unlock() }
        if let known = found[reference] { return try known.get() }
        let loaded = Result { () throws(CLIFailure) -> ScoringRubric in
            switch try RubricLibrary.rubric(reference).rubric {
            case .scorecard(let scorecard): .scorecard(PreparedScorecard(scorecard))
            case .targets(let checklist): .targets(checklist)
            case .schedule: .schedule
            }
        }
        found[reference] = loaded
        return try loaded.get()
    }
}
