extension SubsidyReport {
    /// For people: each claim with its result, amount and binding rule, the reasons under it; then a
    /// summary per applicant, the totals, the pool, the findings and the interpretations applied.
    public func renderText() -> String {
        var lines: [String] = [schedule.title, "\(schedule.document) · 扶持政策 \(schedule.id) 第 \(schedule.version) 版 · sha256 \(schedule.sha256.prefix(12))"]
        lines.append("申请文件：\(file)（读取 \(rowsRead) 行，处理 \(rowsRead - rowsRejected) 行，未处理 \(rowsRejected) 行）")
        lines.append("")
        var table = TextTable([.left, .left, .left, .left, .left, .right, .left])
        table.add(["申请编号", "申请单位", "日期", "项目", "结果", "金额", "约束"])
        var after: [Int: [String]] = [:]
        for result in results {
            let amount = result.status == .granted ? result.amount.yuanText + (result.isCeiling && result.amount > .zero ? "（上限）" : "") : "—"
            let bound = result.boundBy.last.map { bindingName($0) } ?? ""
            table.add([result.claim.id, result.claim.applicant, result.claim.date.description, result.claim.measure,
                result.status.chineseName, amount, bound])
            var notes = result.reasons.map { "      \($0)" }
            notes += result.discrepancies.map { "      与政策解读不一致 \($0)" }
            notes += result.findings.map { "      \($0.severity.chineseName) \($0.code)：\($0.message)" }
            notes.append("      出处：\(result.citation)")
            after[table.rows.count - 1] = notes
        }
        for (row, text) in table.rendered().split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            lines.append(String(text).trimmingTrailingSpaces())
            lines += after[row] ?? []
        }
        lines.append("")
        lines.append("按申请单位汇总")
        var summary = TextTable([.left, .right, .right, .right, .right, .right])
        summary.add(["申请单位", "申请数", "给予（元）", "因上限与不重复未给（元）", "不符合", "需决定"])
        for applicant in applicants {
            summary.add([applicant.applicant, "\(applicant.claims)", applicant.granted.yuanText, applicant.forgone.yuanText,
                "\(applicant.ineligible)", "\(applicant.needsDecision)"])
        }
        lines.append(summary.rendered(indent: "  "))
        lines.append("")
        lines.append("合计给予 \(totalGranted.yuanText) 元；因上限与不重复未给 \(totalForgone.yuanText) 元")
        if let pool {
            let remaining = (try? pool.amount - poolUsed) ?? .zero
            lines.append("专项资金（\(pool.measures.joined(separator: "、"))）：\(pool.amount.wanText)，已用 \(poolUsed.yuanText) 元，剩余 \(remaining.yuanText) 元")
        }
        let ceilings = results.filter(\.isCeiling).count
        if ceilings > 0 { lines.append("其中 \(ceilings) 项为上限金额，实际金额待主管部门核定") }
        if !problems.isEmpty { lines.append("未处理的行 \(problems.count) 处问题，见标准错误输出") }
        lines += appliedInterpretationLines(interpretations)
        return lines.joined(separator: "\n") + "\n"
    }

    private func bindingName(_ binding: Binding) -> String {
        switch binding.kind {
        case .measureCeiling: "单项上限"
        case .discretionaryCeiling: "核定超上限"
        case .sameMatter: "同一事项"
        case .highestOnly: "就高不重复 \(binding.rule)"
        case .countLimit: "个数上限 \(binding.rule)"
        case .yearlyCap: "年度上限 \(binding.rule)"
        case .pool: "专项资金"
        }
    }

    /// One row per claim, in processing order; the columns a prior-awards file needs come first, so
    /// this output can be given back as `--ledger` next time.
    public func renderCSV() -> String {
        var csv = CSVWriter()
        csv.row(["claim_id", "applicant", "date", "measure", "amount", "matter", "status", "computed", "forgone", "is_ceiling",
            "bound_by", "measure_title", "reasons", "citation", "interpretations", "discrepancies"])
        for result in results {
            csv.row([result.claim.id, result.claim.applicant, result.claim.date.description, result.claim.measure,
                money(result.amount), result.claim.matter ?? "", result.status.rawValue, money(result.computed), money(result.forgone),
                result.isCeiling ? "true" : "false", result.boundBy.map(\.rule).joined(separator: ";"), result.measureTitle,
                result.reasons.joined(separator: "；"), result.citation, result.interpretations.joined(separator: ";"),
                result.discrepancies.joined(separator: "；")])
        }
        return csv.text
    }

    public func renderMarkdown() -> String {
        var out = "# \(schedule.title)\n\n\(schedule.document) · `\(schedule.id)` 第 \(schedule.version) 版 · 申请文件 `\(file)`\n\n"
        out += "| 申请编号 | 申请单位 | 日期 | 项目 | 结果 | 金额（元） | 说明 |\n|---|---|---|---|---|---:|---|\n"
        for result in results {
            let amount = result.status == .granted ? result.amount.yuanText + (result.isCeiling && result.amount > .zero ? "（上限）" : "") : "—"
            out += "| \(result.claim.id) | \(markdownCell(result.claim.applicant)) | \(result.claim.date) | \(result.claim.measure) | \(result.status.chineseName) | \(amount) | \(markdownCell((result.reasons + result.discrepancies).joined(separator: "<br>"))) |\n"
        }
        out += "\n## 按申请单位汇总\n\n| 申请单位 | 申请数 | 给予（元） | 未给（元） | 不符合 | 需决定 |\n|---|---:|---:|---:|---:|---:|\n"
        for applicant in applicants {
            out += "| \(markdownCell(applicant.applicant)) | \(applicant.claims) | \(applicant.granted.yuanText) | \(applicant.forgone.yuanText) | \(applicant.ineligible) | \(applicant.needsDecision) |\n"
        }
        out += "\n合计给予 \(totalGranted.yuanText) 元。\n"
        if let pool { out += "专项资金 \(pool.amount.wanText)，已用 \(poolUsed.yuanText) 元。\n" }
        return out
    }

    /// For machines; the layout is documented in docs/output-json.md.
    public var json: JSONValue {
        .object([
            ("schedule", schedule.json),
            ("file", .string(file)),
            ("rows_read", .number("\(rowsRead)")),
            ("rows_rejected", .number("\(rowsRejected)")),
            ("claims", .array(results.map(\.json))),
            ("applicants", .array(applicants.map { applicant in
                .object([
                    ("applicant", .string(applicant.applicant)), ("claims", .number("\(applicant.claims)")),
                    ("granted", .number(applicant.granted)), ("forgone", .number(applicant.forgone)),
                    ("not_eligible", .number("\(applicant.ineligible)")), ("needs_decision", .number("\(applicant.needsDecision)")),
                ])
            })),
            ("total_granted", .number(totalGranted)),
            ("total_forgone", .number(totalForgone)),
            ("pool", pool.map { pool in
                .object([("amount", .number(pool.amount)), ("used", .number(poolUsed)), ("measures", .array(pool.measures.map(JSONValue.string)))])
            } ?? .null),
            ("problems", .array(problems.map { problem in
                .object([
                    ("line", problem.location.map { .number("\($0.line)") } ?? .null),
                    ("column", problem.location.map { .number("\($0.column)") } ?? .null),
                    ("field", .string(problem.field)), ("message", .string(problem.message)),
                ])
            })),
            ("interpretations", .array(interpretations.map(\.json))),
        ])
    }

    private func money(_ value: Rational) -> String { (try? value.fixedText(places: 2)) ?? value.description }
}

