extension AmountRule {
    /// How the tool reads the amount, in words: `相关费用的 50%`, `贷款金额 <100万元 → 1万元；…`.
    func reading(in schedule: Schedule) -> String {
        let facts = Facts(catalog: schedule.catalog, values: [:], notes: [:], region: nil)
        switch self {
        case .fixed(let amount): return amount.wanText
        case .percent(let of, let rate): return "\(facts.label(of))的 \(rate.displayText())%"
        case .perUnit(let of, let amount): return "\(facts.label(of))每单位 \(amount.wanText)"
        case .brackets(let of, let brackets):
            let unit = schedule.catalog.input(of)?.type == .money ? "元" : schedule.catalog.input(of)?.unit
            return "\(facts.label(of))：" + brackets.map { bracket in
                "\(bracket.label ?? bracket.interval.describe(region: nil, unit: unit)) → \(bracket.amount.wanText)"
            }.joined(separator: "；")
        case .cases(let cases):
            return cases.map { item in
                let when = item.label ?? item.when.map(facts.describe) ?? "其他"
                return "\(when) → \(item.amount.reading(in: schedule))"
            }.joined(separator: "；")
        case .matching(let of, let ratio): return "按\(facts.label(of)) 1:\(ratio.displayText()) 匹配"
        case .percentOfMeasure(let measure, let rate):
            return "项目 \(measure) 对应金额的 \(rate.displayText())%"
        case .minimum(let parts): return "取低者：" + parts.map { $0.reading(in: schedule) }.joined(separator: "，")
        case .sum(let parts): return "合计：" + parts.map { $0.reading(in: schedule) }.joined(separator: " + ")
        case .upTo(let inner): return "最高不超过 \(inner.reading(in: schedule))（核定金额由财政部门填写）"
        case .range(let low, let high): return "\(low.reading(in: schedule)) 至 \(high.reading(in: schedule))（核定金额由财政部门填写）"
        case .undefined(let note): return "原文未给出金额：\(note)"
        }
    }
}

extension Schedule {
    /// The schedule laid out measure by measure: the quoted clause, how the tool reads eligibility and
    /// amount, ceilings, the document's rules, interpretations and 解读 discrepancies.
    public func renderText() -> String {
        let facts = Facts(catalog: catalog, values: [:], notes: [:], region: nil)
        var lines: [String] = [header.title]
        var meta = header.document
        if let issued = header.issued { meta += " · \(issued) 印发" }
        meta += " · 扶持政策 \(header.id) 第 \(header.version) 版 · sha256 \(header.sha256.prefix(12))"
        lines.append(meta)
        lines.append("出处：\(header.source.title)\(header.source.lines.map { " 第 \($0) 行" } ?? "")")
        if let window = header.effective {
            lines.append("有效期：\(window.from?.description ?? "（未规定）") 至 \(window.to?.description ?? "（未规定）")\(window.cite.map { "（「\($0.text)」）" } ?? "")")
        }
        lines.append("")
        for measure in measures {
            lines.append("\(measure.id) \(measure.title)（\(measure.cite.clause)）")
            lines.append("    原文：\(measure.cite.text)")
            for condition in measure.eligible {
                lines.append("    条件：\(condition.label)（\(facts.describe(condition.when))）\(condition.interpretation.map { "〔\($0)〕" } ?? "")")
            }
            lines.append("    金额：\(measure.amount.reading(in: self))")
            if let ceiling = measure.ceiling { lines.append("    上限：\(ceiling.amount.wanText)（「\(ceiling.cite.text)」）") }
            if let instalments = measure.instalments { lines.append("    分期：\(instalments.count) 期（「\(instalments.cite.text)」）") }
            if let recurring = measure.recurring { lines.append("    每年：「\(recurring.text)」") }
            if !measure.interpretations.isEmpty { lines.append("    解释：\(measure.interpretations.joined(separator: "、"))") }
            for id in measure.discrepancies {
                if let discrepancy = header.discrepancies.first(where: { $0.id == id }) {
                    lines.append("    与解读不一致 \(id)：解读称「\(discrepancy.interpretationText.text)」；以正文为准。")
                }
            }
            if let note = measure.note { lines.append("    说明：\(note)") }
        }
        lines.append("")
        lines.append("全文适用的规则")
        for exclusion in exclusions { lines.append("  不适用 \(exclusion.id)：\(exclusion.label)（「\(exclusion.cite.text)」）") }
        for cap in yearlyCaps {
            lines.append("  年度累计上限 \(cap.id)：\(cap.measures.joined(separator: "、")) 同一申请人每年合计不超过 \(cap.amount.wanText)（「\(cap.cite.text)」）")
        }
        for limit in countLimits {
            lines.append("  个数上限 \(limit.id)：\(limit.measures.joined(separator: "、")) 不超过 \(limit.max) 个（「\(limit.cite.text)」）")
        }
        for group in highestOnly {
            lines.append("  就高不重复 \(group.id)：\(group.measures.joined(separator: "、")) 只按最高一项给予一次（「\(group.cite.text)」）")
        }
        if let sameMatter { lines.append("  同一事项不重复享受：「\(sameMatter.cite.text)」") }
        if let pool { lines.append("  资金总额：\(pool.measures.joined(separator: "、")) 合计不高于 \(pool.amount.wanText)（「\(pool.cite.text)」）") }
        lines += header.interpretationLines()
        return lines.joined(separator: "\n") + "\n"
    }
}

