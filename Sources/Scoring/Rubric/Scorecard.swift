/// A scoring table (考核评估指标及自评表; 评价标准): sections, items with their 满分, and scoring rules.
///
/// Build one with ``Scorecard/load(bytes:file:)``; it is checked as it loads, so a `Scorecard` value
/// always refers only to inputs, items and interpretations it declares, and no item can score above
/// its 满分.
public struct Scorecard: Sendable, Hashable {
    public var header: RubricHeader
    /// The points of the base table (100), without bonus sections.
    public var total: Rational
    /// How scores that are not whole numbers are shown (the rescaled 缺项 total, pro rata steps).
    public var rounding: ScoreRounding
    /// The region variant in force (南方/北方) when thresholds differ by region.
    public var region: RegionChoice?
    /// The score needed to pass (总分 85 分以上), if the source sets one.
    public var passMark: PassMark?
    /// Conditions that must all hold, whatever the score (必备条件).
    public var prerequisites: [Prerequisite]
    /// How the total is recomputed when items are missing (缺项), if the source allows it.
    public var missingItems: MissingItemsRule?
    public var inputs: [InputDefinition]
    public var derived: [DerivedInput]
    public var constraints: [InputConstraint]
    public var sections: [Section]

    /// Where each object sits in the rubric file, by field path, for messages.
    public var locations: [String: SourceLocation]

    /// The inputs and derived values together, for lookups.
    public var catalog: InputCatalog

    /// The input with this id.
    public func input(_ id: String) -> InputDefinition? { catalog.input(id) }

    /// Every item, in table order.
    public var items: [Item] { sections.flatMap(\.items) }
}

/// What every rubric has: identity, document, dates, source, interpretations and discrepancies.
public struct RubricHeader: Sendable, Hashable {
    public var schemaVersion: Int
    public var kind: String
    public var id: String
    public var version: String
    public var title: String
    /// The issuing document number (长府办〔2022〕6号).
    public var document: String
    public var issued: CalendarDate?
    public var effective: DateWindow?
    public var source: SourceText
    public var interpretations: [Interpretation]
    public var discrepancies: [Discrepancy]
    /// Rubrics of one series are successive versions of a policy; lint checks their validity windows join up.
    public var series: String?
    /// Lint findings the rubric accepts, each with a reason.
    public var acknowledgements: [LintAcknowledgement]
    /// SHA-256 of the rubric file's bytes, so a result can be tied to the exact rules used.
    public var sha256: String

    /// The interpretation with this id.
    public func interpretation(_ id: String) -> Interpretation? { interpretations.first { $0.id == id } }
}

/// The source text a rubric quotes, shipped beside it.
public struct SourceText: Sendable, Hashable, Decodable {
    /// The file, relative to the rubric's folder (`../sources/changning-2022-01.txt`).
    public var file: String
    /// What it is (上海市长宁区人民政府公报 2022 年第 1 期).
    public var title: String
    /// The lines of the source the rubric encodes.
    public var lines: String?

    enum CodingKeys: String, CodingKey { case file, title, lines }
}

/// From when to when a policy or table is in force, both days included.
public struct DateWindow: Sendable, Hashable, Decodable {
    public var from: CalendarDate?
    public var to: CalendarDate?
    public var cite: Citation?
    /// How a claim's date is compared with the window, when the source leaves it open.
    public var interpretation: String?

    enum CodingKeys: String, CodingKey { case from, to, cite, interpretation }

    /// Whether `date` falls inside the window.
    public func contains(_ date: CalendarDate) -> Bool {
        if let from, date < from { return false }
        if let to, date > to { return false }
        return true
    }
}

/// How non-whole scores are shown: places and rounding mode. The exact value is kept alongside.
public struct ScoreRounding: Sendable, Hashable, Decodable {
    public var places: Int
    public var mode: RoundingMode

    public static let standard = ScoreRounding(places: 3, mode: .halfAwayFromZero)

    public init(places: Int, mode: RoundingMode) {
        self.places = places
        self.mode = mode
    }

    enum CodingKeys: String, CodingKey { case places, mode }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        places = try c.decode(Int.self, forKey: .places)
        let modeText = try c.decode(String.self, forKey: .mode)
        guard let mode = RoundingMode(rawValue: modeText) else {
            throw decoder.problem("mode 应为 \(RoundingMode.allCases.map(\.rawValue).joined(separator: "、"))")
        }
        self.mode = mode
        guard (0...6).contains(places) else { throw decoder.problem("places 应在 0 到 6 之间") }
    }
}

/// The region variant a rubric applies, from the options the source gives.
public struct RegionChoice: Sendable, Hashable, Decodable {
    public var options: [String]
    public var chosen: String
    public var cite: Citation
    public var interpretation: String?

