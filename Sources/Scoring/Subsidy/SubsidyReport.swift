/// A decided batch of claims: each claim's result (when kept), the rows that could not be read, a
/// summary per applicant, and the programme total against any pool.
public struct SubsidyReport: Sendable, Hashable {
    public var schedule: RubricIdentity
    public var file: String
    /// In processing order: by date, then claim id. Empty when the batch was streamed to its output.
    public var results: [ClaimResult]
    /// One per bad cell or row; those rows are not in `results`.
    public var problems: [FileProblem]
    public var rowsRead: Int
    public var rowsRejected: Int
    public var pool: Pool?
    public var poolUsed: Rational
    public var interpretations: [Interpretation]
    /// Per applicant, sorted by name. Empty when a batch was streamed as CSV, which prints no summary.
    public var applicants: [ApplicantSummary]
    /// The total granted in the batch.
    public var totalGranted: Rational
    /// The total taken by caps, limits and non-stacking.
    public var totalForgone: Rational
    /// Grants that are ceilings awaiting an approved amount.
    public var ceilings: Int
    /// How many claims have an error-level finding (an approved amount above its ceiling).
    public var claimsWithErrors: Int

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

        /// Counts one more decided claim of this applicant.
        mutating func add(_ result: ClaimResult) throws(ArithmeticOverflow) {
            claims += 1
            switch result.status {
            case .granted:
                granted = try granted + result.amount
                forgone = try forgone + result.forgone
                if result.isCeiling { ceilings += 1 }
            case .ineligible: ineligible += 1
            case .needsDecision: needsDecision += 1
            }
        }
    }

    /// Every finding of every kept claim.
    public var findings: [Finding] { results.flatMap(\.findings) }
}

/// Builds a ``SubsidyReport`` one decided claim at a time, keeping only what the summary needs
/// (per applicant, not per claim) unless asked to keep the results.
struct SubsidyTally: Sendable {
    private let schedule: Schedule
    private let file: String
    private let keepsResults: Bool
    /// Whether the summary per applicant is kept: a CSV of claims prints none, and at a million
    /// claims keeping it was a tenth of the time of the thread that settles them.
    private let keepsApplicants: Bool
    private var results: [ClaimResult] = []
    private var problems: [FileProblem] = []
    private var rowsRead = 0
    private var rowsRejected = 0
    /// By the applicant's number in the ledger; `nil` for applicants with no claim in this batch.
    private var applicants: [SubsidyReport.ApplicantSummary?] = []
    private var totalGranted = Rational.zero
    private var totalForgone = Rational.zero
    private var ceilings = 0
    private var claimsWithErrors = 0
    private var interpretationIDs: Set<String> = []
    /// Per measure, by position in the schedule, each different list of interpretations its claims
    /// cited: a measure's claims cite one of a few lists, so comparing with these (the same arrays,
    /// shared) is much cheaper than hashing every claim's interpretations again.
    private var citedInterpretations: [[[String]]]
    /// Whether a total overflowed (over 9.2 × 10^18 in lowest terms): reported, never wrapped.
    private(set) var overflow: ArithmeticOverflow?

    init(schedule: Schedule, file: String, keepsResults: Bool, keepsApplicants: Bool = true) {
        self.schedule = schedule
        self.file = file
        self.keepsResults = keepsResults
        self.keepsApplicants = keepsApplicants
        citedInterpretations = Array(repeating: [], count: schedule.measures.count)
    }

    /// Counts rows read, and those rejected with their problems.
    mutating func noteRows(read: Int, rejected: Int, problems: [FileProblem]) {
        rowsRead += read
        rowsRejected += rejected
        self.problems += problems
    }

    /// A row that was read but could not be decided (a fact it needs is blank, a repeated id).
    mutating func reject(_ problem: FileProblem) {
        rowsRejected += 1
        problems.append(problem)
    }

