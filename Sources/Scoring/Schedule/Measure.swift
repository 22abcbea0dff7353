/// One fundable item of a subsidy schedule: who qualifies, how much, and the ceiling.
///
/// ```yaml
/// - id: Q9b
///   title: 租用境外仓库建设海外仓
///   cite: {clause: 第六条（三）2, text: 对企业租用境外仓库建设总面积不低于 2000 平方米的“海外仓”的，…}
///   eligible:
///     - {when: {input: warehouse_area, at_least: 2000}, label: 总面积不低于 2000 平方米}
///   amount: {percent: {of: related_cost, rate: 50}}
///   ceiling: {amount: 50万, cite: {clause: 第六条（三）2, text: 单个项目最高扶持金额不超过 50 万元}}
/// ```
public struct Measure: Sendable, Hashable, Decodable {
    public var id: String
    public var title: String
    public var cite: Citation
    /// Conditions that must all hold; each failed one is a reason the claim is not eligible.
    public var eligible: [EligibilityCondition]
    public var amount: AmountRule
    /// The most one claim can get (单个项目最高…).
    public var ceiling: Ceiling?
    /// Paid in instalments (分三年拨付): the split is reported, or said to be undefined.
    public var instalments: Instalments?
    /// A yearly amount (每年给予8万元): the amount is per year of the claim.
    public var recurring: Citation?
    public var interpretations: [String]
    /// Discrepancies with the 政策解读 that touch this measure.
    public var discrepancies: [String]
    /// Notes for finance (经认定 by whom, what evidence), shown with results.
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case id, title, cite, eligible, amount, ceiling, instalments, recurring, interpretations, discrepancies, note
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        cite = try c.decode(Citation.self, forKey: .cite)
        eligible = try c.decodeIfPresent([EligibilityCondition].self, forKey: .eligible) ?? []
        amount = try c.decode(AmountRule.self, forKey: .amount)
        ceiling = try c.decodeIfPresent(Ceiling.self, forKey: .ceiling)
        instalments = try c.decodeIfPresent(Instalments.self, forKey: .instalments)
        recurring = try c.decodeIfPresent(Citation.self, forKey: .recurring)
        interpretations = try c.decodeIfPresent([String].self, forKey: .interpretations) ?? []
        discrepancies = try c.decodeIfPresent([String].self, forKey: .discrepancies) ?? []
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}

/// A condition of eligibility with the words the source uses for it.
public struct EligibilityCondition: Sendable, Hashable, Decodable {
    public var when: Condition
    /// 年度进出口额超过 1 亿人民币
    public var label: String
    public var interpretation: String?

    enum CodingKeys: String, CodingKey { case when, label, interpretation }
}

/// The most one claim can get.
public struct Ceiling: Sendable, Hashable, Decodable {
    public var amount: Rational
    public var cite: Citation

    enum CodingKeys: String, CodingKey { case amount, cite }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        amount = try c.decode(Money.self, forKey: .amount).value
        cite = try c.decode(Citation.self, forKey: .cite)
    }
}

/// Payment in instalments.
public struct Instalments: Sendable, Hashable, Decodable {
    public var count: Int
    public var cite: Citation
    public var interpretation: String?

    enum CodingKeys: String, CodingKey { case count, cite, interpretation }
}
