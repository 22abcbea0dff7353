/// The formats a batch of subsidy results can be written in.
public enum SubsidyFormat: String, Sendable, CaseIterable {
    case text, json, csv, markdown
}

/// Writes a batch's results in three parts: the beginning, the claims as they are decided, and the
/// end with the totals. A streamed run and a whole report go through the same parts, so they print
/// the same bytes, whatever the blocks or threads.
///
/// Text lays claims out in aligned tables of ``pageSize`` claims each, so a large batch never needs
/// all its rows to know the column widths.
public struct SubsidyWriter: Sendable {
    public let format: SubsidyFormat
    public let schedule: RubricIdentity
    public let file: String
    /// Claims per text table.
    public static let pageSize = 1000
    private var page: [ClaimResult] = []
    /// How many claims have been written.
    private(set) var written = 0

    public init(format: SubsidyFormat, schedule: RubricIdentity, file: String) {
        self.format = format
        self.schedule = schedule
        self.file = file
    }

    /// The output before the first claim.
    public func begin() -> String {
        switch format {
        case .text:
            return "\(schedule.title)\n\(schedule.document) · 扶持政策 \(schedule.id) 第 \(schedule.version) 版 · sha256 \(schedule.sha256.prefix(12))\n申请文件：\(file)\n"
        case .json:
            return "{\n  \"schedule\": \(schedule.json.serialized(indent: 2)),\n  \"file\": \(JSONValue.string(file).serialized(indent: 2)),\n  \"claims\": ["
        case .csv:
            return "\u{FEFF}" + CSVWriter.line(Self.csvColumns)
        case .markdown:
            return "# \(schedule.title)\n\n\(schedule.document) · `\(schedule.id)` 第 \(schedule.version) 版 · 申请文件 `\(file)`\n\n"
                + "| 申请编号 | 申请单位 | 日期 | 项目 | 结果 | 金额（元） | 说明 |\n|---|---|---|---|---|---:|---|\n"
        }
    }