    enum CodingKeys: String, CodingKey { case options, chosen, cite, interpretation }
}

/// The score needed to pass.
public struct PassMark: Sendable, Hashable, Decodable {
    public var threshold: Interval
    public var cite: Citation
    public var interpretation: String?

    enum CodingKeys: String, CodingKey { case cite, interpretation }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        cite = try c.decode(Citation.self, forKey: .cite)
        interpretation = try c.decodeIfPresent(String.self, forKey: .interpretation)
        threshold = try Interval(from: decoder)
    }
}

/// A condition that must hold whatever the score (必备条件).
public struct Prerequisite: Sendable, Hashable, Decodable {
    public var id: String
    /// A boolean input that says whether it is met.
    public var input: String
    public var cite: Citation
    public var interpretation: String?

    enum CodingKeys: String, CodingKey { case id, input, cite, interpretation }
}

/// The source's formula for missing items (缺项).
public struct MissingItemsRule: Sendable, Hashable, Decodable {
    /// Only one formula appears in the sources: 评价总分=(实际总得分-加分项得分)*100/(100-缺项对应分值)+加分项得分.
    public var formula: Formula
    public var cite: Citation
    public var interpretation: String?

    public enum Formula: String, Sendable, Hashable, Decodable {
        /// Scale the base score up to the full total over the items that are not missing; bonuses are added after.
        case rescaleBase = "rescale_base"
    }

    enum CodingKeys: String, CodingKey { case formula, cite, interpretation }
}

/// A 一级指标: a group of items.
public struct Section: Sendable, Hashable, Decodable {
    public var id: String
    public var title: String
    /// The weight printed beside the title (15%), kept as the source shows it.
    public var printedWeight: String?
    public var max: Rational
    /// A bonus section (加分项): scored on top of the base total.
    public var bonus: Bool
    public var items: [Item]
    public var interpretations: [String]

    enum CodingKeys: String, CodingKey {
        case id, title, max, bonus, items, interpretations
        case printedWeight = "printed_weight"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        printedWeight = try c.decodeIfPresent(String.self, forKey: .printedWeight)
        max = try c.decode(Rational.self, forKey: .max)
        bonus = try c.decodeIfPresent(Bool.self, forKey: .bonus) ?? false
        items = try c.decode([Item].self, forKey: .items)
        interpretations = try c.decodeIfPresent([String].self, forKey: .interpretations) ?? []
    }
}

/// A 二级指标: an item with its 满分, its scoring rules and its 核实说明.
public struct Item: Sendable, Hashable, Decodable {
    public var id: String
    public var title: String
    /// 满分 (总分值).
    public var max: Rational
    public var cite: Citation
    /// 核实说明: how the district office verifies it.
    public var verification: Citation?
    public var rules: [ScoringRule]
    /// Ceilings on the item or on a group of its rules (最高得10分).
    public var caps: [Cap]
    /// Conditions that zero the item when they fail (规模以上工业企业计量率必须达到100%，否则本项得0分).
    public var gates: [Gate]
    /// Whether a unit may declare the item missing (缺项).
    public var mayBeMissing: Bool

    enum CodingKeys: String, CodingKey {
        case id, title, max, cite, verification, rules, caps, gates
        case mayBeMissing = "may_be_missing"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        max = try c.decode(Rational.self, forKey: .max)
        cite = try c.decode(Citation.self, forKey: .cite)
        verification = try c.decodeIfPresent(Citation.self, forKey: .verification)
        rules = try c.decode([ScoringRule].self, forKey: .rules)
        caps = try c.decodeIfPresent([Cap].self, forKey: .caps) ?? []
        gates = try c.decodeIfPresent([Gate].self, forKey: .gates) ?? []
        mayBeMissing = try c.decodeIfPresent(Bool.self, forKey: .mayBeMissing) ?? false
    }
}

/// A ceiling on the sum of some rules of an item (all of them when `rules` is absent).
public struct Cap: Sendable, Hashable, Decodable {
    public var points: Rational
    public var rules: [String]?
    public var cite: Citation
    public var interpretation: String?

    enum CodingKeys: String, CodingKey { case points, rules, cite, interpretation }
}

/// A condition that zeroes an item, or some of its rules, when it fails.
public struct Gate: Sendable, Hashable, Decodable {
    public var id: String
    /// A boolean input; the gate passes when it is `true`.
    public var input: String
    /// The rules it zeroes; all of the item's when absent.
    public var rules: [String]?
    public var cite: Citation
    public var interpretation: String?

    enum CodingKeys: String, CodingKey { case id, input, rules, cite, interpretation }
}
