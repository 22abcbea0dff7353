/// One fact a unit fills in (主办件数量, 是否有办理制度, 公开件数), as the rubric declares it.
public struct InputDefinition: Sendable, Hashable, Decodable {
    public var id: String
    /// The Chinese label shown in templates and explanations.
    public var label: String
    public var type: InputType
    /// The unit of a count or number (件, 篇, %), shown after values.
    public var unit: String?
    /// The allowed answers of a `choice`.
    public var choices: [String]?
    /// Inclusive bounds of a `number` or `percent`; counts are never negative.
    public var minimum: Rational?
    public var maximum: Rational?
    /// Guidance for whoever fills it in (cut-off dates, what counts).
    public var help: String?
    /// Whether a value needs a written reason (discretionary points: 视情, 酌情).
    public var noteRequired: Bool
    /// For claims: when the fact may be left out, what that means (需要汇率才能判断). A missing fact
    /// with this set makes the claim "needs a decision" instead of an error.
    public var ifMissing: String?

    enum CodingKeys: String, CodingKey {
        case id, label, type, unit, choices, minimum, maximum, help
        case noteRequired = "note_required"
        case ifMissing = "if_missing"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        label = try c.decode(String.self, forKey: .label)
        type = try c.decode(InputType.self, forKey: .type)
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        choices = try c.decodeIfPresent([String].self, forKey: .choices)
        minimum = try c.decodeIfPresent(Rational.self, forKey: .minimum)
        maximum = try c.decodeIfPresent(Rational.self, forKey: .maximum)
        help = try c.decodeIfPresent(String.self, forKey: .help)
        noteRequired = try c.decodeIfPresent(Bool.self, forKey: .noteRequired) ?? (type == .points)
        ifMissing = try c.decodeIfPresent(String.self, forKey: .ifMissing)
        if type == .choice, (choices ?? []).isEmpty {
            throw decoder.problem("type: choice 须列出 choices")
        }
        if type != .choice, choices != nil {
            throw decoder.problem("只有 type: choice 才能有 choices")
        }
    }

    /// The value with its unit: `7 件`, `99.5%`, `是`.
    public func display(_ value: InputValue) -> String {
        switch value {
        case .boolean(let yes): return yes ? "是" : "否"
        case .choice(let text): return "「\(text)」"
        case .number(let number) where type == .money:
            return number.wanText
        case .number(let number):
            let text = number.displayText()
            guard let unit else { return text }
            return unit == "%" ? text + unit : "\(text) \(unit)"
        }
    }
}

/// The kinds of fact a rubric can ask for.
public enum InputType: String, Sendable, Hashable, Decodable, CaseIterable {
    /// 是/否 (`true`/`false`).
    case boolean
    /// A whole number of things, zero or more (件, 篇, 次).
    case count
    /// A decimal, within optional bounds.
    case number
    /// A percentage written as a number of percent (99.5 means 99.5%).
    case percent
    /// One of a fixed list of answers.
    case choice
    /// Points an assessor awards within a range the rule gives (视情得1-9分), with a written reason.
    case points
    /// An amount of money in 元 (`1,234.5`, `20万`, `1.2亿` are all accepted).
    case money

    /// The Chinese name used in templates and errors.
    public var chineseName: String {
        switch self {
        case .boolean: "是/否（true/false）"
        case .count: "件数（非负整数）"
        case .number: "数值"
        case .percent: "百分比（如 99.5 表示 99.5%）"
        case .choice: "选项"
        case .points: "酌定分值"
        case .money: "金额（元，可写 20万、1.2亿、1,234.50）"
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = InputType(rawValue: text) else {
            throw decoder.problem("未知的输入类型「\(text)」；可用：\(InputType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = value
    }
}

/// A value computed from inputs: a ratio such as 公开率 = (主动公开件 + 依申请公开件) / 承办件, or a
/// difference such as 年度新增额 = 本年进出口额 − 上年进出口额.
public struct DerivedInput: Sendable, Hashable, Decodable {
    public var id: String
    public var label: String
    /// Inputs added up above the line (a ratio), or the minuend first then what is taken from it (a difference).
    public var numerator: [String]
    /// Inputs added up below the line; empty for a difference.
    public var denominator: [String]
    /// Whether the ratio is shown and compared as a percentage (× 100).
    public var percent: Bool
    /// Whether this is `numerator[0] − numerator[1…]` rather than a ratio.
    public var isDifference: Bool
    public var cite: Citation

    enum CodingKeys: String, CodingKey { case id, label, numerator, denominator, percent, difference, cite }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        label = try c.decode(String.self, forKey: .label)
        cite = try c.decode(Citation.self, forKey: .cite)
        percent = try c.decodeIfPresent(Bool.self, forKey: .percent) ?? false
        if let difference = try c.decodeIfPresent([String].self, forKey: .difference) {
            guard difference.count >= 2 else { throw decoder.problem("difference 须列出被减数和至少一个减数") }
            numerator = difference
            denominator = []
            isDifference = true
        } else {
            numerator = try c.decode([String].self, forKey: .numerator)
            denominator = try c.decode([String].self, forKey: .denominator)
            isDifference = false
        }
    }

    /// Every input it reads.
    var inputs: [String] { numerator + denominator }
}

/// A check across inputs that must hold for the data to make sense.
///
/// Either a sum bound (`sum: [公开件…]`, `at_most_sum_of: [承办件…]`: 公开件 ≤ 承办件) or an implication
/// (`if: {input: excellent_cases, at_least: 1}`, `then: {input: case_application, is: true}`).
public struct InputConstraint: Sendable, Hashable, Decodable {
    public var id: String
    /// Inputs whose sum may not exceed the sum of `atMostSumOf`.
    public var sum: [String]
    public var atMostSumOf: [String]
    /// When this holds …
    public var condition: Condition?
    /// … this must hold too.
    public var consequence: Condition?
    /// The message shown when it fails.
    public var message: String

    enum CodingKeys: String, CodingKey {
        case id, sum, message
        case atMostSumOf = "at_most_sum_of"
        case condition = "if"
        case consequence = "then"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        message = try c.decode(String.self, forKey: .message)
        sum = try c.decodeIfPresent([String].self, forKey: .sum) ?? []
        atMostSumOf = try c.decodeIfPresent([String].self, forKey: .atMostSumOf) ?? []
        condition = try c.decodeIfPresent(Condition.self, forKey: .condition)
        consequence = try c.decodeIfPresent(Condition.self, forKey: .consequence)
        let isSum = !sum.isEmpty && !atMostSumOf.isEmpty
        let isImplication = condition != nil && consequence != nil
        guard isSum != isImplication else {
            throw decoder.problem("约束须是 sum + at_most_sum_of，或 if + then，二者取一")
        }
    }

    /// Every input the constraint reads.
    var inputs: [String] { sum + atMostSumOf + (condition?.inputs ?? []) + (consequence?.inputs ?? []) }
}
