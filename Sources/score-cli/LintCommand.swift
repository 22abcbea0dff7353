import ArgumentParser
import Foundation
import Scoring

/// `score-cli lint RUBRIC…`: checks rubric files as an author would want before shipping them.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "检查评分表与扶持政策文件：档次空档与重叠、达不到的档次、上限、分值、引文、有效期衔接 / Check rubric files.",
        discussion: """
            对每个文件做加载时的全部检查，再检查：档次之间的空档（包括只有非整数落入的空档，如 80-99% 与 100% 之间的 99.5%）、
            重叠、永远用不到的档次、低于档次分值的上限、达不到满分的指标、与分值相同的“百分比”、不在原文中的引文，
            以及同一系列（series）前后版本有效期之间的空档。文件中 lint_acknowledged 写明理由的发现不计为问题。
            退出码：0 无问题；1 有未确认的错误或警告；65 文件无法加载。
            示例 / example:  score-cli lint rubrics/scorecards/*.yaml rubrics/schedules/*.yaml
            """)

    @Argument(help: "评分表或扶持政策文件（或 id）/ rubric files or ids")
    var rubrics: [String]

    func run() throws { try execute().deliver() }

    func execute() -> CommandResult {
        var result = CommandResult()
        var lines: [String] = []
        var loaded: [(file: String, rubric: Rubric)] = []
        var findings: [LintFinding] = []
        for reference in rubrics {
            do throws(CLIFailure) {
                let (rubric, path) = try RubricLibrary.rubric(reference)
                let sourcePath = URL(fileURLWithPath: path).deletingLastPathComponent()
                    .appendingPathComponent(rubric.header.source.file).standardizedFileURL.path
                let found: [LintFinding]
                if Self.sameFile(sourcePath, path) {
                    // Quotes checked against the rubric itself would all be "found".
                    found = RubricLint.check(rubric, file: path, source: nil) + [RubricLint.sourceIsTheRubric(rubric, file: path)]
                } else {
                    let source = String(decoding: try FileAccess.read(sourcePath), as: UTF8.self)
                    found = RubricLint.check(rubric, file: path, source: source)
                }
                findings += found
                loaded.append((path, rubric))
                let open = found.filter { $0.acknowledged == nil && $0.severity != .info }
                if open.isEmpty {
                    let acknowledged = found.count - open.count
                    lines.append("\(path): 通过 / ok（\(rubric.citations.count) 段引文均在原文中\(acknowledged > 0 ? "；已确认 \(acknowledged) 项" : "")）")
                }
            } catch {
                result.errors += error.lines
                result.status = max(result.status, error.exitCode)
            }
        }
        findings += RubricLint.checkSeries(loaded)
        lines += findings.map(\.description)
        if findings.contains(where: { $0.acknowledged == nil && $0.severity != .info }) {
            result.status = max(result.status, ExitStatus.findings)
        }
        result.output = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        return result
    }

    /// Whether two paths name the same file (after `..`, `.` and symbolic links are resolved).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        func resolved(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        return resolved(a) == resolved(b)
    }
}
