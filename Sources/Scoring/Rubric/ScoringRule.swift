/// One 评分标准 of an item: how a fact becomes points, with the clause it comes from.
///
/// ```yaml
/// - id: S5.1
///   kind: tiers
///   cite: {clause: 附件 自评表·办件数量·评分标准 1, text: "1. 主办件：1-4 件，得 3 分；…"}
///   input: zhuban_count
///   tiers:
///     - {label: 1-4 件, at_least: 1, at_most: 4, points: 3}
/// ```
public struct ScoringRule: Sendable, Hashable, Decodable {
    public var id: String
    /// The exact source text and clause. Parts of a `sum` rule may leave it out and share their rule's.
    public var cite: Citation?
    public var kind: RuleKind
    /// A default when the rule does not apply (无主办件的，此项得4分), checked before anything else.
    public var notApplicable: Outcome?
    /// Points when the rule's input is a ratio that cannot be computed (no 承办件 for a 公开率).
    public var ifUndefined: Outcome?
    /// The rule's own ceiling (最高得N分) when the source puts it on the rule alone.
    public var cap: Rational?
    /// Interpretations this rule always embodies.
    public var interpretations: [String]

    enum CodingKeys: String, CodingKey {
        case id, cite, kind, cap, interpretations
        case notApplicable = "not_applicable"
        case ifUndefined = "if_undefined"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        cite = try c.decodeIfPresent(Citation.self, forKey: .cite)
        notApplicable = try c.decodeIfPresent(Outcome.self, forKey: .notApplicable)
        ifUndefined = try c.decodeIfPresent(Outcome.self, forKey: .ifUndefined)
        cap = try c.decodeIfPresent(Rational.self, forKey: .cap)
        interpretations = try c.decodeIfPresent([String].self, forKey: .interpretations) ?? []
        kind = try RuleKind(from: decoder, kindName: try c.decode(String.self, forKey: .kind))
        if notApplicable != nil, notApplicable?.when == nil {
            throw decoder.problem("not_applicable 须有 when 条件")
        }
    }
}

/// A result with its reason: the points, when it happens, what to say, and any interpretation behind it.
public struct Outcome: Sendable, Hashable, Decodable {
    /// When it applies (for `conditions` cases and `not_applicable`).
    public var when: Condition?
    /// The value of a `choice`.
    public var value: String?
    /// Fixed points; absent when the points are discretionary.
    public var points: Rational?
    /// Discretionary points: the assessor enters them within `range` (视情得1-9分).
    public var discretionary: DiscretionaryPoints?
    /// What the source calls this case, for explanations (`首次办理未出现“不满意”件`).
    public var label: String?
    /// The interpretation that decided this case, when the source does not.
    public var interpretation: String?

    enum CodingKeys: String, CodingKey { case when, value, points, discretionary, label, interpretation }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        when = try c.decodeIfPresent(Condition.self, forKey: .when)
        value = try c.decodeIfPresent(String.self, forKey: .value)
        points = try c.decodeIfPresent(Rational.self, forKey: .points)
        discretionary = try c.decodeIfPresent(DiscretionaryPoints.self, forKey: .discretionary)
        label = try c.decodeIfPresent(String.self, forKey: .label)
        interpretation = try c.decodeIfPresent(String.self, forKey: .interpretation)
        guard (points == nil) != (discretionary == nil) else {
            throw decoder.problem("须给出 points（固定分值）或 discretionary（酌定分值）之一")
        }
    }

    /// The most points this outcome can give, or `nil` when the source sets no ceiling.
    var maximumPoints: Rational? { points ?? discretionary?.maximum }
    /// The fewest points it can give.
    var minimumPoints: Rational { points ?? discretionary?.minimum ?? .zero }
}

/// Points an assessor sets within a range (视情得1-9分; 酌情加分), entered as an input with a note.
public struct DiscretionaryPoints: Sendable, Hashable, Decodable {
    /// The input of type `points` that carries the value.
    public var input: String
    public var minimum: Rational
    /// The ceiling, or `nil` when the source gives no number (酌情加分): then only the item's cap bounds it.
    public var maximum: Rational?

    enum CodingKeys: String, CodingKey {
        case input
        case minimum = "min"
        case maximum = "max"
    }
}

/// One term of a per-step rule: so many points for every so many of something.
public struct StepTerm: Sendable, Hashable, Decodable {
    public var input: String
    /// The size of one step (每 5 件 → 5).
    public var every: Rational
    /// Points for each step.
    public var points: Rational
    /// The source's words for the term (每 5 件，加 2 分).
    public var label: String?

    enum CodingKeys: String, CodingKey { case input, every, points, label }
}

/// How a step rule treats what is left over after whole steps (7 会办件 at 每5件加2分; a 5% shortfall at 每低3%扣1分).
public enum PartialStep: String, Sendable, Hashable, Decodable, CaseIterable {
    /// Only whole steps count (7 件 → 1 step).
    case floor
    /// A started step counts as a whole one (7 件 → 2 steps).
    case ceiling
    /// Pro rata (7 件 → 1.4 steps).
    case proportional

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = PartialStep(rawValue: text) else {
            throw decoder.problem("partial_step 应为 floor、ceiling 或 proportional，实为「\(text)」")
        }
        self = value
    }

    /// How it is said in explanations.
    public var chineseName: String {
        switch self {
        case .floor: "按整档计，不足一档的部分不计"
        case .ceiling: "不足一档按一档计"
        case .proportional: "按比例计"
        }
    }
}

