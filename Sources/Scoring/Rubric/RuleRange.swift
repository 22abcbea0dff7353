/// The fewest and most points a rule or item can give over every possible input.
///
/// Used when a rubric loads, to prove that no input can take an item outside 0–满分. `maximum` is
/// `nil` when the source sets no ceiling (酌情加分, 每篇加2分) and only a cap can bound it.
struct RuleRange {
    var minimum: Rational
    var maximum: Rational?

    static func of(item: Item, in scorecard: Scorecard) throws(ArithmeticOverflow) -> RuleRange {
        // Caps apply as the evaluator applies them: inner caps first, each limiting its group.
        var groups = CapGroups(try item.rules.map { rule throws(ArithmeticOverflow) in (rule.id, try of(rule: rule, in: scorecard)) })
        for (cap, covered) in item.capsInOrder {
            try groups.apply(covered) { ranges throws(ArithmeticOverflow) in
                let sum = try total(ranges)
                return RuleRange(minimum: min(sum.minimum, cap.points), maximum: sum.maximum.map { min($0, cap.points) } ?? cap.points)
            }
        }
        let sum = try total(groups.values)
        // The evaluator never lets an item's points fall below zero.
        return RuleRange(minimum: max(sum.minimum, .zero), maximum: sum.maximum)
    }

    /// The range of a sum of rules.
    private static func total(_ ranges: [RuleRange]) throws(ArithmeticOverflow) -> RuleRange {
        var minimum = Rational.zero
        var maximum: Rational? = .zero
        for range in ranges {
            minimum = try minimum + range.minimum
            maximum = try add(maximum, range.maximum)
        }
        return RuleRange(minimum: minimum, maximum: maximum)
    }

    static func of(rule: ScoringRule, in scorecard: Scorecard) throws(ArithmeticOverflow) -> RuleRange {
        var range = try of(kind: rule.kind, in: scorecard)
        for outcome in [rule.notApplicable, rule.ifUndefined].compactMap({ $0 }) {
            range = range.including(outcome)
        }
        if let cap = rule.cap {
            range.maximum = range.maximum.map { min($0, cap) } ?? cap
            range.minimum = min(range.minimum, cap)
        }
        return range
    }

    private static func of(kind: RuleKind, in scorecard: Scorecard) throws(ArithmeticOverflow) -> RuleRange {
        switch kind {
        case .yesNo(_, let yes, let no):
            return RuleRange(minimum: min(yes, no), maximum: max(yes, no))
        case .choice(_, let outcomes):
            return spanning(outcomes)
        case .discretionary(let points):
            return RuleRange(minimum: points.minimum, maximum: points.maximum)
        case .tiers(_, let tiers, let otherwise):
            var range = RuleRange(minimum: tiers.map(\.points).min() ?? .zero, maximum: tiers.map(\.points).max() ?? .zero)
            // With no `otherwise`, a value outside every tier scores 0 (and is reported).
            range = otherwise.map { range.including($0) } ?? range.including(points: .zero)
            return range
        case .perStep(let terms, _):
            var most: Rational? = .zero
            for term in terms {
                guard let limit = scorecard.input(term.input)?.maximum else { return RuleRange(minimum: .zero, maximum: nil) }
                most = try add(most, try (limit / term.every).ceiling * term.points)
            }
            return RuleRange(minimum: .zero, maximum: most)
        case .deduction(_, let base, _):
            return RuleRange(minimum: .zero, maximum: base)
        case .shortfall(let shortfall):
            return RuleRange(minimum: .zero, maximum: shortfall.fullPoints)
        case .conditions(let cases, let otherwise):
            return spanning(cases + [otherwise])
        case .sum(let parts):
            var minimum = Rational.zero
            var maximum: Rational? = .zero
            for part in parts {
                let range = try of(rule: part, in: scorecard)
                minimum = try minimum + range.minimum
                maximum = try add(maximum, range.maximum)
            }
            return RuleRange(minimum: minimum, maximum: maximum)
        }
    }

    private static func spanning(_ outcomes: [Outcome]) -> RuleRange {
        var range = RuleRange(minimum: outcomes.first?.minimumPoints ?? .zero, maximum: outcomes.first?.maximumPoints)
        for outcome in outcomes.dropFirst() { range = range.including(outcome) }
        return range
    }

    private func including(_ outcome: Outcome) -> RuleRange {
        var range = including(points: outcome.minimumPoints)
        range.maximum = outcome.maximumPoints.flatMap { most in range.maximum.map { max($0, most) } }
        return range
    }

    private func including(points: Rational) -> RuleRange {
        RuleRange(minimum: min(minimum, points), maximum: maximum.map { max($0, points) })
    }

    private static func add(_ a: Rational?, _ b: Rational?) throws(ArithmeticOverflow) -> Rational? {
        guard let a, let b else { return nil }
        return try a + b
    }
}