extension Schedule {
    /// One row per measure: id, title, clause, source text, conditions, amount as read, ceiling.
    public func renderCSV() -> String {
        let facts = Facts(catalog: catalog, values: [:], notes: [:], region: nil)
        var csv = CSVWriter()
        csv.row(["measure", "title", "clause", "source_text", "conditions", "amount", "ceiling", "interpretations", "discrepancies"])
        for measure in measures {
            csv.row([measure.id, measure.title, measure.cite.clause, measure.cite.text,
                measure.eligible.map { "\($0.label)（\(facts.describe($0.when))）" }.joined(separator: "；"),
                measure.amount.reading(in: self), measure.ceiling.map { $0.amount.yuanText } ?? "",
                measure.interpretations.joined(separator: ";"), measure.discrepancies.joined(separator: ";")])
        }
        return csv.text
    }

    /// The measures as a Markdown table.
    public func renderMarkdown() -> String {
        var out = "# \(header.title)\n\n\(header.document) · 扶持政策 `\(header.id)` 第 \(header.version) 版"
        if let window = header.effective { out += " · 有效期 \(window.from?.description ?? "…") 至 \(window.to?.description ?? "…")" }
        out += "\n\n| 项目 | 名称 | 条款 | 原文 | 金额 | 上限 |\n|---|---|---|---|---|---:|\n"
        for measure in measures {
            out += "| \(measure.id) | \(markdownCell(measure.title)) | \(markdownCell(measure.cite.clause)) | \(markdownCell(measure.cite.text)) | \(markdownCell(measure.amount.reading(in: self))) | \(measure.ceiling.map { $0.amount.wanText } ?? "") |\n"
        }
        return out
    }

    /// The measures with their readings, for machines.
    public var json: JSONValue {
        .object([
            ("id", .string(header.id)), ("kind", .string(header.kind)), ("version", .string(header.version)),
            ("title", .string(header.title)), ("document", .string(header.document)), ("sha256", .string(header.sha256)),
            ("effective_from", .string(header.effective?.from?.description)), ("effective_to", .string(header.effective?.to?.description)),
            ("measures", .array(measures.map { measure in
                .object([
                    ("id", .string(measure.id)), ("title", .string(measure.title)), ("clause", .string(measure.cite.clause)),
                    ("source_text", .string(measure.cite.text)), ("amount", .string(measure.amount.reading(in: self))),
                    ("ceiling", .number(measure.ceiling?.amount)),
                    ("interpretations", .array(measure.interpretations.map(JSONValue.string))),
                    ("discrepancies", .array(measure.discrepancies.map(JSONValue.string))),
                ])
            })),
            ("interpretations", .array(header.interpretations.map(\.json))),
        ])
    }
}
