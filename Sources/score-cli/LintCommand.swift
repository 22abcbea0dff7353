import ArgumentParser
import Foundation
import Scoring

/// `score-cli lint RUBRIC…`: checks rubric files as an author would want before shipping them.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "检查评分表文件：结构、引用、分值合计、满分上限，以及每段引文是否出现在原文中 / Check rubric files.",
        discussion: """
            对每个文件做加载时的全部检查（未知键、类型、未定义的引用、分值合计、可能超出满分的指标），
            并核对每段 cite.text 是否出现在 source.file 指向的原文中（忽略空白）。
            示例 / example:  score-cli lint rubrics/scorecards/*.yaml
            """)

    @Argument(help: "评分表文件或 id / rubric files or ids")
    var rubrics: [String]

    func run() throws { try execute().deliver() }

    func execute() -> CommandResult {
        var result = CommandResult()
        var lines: [String] = []
        for reference in rubrics {
            do throws(CLIFailure) {
                let (rubric, path) = try RubricLibrary.rubric(reference)
                let sourcePath = URL(fileURLWithPath: path).deletingLastPathComponent()
                    .appendingPathComponent(rubric.header.source.file).standardizedFileURL.path
                let source = String(decoding: try FileAccess.read(sourcePath), as: UTF8.self)
                let missing = rubric.citationsNotFound(in: source)
                for citation in missing {
                    lines.append("\(path): error quote.not-in-source: 「\(citation.text)」（\(citation.clause)）不在原文 \(rubric.header.source.file) 中")
                }
                if missing.isEmpty {
                    lines.append("\(path): 通过 / ok（\(rubric.citations.count) 段引文均在原文中）")
                } else {
                    result.status = max(result.status, ExitStatus.findings)
                }
            } catch {
                result.errors += error.lines
                result.status = max(result.status, error.exitCode)
            }
        }
        result.output = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        return result
    }
}
