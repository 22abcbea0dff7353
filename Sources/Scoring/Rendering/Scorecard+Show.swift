extension Scorecard {
    /// The rubric laid out like its source table: sections, items with 满分, each 评分标准 quoted with
    /// how the tool reads it, caps, gates, 核实说明, and every interpretation and discrepancy.
    public func renderText() -> String {
        var lines: [String] = [header.title]
        var meta = header.document
        if let issued = header.issued { meta += " · \(issued) 印发" }
        meta += " · 评分表 \(header.id) 第 \(header.version) 版 · sha256 \(header.sha256.prefix(12))"
        lines.append(meta)
        lines.append("出处：\(header.source.title)\(header.source.lines.map { " 第 \($0) 行" } ?? "")")
        var totals = "总分 \(total.displayText())"
        if let passMark { totals += "；达标线：\(passMark.threshold.describe(region: nil, unit: "分"))（\(passMark.cite.text)）" }
        if let region { totals += "；地区：\(region.chosen)（可选 \(region.options.joined(separator: "、"))）" }
        lines.append(totals)
        for prerequisite in prerequisites {
            lines.append("必备条件 \(prerequisite.id)：\(prerequisite.cite.text)")
        }
        if let missingItems { lines.append("缺项：\(missingItems.cite.text)") }
        lines.append("")
        for (index, section) in sections.enumerated() {
            let weight = section.printedWeight.map { "（\($0)）" } ?? ""
            lines.append("\(chineseOrdinal(index + 1))、\(section.title)\(weight)\(section.bonus ? "［加分项］" : "")  \(section.max.displayText()) 分")
            for item in section.items {
                lines.append("  \(item.id) \(item.title)  满分 \(item.max.displayText())\(item.mayBeMissing ? "（可缺项）" : "")")
                for rule in item.rules {
                    lines.append("    \(rule.id) \(rule.cite?.text ?? "")")
                    lines.append("         读作：\(rule.reading(in: self))")
                    if !rule.interpretations.isEmpty {
                        lines.append("         解释：\(rule.interpretations.joined(separator: "、"))")
                    }
                }
                for cap in item.caps {
                    let scope = cap.rules.map { "规则 \($0.joined(separator: "、"))" } ?? "本项"
                    lines.append("    上限：\(scope)合计最高 \(cap.points.displayText()) 分（「\(cap.cite.text)」\(cap.interpretation.map { "，\($0)" } ?? "")）")
                }
                for gate in item.gates {
                    lines.append("    门槛 \(gate.id)：\(gate.cite.text)")
                }
                if let verification = item.verification { lines.append("    核实说明：\(verification.text)") }
                lines.append("    出处：\(item.cite.reference(defaultDocument: header.document))\(item.cite.lines.map { "，第 \($0) 行" } ?? "")")
            }
            lines.append("")
        }
        lines += header.interpretationLines()
        return lines.joined(separator: "\n") + "\n"
    }

    /// The rubric as a Markdown table per section.
    public func renderMarkdown() -> String {
        var out = "# \(header.title)\n\n\(header.document) · 评分表 `\(header.id)` 第 \(header.version) 版 · 总分 \(total.displayText())\n"
        for section in sections {
            out += "\n## \(section.title)\(section.printedWeight.map { "（\($0)）" } ?? "")：\(section.max.displayText()) 分\n\n"
            out += "| 二级指标 | 满分 | 评分标准 | 读作 | 核实说明 |\n|---|---:|---|---|---|\n"
            for item in section.items {
                let rules = item.rules.map { "\($0.id) \($0.cite?.text ?? "")" } + item.caps.map { "上限 \($0.points.displayText()) 分" }
                let readings = item.rules.map { "\($0.id)：\($0.reading(in: self))" }
                out += "| \(item.id) \(markdownCell(item.title)) | \(item.max.displayText()) | \(markdownCell(rules.joined(separator: "\n"))) | \(markdownCell(readings.joined(separator: "\n"))) | \(markdownCell(item.verification?.text ?? "")) |\n"
            }
        }
        if !header.interpretations.isEmpty {
            out += "\n## 解释\n\n| 编号 | 问题 | 采用 | 不采用 | 理由 |\n|---|---|---|---|---|\n"
            for i in header.interpretations {
                out += "| \(i.id) | \(markdownCell(i.question)) | \(markdownCell(i.reading)) | \(markdownCell(i.alternative)) | \(markdownCell(i.reason)) |\n"
            }
        }
        return out
    }

    /// One row per rule: section, item, 满分, rule, source text, reading, clause.
    public func renderCSV() -> String {
        var csv = CSVWriter()
        csv.row(["section", "item_id", "item_title", "item_max", "rule_id", "source_text", "reading", "citation", "lines"])
        for section in sections {
            for item in section.items {
                for rule in item.rules {
                    let cite = rule.cite ?? item.cite
                    csv.row([section.title, item.id, item.title, item.max.displayText(), rule.id, cite.text, rule.reading(in: self),
                        cite.reference(defaultDocument: header.document), cite.lines ?? ""])
                }
            }
        }
        return csv.text
    }

    /// The rubric's structure with readings, for machines.
    public var json: JSONValue {
        .object([
            ("id", .string(header.id)), ("version", .string(header.version)), ("title", .string(header.title)),
            ("document", .string(header.document)), ("sha256", .string(header.sha256)), ("total", .number(total)),
            ("sections", .array(sections.map { section in
                .object([
                    ("id", .string(section.id)), ("title", .string(section.title)), ("max", .number(section.max)),
                    ("bonus", .bool(section.bonus)),
                    ("items", .array(section.items.map { item in
                        .object([
                            ("id", .string(item.id)), ("title", .string(item.title)), ("max", .number(item.max)),
                            ("verification", .string(item.verification?.text)),
                            ("caps", .array(item.caps.map { .object([("points", .number($0.points)), ("text", .string($0.cite.text))]) })),
                            ("rules", .array(item.rules.map { rule in
                                .object([
                                    ("id", .string(rule.id)), ("source_text", .string((rule.cite ?? item.cite).text)),
                                    ("reading", .string(rule.reading(in: self))),
                                    ("citation", .string((rule.cite ?? item.cite).reference(defaultDocument: header.document))),
                                    ("interpretations", .array(rule.interpretations.map(JSONValue.string))),
                                ])
                            })),
                        ])
                    })),
                ])
            })),
            ("interpretations", .array(header.interpretations.map(\.json))),
        ])
    }
}