    /// The output for the next decided claims, in order.
    public mutating func add(_ results: some Collection<ClaimResult>) -> String {
        var out: [UInt8] = []
        add(results, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the output for the next decided claims, in order.
    public mutating func add(_ results: some Collection<ClaimResult>, to out: inout [UInt8]) {
        if format == .text {
            for result in results {
                page.append(result)
                if page.count == Self.pageSize { out.append(contentsOf: flushPage().utf8) }
            }
            written += results.count
            return
        }
        for (offset, result) in results.enumerated() {
            append(result, index: written + offset, to: &out)
        }
        written += results.count
    }

    /// Appends the output for one claim, the `index`-th of the batch (counting from 0). Depends on
    /// nothing else, so claims can be rendered on several threads; text claims go through ``add(_:)``.
    func append(_ result: ClaimResult, index: Int, to out: inout [UInt8]) {
        switch format {
        case .text: return
        case .json: out.append(contentsOf: ((index == 0 ? "\n    " : ",\n    ") + result.json.serialized(indent: 4)).utf8)
        case .csv: Self.appendCSVRow(result, to: &out)
        case .markdown:
            out.append(contentsOf: "| \(result.claim.id) | \(markdownCell(result.claim.applicant)) | \(result.claim.date) | \(result.claim.measure) | \(result.status.chineseName) | \(Self.shownAmount(result)) | \(markdownCell((result.reasons + result.discrepancies).joined(separator: "<br>"))) |\n".utf8)
        }
    }

    /// Counts claims rendered elsewhere (on other threads) with ``row(_:index:)``.
    mutating func advance(by count: Int) { written += count }

    /// The output after the last claim: what remains of the text table, the summary per applicant,
    /// the totals, the pool, and the interpretations applied.
    public mutating func end(_ report: SubsidyReport) -> String {
        switch format {
        case .text: return flushPage() + textSummary(report)
        case .json: return (written == 0 ? "]" : "\n  ]") + ",\n" + jsonSummary(report)
        case .csv: return ""
        case .markdown: return markdownSummary(report)
        }
    }

    private mutating func flushPage() -> String {
        guard !page.isEmpty else { return "" }
        var table = TextTable([.left, .left, .left, .left, .left, .right, .left])
        table.add(["申请编号", "申请单位", "日期", "项目", "结果", "金额", "约束"])
        var after: [Int: [String]] = [:]
        for result in page {
            let bound = result.boundBy.last.map { Self.bindingName($0) } ?? ""
            table.add([result.claim.id, result.claim.applicant, result.claim.date.description, result.claim.measure,
                result.status.chineseName, Self.shownAmount(result), bound])
            var notes = result.reasons.map { "      \($0)" }
            notes += result.discrepancies.map { "      与政策解读不一致 \($0)" }
            notes += result.findings.map { "      \($0.severity.chineseName) \($0.code)：\($0.message)" }
            notes.append("      出处：\(result.citation)")
            after[table.rows.count - 1] = notes
        }
        page.removeAll(keepingCapacity: true)
        var lines = [""]
        for (row, text) in table.rendered().split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            lines.append(String(text).trimmingTrailingSpaces())
            lines += after[row] ?? []
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func textSummary(_ report: SubsidyReport) -> String {
        var lines = [""]
        lines.append("按申请单位汇总")
        var summary = TextTable([.left, .right, .right, .right, .right, .right])
        summary.add(["申请单位", "申请数", "给予（元）", "因上限与不重复未给（元）", "不符合", "需决定"])
        for applicant in report.applicants {
            summary.add([applicant.applicant, "\(applicant.claims)", applicant.granted.yuanText, applicant.forgone.yuanText,
                "\(applicant.ineligible)", "\(applicant.needsDecision)"])
        }
        lines.append(summary.rendered(indent: "  "))
        lines.append("")
        lines.append("读取 \(report.rowsRead) 行，处理 \(report.rowsRead - report.rowsRejected) 行，未处理 \(report.rowsRejected) 行")
        lines.append("合计给予 \(report.totalGranted.yuanText) 元；因上限与不重复未给 \(report.totalForgone.yuanText) 元")
        if let pool = report.pool {
            let remaining = (try? pool.amount - report.poolUsed) ?? .zero
            lines.append("专项资金（\(pool.measures.joined(separator: "、"))）：\(pool.amount.wanText)，已用 \(report.poolUsed.yuanText) 元，剩余 \(remaining.yuanText) 元")
        }
        if report.ceilings > 0 { lines.append("其中 \(report.ceilings) 项为上限金额，实际金额待主管部门核定") }
        if !report.problems.isEmpty { lines.append("未处理的行 \(report.problems.count) 处问题，见标准错误输出") }
        lines += appliedInterpretationLines(report.interpretations)
        return lines.joined(separator: "\n") + "\n"
    }

    private func markdownSummary(_ report: SubsidyReport) -> String {
        var out = "\n## 按申请单位汇总\n\n| 申请单位 | 申请数 | 给予（元） | 未给（元） | 不符合 | 需决定 |\n|---|---:|---:|---:|---:|---:|\n"
        for applicant in report.applicants {
            out += "| \(markdownCell(applicant.applicant)) | \(applicant.claims) | \(applicant.granted.yuanText) | \(applicant.forgone.yuanText) | \(applicant.ineligible) | \(applicant.needsDecision) |\n"
        }
        out += "\n读取 \(report.rowsRead) 行，处理 \(report.rowsRead - report.rowsRejected) 行，未处理 \(report.rowsRejected) 行。\n"
        out += "合计给予 \(report.totalGranted.yuanText) 元。\n"
        if let pool = report.pool { out += "专项资金 \(pool.amount.wanText)，已用 \(report.poolUsed.yuanText) 元。\n" }
        return out
    }

    /// The members after `claims`, for machines; the layout is documented in docs/output-json.md.
    private func jsonSummary(_ report: SubsidyReport) -> String {
        let members: [(String, JSONValue)] = [
            ("rows_read", .number("\(report.rowsRead)")),
            ("rows_rejected", .number("\(report.rowsRejected)")),
            ("applicants", .array(report.applicants.map { applicant in
                .object([
                    ("applicant", .string(applicant.applicant)), ("claims", .number("\(applicant.claims)")),
                    ("granted", .number(applicant.granted)), ("forgone", .number(applicant.forgone)),
                    ("not_eligible", .number("\(applicant.ineligible)")), ("needs_decision", .number("\(applicant.needsDecision)")),
                ])
            })),
            ("total_granted", .number(report.totalGranted)),
            ("total_forgone", .number(report.totalForgone)),
            ("pool", report.pool.map { pool in
                .object([("amount", .number(pool.amount)), ("used", .number(report.poolUsed)), ("measures", .array(pool.measures.map(JSONValue.string)))])
            } ?? .null),
            ("problems", .array(report.problems.map { problem in
                .object([
                    ("line", problem.location.map { .number("\($0.line)") } ?? .null),
                    ("column", problem.location.map { .number("\($0.column)") } ?? .null),
                    ("field", .string(problem.field)), ("message", .string(problem.message)),
                ])
            })),
            ("interpretations", .array(report.interpretations.map(\.json))),
        ]
        let body = members.map { key, value in "  \(JSONValue.string(key).serialized(indent: 2)): \(value.serialized(indent: 2))" }
        return body.joined(separator: ",\n") + "\n}\n"
    }

    static func shownAmount(_ result: ClaimResult) -> String {
        result.status == .granted ? result.amount.yuanText + (result.isCeiling && result.amount > .zero ? "（上限）" : "") : "—"
    }

    static func bindingName(_ binding: Binding) -> String {
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
    static let csvColumns = [
        "claim_id", "applicant", "date", "measure", "amount", "matter", "round", "status", "computed", "forgone", "is_ceiling",
        "bound_by", "measure_title", "reasons", "citation", "interpretations", "discrepancies",
    ]

    /// One CSV record, written straight to bytes, in the order of ``csvColumns``. Everything is read
    /// in place from `result`: copying the claim out would retain and release each of its strings.
    static func appendCSVRow(_ result: ClaimResult, to out: inout [UInt8]) {
        CSVWriter.appendRecord(of: result, to: &out) { row, result in
            row.field(result.claim.id)
            row.comma()
            row.field(result.claim.applicant)
            row.comma()
            row.number(result.claim.date.write)
            row.comma()
            row.field(result.claim.measure)
            row.comma()
            row.number(result.amount.writeMoney)
            row.comma()
            if let matter = result.claim.matter { row.field(matter) }
            row.comma()
            if let round = result.claim.values["round"]?.number { row.unquoted(round.description) }
            row.comma()
            row.unquoted(result.status.rawValue)
            row.comma()
            row.number(result.computed.writeMoney)
            row.comma()
            row.number(result.forgone.writeMoney)
            row.comma()
            row.unquoted(result.isCeiling ? "true" : "false")
            row.comma()
            // Most claims are bound by nothing; the rules of the others are read in place, not gathered.
            if !result.boundBy.isEmpty { row.field(joining: result.boundBy.lazy.map { $0.rule }, separator: ";") }
            row.comma()
            row.field(result.measureTitle)
            row.comma()
            row.field(joining: result.reasons, separator: "；")
            row.comma()
            row.field(result.citation)
            row.comma()
            row.field(joining: result.interpretations, separator: ";")
            row.comma()
            row.field(joining: result.discrepancies, separator: "；")
            row.endRecord()
        }
    }
}

extension SubsidyReport {
    /// The whole report in `format`, as a stream of the same results would print it.
    public func rendered(_ format: SubsidyFormat) -> String {
        var writer = SubsidyWriter(format: format, schedule: schedule, file: file)
        return writer.begin() + writer.add(results) + writer.end(self)
    }

    /// For people: each claim with its result, amount and binding rule, the reasons under it; then a
    /// summary per applicant, the totals, the pool, the findings and the interpretations applied.
    public func renderText() -> String { rendered(.text) }
    public func renderCSV() -> String { rendered(.csv) }
    public func renderMarkdown() -> String { rendered(.markdown) }
    /// For machines; the layout is documented in docs/output-json.md.
    public func renderJSON() -> String { rendered(.json) }
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
