/// Evaluates one scoring rule against the facts: its points, and a Chinese sentence saying why.
struct RuleEvaluator {
    let facts: Facts
    /// When auditing, a discretionary value outside its range is clamped into it and reported,
    /// instead of stopping the scoring.
    var clampsDiscretionary = false

    /// What one rule gave.
    struct Result {
        var points: Rational
        var explanation: String
        var interpretations: [String]
        /// Set when a discretionary value was outside its range and clamped (auditing only).
        var outOfRange: String? = nil
    }

    func evaluate(_ rule: ScoringRule) throws(EvaluationError) -> Result {
        var result: Result
        if let notApplicable = rule.notApplicable, let when = notApplicable.when, try facts.holds(when) {
            result = try outcome(notApplicable, lead: notApplicable.label ?? facts.describe(when))
        } else {
            do {
                result = try evaluate(rule.kind)
            } catch .undefined(_, let working) {
                guard let fallback = rule.ifUndefined else { throw .undefined(rule.id, working: working) }
                result = try outcome(fallback, lead: "\(working)，无法计算" + (fallback.label.map { "（\($0)）" } ?? ""))
            }
        }
        if let cap = rule.cap, result.points > cap {
            result.explanation += "；本条最高 \(cap.displayText()) 分，按 \(cap.displayText()) 分计"
            result.points = cap
        }
        result.interpretations = rule.interpretations + result.interpretations
        return result
    }

    private func evaluate(_ kind: RuleKind) throws(EvaluationError) -> Result {
        try EvaluationError.wrapping { try evaluateThrowingAny(kind) }
    }

    private func evaluateThrowingAny(_ kind: RuleKind) throws -> Result {
        switch kind {
        case .yesNo(let input, let ifYes, let ifNo):
            guard case .boolean(let yes) = try facts.value(input) else { throw EvaluationError.missingInput(input) }
            let points = yes ? ifYes : ifNo
            return Result(points: points, explanation: "\(facts.label(input))：\(yes ? "是" : "否")，\(got(points))", interpretations: [])

        case .choice(let input, let outcomes):
            guard case .choice(let chosen) = try facts.value(input),
                let match = outcomes.first(where: { $0.value == chosen })
            else { throw EvaluationError.missingInput(input) }
            return try outcome(match, lead: "\(facts.label(input))：「\(chosen)」")

        case .discretionary(let points):
            return try discretionary(points, lead: facts.label(points.input), interpretation: nil)

        case .tiers(let input, let tiers, let otherwise):
            let (value, lead) = try numberAndWorking(input)
            for tier in tiers where try tier.interval.contains(value, region: facts.region) {
                let name = tier.label ?? tier.interval.describe(region: facts.region, unit: unit(input))
                return Result(
                    points: tier.points, explanation: "\(lead)，属「\(name)」档，\(got(tier.points))",
                    interpretations: tier.interpretation.map { [$0] } ?? [])
            }
            guard let otherwise else {
                return Result(points: .zero, explanation: "\(lead)，不属于任何档次，得 0 分", interpretations: [])
            }
            return try outcome(otherwise, lead: "\(lead)，不属于任何档次" + (otherwise.label.map { "（\($0)）" } ?? ""))

        case .perStep(let terms, let partial):
            var total = Rational.zero
            var parts: [String] = []
            for term in terms {
                let value = try facts.number(term.input)
                let exact = try value / term.every
                let steps = partial.apply(exact)
                let points = try steps * term.points
                total = try total + points
                let rule = term.label ?? "每 \(term.every.displayText())\(unitSuffix(term.input)) 加 \(term.points.displayText()) 分"
                var text = "\(facts.label(term.input)) \(facts.display(term.input))，\(rule)"
                if exact != steps {
                    text += "，计 \(steps.displayText()) 档（\(partial.chineseName)）"
                }
                parts.append(text + "，得 \(points.displayText()) 分")
            }
            let summary = terms.count > 1 ? "；合计\(got(total))" : ""
            return Result(points: total, explanation: parts.joined(separator: "；") + summary, interpretations: [])

        case .deduction(let input, let base, let perOccurrence):
            let count = try facts.number(input)
            let lead = "\(facts.label(input)) \(facts.display(input))"
            guard !count.isZero else {
                return Result(points: base, explanation: "\(lead)，不扣分，\(got(base))", interpretations: [])
            }
            let deducted = try count * perOccurrence
            let remaining = try base - deducted
            let points = max(remaining, .zero)
            let working = "每次扣 \(perOccurrence.displayText()) 分，\(base.displayText()) − \(deducted.displayText())"
            let tail = remaining.isNegative ? " 不足 0，扣完为止" : " = \(points.displayText())"
            return Result(points: points, explanation: "\(lead)，\(working)\(tail)，\(got(points))", interpretations: [])

        case .shortfall(let shortfall):
            return try evaluate(shortfall)

        case .conditions(let cases, let otherwise):
            for candidate in cases {
                guard let when = candidate.when, try facts.holds(when) else { continue }
                return try outcome(candidate, lead: candidate.label ?? facts.describe(when))
            }
            return try outcome(otherwise, lead: otherwise.label ?? "其他情形")

        case .sum(let parts):
            var total = Rational.zero
            var texts: [String] = []
            var interpretations: [String] = []
            var outOfRange: String?
            for part in parts {
                let result = try evaluate(part)
                total = try total + result.points
                texts.append(result.explanation)
                interpretations += result.interpretations
                outOfRange = outOfRange ?? result.outOfRange
            }
            return Result(
                points: total, explanation: texts.joined(separator: "；") + "；合计\(got(total))",
                interpretations: interpretations, outOfRange: outOfRange)
        }
    }