    /// Counts a decided claim of the applicant numbered `applicant` in the ledger.
    mutating func add(_ result: ClaimResult, applicant: Int, measure: Int) {
        if keepsResults { results.append(result) }
        if !citedInterpretations[measure].contains(result.interpretations) {
            interpretationIDs.formUnion(result.interpretations)
            citedInterpretations[measure].append(result.interpretations)
        }
        if result.findings.contains(where: { $0.severity == .error }) { claimsWithErrors += 1 }
        do {
            if keepsApplicants { try addToApplicant(result, applicant: applicant) }
            if result.status == .granted {
                totalGranted = try totalGranted + result.amount
                totalForgone = try totalForgone + result.forgone
            }
        } catch {
            // Reported once, on the claim that overflowed: the totals after it are incomplete.
            if overflow == nil {
                problems.append(
                    FileProblem(
                        file: file, location: SourceLocation(line: result.claim.line, column: 1), field: "amount",
                        message: "给予金额合计超出可精确计算的范围（\(error)），合计与汇总不完整"))
            }
            overflow = overflow ?? error
        }
        if result.status == .granted && result.isCeiling { ceilings += 1 }
    }

    private mutating func addToApplicant(_ result: ClaimResult, applicant: Int) throws(ArithmeticOverflow) {
        if applicant >= applicants.count { applicants += Array(repeating: nil, count: applicant + 1 - applicants.count) }
        if case .none = applicants[applicant] {
            applicants[applicant] = SubsidyReport.ApplicantSummary(
                applicant: result.claim.applicant, claims: 0, granted: .zero, forgone: .zero, ineligible: 0, needsDecision: 0, ceilings: 0)
        }
        try applicants[applicant]!.add(result)
    }

    func report(poolUsed: Rational) -> SubsidyReport {
        SubsidyReport(
            schedule: RubricIdentity(
                id: schedule.header.id, version: schedule.header.version, title: schedule.header.title,
                document: schedule.header.document, sha256: schedule.header.sha256),
            file: file, results: results,
            problems: problems.sorted { ($0.location?.line ?? 0, $0.field) < ($1.location?.line ?? 0, $1.field) },
            rowsRead: rowsRead, rowsRejected: rowsRejected, pool: schedule.pool, poolUsed: poolUsed,
            interpretations: schedule.header.interpretations.filter { interpretationIDs.contains($0.id) },
            applicants: applicants.compactMap { $0 }.sorted(byStringOrderOf: \.applicant),
            totalGranted: totalGranted, totalForgone: totalForgone, ceilings: ceilings, claimsWithErrors: claimsWithErrors)
    }
}

/// The checks on the order of claims as they are decided: each claim after the one before it (by
/// date, then claim id), and no claim id twice on one date.
///
/// Claims in that order sit next to their repeats, so a repeated claim id (the same row exported
/// twice) is the claim decided last: nothing else of the batch needs remembering, and memory stays
/// flat however many claims.
struct DecisionOrder: Sendable {
    let file: String
    /// The date, id and line of the last claim decided (not counting repeats).
    private var last: (date: CalendarDate, id: String, line: Int)?

    init(file: String) {
        self.file = file
    }

    /// Whether `claim` comes before the claim decided last, which streaming cannot allow.
    func isOutOfOrder(_ claim: Claim) -> Bool {
        guard let last else { return false }
        if claim.date != last.date { return claim.date < last.date }
        return compareBytes(claim.id, last.id) < 0
    }

    /// The problem when `claim` repeats the id of an earlier claim on the same date; otherwise
    /// records it and returns `nil`.
    mutating func repeatedID(_ claim: Claim) -> FileProblem? {
        if let last, last.date == claim.date, compareBytes(claim.id, last.id) == 0 {
            return FileProblem(
                file: file, location: SourceLocation(line: claim.line, column: 1),
                field: "claim_id", message: "申请编号「\(claim.id)」与第 \(last.line) 行重复")
        }
        last = (claim.date, claim.id, claim.line)
        return nil
    }
}
