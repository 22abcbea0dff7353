import ArgumentParser
import Scoring

/// `score-cli template RUBRIC`: a self-assessment file ready to fill in.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "生成填写模板：评分表的自评文件，或扶持政策的申请文件 / Write a fill-in self-assessment or claims file.",
        discussion: """
            评分表：每个输入的中文名称、类型、可选值，并附评分标准原文。扶持政策：申请文件（YAML），--csv 则给出 CSV 表头。
            示例 / examples:
              score-cli template proposal-handling-2022 -o 我的自评.yaml
              score-cli template trade-consumption-2022 --csv -o 申请.csv
            """)

    @Argument(help: "评分表 id 或文件路径 / rubric id or path")
    var rubric: String

    @Option(name: .shortAndLong, help: "写入文件（默认标准输出）/ write to this file instead of standard output")
    var output: String?

    @Flag(help: "扶持政策：给出申请 CSV 的表头 / for a schedule, the claims CSV header instead of YAML")
    var csv = false

    func run() throws { try execute().deliver(to: output) }

    func execute() -> CommandResult {
        do throws(CLIFailure) {
            switch try RubricLibrary.rubric(rubric).rubric {
            case .scorecard(let scorecard): return CommandResult(output: scorecard.renderTemplate())
            case .schedule(let schedule): return CommandResult(output: csv ? schedule.renderCSVTemplate() : schedule.renderTemplate())
            case .targets(let checklist): return CommandResult(output: checklist.renderTemplate())
            }
        } catch {
            return CommandResult(error)
        }
    }
}
