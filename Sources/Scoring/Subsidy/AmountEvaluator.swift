/// Computes a measure's amount for one claim's facts, with the working in Chinese.
///
/// It works from the measure's ``CompiledAmount``, made once per schedule, so a claim neither
/// searches the catalog nor writes again the parts of the working that are the same for every claim.
enum AmountEvaluator {
    /// An amount and how sure it is; its working is written to the caller's text as it is worked out.
    struct Outcome: Sendable {
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
    static func evaluate(_ rule: CompiledAmount, _ facts: Facts, working: inout WorkingText) throws(EvaluationError) -> Outcome {
        try EvaluationError.wrapping { try evaluateAny(rule, facts, working: &working) }
    }

    private static func evaluateAny(_ rule: CompiledAmount, _ facts: Facts, working: inout WorkingText) throws -> Outcome {
        switch rule {
        case .fixed(let amount, let text):
            working.append(text)
            return Outcome(value: amount)
        case .percent(let of, let rate, let between):
            let base = try facts.number(of.source)
            let value = try base * rate / .hundred
            try of.append(number: base, facts, to: &working)
            working.append(between)
            working.append(wan: value)
            return Outcome(value: value)
        case .perUnit(let of, let amount, let between):
            let count = try facts.number(of.source)
            let value = try count * amount
            try of.append(number: count, facts, to: &working)
            working.append(between)
            working.append(wan: value)
            return Outcome(value: value)
        case .brackets(let of, let brackets):
            let base = try facts.number(of.source)
            for bracket in brackets where try bracket.interval.contains(base, region: nil) {
                try of.append(number: base, facts, to: &working)
                working.append(bracket.shown)
                return Outcome(value: bracket.amount)
            }
            var shown = WorkingText()
            try of.append(number: base, facts, to: &shown)
            throw EvaluationError.noMatchingCase("\(shown.text) 不属于任何档次")
        case .cases(let cases):
            for item in cases {
                if let when = item.when, !(try facts.holds(when)) { continue }
                working.append(item.shown)
                var outcome = try evaluate(item.amount, facts, working: &working)
                if let interpretation = item.interpretation { outcome.interpretations.append(interpretation) }
                return outcome
            }
            throw EvaluationError.noMatchingCase("没有符合的情形")
        case .matching(let of, let ratio, let between):
            let base = try facts.number(of.source)
            let value = try base * ratio
            working.append("按")
            try of.append(number: base, facts, to: &working)
            working.append(between)
            working.append(wan: value)
            return Outcome(value: value)
        case .percentOfMeasure(let reference, let id):
            guard let reference else { throw EvaluationError.noMatchingCase("项目 \(id) 无法引用") }
            working.append(reference.shown)
            var outcome = try evaluate(reference.amount, facts, working: &working)
            if let ceiling = reference.ceiling, outcome.value > ceiling { outcome.value = ceiling }
            outcome.value = try outcome.value * reference.rate / .hundred
            working.append("；其 ")
            working.append(reference.rate.displayText())
            working.append("% = ")
            working.append(wan: outcome.value)
            return outcome
        case .minimum(let parts):
            working.append("取低者（")
            var outcomes: [Outcome] = []
            outcomes.reserveCapacity(parts.count)
            for (index, part) in parts.enumerated() {
                if index > 0 { working.append("；") }
                outcomes.append(try evaluate(part, facts, working: &working))
            }
            guard var lowest = outcomes.min(by: { $0.value < $1.value }) else {
                throw EvaluationError.noMatchingCase("min_of 为空")
            }
            working.append("）= ")
            working.append(wan: lowest.value)
            lowest.isCeiling = outcomes.contains(where: \.isCeiling)
            lowest.undefinedReason = outcomes.compactMap(\.undefinedReason).first
            lowest.interpretations = outcomes.flatMap(\.interpretations)
            return lowest
        case .sum(let parts):
            var outcomes: [Outcome] = []
            outcomes.reserveCapacity(parts.count)
            for (index, part) in parts.enumerated() {
                if index > 0 { working.append(" + ") }
                outcomes.append(try evaluate(part, facts, working: &working))
            }
            let value = try Rational.sum(outcomes.map(\.value))
            working.append(" = ")
            working.append(wan: value)
            var outcome = Outcome(value: value)
            outcome.isCeiling = outcomes.contains(where: \.isCeiling)
            outcome.undefinedReason = outcomes.compactMap(\.undefinedReason).first
            outcome.interpretations = outcomes.flatMap(\.interpretations)
            return outcome
        case .upTo(let inner):
            working.append("最高不超过 ")
            var outcome = try evaluate(inner, facts, working: &working)
            outcome.isCeiling = true
            return outcome
        case .range(let low, let high):
            // The two values come before their workings, so the workings are kept aside first.
            var lowWorking = WorkingText(), highWorking = WorkingText()
            let minimum = try evaluate(low, facts, working: &lowWorking)
            var maximum = try evaluate(high, facts, working: &highWorking)
            maximum.isCeiling = true
            maximum.floor = minimum.value
            working.append(wan: minimum.value)
            working.append(" 至 ")
            working.append(wan: maximum.value)
            working.append("（")
            working.append(lowWorking)
            working.append("；")
            working.append(highWorking)
            working.append("）")
            return maximum
        case .undefined(let note):
            working.append("原文未给出金额：")
            working.append(note)
            return Outcome(value: .zero, undefinedReason: note)
        }
    }
}
