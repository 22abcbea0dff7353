/// Rules of a whole policy document that act across measures and claims.

/// Who may not claim at all (区级预算保障的事业单位不适用本办法).
public struct Exclusion: Sendable, Hashable, Decodable {
    public var id: String
    public var when: Condition
    public var label: String
    public var cite: Citation
    public var interpretation: String?

    enum CodingKeys: String, CodingKey { case id, when, label, cite, interpretation }
}

/// A ceiling on one applicant's total in a calendar year across claims (单个企业每年累计不超过20万元).
public struct YearlyCap: Sendable, Hashable, Decodable {
    public var id: String
    /// The measures it covers.
    public var measures: [String]
    public var amount: Rational
    public var cite: Citation
    public var interpretation: String?

    enum CodingKeys: String, CodingKey { case id, measures, amount, cite, interpretation }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        measures = try c.decode([String].self, forKey: .measures)
        amount = try c.decode(Money.self, forKey: .amount).value
        cite = try c.decode(Citation.self, forKey: .cite)
        interpretation = try c.decodeIfPresent(String.self, forKey: .interpretation)
    }
}

/// At most so many funded claims under some measures (奖励对象不超过2个; 资助项目不超过5个).
public struct CountLimit: Sendable, Hashable, Decodable {
    public var id: String
    public var measures: [String]
    public var max: Int
    /// Whether the count runs per applicant for all time, per applicant per calendar year, or per round.
    public var per: Period
    public var cite: Citation
    /// Which claims are funded when there are more: always the earliest by date, then claim id.
    public var interpretation: String?

    public enum Period: String, Sendable, Hashable, Decodable {
        case applicant
        case applicantYear = "applicant_year"
        /// Across all applicants within a round (评选 quotas): the round is the claim's `round` fact.
        case round
    }

    enum CodingKeys: String, CodingKey { case id, measures, max, per, cite, interpretation }
}

/// Measures of which one applicant gets only the highest, once (按照最高奖励额…不重复享受).
public struct HighestOnly: Sendable, Hashable, Decodable {
    public var id: String
    public var measures: [String]
    public var cite: Citation
    public var interpretation: String?

    enum CodingKeys: String, CodingKey { case id, measures, cite, interpretation }
}

/// No double funding of one matter (同一单位不得因同一事项重复享受): claims of one applicant with the
/// same `matter` key get the highest amount among them, once.
public struct SameMatterRule: Sendable, Hashable, Decodable {
    public var cite: Citation
    public var interpretation: String?

    enum CodingKeys: String, CodingKey { case cite, interpretation }
}

/// A programme total that all grants under some measures share (设立不高于600万元的专项资金).
public struct Pool: Sendable, Hashable, Decodable {
    public var amount: Rational
    public var measures: [String]
    public var cite: Citation
    public var interpretation: String?

    enum CodingKeys: String, CodingKey { case amount, measures, cite, interpretation }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        amount = try c.decode(Money.self, forKey: .amount).value
        measures = try c.decode([String].self, forKey: .measures)
        cite = try c.decode(Citation.self, forKey: .cite)
        interpretation = try c.decodeIfPresent(String.self, forKey: .interpretation)
    }
}
