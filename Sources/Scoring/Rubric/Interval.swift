/// A range of values with every bound explicitly inclusive or exclusive.
///
/// Written with the words the sources use, so a tier reads like its clause:
/// `at_least: 1, at_most: 4` (1-4件), `more_than: 20` (多于20件), `at_least: 80, less_than: 100`
/// (80-99%, read as below 100%), `less_than: 60` (低于60%).
public struct Interval: Sendable, Hashable, Decodable {
    public var lower: Bound?
    public var upper: Bound?

    /// One end of an interval.
    public struct Bound: Sendable, Hashable {
        public var value: RegionalNumber
        public var inclusive: Bool
    }

    public init(lower: Bound?, upper: Bound?) {
        self.lower = lower
        self.upper = upper
    }

    enum CodingKeys: String, CodingKey {
        case atLeast = "at_least"
        case moreThan = "more_than"
        case atMost = "at_most"
        case lessThan = "less_than"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let atLeast = try c.decodeIfPresent(RegionalNumber.self, forKey: .atLeast)
        let moreThan = try c.decodeIfPresent(RegionalNumber.self, forKey: .moreThan)
        let atMost = try c.decodeIfPresent(RegionalNumber.self, forKey: .atMost)
        let lessThan = try c.decodeIfPresent(RegionalNumber.self, forKey: .lessThan)
        guard atLeast == nil || moreThan == nil else { throw decoder.problem("at_least 与 more_than 不能同时出现") }
        guard atMost == nil || lessThan == nil else { throw decoder.problem("at_most 与 less_than 不能同时出现") }
        lower = atLeast.map { Bound(value: $0, inclusive: true) } ?? moreThan.map { Bound(value: $0, inclusive: false) }
        upper = atMost.map { Bound(value: $0, inclusive: true) } ?? lessThan.map { Bound(value: $0, inclusive: false) }
        guard lower != nil || upper != nil else {
            throw decoder.problem("须给出 at_least / more_than / at_most / less_than 中至少一个界限")
        }
    }

    /// Whether `value` lies in the interval, with thresholds taken for `region`.
    public func contains(_ value: Rational, region: String?) throws(EvaluationError) -> Bool {
        if let lower {
            let bound = try lower.value.resolved(for: region)
            if lower.inclusive ? value < bound : value <= bound { return false }
        }
        if let upper {
            let bound = try upper.value.resolved(for: region)
            if upper.inclusive ? value > bound : value >= bound { return false }
        }
        return true
    }

    /// `≥1 且 ≤4`, for explanations when a tier has no label from the source.
    public func describe(region: String?, unit: String?) -> String {
        let suffix = unit.map { $0 == "%" ? $0 : " \($0)" } ?? ""
        var parts: [String] = []
        if let lower {
            parts.append((lower.inclusive ? "≥" : ">") + lower.value.describe(region: region) + suffix)
        }
        if let upper {
            parts.append((upper.inclusive ? "≤" : "<") + upper.value.describe(region: region) + suffix)
        }
        return parts.joined(separator: " 且 ")
    }
}

extension Interval {
    /// `>1亿元`, `≥100万元 且 <500万元`: bounds written as amounts of money.
    public func describeMoney() -> String {
        var parts: [String] = []
        if let lower, case .fixed(let value) = lower.value { parts.append((lower.inclusive ? "≥" : ">") + value.wanText) }
        if let upper, case .fixed(let value) = upper.value { parts.append((upper.inclusive ? "≤" : "<") + value.wanText) }
        return parts.joined(separator: " 且 ")
    }
}

/// A number that may differ by region (南方/北方), as the 节水 standard's thresholds do.
public enum RegionalNumber: Sendable, Hashable, Decodable {
    case fixed(Rational)
    case byRegion([String: Rational])

    public init(from decoder: any Decoder) throws {
        if let nodeDecoder = decoder as? NodeDecoder, case .scalar = nodeDecoder.node {
            // Plain decimals, or amounts as the policies write them (100万, 1.2亿).
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let value = Rational(decimalText: text) ?? Rational(moneyText: text) else {
                throw decoder.problem("应为数字（如 2、99.5、100万），实为「\(text)」")
            }
            self = .fixed(value)
            return
        }
        let values = try [String: Rational](from: decoder)
        guard !values.isEmpty else { throw decoder.problem("应为数字，或按地区给出的数字（如 南方: 60）") }
        self = .byRegion(values)
    }

    /// The number for `region`.
    public func resolved(for region: String?) throws(EvaluationError) -> Rational {
        switch self {
        case .fixed(let value): return value
        case .byRegion(let values):
            guard let region, let value = values[region] else {
                throw .regionNotChosen(options: values.keys.sorted())
            }
            return value
        }
    }

    func describe(region: String?) -> String {
        switch self {
        case .fixed(let value): return value.displayText()
        case .byRegion(let values):
            if let region, let value = values[region] { return value.displayText() }
            return values.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.displayText())" }.joined(separator: "／")
        }
    }

    /// Every value it can take, for static checks.
    var allValues: [Rational] {
        switch self {
        case .fixed(let value): [value]
        case .byRegion(let values): values.keys.sorted().compactMap { values[$0] }
        }
    }
}
