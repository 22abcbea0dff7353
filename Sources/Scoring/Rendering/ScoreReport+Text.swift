extension ScoreReport {
    /// The report for people: items with points against 满分, one line per rule with its clause,
    /// the total, where points were lost, the findings and the interpretations that applied.
    public func renderText() -> String {
        var lines: [String] = []
        lines.append(rubric.title)
        lines.append("\(rubric.document) · 评分表 \(rubric.id) 第 \(rubric.version) 版 · sha256 \(rubric.sha256.prefix(12))")
        var who = "单位：\(unit)"
        if let period { who += "　期间：\(period)" }
        if let region { who += "　地区：\(region)" }
        lines.append(who)
        lines.append("")

        // One table for every item, so the columns line up across sections; section headings and
        // each item's rule lines are printed between its rows.
        var table = TextTable([.left, .left, .right, .left])
        var before: [Int: [String]] = [:]
        var after: [Int: [String]] = [:]
        for (index, section) in sections.enumerated() {
            let weight = section.printedWeight.map { "（\($0)）" } ?? ""
            let bonus = section.bonus ? "［加分项］" : ""
            let heading = "\(chineseOrdinal(index + 1))、\(section.title)\(weight)\(bonus)  \(fraction(section.points, section.maximum))"
            before[table.rows.count, default: []] += (index > 0 ? [""] : []) + [heading]
            for item in section.items {
                let claimed = item.claimed.map { "自评 \($0.displayText())" } ?? ""
                let points = item.missing ? "缺项" : fraction(item.points, item.maximum)
                table.add([item.id, item.title, points, claimed])
                var itemLines: [String] = []
                var rules = TextTable([.left, .right, .left])
                for rule in item.rules {
                    rules.add([rule.id, rule.maximum.map { fraction(rule.points, $0) } ?? display(rule.points),
                        "\(rule.explanation)（\(rule.citation)）"])
                }
                if !item.rules.isEmpty { itemLines.append(rules.rendered(indent: "      ")) }
                itemLines += item.adjustments.map { "      → \($0)" }
                after[table.rows.count - 1] = itemLines
            }
        }
        for (row, text) in table.rendered(indent: "  ").split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            lines += before[row] ?? []
            lines.append(String(text).trimmingTrailingSpaces())
            lines += after[row] ?? []
        }
        lines.append("")

        var totalLine = "总分  \(display(total))/\(maximum.displayText())"
        if bonusPoints > .zero || sections.contains(where: \.bonus) {
            totalLine += "（基本分 \(display(basePoints))，加分 \(display(bonusPoints))）"
        }
        if let claimedTotal { totalLine += "　自评 \(claimedTotal.displayText())" }
        lines.append(totalLine)
        if let rescaling { lines.append("  \(rescaling.explanation)（\(rescaling.citation)）") }
        if let verdict {
            lines.append("结论  \(verdict.passed ? "达标" : "未达标")：\(verdict.reasons.joined(separator: "；"))")
        }

        let lost = lostPoints
        if !lost.isEmpty {
            let sum = (try? Rational.sum(lost.map(\.points))) ?? .zero
            lines.append("")
            lines.append("失分  共 \(display(sum)) 分")
            for item in lost {
                lines.append("  \(item.item) \(item.title)  −\(display(item.points))")
                for rule in item.rules {
                    lines.append("    \(rule.id)：\(rule.explanation)")
                }
            }
        }

        lines.append("")
        if findings.isEmpty {
            lines.append("发现  无")
        } else {
            lines.append("发现  \(findings.count) 条")
            for finding in findings {
                let place = finding.location.map { " \($0)" } ?? ""
                lines.append("  \(finding.severity.chineseName) \(finding.code)\(place)：\(finding.message)")
            }
        }
        lines += appliedInterpretationLines(interpretations)
        return lines.joined(separator: "\n") + "\n"
    }

    func fraction(_ points: Rational, _ maximum: Rational) -> String {
        "\(display(points))/\(maximum.displayText())"
    }
}

extension Finding.Severity {
    /// 错误 / 警告 / 提示.
    public var chineseName: String {
        switch self {
        case .error: "错误"
        case .warning: "警告"
        case .info: "提示"
        }
    }
}

extension String {
    /// The text without trailing spaces, so aligned tables leave no invisible padding at line ends.
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

/// 一, 二, 三 … for section numbers, as the source tables number them.
func chineseOrdinal(_ number: Int) -> String {
    let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    if number <= 10 { return digits[number] }
    if number < 20 { return "十" + digits[number - 10] }
    return String(number)
}
