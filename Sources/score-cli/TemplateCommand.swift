import ArgumentParser
import Scoring

/// `score-cli template RUBRIC`: a self-assessment file ready to fill in.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "生成自评填写模板：每个输入的中文名称、类型、可选值，并附评分标准原文 / Write a fill-in self-assessment.",
        discussion: "示例 / example:  score-cli template proposal-handling-2022 -o 我的自评.yaml")

    @Argument(help: "评分表 id 或文件路径 / rubric id or path")
    var rubric: String

    @Option(name: .shortAndLong, help: "写入文件（默认标准输出）/ write to this file instead of standard output")
    var output: String?

    func run() throws { try execute().deliver(to: output) }

    func execute() -> CommandResult {
        do throws(CLIFailure) {
            return CommandResult(output: try RubricLibrary.scorecard(rubric).renderTemplate())
        } catch {
            return CommandResult(error)
        }
    }
}
