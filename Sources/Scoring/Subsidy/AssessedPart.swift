/// The rows of one part of a block, read and assessed on one thread, in file order.
///
/// The claims that were assessed lie in one array, each where it will be settled and rendered: a
/// result is a large value, and every move of it was a copy. The few other rows (a bad row, a claim
/// missing a fact it needs) are kept apart with their place among the assessed claims.
struct AssessedPart: Sendable {
    /// A row that was not assessed.
    struct OtherRow: Sendable {
        /// How many assessed claims of the part come before this row.
        var position: Int
        /// The claim, when the row was read but a fact it needs is blank.
        var claim: Claim?
        /// Why the row was not assessed.
        var problems: [FileProblem]
    }

    /// The claims assessed, in file order.
    var assessed: [SubsidyCalculator.Assessed] = []
    /// The rows not assessed, in file order.
    var others: [OtherRow] = []
    /// The positions in `assessed`, in order, of claims that settling rejected (a claim id repeated):
    /// they are not rendered.
    var rejected: [Int] = []
    /// How many rows the part read.
    var rows: Int { assessed.count + others.count }
}
