/// The scored self-assessment: points per rule, item and section, the total, where points were lost,
/// the findings, and the interpretations that applied.
public struct ScoreReport: Sendable, Hashable {
    public var rubric: RubricIdentity
    public var unit: String
    public var period: String?
    /// The file the self-assessment came from.
    public var file: String
    public var region: String?
    public var sections: [SectionScore]
    /// Points of the base sections, before any 缺项 rescaling.
    public var basePoints: Rational
    /// Points of bonus sections (加分项).
    public var bonusPoints: Rational
    /// The final total: base (rescaled when items are missing) plus bonus. Exact.
    public var total: Rational
    /// The base table's full points (100).
    public var maximum: Rational
    /// How the total was recomputed for missing items, when it was.
    public var rescaling: Rescaling?
    /// The total the unit claimed, if it stated one.
    public var claimedTotal: Rational?
    /// The pass decision, when the rubric has a pass mark or prerequisites.
    public var verdict: Verdict?
    public var findings: [Finding]
    /// Interpretations that decided some part of this result, in rubric order.
    public var interpretations: [Interpretation]
    /// How to show the total and any non-whole score.
    public var rounding: ScoreRounding

    /// Items that scored below their 满分, with the rules that lost the points.
    public var lostPoints: [LostPoints] {
        sections.filter { !$0.bonus }.flatMap(\.items).compactMap { item in
            guard !item.missing, let lost = try? item.maximum - item.points, lost > .zero else { return nil }
            let rules = item.rules.filter { rule in rule.maximum.map { rule.points < $0 } ?? false }
            return LostPoints(item: item.id, title: item.title, points: lost, rules: rules)
        }
    }

    /// The sum of the claimed item points, when every item has a claim.
    public var claimedItemSum: Rational? {
        let items = sections.flatMap(\.items)
        let claims = items.compactMap(\.claimed)
        guard !items.isEmpty, claims.count == items.count else { return nil }
        return try? Rational.sum(claims)
    }

    /// `88.615` or `≈88.615`: the total as shown, with the rounding it needed.
    public func display(_ value: Rational) -> String {
        value.exactDecimalText ?? ("≈" + ((try? value.fixedText(places: rounding.places, rounding: rounding.mode)) ?? "\(value)"))
    }

    /// The report as a row of a ``ScoreSummary`` needs it: without each item's rules (their
    /// explanations and clauses) and the interpretations, which only the report's own rendering
    /// shows. Points, findings and everything else stay.
    ///
    /// A folder of ten thousand files keeps one report per file until the summary can be ranked;
    /// when the reports themselves are not printed, or were printed already, this is all it needs
    /// to keep. Summaries in text, Markdown, CSV and JSON read the same from it as from the report.
    public var summaryRow: ScoreReport {
        var row = self
        for section in row.sections.indices {
            for item in row.sections[section].items.indices { row.sections[section].items[item].rules = [] }
        }
        row.interpretations = []
        return row
    }
}

/// Which rubric produced a result, exactly.
public struct RubricIdentity: Sendable, Hashable {
    public var id: String
    public var version: String
    public var title: String
    public var document: String
    public var sha256: String
}

/// A 一级指标's result.
public struct SectionScore: Sendable, Hashable {
    public var id: String
    public var title: String
    public var printedWeight: String?
    public var maximum: Rational
    public var points: Rational
    public var bonus: Bool
    public var items: [ItemScore]
}

/// A 二级指标's result.
public struct ItemScore: Sendable, Hashable {
    public var id: String
    public var title: String
    /// 满分.
    public var maximum: Rational
    public var points: Rational
    /// The unit's own 自评 figure, if given.
    public var claimed: Rational?
    /// Declared missing (缺项): not scored, and the total is rescaled.
    public var missing: Bool
    public var rules: [RuleScore]
    /// What caps and gates did to the sum of the rules, in words.
    public var adjustments: [String]
    public var citation: String
}

/// One scoring rule's result, with its explanation in Chinese and its clause.
public struct RuleScore: Sendable, Hashable {
    public var id: String
    public var points: Rational
    /// The most the rule can give, when the source sets a ceiling.
    public var maximum: Rational?
    /// 主办件 7 件，属「5-8 件」档，得 4 分
    public var explanation: String
    /// 长府办〔2022〕6号 附件·办件数量·评分标准1
    public var citation: String
    /// Interpretations that decided this rule's result.
    public var interpretations: [String]
}

/// Points lost on an item and the rules that lost them.
public struct LostPoints: Sendable, Hashable {
    public var item: String
    public var title: String
    public var points: Rational
    public var rules: [RuleScore]
}

/// How the total was recomputed when items were missing (缺项).
public struct Rescaling: Sendable, Hashable {
    public var missingItems: [String]
    public var missingPoints: Rational
    /// The formula with the numbers filled in.
    public var explanation: String
    public var citation: String
}

/// Pass or fail, and why.
public struct Verdict: Sendable, Hashable {
    public var passed: Bool
    public var reasons: [String]
}

/// Something a reader of the result must know: a claimed figure that differs, a missing note.
public struct Finding: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning, info

        var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .info: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// A stable code for machines (`claim.differs`).
    public var code: String
    public var message: String
    /// The item or field it concerns.
    public var location: String?

    public init(severity: Severity, code: String, message: String, location: String?) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }
}
