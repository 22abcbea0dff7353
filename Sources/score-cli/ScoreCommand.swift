import ArgumentParser
import Scoring

/// `score-cli score FILE…`: scores self-assessments, each against the rubric it names.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "计算自评得分：逐项得分、逐条说明及出处、总分、失分和发现 / Score self-assessments.",
        discussion: """
            每个文件按其 rubric 字段找到评分表；多个文件时另附按总分排序的汇总表。
            Each file names its rubric; several files also give a summary ranked by total.
            示例 / examples:
              score-cli score examples/scorecards/model-unit.yaml
              score-cli score examples/scorecards/*.yaml --format csv -o 汇总.csv
            """)

    @Argument(help: "自评文件（YAML 或 JSON）/ self-assessment files")
    var files: [String]

    @Option(name: .shortAndLong, help: "输出格式 / output format: text, json, csv, markdown")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: "评分表 id 或路径，代替文件中的 rubric 字段 / use this rubric instead of the one each file names")
    var rubric: String?

    @Option(name: .shortAndLong, help: "写入文件（默认标准输出）/ write to this file instead of standard output")
    var output: String?

    func run() throws { try execute().deliver(to: output) }

    /// Scores every file; a file with problems is reported and the others are still scored.
    func execute() -> CommandResult {
        var reports: [ScoreReport] = []
        var result = CommandResult()
        var targetOutputs: [String] = []
        for file in files {
            do throws(CLIFailure) {
                let (assessment, rubric) = try Self.load(file, rubric: self.rubric)
                switch rubric {
                case .targets(let checklist):
                    targetOutputs.append(render(try Self.malformedIfThrows { () throws(FileProblems) in try checklist.check(assessment) }))
                case .scorecard(let scorecard):
                    reports.append(try Self.malformedIfThrows { () throws(FileProblems) in try scorecard.score(assessment) })
                case .schedule:
                    throw CLIFailure(lines: ["\(file): 对应的是扶持政策，请用 score-cli subsidy / use `subsidy` for claims"], exitCode: 64)
                }
            } catch {
                result.errors += error.lines
                result.status = max(result.status, error.exitCode)
            }
        }
        if !reports.isEmpty { result.output = render(reports) }
        result.output += targetOutputs.joined(separator: "\n")
        if result.status == ExitStatus.success, reports.contains(where: { $0.findings.contains { $0.severity == .error } }) {
            result.status = ExitStatus.findings
        }
        return result
    }

    /// Reads a self-assessment (or actuals) file and the rubric it names, or `rubric` when given.
    static func load(_ file: String, rubric: String?) throws(CLIFailure) -> (SelfAssessment, Rubric) {
        let bytes = try FileAccess.read(file)
        let assessment = try malformedIfThrows { () throws(FileProblems) in try SelfAssessment.load(bytes: bytes, file: file) }
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
        }
    }

    private func render(_ reports: [ScoreReport]) -> String {
        let summary = ScoreSummary(reports: reports)
        let several = reports.count > 1
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
            return JSONValue.object([("reports", .array(reports.map(\.json))), ("summary", summary.json)]).serialized()
        }
    }
}
