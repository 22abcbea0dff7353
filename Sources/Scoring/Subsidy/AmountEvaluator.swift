/// Computes a measure's amount for one claim's facts, with the working in Chinese.
///
/// The schedule and facts are passed to each call rather than stored, so evaluating a claim never
/// copies the schedule.
enum AmountEvaluator {
    /// An amount and how sure it is; its working is written to the caller's text as it is worked out.
    struct Outcome {
        var value: Rational
        /// Whether finance decides within a bound; `value` is then the most that may be granted.
        var isCeiling = false
        /// The least that may be granted, for ranges.
        var floor: Rational? = nil
        /// Set when the text gives no number: what is missing.
        var undefinedReason: String? = nil
        var interpretations: [String] = []
    }

    /// The amount of `rule` for `facts`, appending its working to `working`
    /// (`年度新增额 2000万元 × 2.5% = 50万元`).
    ///
    /// The working of every part is written straight after the text before it, rather than built as a
    /// string of its own and joined: a claim's amount is worked out a million times a run. When this
    /// throws, what it appended is incomplete and the caller drops it.
    static func evaluate(_ rule: AmountRule, _ schedule: Schedule, _ facts: Facts, visiting: [String] = [], working: inout String) throws(EvaluationError) -> Outcome {
        try EvaluationError.wrapping { try evaluateAny(rule, schedule, facts, visiting: visiting, working: &working) }
    }

    private static func evaluateAny(_ rule: AmountRule, _ schedule: Schedule, _ facts: Facts, visiting: [String], working: inout String) throws -> Outcome {
        switch rule {
        case .fixed(let amount):
            working += amount.wanText
            return Outcome(value: amount)
        case .percent(let of, let rate):
            let base = try facts.number(of)
            let value = try base * rate / .hundred
            try appendShown(of, schedule, facts, to: &working)
            working += " × "
            working += rate.displayText()
            working += "% = "
            working += value.wanText
            return Outcome(value: value)
        case .perUnit(let of, let amount):
            let count = try facts.number(of)
            let value = try count * amount
            try appendShown(of, schedule, facts, to: &working)
            working += " × 每单位 "
            working += amount.wanText
            working += " = "
            working += value.wanText
            return Outcome(value: value)
        case .brackets(let of, let brackets):
            let base = try facts.number(of)
            let unit = schedule.catalog.type(of: of) == .money ? "元" : schedule.catalog.input(of)?.unit
            for bracket in brackets where try bracket.interval.contains(base, region: nil) {
                let name = bracket.label ?? bracket.interval.describe(region: nil, unit: unit)
                try appendShown(of, schedule, facts, to: &working)
                working += "，属「\(name)」档 → "
                working += bracket.amount.wanText
                return Outcome(value: bracket.amount)
            }
            var shown = ""
            try appendShown(of, schedule, facts, to: &shown)
            throw EvaluationError.noMatchingCase("\(shown) 不属于任何档次")
        case .cases(let cases):
            for item in cases {
                if let when = item.when, !(try facts.holds(when)) { continue }
                working += item.label ?? item.when.map(facts.describe) ?? "其他情形"
                working += "："
                var outcome = try evaluate(item.amount, schedule, facts, visiting: visiting, working: &working)
                if let interpretation = item.interpretation { outcome.interpretations.append(interpretation) }
                return outcome
            }
            throw EvaluationError.noMatchingCase("没有符合的情形")
        case .matching(let of, let ratio):
            let base = try facts.number(of)
            let value = try base * ratio
            working += "按"
            try appendShown(of, schedule, facts, to: &working)
            working += " 1:"
            working += ratio.displayText()
            working += " 匹配 = "
            working += value.wanText
            return Outcome(value: value)
        case .percentOfMeasure(let id, let rate):
            guard let other = schedule.measure(id), !visiting.contains(id) else {
                throw EvaluationError.noMatchingCase("项目 \(id) 无法引用")
            }
            working += "对应的「\(other.title)」金额 "
            var outcome = try evaluate(other.amount, schedule, facts, visiting: visiting + [id], working: &working)
            if let ceiling = other.ceiling, outcome.value > ceiling.amount { outcome.value = ceiling.amount }
            outcome.value = try outcome.value * rate / .hundred
            working += "；其 "
            working += rate.displayText()
            working += "% = "
            working += outcome.value.wanText
            return outcome
        case .minimum(let parts):
            working += "取低者（"
            var outcomes: [Outcome] = []
            outcomes.reserveCapacity(parts.count)
            for (index, part) in parts.enumerated() {
                if index > 0 { working += "；" }
                outcomes.append(try evaluate(part, schedule, facts, visiting: visiting, working: &working))
            }
            guard var lowest = outcomes.min(by: { $0.value < $1.value }) else {
                throw EvaluationError.noMatchingCase("min_of 为空")
            }
            working += "）= "
            working += lowest.value.wanText
            lowest.isCeiling = outcomes.contains(where: \.isCeiling)
            lowest.undefinedReason = outcomes.compactMap(\.undefinedReason).first
            lowest.interpretations = outcomes.flatMap(\.interpretations)
            return lowest
        case .sum(let parts):
            var outcomes: [Outcome] = []
            outcomes.reserveCapacity(parts.count)
            for (index, part) in parts.enumerated() {
                if index > 0 { working += " + " }
                outcomes.append(try evaluate(part, schedule, facts, visiting: visiting, working: &working))
            }
            let value = try Rational.sum(outcomes.map(\.value))
            working += " = "
            working += value.wanText
            var outcome = Outcome(value: value)
            outcome.isCeiling = outcomes.contains(where: \.isCeiling)
            outcome.undefinedReason = outcomes.compactMap(\.undefinedReason).first
            outcome.interpretations = outcomes.flatMap(\.interpretations)
            return outcome
        case .upTo(let inner):
            working += "最高不超过 "
            var outcome = try evaluate(inner, schedule, facts, visiting: visiting, working: &working)
            outcome.isCeiling = true
            return outcome
        case .range(let low, let high):
            // The two values come before their workings, so the workings are kept aside first.
            var lowWorking = "", highWorking = ""
            let minimum = try evaluate(low, schedule, facts, visiting: visiting, working: &lowWorking)
            var maximum = try evaluate(high, schedule, facts, visiting: visiting, working: &highWorking)
            maximum.isCeiling = true
            maximum.floor = minimum.value
            working += "\(minimum.value.wanText) 至 \(maximum.value.wanText)（\(lowWorking)；\(highWorking)）"
            return maximum
        case .undefined(let note):
            working += "原文未给出金额："
            working += note
            return Outcome(value: .zero, undefinedReason: note)
        }
    }

    /// `年度新增额 2000万元`, or the working of a derived value.
    private static func appendShown(_ id: String, _ schedule: Schedule, _ facts: Facts, to working: inout String) throws(EvaluationError) {
        if let derived = schedule.catalog.derivedValue(id) {
            working += try facts.ratio(derived).working
            return
        }
        working += facts.label(id)
        working += " "
        working += facts.display(id)
    }
}
