import ArgumentParser
import Scoring

/// `score-cli rubrics`: the shipped rubrics.
struct RubricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubrics",
        abstract: "列出随工具提供的评分表 / List the shipped rubrics.",
        discussion: "示例 / example:  score-cli rubrics")

    @Option(name: .shortAndLong, help: "输出格式 / output format: text, json, csv, markdown")
    var format: OutputFormat = .text

    func run() throws { try execute().deliver() }

    func execute() -> CommandResult {
        do throws(CLIFailure) {
            let rubrics = try RubricLibrary.shipped().map(\.rubric)
            let rows = rubrics.map { rubric -> [String] in
                switch rubric {
                case .scorecard(let card):
                    [card.header.id, "评分表", card.header.document, "总分 \(card.total)", card.header.title]
                case .schedule(let schedule):
                    [schedule.header.id, "扶持政策", schedule.header.document, "\(schedule.measures.count) 个项目", schedule.header.title]
                case .targets(let checklist):
                    [checklist.header.id, "目标考核", checklist.header.document, "\(checklist.indicators.count) 项指标", checklist.header.title]
                }
            }
            let header = ["id", "类型", "文号", "规模", "名称"]
            let output =
                switch format {
                case .text: Listing.text(header: header, rows: rows)
                case .markdown: Listing.markdown(header: header, rows: rows)
                case .csv: Listing.csv(header: ["id", "kind", "document", "size", "title"], rows: rows)
                case .json:
                    JSONValue.array(
                        rubrics.map { rubric in
                            .object([
                                ("id", .string(rubric.header.id)), ("kind", .string(rubric.header.kind)),
                                ("version", .string(rubric.header.version)), ("document", .string(rubric.header.document)),
                                ("title", .string(rubric.header.title)), ("sha256", .string(rubric.header.sha256)),
                            ])
                        }
                    ).serialized()
                }
            return CommandResult(output: output)
        } catch {
            return CommandResult(error)
        }
    }
}
