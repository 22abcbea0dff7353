/// What one claim gets, and why.
public struct ClaimResult: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        /// Eligible; `amount` is granted (it may be 0 when caps or limits took all of it).
        case granted
        /// Not eligible: outside the validity window, an excluded applicant, or a condition not met.
        case ineligible = "not_eligible"
        /// The text gives no number, or a fact it needs (an exchange rate) is missing: finance decides.
        case needsDecision = "needs_decision"

        /// 给予 / 不符合条件 / 需决定.
        public var chineseName: String {
            switch self {
            case .granted: "给予"
            case .ineligible: "不符合"
            case .needsDecision: "需决定"
            }
        }
    }

    public var claim: Claim
    public var measureTitle: String
    public var status: Status
    /// The amount granted, in 元, rounded to 分 as shown.
    public var amount: Rational
    /// What the measure gives before caps and limits across claims (after its own ceiling).
    public var computed: Rational
    /// Whether the amount is a ceiling because the measure is discretionary and no approved amount was given.
    public var isCeiling: Bool
    /// The ceilings, caps and limits that reduced the amount, in the order applied.
    public var boundBy: [Binding]
    /// The reasons, in Chinese: eligibility, the working, and each adjustment.
    public var reasons: [String]
    public var citation: String
    public var interpretations: [String]
    /// 政策解读 discrepancies touching the measure, in words.
    public var discrepancies: [String]
    public var findings: [Finding]

    /// What caps and limits took away from `computed`.
    public var forgone: Rational { (try? computed - amount).map { max($0, .zero) } ?? .zero }
}

/// A ceiling, cap or limit that bound a claim's amount.
public struct Binding: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case measureCeiling = "measure_ceiling"
        case discretionaryCeiling = "discretionary_ceiling"
        case sameMatter = "same_matter"
        case highestOnly = "highest_only"
        case countLimit = "count_limit"
        case yearlyCap = "yearly_cap"
        case pool
    }

    public var kind: Kind
    /// The rule's id in the rubric (`Q2-yearly`, `D12`).
    public var rule: String
    /// The amount before this rule and after it.
    public var before: Rational
    public var after: Rational
    /// The quoted text of the rule.
    public var text: String
}
