import ArgumentParser
import Scoring

/// `score-cli subsidy CLAIMS --schedule ID`: decides a batch of claims under one schedule.
struct SubsidyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subsidy",
        abstract: "按扶持政策逐条审核申请：是否符合、金额、受哪条上限约束，并按申请单位汇总 / Decide subsidy claims.",
        discussion: """
            申请按日期（同日按申请编号）处理，年度累计上限、个数上限、就高不重复和专项资金总额据此计算；
            --ledger 给出的既往给予记录先计入。有问题的行逐条报告（行、列），其余行照常处理，退出码 65。
            Claims are decided in date order; a bad row is reported with its row and column and the rest are processed.
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

    @Option(name: .shortAndLong, help: "输出格式 / output format: text, json, csv, markdown")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: "写入文件（默认标准输出）/ write to this file instead of standard output")
    var output: String?

    func run() throws { try execute().deliver(to: output) }

    func execute() -> CommandResult {
        var result = CommandResult()
        guard let report = decide(into: &result) else { return result }
        result.output =
            switch format {
            case .text: report.renderText()
            case .json: report.json.serialized()
            case .csv: report.renderCSV()
            case .markdown: report.renderMarkdown()
            }
        if report.findings.contains(where: { $0.severity == .error }) { result.status = max(result.status, ExitStatus.findings) }
        return result
    }

    /// Reads the schedule, ledger and claims and decides them; problems go into `result`.
    func decide(into result: inout CommandResult) -> SubsidyReport? {
        do throws(CLIFailure) {
            let rules = try RubricLibrary.schedule(schedule)
            var calculator = SubsidyCalculator(schedule: rules)
            if let ledger {
                let bytes = try FileAccess.read(ledger)
                let awards: [PriorAward]
                do {
                    awards = try PriorAwards.read(bytes: bytes, file: ledger, schedule: rules)
                } catch {
                    throw .malformed(error)
                }
                for award in awards { calculator.record(award) }
            }
            let bytes = try FileAccess.read(claims)
            let batch: ClaimBatch
            do {
                batch = try ClaimBatch.read(bytes: bytes, file: claims, schedule: rules)
            } catch {
                throw .malformed(error)
            }
            let report = calculator.run(batch, file: claims)
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
