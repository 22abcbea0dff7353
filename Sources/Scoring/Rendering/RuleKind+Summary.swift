extension ScoringRule {
    /// How the tool reads the rule, in one line: `主办件：1-4 件 → 3 分；…；其他 → 0 分`.
    func reading(in scorecard: Scorecard) -> String {
        var text = kind.reading(in: scorecard)
        if let notApplicable, let when = notApplicable.when {
            let condition = notApplicable.label ?? Facts(catalog: scorecard.catalog, values: [:], notes: [:], region: nil).describe(when)
            text = "\(condition) → \(notApplicable.summary)；否则 " + text
        }
        if let ifUndefined { text += "；无法计算时 → \(ifUndefined.summary)" }
        if let cap { text += "；本条最高 \(cap.displayText()) 分" }
        return text
    }
}

extension Outcome {
    /// `3 分`, `酌定 1–9 分`, or `酌定（原文未给出分值）`, with the interpretation that decided it.
    var summary: String {
        var text: String
        if let points {
            text = "\(points.displayText()) 分"
        } else if let discretionary {
            text = discretionary.maximum.map { "酌定 \(discretionary.minimum.displayText())–\($0.displayText()) 分" }
                ?? "酌定（原文未给出分值）"
        } else {
            text = "?"
        }
        if let interpretation { text += "〔\(interpretation)〕" }
        return text
    }
}

extension RuleKind {
    func reading(in scorecard: Scorecard) -> String {
        let facts = Facts(catalog: scorecard.catalog, values: [:], notes: [:], region: scorecard.region?.chosen)
        switch self {
        case .yesNo(let input, let ifYes, let ifNo):
            return "\(facts.label(input))：是 → \(ifYes.displayText()) 分；否 → \(ifNo.displayText()) 分"
        case .choice(let input, let outcomes):
            return "\(facts.label(input))：" + outcomes.map { "「\($0.value ?? "")」→ \($0.summary)" }.joined(separator: "；")
        case .discretionary(let points):
            let range = points.maximum.map { "\(points.minimum.displayText())–\($0.displayText()) 分" } ?? "不少于 \(points.minimum.displayText()) 分，原文未给出上限"
            return "\(facts.label(points.input))：评估人酌定，\(range)，须写明理由"
        case .tiers(let input, let tiers, let otherwise):
            let unit = scorecard.input(input)?.unit ?? (scorecard.derived.first { $0.id == input }?.percent == true ? "%" : nil)
            var parts = tiers.map { tier in
                let name = tier.label ?? tier.interval.describe(region: facts.region, unit: unit)
                let exact = tier.interval.describe(region: facts.region, unit: unit)
                let mark = tier.interpretation.map { "〔\($0)〕" } ?? ""
                return "\(name)（\(exact)）→ \(tier.points.displayText()) 分\(mark)"
            }
            if let otherwise { parts.append("其他 → \(otherwise.summary)") }
            return "\(facts.label(input))：" + parts.joined(separator: "；")
        case .perStep(let terms, let partial):
            let parts = terms.map { term in
                "\(facts.label(term.input))每 \(term.every.displayText()) → \(term.points.displayText()) 分"
            }
            return parts.joined(separator: "；") + "（\(partial.chineseName)）"
        case .deduction(let input, let base, let per):
            return "\(base.displayText()) 分起，\(facts.label(input))每次扣 \(per.displayText()) 分，扣完为止"
        case .shortfall(let shortfall):
            let bound = shortfall.threshold.describe(region: facts.region, unit: scorecard.input(shortfall.input)?.unit)
            let side = shortfall.threshold.lower != nil ? "每低" : "每高"
            return "\(facts.label(shortfall.input)) \(bound) → \(shortfall.fullPoints.displayText()) 分；\(side) \(shortfall.every.displayText()) 扣 \(shortfall.deduct.displayText()) 分，扣完为止（\(shortfall.partial.chineseName)）"
        case .conditions(let cases, let otherwise):
            var parts = cases.map { outcome in
                "\(outcome.label ?? outcome.when.map(facts.describe) ?? "") → \(outcome.summary)"
            }
            parts.append("\(otherwise.label ?? "其他") → \(otherwise.summary)")
            return parts.joined(separator: "；")
        case .sum(let parts):
            return parts.map { "\($0.id)：\($0.reading(in: scorecard))" }.joined(separator: "；") + "；各部分相加"
        }
    }
}
