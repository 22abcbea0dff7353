extension AuditReport {
    /// Every difference with its code, claimed and computed figures, rule and clause; then a summary
    /// per unit or applicant and in total.
    public func renderText() -> String {
        var lines: [String] = ["核实：\(kind)，共 \(checked.count) 个\(kind == "自评表" ? "单位" : "申请单位")，\(differences.count) 处差异"]
        lines.append("")
        if !differences.isEmpty {
            var table = TextTable([.left, .left, .left, .left, .right, .right])
            table.add(["对象", "位置", "级别", "代码", "申报", "核定"])
            var after: [Int: [String]] = [:]
            for difference in differences {
                table.add([difference.subject, difference.location, difference.severity.chineseName, difference.code,
                    difference.claimed.map(figure) ?? "", difference.computed.map(figure) ?? ""])
                after[table.rows.count - 1] = ["      \(difference.message)", "      依据：\(difference.citation)\(difference.rules.isEmpty ? "" : "（\(difference.rules.joined(separator: "、"))）")"]
            }
            for (row, text) in table.rendered().split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                lines.append(String(text).trimmingTrailingSpaces())
                lines += after[row] ?? []
            }
            lines.append("")
        }
        lines.append("汇总")
        var summaryTable = TextTable([.left, .right, .right, .right])
        summaryTable.add(["对象", "核实项数", "有差异项数", "差额合计"])
        var totalChecked = 0
        var totalDiffering = 0
        var totalGap = Rational.zero
        for entry in summary {
            summaryTable.add([entry.subject, "\(entry.checked)", "\(entry.differing)", figure(entry.gap)])
            totalChecked += entry.checked
            totalDiffering += entry.differing
            totalGap = (try? totalGap + entry.gap) ?? totalGap
        }
        summaryTable.add(["合计", "\(totalChecked)", "\(totalDiffering)", figure(totalGap)])
        lines.append(summaryTable.rendered(indent: "  "))
        return lines.joined(separator: "\n") + "\n"
    }

    private func figure(_ value: Rational) -> String {
        kind == "自评表" ? value.displayText() : value.yuanText
    }

    public func renderCSV() -> String {
        var csv = CSVWriter()
        csv.row(["subject", "location", "severity", "code", "claimed", "computed", "rules", "citation", "message"])
        for difference in differences {
            csv.row([difference.subject, difference.location, difference.severity.rawValue, difference.code,
                difference.claimed?.description ?? "", difference.computed?.description ?? "", difference.rules.joined(separator: ";"),
                difference.citation, difference.message])
        }
        return csv.text
    }

    public func renderMarkdown() -> String {
        var out = "# 核实：\(kind)\n\n| 对象 | 位置 | 级别 | 代码 | 申报 | 核定 | 说明 |\n|---|---|---|---|---:|---:|---|\n"
        for difference in differences {
            out += "| \(markdownCell(difference.subject)) | \(difference.location) | \(difference.severity.chineseName) | `\(difference.code)` | \(difference.claimed.map(figure) ?? "") | \(difference.computed.map(figure) ?? "") | \(markdownCell(difference.message)) |\n"
        }
        out += "\n| 对象 | 核实项数 | 有差异项数 | 差额合计 |\n|---|---:|---:|---:|\n"
        for entry in summary { out += "| \(markdownCell(entry.subject)) | \(entry.checked) | \(entry.differing) | \(figure(entry.gap)) |\n" }
        return out
    }

    public var json: JSONValue {
        .object([
            ("kind", .string(kind)),
            ("differences", .array(differences.map { difference in
                .object([
                    ("subject", .string(difference.subject)), ("location", .string(difference.location)),
                    ("severity", .string(difference.severity.rawValue)), ("code", .string(difference.code)),
                    ("claimed", .number(difference.claimed)), ("computed", .number(difference.computed)),
                    ("rules", .array(difference.rules.map(JSONValue.string))), ("citation", .string(difference.citation)),
                    ("message", .string(difference.message)),
                ])
            })),
            ("summary", .array(summary.map { entry in
                .object([
                    ("subject", .string(entry.subject)), ("checked", .number("\(entry.checked)")),
                    ("differing", .number("\(entry.differing)")), ("gap", .number(entry.gap)),
                ])
            })),
        ])
    }
}
