/// A test on the facts, used to pick an outcome (`主办件为 0`, `仍存在“不满意”件`) or to decide
/// whether a rule applies at all. Data, not code: no expressions are evaluated.
///
/// ```yaml
/// when: {input: zhuban_count, equals: 0}
/// when: {input: bumanyi_unresolved, at_least: 1}
/// when: {all: [{input: a, is: true}, {input: b, is: false}]}
/// ```
public indirect enum Condition: Sendable, Hashable, Decodable {
    /// The input has this value (a choice, a number, or true/false).
    case equals(input: String, value: String)
    /// The input's number lies in the interval.
    case within(input: String, interval: Interval)
    /// Every condition holds.
    case all([Condition])
    /// At least one condition holds.
    case any([Condition])
    /// The condition does not hold.
    case not(Condition)

    enum CodingKeys: String, CodingKey {
        case input, equals, `is`, all, any, not
        case atLeast = "at_least"
        case moreThan = "more_than"
        case atMost = "at_most"
        case lessThan = "less_than"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let all = try c.decodeIfPresent([Condition].self, forKey: .all) {
            self = .all(all)
        } else if let any = try c.decodeIfPresent([Condition].self, forKey: .any) {
            self = .any(any)
        } else if let not = try c.decodeIfPresent(Condition.self, forKey: .not) {
            self = .not(not)
        } else {
            let input = try c.decode(String.self, forKey: .input)
            if let value = try c.decodeIfPresent(String.self, forKey: .equals) {
                self = .equals(input: input, value: value)
            } else if let flag = try c.decodeIfPresent(Bool.self, forKey: .is) {
                self = .equals(input: input, value: flag ? "true" : "false")
            } else {
                self = .within(input: input, interval: try Interval(from: decoder))
            }
        }
    }

    /// Every input the condition reads.
    public var inputs: [String] {
        switch self {
        case .equals(let input, _), .within(let input, _): [input]
        case .all(let conditions), .any(let conditions): conditions.flatMap(\.inputs)
        case .not(let condition): condition.inputs
        }
    }
}
