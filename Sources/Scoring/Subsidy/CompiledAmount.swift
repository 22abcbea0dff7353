/// An ``AmountRule`` prepared once for working out many claims: its facts found in the catalog, the
/// measures it refers to resolved, its conditions prepared, and every piece of its working that is
/// the same for every claim written out.
///
/// ``AmountEvaluator`` works out a claim's amount from this, with the same value, the same working
/// and the same errors as from the rule it was made from.
indirect enum CompiledAmount: Sendable {
    /// The amount and its `wanText`.
    case fixed(Rational, text: String)
    /// `between` is ` × 2.5% = `.
    case percent(of: ShownFact, rate: Rational, between: String)
    /// `between` is ` × 每单位 3000元 = `.
    case perUnit(of: ShownFact, amount: Rational, between: String)
    case brackets(of: ShownFact, [Bracket])
    case cases([Case])
    /// `between` is ` 1:1 匹配 = `.
    case matching(of: ShownFact, ratio: Rational, between: String)
    /// `nil` when the measure cannot be referred to (it does not exist, or refers back to itself):
    /// the claim then has no matching case.
    case percentOfMeasure(Reference?, id: String)
    case minimum([CompiledAmount])
    case sum([CompiledAmount])
    case upTo(CompiledAmount)
    case range(minimum: CompiledAmount, maximum: CompiledAmount)
    case undefined(String)

    /// One bracket; `shown` is `，属「100万元以下」档 → 1万元`.
    struct Bracket: Sendable {
        let interval: Interval
        let amount: Rational
        let shown: String
    }

    /// One case; `shown` is its label and `：`.
    struct Case: Sendable {
        let when: CompiledCondition?
        let shown: String
        let amount: CompiledAmount
        let interpretation: String?
    }

    /// Another measure's amount, and its ceiling; `shown` is `对应的「…」金额 `.
    struct Reference: Sendable {
        let shown: String
        let amount: CompiledAmount
        let ceiling: Rational?
        let rate: Rational
    }

    /// `visiting` are the measures referred to on the way here, as ``AmountEvaluator`` tracked them
    /// for each claim.
    init(_ rule: AmountRule, _ schedule: Schedule, visiting: [String] = []) {
        let catalog = schedule.catalog
        switch rule {
        case .fixed(let amount):
            self = .fixed(amount, text: amount.wanText)
        case .percent(let of, let rate):
            self = .percent(of: ShownFact(of, in: catalog), rate: rate, between: " × \(rate.displayText())% = ")
        case .perUnit(let of, let amount):
            self = .perUnit(of: ShownFact(of, in: catalog), amount: amount, between: " × 每单位 \(amount.wanText) = ")
        case .brackets(let of, let brackets):
            let unit = catalog.type(of: of) == .money ? "元" : catalog.input(of)?.unit
            self = .brackets(of: ShownFact(of, in: catalog), brackets.map { bracket in
                let name = bracket.label ?? bracket.interval.describe(region: nil, unit: unit)
                return Bracket(interval: bracket.interval, amount: bracket.amount, shown: "，属「\(name)」档 → \(bracket.amount.wanText)")
            })
        case .cases(let cases):
            // Describing a condition reads only the catalog, never a claim's values.
            let facts = Facts(catalog: catalog, values: [:], notes: [:], region: nil)
            self = .cases(cases.map { item in
                Case(
                    when: item.when.map { CompiledCondition($0, catalog: catalog) },
                    shown: (item.label ?? item.when.map(facts.describe) ?? "其他情形") + "：",
                    amount: CompiledAmount(item.amount, schedule, visiting: visiting),
                    interpretation: item.interpretation)
            })
        case .matching(let of, let ratio):
            self = .matching(of: ShownFact(of, in: catalog), ratio: ratio, between: " 1:\(ratio.displayText()) 匹配 = ")
        case .percentOfMeasure(let id, let rate):
            guard let other = schedule.measure(id), !visiting.contains(id) else {
                self = .percentOfMeasure(nil, id: id)
                return
            }
            self = .percentOfMeasure(
                Reference(
                    shown: "对应的「\(other.title)」金额 ", amount: CompiledAmount(other.amount, schedule, visiting: visiting + [id]),
                    ceiling: other.ceiling?.amount, rate: rate),
                id: id)
        case .minimum(let parts):
            self = .minimum(parts.map { CompiledAmount($0, schedule, visiting: visiting) })
        case .sum(let parts):
            self = .sum(parts.map { CompiledAmount($0, schedule, visiting: visiting) })
        case .upTo(let inner):
            self = .upTo(CompiledAmount(inner, schedule, visiting: visiting))
        case .range(let low, let high):
            self = .range(minimum: CompiledAmount(low, schedule, visiting: visiting), maximum: CompiledAmount(high, schedule, visiting: visiting))
        case .undefined(let note):
            self = .undefined(note)
        }
    }

    /// Whether the amount is the same for every claim: it reads no fact.
    var readsNoFacts: Bool {
        switch self {
        case .fixed, .undefined: true
        case .percent, .perUnit, .brackets, .matching: false
        // The first case decides when it has no condition.
        case .cases(let cases): cases.first.map { $0.when == nil && $0.amount.readsNoFacts } ?? true
        case .percentOfMeasure(let reference, _): reference?.amount.readsNoFacts ?? true
        case .minimum(let parts), .sum(let parts): parts.allSatisfy(\.readsNoFacts)
        case .upTo(let inner): inner.readsNoFacts
        case .range(let low, let high): low.readsNoFacts && high.readsNoFacts
        }
    }
}
