/// A decided batch of claims: each claim's result, the rows that could not be read, a summary per
/// applicant, and the programme total against any pool.
public struct SubsidyReport: Sendable, Hashable {
    public var schedule: RubricIdentity
    public var file: String
    /// In processing order: by date, then claim id.
    public var results: [ClaimResult]
    /// One per bad cell or row; those rows are not in `results`.
    public var problems: [FileProblem]
    public var rowsRead: Int
    public var rowsRejected: Int
    public var pool: Pool?
    public var poolUsed: Rational
    public var interpretations: [Interpretation]

    /// Per applicant: what was granted, what caps and non-stacking took, and how many claims were
    /// not eligible or need a decision.
    public struct ApplicantSummary: Sendable, Hashable {
        public var applicant: String
        public var claims: Int
        public var granted: Rational
        public var forgone: Rational
        public var ineligible: Int
        public var needsDecision: Int
        /// Grants that are ceilings awaiting an approved amount.
        public var ceilings: Int
    }

    public var applicants: [ApplicantSummary] {
        var order: [String] = []
        var byApplicant: [String: ApplicantSummary] = [:]
        for result in results {
            let name = result.claim.applicant
            if byApplicant[name] == nil { order.append(name) }
            var summary = byApplicant[name]
                ?? ApplicantSummary(applicant: name, claims: 0, granted: .zero, forgone: .zero, ineligible: 0, needsDecision: 0, ceilings: 0)
            summary.claims += 1
            switch result.status {
            case .granted:
                summary.granted = (try? summary.granted + result.amount) ?? summary.granted
                summary.forgone = (try? summary.forgone + result.forgone) ?? summary.forgone
                if result.isCeiling { summary.ceilings += 1 }
            case .ineligible: summary.ineligible += 1
            case .needsDecision: summary.needsDecision += 1
            }
            byApplicant[name] = summary
        }
        return order.sorted().compactMap { byApplicant[$0] }
    }

    /// The total granted in the batch.
    public var totalGranted: Rational { (try? Rational.sum(results.map(\.amount))) ?? .zero }
    /// The total taken by caps, limits and non-stacking.
    public var totalForgone: Rational { (try? Rational.sum(results.map(\.forgone))) ?? .zero }

    /// Every finding of every claim.
    public var findings: [Finding] { results.flatMap(\.findings) }
}
