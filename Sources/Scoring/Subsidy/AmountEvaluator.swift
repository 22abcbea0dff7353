/// Computes a measure's amount for one claim's facts, with the working in Chinese.
///
/// The schedule and facts are passed to each call rather than stored, so evaluating a claim never
/// copies the schedule.
enum AmountEvaluator {
    /// An amount and how sure it is.
    struct Outcome {
        var value: Rational
        /// `年度新增额 2000万元 × 2.5% = 50万元`
        var working: String
        /// Whether finance decides within a bound; `value` is then the most that may be granted.
        var isCeiling = false
        /// The least that may be granted, for ranges.
        var floor: Rational? = nil
        /// Set when the text gives no number: what is missing.
        var undefinedReason: String? = nil
        var interpretations: [String] = []
    }

    static func evaluate(_ rule: AmountRule, _ schedule: Schedule, _ facts: Facts, visiting: [String] = []) throws(EvaluationError) -> Outcome {
        try EvaluationError.wrapping { try evaluateAny(rule, schedule, facts, visiting: visiting) }
    }

    private static func evaluateAny(_ rule: AmountRule, _ schedule: Schedule, _ facts: Facts, visiting: [String]) throws -> Outcome {
        switch rule {
        case .fixed(let amount):
            return Outcome(value: amount, working: amount.wanText)
        case .percent(let of, let rate):
            let base = try facts.number(of)
            let value = try base * rate / .hundred
            return Outcome(value: value, working: "\(try shown(of, schedule, facts)) × \(rate.displayText())% = \(value.wanText)")
        case .perUnit(let of, let amount):
            let count = try facts.number(of)
            let value = try count * amount
            return Outcome(value: value, working: "\(try shown(of, schedule, facts)) × 每单位 \(amount.wanText) = \(value.wanText)")
        case .brackets(let of, let brackets):
            let base = try facts.number(of)
            let unit = schedule.catalog.type(of: of) == .money ? "元" : schedule.catalog.input(of)?.unit
            for bracket in brackets where try bracket.interval.contains(base, region: nil) {
                let name = bracket.label ?? bracket.interval.describe(region: nil, unit: unit)
                return Outcome(value: bracket.amount, working: "\(try shown(of, schedule, facts))，属「\(name)」档 → \(bracket.amount.wanText)")
            }
            throw EvaluationError.noMatchingCase("\(try shown(of, schedule, facts)) 不属于任何档次")
        case .cases(let cases):
            for item in cases {
                if let when = item.when, !(try facts.holds(when)) { continue }
                var outcome = try evaluate(item.amount, schedule, facts, visiting: visiting)
                let label = item.label ?? item.when.map(facts.describe) ?? "其他情形"
                outcome.working = "\(label)：\(outcome.working)"
                if let interpretation = item.interpretation { outcome.interpretations.append(interpretation) }
                return outcome
            }
            throw EvaluationError.noMatchingCase("没有符合的情形")
        case .matching(let of, let ratio):
            let base = try facts.number(of)
            let value = try base * ratio
            return Outcome(value: value, working: "按\(try shown(of, schedule, facts)) 1:\(ratio.displayText()) 匹配 = \(value.wanText)")
        case .percentOfMeasure(let id, let rate):
            guard let other = schedule.measure(id), !visiting.contains(id) else {
                throw EvaluationError.noMatchingCase("项目 \(id) 无法引用")
            }
            var base = try evaluate(other.amount, schedule, facts, visiting: visiting + [id])
            if let ceiling = other.ceiling, base.value > ceiling.amount { base.value = ceiling.amount }
            let value = try base.value * rate / .hundred
            var outcome = base
            outcome.value = value
            outcome.working = "对应的「\(other.title)」金额 \(base.working)；其 \(rate.displayText())% = \(value.wanText)"
            return outcome
        case .minimum(let parts):
            let outcomes = try parts.map { part throws(EvaluationError) in try evaluate(part, schedule, facts, visiting: visiting) }
            guard var lowest = outcomes.min(by: { $0.value < $1.value }) else {
                throw EvaluationError.noMatchingCase("min_of 为空")
            }
            lowest.working = "取低者（" + outcomes.map(\.working).joined(separator: "；") + "）= \(lowest.value.wanText)"
            lowest.isCeiling = outcomes.contains(where: \.isCeiling)
            lowest.undefinedReason = outcomes.compactMap(\.undefinedReason).first
            lowest.interpretations = outcomes.flatMap(\.interpretations)
            return lowest
        case .sum(let parts):
            let outcomes = try parts.map { part throws(EvaluationError) in try evaluate(part, schedule, facts, visiting: visiting) }
            let value = try Rational.sum(outcomes.map(\.value))
            var outcome = Outcome(value: value, working: outcomes.map(\.working).joined(separator: " + ") + " = \(value.wanText)")
            outcome.isCeiling = outcomes.contains(where: \.isCeiling)
            outcome.undefinedReason = outcomes.compactMap(\.undefinedReason).first
            outcome.interpretations = outcomes.flatMap(\.interpretations)
            return outcome
        case .upTo(let inner):
            var outcome = try evaluate(inner, schedule, facts, visiting: visiting)
            outcome.isCeiling = true
            outcome.working = "最高不超过 \(outcome.working)"
            return outcome
        case .range(let low, let high):
            let minimum = try evaluate(low, schedule, facts, visiting: visiting)
            var maximum = try evaluate(high, schedule, facts, visiting: visiting)
            maximum.isCeiling = true
            maximum.floor = minimum.value
            maximum.working = "\(minimum.value.wanText) 至 \(maximum.value.wanText)（\(minimum.working)；\(maximum.working)）"
            return maximum
        case .undefined(let note):
            return Outcome(value: .zero, working: "原文未给出金额：\(note)", undefinedReason: note)
        }
    }

    /// `年度新增额 2000万元`, or the working of a derived value.
    private static func shown(_ id: String, _ schedule: Schedule, _ facts: Facts) throws(EvaluationError) -> String {
        if let derived = schedule.catalog.derivedValue(id) {
            return try facts.ratio(derived).working
        }
        return "\(facts.label(id)) \(facts.display(id))"
    }
}
