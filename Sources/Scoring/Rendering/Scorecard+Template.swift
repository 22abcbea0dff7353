extension Scorecard {
    /// A self-assessment file to fill in, written so that a unit needs nothing else: every input
    /// under the rule that uses it, with its Chinese label, type, allowed values and the rule's
    /// source text as comments. Blank values mean "not given".
    public func renderTemplate() -> String {
        var lines: [String] = [
            "# \(header.title) — 自评填写模板",
            "# 依据：\(header.document)；评分表 \(header.id) 第 \(header.version) 版（sha256 \(header.sha256.prefix(12))）",
            "# 填写方法：在 inputs 下逐项填写（冒号后留一个空格）；是/否填 true 或 false；",
            "# 选项须与注释中的可选值一字不差；酌定分须在 notes 中写明理由；claimed 可填各项自评分。",
            "rubric: \(header.id)",
            "unit: ",
            "period: ",
        ]
        if let region { lines.append("region: \(region.chosen)  # 可选：\(region.options.joined(separator: "、"))") }
        lines.append("inputs:")
        var written: Set<String> = []
        for section in sections {
            lines.append("  # ── \(section.title) ──")
            for item in section.items {
                lines.append("  # \(item.id) \(item.title)（满分 \(item.max.displayText())）")
                for rule in item.rules {
                    let ids = (rule.kind.inputs + (rule.notApplicable?.when?.inputs ?? []) + rule.kind.discretionaryInputs)
                        .flatMap(expandingDerived)
                    let fresh = unique(ids).filter { !written.contains($0) }
                    guard !fresh.isEmpty else { continue }
                    lines.append("  # \(rule.id) \((rule.cite ?? item.cite).text)")
                    for id in fresh {
                        written.insert(id)
                        lines += templateLines(for: id)
                    }
                }
                for gate in item.gates where !written.contains(gate.input) {
                    written.insert(gate.input)
                    lines.append("  # 门槛 \(gate.id) \(gate.cite.text)")
                    lines += templateLines(for: gate.input)
                }
            }
        }
        let remaining = inputs.map(\.id).filter { !written.contains($0) }
        if !remaining.isEmpty {
            lines.append("  # ── 其他 ──")
            for id in remaining { lines += templateLines(for: id) }
        }
        if !items.filter(\.mayBeMissing).isEmpty {
            lines.append("# 缺项（可选）：\(missingItems?.cite.text ?? "")")
            lines.append("# 可缺项的指标：\(items.filter(\.mayBeMissing).map(\.id).joined(separator: "、"))")
            lines.append("missing_items: []")
        }
        lines.append("# 各项自评分（可选），不超过满分")
        lines.append("claimed:")
        for item in items { lines.append("  \(item.id):   # \(item.title)，满分 \(item.max.displayText())") }
        lines.append("claimed_total:   # 自评总分（可选）")
        let noted = inputs.filter(\.noteRequired)
        if !noted.isEmpty {
            lines.append("# 酌定分的理由")
            lines.append("notes:")
            for input in noted { lines.append("  \(input.id):   # \(input.label)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func expandingDerived(_ id: String) -> [String] {
        guard let derived = derived.first(where: { $0.id == id }) else { return [id] }
        return derived.numerator + derived.denominator
    }

    private func unique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }

    private func templateLines(for id: String) -> [String] {
        guard let input = input(id) else { return [] }
        var comment = "\(input.label)；\(input.type.chineseName)"
        if let unit = input.unit, unit != "%" { comment += "，单位：\(unit)" }
        if let choices = input.choices { comment += "；可选：" + choices.joined(separator: " / ") }
        if let help = input.help { comment += "；\(help)" }
        return ["  \(id):   # \(comment)"]
    }
}

extension RuleKind {
    /// The `points` inputs behind discretionary outcomes.
    var discretionaryInputs: [String] {
        switch self {
        case .choice(_, let outcomes), .conditions(let outcomes, _): outcomes.compactMap(\.discretionary?.input)
        case .tiers(_, _, let otherwise): otherwise?.discretionary.map { [$0.input] } ?? []
        case .sum(let parts): parts.flatMap(\.kind.discretionaryInputs)
        default: []
        }
    }
}