extension ClaimResult {
    var json: JSONValue {
        .object([
            ("claim_id", .string(claim.id)), ("applicant", .string(claim.applicant)), ("date", .string(claim.date.description)),
            ("measure", .string(claim.measure)), ("measure_title", .string(measureTitle)), ("line", .number("\(claim.line)")),
            ("status", .string(status.rawValue)), ("eligible", .bool(status == .granted)),
            ("amount", .number(amount)), ("computed", .number(computed)), ("forgone", .number(forgone)),
            ("is_ceiling", .bool(isCeiling)), ("claimed_amount", .number(claim.claimedAmount)),
            ("approved_amount", .number(claim.approvedAmount)), ("matter", .string(claim.matter)),
            ("bound_by", .array(boundBy.map { binding in
                .object([
                    ("kind", .string(binding.kind.rawValue)), ("rule", .string(binding.rule)), ("before", .number(binding.before)),
                    ("after", .number(binding.after)), ("text", .string(binding.text)),
                ])
            })),
            ("reasons", .array(reasons.map(JSONValue.string))), ("citation", .string(citation)),
            ("interpretations", .array(interpretations.map(JSONValue.string))),
            ("discrepancies", .array(discrepancies.map(JSONValue.string))),
            ("findings", .array(findings.map(\.json))),
        ])
    }
}
