import ArgumentParser

/// `score-cli`: scores self-assessments against rubric files and explains every point.
@main
struct ScoreCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score-cli",
        abstract: "按评分表（rubric）计算自评得分，逐条说明依据 / Scores self-assessments against government rubrics.",
        discussion: """
            退出码 / exit codes:
              0   完成，无错误级发现 / done, no error-level finding
              1   完成，有错误级发现 / done, with error-level findings
              64  命令行有误 / bad command line
              65  输入或评分表格式有误（逐条指出文件、行、字段）/ malformed input or rubric
              66  找不到输入文件 / input file missing
              73  无法写入输出（目录不存在、无权限、磁盘或标准输出已满）/ output cannot be written
            示例 / examples:
              score-cli rubrics
              score-cli score examples/scorecards/typical-unit.yaml
              score-cli score examples/ranking/*.yaml --top 优秀=10 --next 表扬=10
              score-cli subsidy examples/subsidies/trade-consumption-2022.csv --schedule trade-consumption-2022
            命令行补全与手册页 / completions and man page: 见 completions/ 与 docs/man/score-cli.1（README）
            """,
        version: "0.1.0",
        subcommands: [RubricsCommand.self, ShowCommand.self, TemplateCommand.self, ScoreCommand.self, SubsidyCommand.self, AuditCommand.self, LintCommand.self, GenerateCommand.self]
    )
}