/// The ways the sources turn facts into points.
public indirect enum RuleKind: Sendable, Hashable {
    /// 有…得2分；没有，不得分.
    case yesNo(input: String, ifYes: Rational, ifNo: Rational)
    /// One of several named outcomes (按时 3 / 超期 1 / 未提交 0), possibly discretionary.
    case choice(input: String, outcomes: [Outcome])
    /// Points the assessor sets (酌情加分), within a range when the source gives one.
    case discretionary(DiscretionaryPoints)
    /// Tiers of a count or rate (1-4 件 3 分 … 多于 20 件 8 分); `otherwise` when none matches.
    case tiers(input: String, tiers: [Tier], otherwise: Outcome?)
    /// So many points per so many things (每 5 件，加 2 分), summed over terms.
    case perStep(terms: [StepTerm], partial: PartialStep)
    /// A base less so much per occurrence, never below zero (每出现一次扣 2 分，扣完为止).
    case deduction(input: String, base: Rational, perOccurrence: Rational)
    /// Full points at a threshold, less so much per step short of it (每低3%扣1分，扣完为止).
    case shortfall(Shortfall)
    /// The first case whose condition holds gives the points; `otherwise` when none does.
    case conditions(cases: [Outcome], otherwise: Outcome)
    /// Several parts added up (参与申报得2分；被评为优秀案例的，每个加1分).
    case sum(parts: [ScoringRule])

    /// The names used for `kind:` in rubric files.
    static let names = ["yes_no", "choice", "discretionary", "tiers", "per_step", "deduction", "shortfall", "conditions", "sum"]

    enum CodingKeys: String, CodingKey {
        case input, outcomes, cases, discretionary, tiers, otherwise, steps, parts, base, threshold, every, deduct
        case ifYes = "if_yes"
        case ifNo = "if_no"
        case partialStep = "partial_step"
        case perOccurrence = "per_occurrence"
        case fullPoints = "full_points"
    }

    init(from decoder: any Decoder, kindName: String) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch kindName {
        case "yes_no":
            self = .yesNo(
                input: try c.decode(String.self, forKey: .input),
                ifYes: try c.decode(Rational.self, forKey: .ifYes),
                ifNo: try c.decode(Rational.self, forKey: .ifNo))
        case "choice":
            let outcomes = try c.decode([Outcome].self, forKey: .outcomes)
            guard outcomes.allSatisfy({ $0.value != nil }) else { throw decoder.problem("choice 的每个 outcome 须有 value") }
            self = .choice(input: try c.decode(String.self, forKey: .input), outcomes: outcomes)
        case "discretionary":
            self = .discretionary(try c.decode(DiscretionaryPoints.self, forKey: .discretionary))
        case "tiers":
            self = .tiers(
                input: try c.decode(String.self, forKey: .input),
                tiers: try c.decode([Tier].self, forKey: .tiers),
                otherwise: try c.decodeIfPresent(Outcome.self, forKey: .otherwise))
        case "per_step":
            self = .perStep(
                terms: try c.decode([StepTerm].self, forKey: .steps),
                partial: try c.decode(PartialStep.self, forKey: .partialStep))
        case "deduction":
            self = .deduction(
                input: try c.decode(String.self, forKey: .input),
                base: try c.decode(Rational.self, forKey: .base),
                perOccurrence: try c.decode(Rational.self, forKey: .perOccurrence))
        case "shortfall":
            self = .shortfall(
                Shortfall(
                    input: try c.decode(String.self, forKey: .input),
                    fullPoints: try c.decode(Rational.self, forKey: .fullPoints),
                    threshold: try c.decode(Interval.self, forKey: .threshold),
                    every: try c.decode(Rational.self, forKey: .every),
                    deduct: try c.decode(Rational.self, forKey: .deduct),
                    partial: try c.decode(PartialStep.self, forKey: .partialStep)))
            if case .shortfall(let s) = self, (s.threshold.lower == nil) == (s.threshold.upper == nil) {
                throw decoder.problem("shortfall 的 threshold 须只给一个界限：at_least（低于则扣）或 at_most（高于则扣）")
            }
        case "conditions":
            let cases = try c.decode([Outcome].self, forKey: .cases)
            guard cases.allSatisfy({ $0.when != nil }) else { throw decoder.problem("conditions 的每个 case 须有 when") }
            self = .conditions(cases: cases, otherwise: try c.decode(Outcome.self, forKey: .otherwise))
        case "sum":
            self = .sum(parts: try c.decode([ScoringRule].self, forKey: .parts))
        default:
            throw decoder.problem("未知的规则类型 kind「\(kindName)」；可用：\(RuleKind.names.joined(separator: ", "))")
        }
    }
}

/// One tier of a `tiers` rule.
public struct Tier: Sendable, Hashable, Decodable {
    /// The source's words for the tier (`5-8 件`, `80-99%`).
    public var label: String?
    public var interval: Interval
    public var points: Rational
    public var interpretation: String?

    enum CodingKeys: String, CodingKey { case label, points, interpretation }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        label = try c.decodeIfPresent(String.self, forKey: .label)
        points = try c.decode(Rational.self, forKey: .points)
        interpretation = try c.decodeIfPresent(String.self, forKey: .interpretation)
        interval = try Interval(from: decoder)
    }
}

/// Full points at a threshold, less `deduct` per `every` short of it (or over it, for an upper bound).
public struct Shortfall: Sendable, Hashable {
    public var input: String
    public var fullPoints: Rational
    /// `at_least: 100` deducts below 100; `at_most: 10` deducts above 10.
    public var threshold: Interval
    public var every: Rational
    public var deduct: Rational
    public var partial: PartialStep
}
