/// How a measure's amount is computed from a claim's facts, in the forms the policies use.
///
/// Written in a rubric as a mapping with one key:
/// ```yaml
/// amount: {fixed: 20万}
/// amount: {percent: {of: project_cost, rate: 50}}
/// amount: {brackets: {of: loan, brackets: [{less_than: 100万, amount: 1万}, {at_least: 100万, amount: 3万}]}}
/// amount: {cases: [{when: {input: level, equals: 国家级}, amount: {fixed: 20万}}, …]}
/// amount: {up_to: {fixed: 200万}}          # 最高不超过200万元: the approved amount is an input
/// amount: {undefined: 原文只写“给予一次性扶持”，未给出金额}
/// ```
public indirect enum AmountRule: Sendable, Hashable, Decodable {
    /// A fixed sum (一次性扶持20万元).
    case fixed(Rational)
    /// `rate` percent of a fact (按年度新增额的2.5%).
    case percent(of: String, rate: Rational)
    /// So much per unit of a fact (每千瓦600元; 每件3000元).
    case perUnit(of: String, amount: Rational)
    /// The amount of the bracket the fact falls in (贷款100万以内1万元、100万（含）—500万3万元 …).
    case brackets(of: String, brackets: [AmountBracket])
    /// The first case whose condition holds (国家级 20万 / 市级 10万; two-condition tiers).
    case cases([AmountCase])
    /// Matching an external amount at a ratio (1:1的匹配资金支持).
    case matching(of: String, ratio: Rational)
    /// A percentage of what another measure would give for the same facts (按对应制定标准支持金额的30%).
    case percentOfMeasure(measure: String, rate: Rational)
    /// The smallest of several amounts (50% of cost, and no more than 600元 per kW).
    case minimum([AmountRule])
    /// The sum of several amounts.
    case sum([AmountRule])
    /// Discretionary up to a ceiling (最高不超过200万元; 每件不超过3000元): the approved amount is entered
    /// by finance; without it the ceiling is shown, marked as a ceiling.
    case upTo(AmountRule)
    /// Discretionary within a range (1000—4000元/人).
    case range(minimum: AmountRule, maximum: AmountRule)
    /// The text gives no number: reported as needing a decision, never invented.
    case undefined(String)

    enum CodingKeys: String, CodingKey {
        case fixed, percent, brackets, cases, matching, minimum = "min_of", sum = "sum_of", range, undefined
        case perUnit = "per_unit"
        case percentOfMeasure = "percent_of_measure"
        case upTo = "up_to"
    }

    static let names = ["fixed", "percent", "per_unit", "brackets", "cases", "matching", "percent_of_measure", "min_of",
        "sum_of", "up_to", "range", "undefined"]

    private struct Of: Decodable {
        var of: String?
        var rate: Rational?
        var amount: Money?
        var ratio: Rational?
        var measure: String?
        var brackets: [AmountBracket]?
        var min: AmountRule?
        var max: AmountRule?
        enum CodingKeys: String, CodingKey { case of, rate, amount, ratio, measure, brackets, min, max }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let present = c.allKeys
        guard present.count == 1, let key = present.first else {
            throw decoder.problem("amount 须恰有一个键：\(AmountRule.names.joined(separator: "、"))")
        }
        func field<T>(_ value: T?, _ name: String) throws -> T {
            guard let value else { throw decoder.problem("\(key.stringValue) 缺少 \(name)") }
            return value
        }
        switch key {
        case .fixed:
            self = .fixed(try c.decode(Money.self, forKey: .fixed).value)
        case .percent:
            let of = try c.decode(Of.self, forKey: .percent)
            self = .percent(of: try field(of.of, "of"), rate: try field(of.rate, "rate"))
        case .perUnit:
            let of = try c.decode(Of.self, forKey: .perUnit)
            self = .perUnit(of: try field(of.of, "of"), amount: try field(of.amount, "amount").value)
        case .brackets:
            let of = try c.decode(Of.self, forKey: .brackets)
            self = .brackets(of: try field(of.of, "of"), brackets: try field(of.brackets, "brackets"))
        case .cases:
            self = .cases(try c.decode([AmountCase].self, forKey: .cases))
        case .matching:
            let of = try c.decode(Of.self, forKey: .matching)
            self = .matching(of: try field(of.of, "of"), ratio: try field(of.ratio, "ratio"))
        case .percentOfMeasure:
            let of = try c.decode(Of.self, forKey: .percentOfMeasure)
            self = .percentOfMeasure(measure: try field(of.measure, "measure"), rate: try field(of.rate, "rate"))
        case .minimum:
            self = .minimum(try c.decode([AmountRule].self, forKey: .minimum))
        case .sum:
            self = .sum(try c.decode([AmountRule].self, forKey: .sum))
        case .upTo:
            self = .upTo(try c.decode(AmountRule.self, forKey: .upTo))
        case .range:
            let of = try c.decode(Of.self, forKey: .range)
            self = .range(minimum: try field(of.min, "min"), maximum: try field(of.max, "max"))
        case .undefined:
            self = .undefined(try c.decode(String.self, forKey: .undefined))
        }
    }

    /// Whether finance decides the amount within bounds (`up_to`, `range`, `undefined` anywhere inside).
    var isDiscretionary: Bool {
        switch self {
        case .upTo, .range, .undefined: true
        case .cases(let cases): cases.contains { $0.amount.isDiscretionary }
        case .minimum(let parts), .sum(let parts): parts.contains(where: \.isDiscretionary)
        default: false
        }
    }

    /// Every fact the amount reads.
    var inputs: [String] {
        switch self {
        case .fixed, .undefined, .percentOfMeasure: []
        case .percent(let of, _), .perUnit(let of, _), .matching(let of, _): [of]
        case .brackets(let of, _): [of]
        case .cases(let cases): cases.flatMap { ($0.when?.inputs ?? []) + $0.amount.inputs }
        case .minimum(let parts), .sum(let parts): parts.flatMap(\.inputs)
        case .upTo(let inner): inner.inputs
        case .range(let low, let high): low.inputs + high.inputs
        }
    }
}

/// An amount of money in a rubric, written as the policy writes it: `200000`, `20万`, `1.2亿`.
public struct Money: Sendable, Hashable, Decodable {
    public var value: Rational

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Rational(moneyText: text), !value.isNegative else {
            throw decoder.problem("应为金额（如 200000、20万、1.2亿），实为「\(text)」")
        }
        self.value = value
    }
}

/// One bracket of a `brackets` amount.
public struct AmountBracket: Sendable, Hashable, Decodable {
    public var label: String?
    public var interval: Interval
    public var amount: Rational

    enum CodingKeys: String, CodingKey { case label, amount }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        label = try c.decodeIfPresent(String.self, forKey: .label)
        amount = try c.decode(Money.self, forKey: .amount).value
        interval = try Interval(from: decoder)
    }
}

/// One case of a `cases` amount; a case without `when` always applies (put it last).
public struct AmountCase: Sendable, Hashable, Decodable {
    public var when: Condition?
    public var amount: AmountRule
    public var label: String?
    public var interpretation: String?

    enum CodingKeys: String, CodingKey { case when, amount, label, interpretation }
}
