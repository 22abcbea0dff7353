import ArgumentParser
import Scoring

/// `score-cli show RUBRIC`: the rubric laid out like its source table.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "按原表样式显示评分表：指标、满分、评分标准、核实说明、出处和解释 / Show a rubric like its source table.",
        discussion: """
            RUBRIC 可以是评分表 id 或文件路径 / an id or a path.
            示例 / example:  score-cli show proposal-handling-2022
            """)

    @Argument(help: "评分表 id 或文件路径 / rubric id or path")
    var rubric: String

    @Option(name: .shortAndLong, help: "输出格式 / output format: text, json, csv, markdown")
    var format: OutputFormat = .text

    func run() throws { try execute().deliver() }

    func execute() -> CommandResult {
        do throws(CLIFailure) {
            let output: String
            switch try RubricLibrary.rubric(rubric).rubric {
            case .scorecard(let scorecard):
                output =
                    switch format {
                    case .text: scorecard.renderText()
                    case .markdown: scorecard.renderMarkdown()
                    case .csv: scorecard.renderCSV()
                    case .json: scorecard.json.serialized()
                    }
            case .targets(let checklist):
                output = checklist.renderText()
            case .schedule(let schedule):
                output =
                    switch format {
                    case .text: schedule.renderText()
                    case .markdown: schedule.renderMarkdown()
                    case .csv: schedule.renderCSV()
                    case .json: schedule.json.serialized()
                    }
            }
            return CommandResult(output: output)
        } catch {
            return CommandResult(error)
        }
    }
}
