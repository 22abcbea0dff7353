extension ScoreReport {
    /// One row per scoring rule, with the item's figures repeated, then a total row: a table that
    /// filters and pivots in Excel.
    public func renderCSV() -> String {
        var csv = CSVWriter()
        csv.row([
            "unit", "section", "item_id", "item_title", "item_points", "item_max", "item_claimed", "rule_id",
            "rule_points", "rule_max", "explanation", "citation",
        ])
        for section in sections {
            for item in section.items {
                let itemCells = [
                    unit, section.title, item.id, item.title, item.missing ? "缺项" : number(item.points),
                    number(item.maximum), item.claimed.map(number) ?? "",
                ]
                if item.rules.isEmpty {
                    csv.row(itemCells + ["", "", "", item.adjustments.joined(separator: "；"), item.citation])
                }
                for rule in item.rules {
                    csv.row(itemCells + [rule.id, number(rule.points), rule.maximum.map(number) ?? "", rule.explanation, rule.citation])
                }
            }
        }
        csv.row([unit, "总分", "", "", number(total), number(maximum), claimedTotal.map(number) ?? "", "", "", "", rescaling?.explanation ?? "", rubric.document])
        return csv.text
    }

    /// The report as Markdown, for pasting into documents and issue trackers.
    public func renderMarkdown() -> String {
        var out = "# \(rubric.title)\n\n"
        out += "- 单位：\(unit)\n"
        if let period { out += "- 期间：\(period)\n" }
        out += "- 依据：\(rubric.document)（评分表 `\(rubric.id)` 第 \(rubric.version) 版，sha256 `\(rubric.sha256.prefix(12))`）\n"
        out += "- **总分：\(display(total))/\(maximum.displayText())**"
        if let claimedTotal { out += "（自评 \(claimedTotal.displayText())）" }
        out += "\n"
        if let verdict { out += "- 结论：\(verdict.passed ? "达标" : "未达标")（\(verdict.reasons.joined(separator: "；"))）\n" }
        if let rescaling { out += "- 缺项折算：\(rescaling.explanation)\n" }
        out += "\n| 指标 | 得分 | 满分 | 自评 | 说明 |\n|---|---:|---:|---:|---|\n"
        for section in sections {
            out += "| **\(markdownCell(section.title))\(section.printedWeight.map { "（\($0)）" } ?? "")** | **\(display(section.points))** | **\(section.maximum.displayText())** | | |\n"
            for item in section.items {
                var notes = item.rules.map { "\($0.id) \($0.explanation)" }
                notes += item.adjustments
                out += "| \(item.id) \(markdownCell(item.title)) | \(item.missing ? "缺项" : display(item.points)) | \(item.maximum.displayText()) | \(item.claimed?.displayText() ?? "") | \(markdownCell(notes.joined(separator: "<br>"))) |\n"
            }
        }
        let lost = lostPoints
        if !lost.isEmpty {
            out += "\n## 失分\n\n"
            for item in lost {
                out += "- \(item.item) \(item.title)：−\(display(item.points))"
                out += item.rules.isEmpty ? "\n" : "（" + item.rules.map(\.id).joined(separator: "、") + "）\n"
            }
        }
        out += "\n## 发现\n\n"
        out += findings.isEmpty ? "无\n" : findings.map { "- \($0.severity.chineseName) `\($0.code)` \($0.location ?? "")：\($0.message)\n" }.joined()
        if !interpretations.isEmpty {
            out += "\n## 采用的解释\n\n"
            for interpretation in interpretations {
                out += "- **\(interpretation.id)** \(interpretation.question) 采用：\(interpretation.reading)\n"
            }
        }
        return out
    }

    func number(_ value: Rational) -> String {
        value.exactDecimalText ?? ((try? value.fixedText(places: rounding.places, rounding: rounding.mode)) ?? "")
    }
}

/// A table cell's text with the characters that would break a Markdown table escaped.
func markdownCell(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
}
