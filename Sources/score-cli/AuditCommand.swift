import ArgumentParser
import Scoring

/// `score-cli audit FILE…`: recomputes self-assessments, or a claims batch, and lists every difference.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "核实：重新计算自评表或申请，逐项列出申报数与规则不一致之处及依据 / Recompute and list every difference.",
        discussion: """
            自评表：自评分超过满分、与规则不符、总分不等于各项之和、酌定分超出范围或缺少理由。
            申请（给出 --schedule）：申请金额超过上限、金额不符、忽略年度上限或个数上限、就高不重复、超出专项资金、不在有效期、不符合条件。
            每处差异有固定代码、申报数与核定数、规则与出处；最后按单位汇总。有错误级差异时退出码为 1。
            示例 / examples:
              score-cli audit examples/audit/*.yaml
              score-cli audit examples/audit/claims-planted.csv --schedule trade-consumption-2022
            """)

    @Argument(help: "自评文件，或一个申请文件（配合 --schedule）/ self-assessments, or one claims file with --schedule")
    var files: [String]

    @Option(name: .shortAndLong, help: "扶持政策 id 或路径：核实申请 / schedule, to audit claims")
    var schedule: String?

    @Option(name: .shortAndLong, help: "既往给予记录 / prior awards (with --schedule)")
    var ledger: String?

    @Option(name: .shortAndLong, help: "输出格式 / output format: text, json, csv, markdown, html, xlsx")
    var format: ResultFormat = .text

    @Option(name: .shortAndLong, help: "写入文件（默认标准输出）/ write to this file instead of standard output")
    var output: String?

    func validate() throws {
        if schedule != nil, files.count != 1 { throw ValidationError("核实申请时只能给一个申请文件 / one claims file with --schedule") }
        if ledger != nil, schedule == nil { throw ValidationError("--ledger 须与 --schedule 一起使用") }
    }

    func run() throws {
        guard format == .xlsx else { return try execute().deliver(to: output) }
        var result = CommandResult()
        do throws(CLIFailure) {
            try format.refuseTerminal(output)
            let bytes: [UInt8]?
            (result, bytes) = executeWorkbook()
            if let bytes {
                let out = try OutputFile(destination: output)
                try out.write(bytes: bytes)
                try out.commit()
            }
        } catch {
            result.errors += error.lines
            result.status = max(result.status, error.exitCode)
        }
        try CommandResult(errors: result.errors, status: result.status).deliver()
    }

    /// The audit as an .xlsx workbook (binary, so not in the result's text), or `nil` when there is none.
    func executeWorkbook() -> (CommandResult, [UInt8]?) {
        var result = CommandResult()
        guard let report = audit(into: &result) else { return (result, nil) }
        do throws(CLIFailure) {
            let bytes = try workbookBytes { () throws(XLSXLimitExceeded) in try report.workbook() }
            if result.status == ExitStatus.success, report.hasErrors { result.status = ExitStatus.findings }
            return (result, bytes)
        } catch {
            result.errors += error.lines
            result.status = max(result.status, error.exitCode)
            return (result, nil)
        }
    }

    func execute() -> CommandResult {
        var result = CommandResult()
        guard let report = audit(into: &result) else { return result }
        result.output =
            switch format {
            case .text: report.renderText()
            case .json: report.json.serialized()
            case .csv: report.renderCSV()
            case .markdown: report.renderMarkdown()
            case .html: report.renderHTML()
            // Binary: built by executeWorkbook().
            case .xlsx: ""
            }
        if result.status == ExitStatus.success, report.hasErrors { result.status = ExitStatus.findings }
        return result
    }

    /// Recomputes the self-assessments or the claims; `nil` when the claims could not be read.
    private func audit(into result: inout CommandResult) -> AuditReport? {
        let report: AuditReport
        if let schedule {
            var subsidy = SubsidyCommand()
            subsidy.claims = files[0]
            subsidy.schedule = schedule
            subsidy.ledger = ledger
            guard let decided = subsidy.decide(into: &result) else { return nil }
            let counts = Dictionary(grouping: decided.results, by: \.claim.applicant).map { ($0.key, $0.value.count) }.sorted { $0.0 < $1.0 }
            report = AuditReport(kind: "申请", differences: Audit.differences(in: decided), checked: counts)
        } else {
            var differences: [AuditDifference] = []
            var checked: [(String, Int)] = []
            for file in files {
                do throws(CLIFailure) {
                    let scored = try ScoreCommand.scoreForAudit(file, rubric: nil)
                    differences += Audit.differences(in: scored)
                    checked.append((scored.unit, scored.sections.flatMap(\.items).filter { $0.claimed != nil }.count))
                } catch {
                    result.errors += error.lines
                    result.status = max(result.status, error.exitCode)
                }
            }
            report = AuditReport(kind: "自评表", differences: differences, checked: checked)
        }
        return report
    }
}
