extension TargetReport {
    /// Each indicator with target, actual, met or not, and the margin.
    public func renderText() -> String {
        var lines = [checklist.title, "\(checklist.document) · 目标考核清单 \(checklist.id) 第 \(checklist.version) 版 · sha256 \(checklist.sha256.prefix(12))"]
        lines.append("单位：\(unit)\(period.map { "　期间：\($0)" } ?? "")")
        lines.append("")
        var table = TextTable([.left, .left, .right, .right, .left, .right])
        table.add(["指标", "名称", "目标", "实际", "结果", "差距"])
        var after: [Int: [String]] = [:]
        for result in results {
            let unitText = result.indicator.unit ?? ""
            table.add([result.indicator.id, result.indicator.title, result.targetText, result.actual.displayText() + unitText,
                result.met ? "完成" : "未完成", signed(result.margin) + (unitText == "%" ? " 个百分点" : unitText)])
            after[table.rows.count - 1] = ["      \(result.indicator.quantity)；依据：「\(result.indicator.cite.text)」（\(result.indicator.cite.reference(defaultDocument: checklist.document))）"]
        }
        for (row, text) in table.rendered().split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            lines.append(String(text).trimmingTrailingSpaces())
            lines += after[row] ?? []
        }
        lines.append("")
        lines.append("结论：\(results.filter(\.met).count)/\(results.count) 项完成\(allMet ? "，全部完成" : "")")
        lines += appliedInterpretationLines(interpretations)
        return lines.joined(separator: "\n") + "\n"
    }

    private func signed(_ value: Rational) -> String { (value.isNegative ? "" : "+") + value.displayText() }

    public func renderCSV() -> String {
        var csv = CSVWriter()
        csv.row(["unit", "indicator", "title", "target", "actual", "met", "margin", "citation"])
        for result in results {
            csv.row([unit, result.indicator.id, result.indicator.title, result.targetText, result.actual.description,
                result.met ? "true" : "false", result.margin.description, result.indicator.cite.reference(defaultDocument: checklist.document)])
        }
        return csv.text
    }

    public func renderMarkdown() -> String {
        var out = "# \(checklist.title)\n\n单位：\(unit)\n\n| 指标 | 名称 | 目标 | 实际 | 结果 | 差距 |\n|---|---|---:|---:|---|---:|\n"
        for result in results {
            out += "| \(result.indicator.id) | \(markdownCell(result.indicator.title)) | \(result.targetText) | \(result.actual.displayText())\(result.indicator.unit ?? "") | \(result.met ? "完成" : "未完成") | \(signed(result.margin)) |\n"
        }
        return out
    }

    public var json: JSONValue {
        .object([
            ("checklist", checklist.json), ("unit", .string(unit)), ("period", .string(period)), ("all_met", .bool(allMet)),
            ("indicators", .array(results.map { result in
                .object([
                    ("id", .string(result.indicator.id)), ("title", .string(result.indicator.title)),
                    ("target", .string(result.targetText)), ("actual", .number(result.actual)), ("met", .bool(result.met)),
                    ("margin", .number(result.margin)), ("citation", .string(result.indicator.cite.reference(defaultDocument: checklist.document))),
                ])
            })),
            ("interpretations", .array(interpretations.map(\.json))),
        ])
    }
}

extension TargetChecklist {
    /// The indicators with their targets and source text.
    public func renderText() -> String {
        var lines = [header.title, "\(header.document) · 目标考核清单 \(header.id) 第 \(header.version) 版 · sha256 \(header.sha256.prefix(12))", ""]
        for indicator in indicators {
            lines.append("\(indicator.id) \(indicator.title)：目标 \(indicator.target.describe(region: nil, unit: indicator.unit))（实际值填：\(indicator.quantity)）")
            lines.append("    原文：\(indicator.cite.text)")
        }
        lines += header.interpretationLines()
        return lines.joined(separator: "\n") + "\n"
    }

    /// An actuals file to fill in.
    public func renderTemplate() -> String {
        var lines = ["# \(header.title) — 实际值填写模板", "rubric: \(header.id)", "unit: ", "period: ", "inputs:"]
        for indicator in indicators {
            lines.append("  \(indicator.id):   # \(indicator.title)；\(indicator.quantity)；目标 \(indicator.target.describe(region: nil, unit: indicator.unit))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