    private func evaluate(_ shortfall: Shortfall) throws -> Result {
        let (value, lead) = try numberAndWorking(shortfall.input)
        let isLowerBound = shortfall.threshold.lower != nil
        guard let bound = shortfall.threshold.lower ?? shortfall.threshold.upper else {
            throw EvaluationError.missingInput(shortfall.input)
        }
        let threshold = try bound.value.resolved(for: facts.region)
        let unitText = unit(shortfall.input) == "%" ? "%" : unitSuffix(shortfall.input)
        if try shortfall.threshold.contains(value, region: facts.region) {
            let comparison = isLowerBound ? "达到" : "未超过"
            return Result(
                points: shortfall.fullPoints,
                explanation: "\(lead)，\(comparison) \(threshold.displayText())\(unitText)，\(got(shortfall.fullPoints))",
                interpretations: [])
        }
        let gap = isLowerBound ? try threshold - value : try value - threshold
        let exact = try gap / shortfall.every
        let steps = shortfall.partial.apply(exact)
        let deducted = try steps * shortfall.deduct
        let remaining = try shortfall.fullPoints - deducted
        let points = max(remaining, .zero)
        let gapUnit = unit(shortfall.input) == "%" ? " 个百分点" : unitSuffix(shortfall.input)
        let direction = isLowerBound ? "低于" : "高于"
        let per = "每\(isLowerBound ? "低" : "高") \(shortfall.every.displayText())\(unitText) 扣 \(shortfall.deduct.displayText()) 分"
        var text = "\(lead)，\(direction) \(threshold.displayText())\(unitText) \(gap.displayText())\(gapUnit)，\(per)"
        text += "，计 \(steps.displayText()) 档"
        if exact != steps { text += "（\(shortfall.partial.chineseName)）" }
        text += "，\(shortfall.fullPoints.displayText()) − \(deducted.displayText())"
        text += remaining.isNegative ? " 不足 0，扣完为止" : " = \(points.displayText())"
        return Result(points: points, explanation: text + "，\(got(points))", interpretations: [])
    }

    /// The result of a fixed or discretionary outcome, explained after `lead`.
    func outcome(_ outcome: Outcome, lead: String) throws(EvaluationError) -> Result {
        if let discretionary = outcome.discretionary {
            return try self.discretionary(discretionary, lead: lead, interpretation: outcome.interpretation)
        }
        let points = outcome.points ?? .zero
        return Result(
            points: points, explanation: "\(lead)，\(got(points))",
            interpretations: outcome.interpretation.map { [$0] } ?? [])
    }

    private func discretionary(_ points: DiscretionaryPoints, lead: String, interpretation: String?)
        throws(EvaluationError) -> Result
    {
        var value = try facts.number(points.input)
        let range: String
        var problem: String?
        if let maximum = points.maximum {
            range = "可得 \(points.minimum.displayText())–\(maximum.displayText()) 分"
            if value < points.minimum || value > maximum {
                problem = "酌定分值 \(value.displayText()) 超出此情形的范围（\(range)）"
            }
        } else {
            range = "原文未给出分值，只受本项上限约束"
            if value < points.minimum { problem = "酌定分值 \(value.displayText()) 低于 \(points.minimum.displayText())" }
        }
        if let problem {
            guard clampsDiscretionary else { throw .outOfRange(input: points.input, message: problem) }
            value = min(max(value, points.minimum), points.maximum ?? value)
        }
        var text = "\(lead)，酌定 \(value.displayText()) 分（\(range)）"
        if let problem { text += "；填写有误：\(problem)，按 \(value.displayText()) 分计" }
        if let note = facts.notes[points.input], !note.isEmpty { text += "；说明：\(note)" }
        return Result(points: value, explanation: text, interpretations: interpretation.map { [$0] } ?? [], outOfRange: problem)
    }

    /// The number held by `id`, and `主办件 7 件` or the working of a derived ratio: a ratio is
    /// worked out once for both, as its working is most of its cost.
    private func numberAndWorking(_ id: String) throws(EvaluationError) -> (Rational, String) {
        if let derived = facts.catalog.derived.first(where: { $0.id == id }) {
            let ratio = try facts.ratio(derived)
            return (ratio.value, ratio.working)
        }
        return (try facts.number(id), "\(facts.label(id)) \(facts.display(id))")
    }

    private func unit(_ id: String) -> String? {
        if let derived = facts.catalog.derived.first(where: { $0.id == id }) { return derived.percent ? "%" : nil }
        return facts.catalog.input(id)?.unit
    }

    private func unitSuffix(_ id: String) -> String {
        guard let unit = unit(id) else { return "" }
        return unit == "%" ? "%" : " \(unit)"
    }

    private func got(_ points: Rational) -> String { "得 \(points.displayText()) 分" }
}

extension PartialStep {
    /// The number of steps counted for `exact` steps.
    func apply(_ exact: Rational) -> Rational {
        switch self {
        case .floor: exact.floor
        case .ceiling: exact.ceiling
        case .proportional: exact
        }
    }
}
