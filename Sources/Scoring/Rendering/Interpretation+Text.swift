extension RubricHeader {
    /// Every interpretation with its alternative and reason, and every 解读 discrepancy, as `show` prints them.
    func interpretationLines() -> [String] {
        var lines: [String] = []
        if !interpretations.isEmpty {
            lines.append("")
            lines.append("解释（原文有歧义之处，本文件的读法）")
            for interpretation in interpretations {
                lines.append("  \(interpretation.id) \(interpretation.question)")
                lines.append("    采用：\(interpretation.reading)")
                lines.append("    不采用：\(interpretation.alternative)")
                lines.append("    理由：\(interpretation.reason)")
            }
        }
        if !discrepancies.isEmpty {
            lines.append("")
            lines.append("正文与政策解读不一致之处（以正文为准）")
            for discrepancy in discrepancies {
                lines.append("  \(discrepancy.id) 正文：「\(discrepancy.official.text)」；解读：「\(discrepancy.interpretationText.text)」。\(discrepancy.note)")
            }
        }
        return lines
    }
}

/// The interpretations that applied to a result, as score and subsidy reports print them.
func appliedInterpretationLines(_ interpretations: [Interpretation]) -> [String] {
    guard !interpretations.isEmpty else { return [] }
    var lines = ["", "采用的解释（原文有歧义之处）"]
    for interpretation in interpretations {
        lines.append("  \(interpretation.id) \(interpretation.question)")
        lines.append("    采用：\(interpretation.reading)")
    }
    return lines
}
