/// One place where a claimed figure departs from the rules, as an auditor lists it.
public struct AuditDifference: Sendable, Hashable {
    /// The unit or applicant.
    public var subject: String
    /// The item (`S5`), the total, or the claim id.
    public var location: String
    public var severity: Finding.Severity
    /// A stable code (see docs/output-json.md): `claim.above-max`, `claim.differs`, `claim.total-not-sum`,
    /// `claim.total-differs`, `input.out-of-range`, `note.missing`, `claim.above-ceiling`,
    /// `claim.wrong-amount`, `claim.yearly-cap-ignored`, `claim.count-limit-ignored`, `claim.stacking`,
    /// `claim.pool-exceeded`, `claim.not-in-force`, `claim.ineligible`, `claim.needs-decision`.
    public var code: String
    public var claimed: Rational?
    public var computed: Rational?
    /// The rules involved, by id.
    public var rules: [String]
    public var citation: String
    /// In Chinese: what differs and why.
    public var message: String

    /// How far the claimed figure is from the computed one.
    public var gap: Rational? {
        guard let claimed, let computed, let difference = try? claimed - computed else { return nil }
        return difference.isNegative ? (try? -difference) : difference
    }
}

/// The differences found in a batch, with counts per unit or applicant.
public struct AuditReport: Sendable, Hashable {
    /// What was checked: `自评表` or `申请`.
    public var kind: String
    public var differences: [AuditDifference]
    /// Every unit or applicant checked, and how many items or claims each had checked.
    public var checked: [(subject: String, count: Int)]

    public static func == (lhs: AuditReport, rhs: AuditReport) -> Bool {
        lhs.kind == rhs.kind && lhs.differences == rhs.differences && lhs.checked.map(\.subject) == rhs.checked.map(\.subject)
            && lhs.checked.map(\.count) == rhs.checked.map(\.count)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(differences)
    }

    public init(kind: String, differences: [AuditDifference], checked: [(subject: String, count: Int)]) {
        self.kind = kind
        self.differences = differences
        self.checked = checked
    }

    /// Whether any difference is an error.
    public var hasErrors: Bool { differences.contains { $0.severity == .error } }

    /// Per subject: how many checked, how many differences, and the sum of the gaps.
    public var summary: [(subject: String, checked: Int, differing: Int, gap: Rational)] {
        checked.map { entry in
            let mine = differences.filter { $0.subject == entry.subject && $0.severity != .info }
            let gap = (try? Rational.sum(mine.compactMap(\.gap))) ?? .zero
            return (entry.subject, entry.count, Set(mine.map(\.location)).count, gap)
        }
    }
}
