import Testing

@testable import Scoring

/// Last run's CSV output read back as this run's ledger gives back exactly the claims decided: the
/// same id, applicant, date, measure, amount and matter, row for row, though each distinct cell is
/// read only once.
@Suite("Prior awards: last run's output read back as a ledger")
struct PriorAwardsTests {
    @Test(arguments: [3, 40])
    func everyAwardReadBackIsTheClaimDecided(_ applicants: Int) throws {
        let schedule = try Schedule.load(bytes: try packageFile("rubrics/schedules/trade-consumption-2022.yaml"), file: "trade-consumption-2022.yaml")
        let csv = ClaimGenerator(schedule: schedule, seed: 7, applicants: applicants, invalidPerMille: 0).csv(count: 1500)
        var calculator = SubsidyCalculator(schedule: schedule)
        let report = calculator.run(try ClaimBatch.read(bytes: Array(csv.utf8), file: "claims.csv", schedule: schedule), file: "claims.csv")
        let awards = try PriorAwards.read(bytes: Array(report.renderCSV().utf8), file: "ledger.csv", schedule: schedule)
        let expected = report.results.map { result in
            PriorAward(
                claimID: result.claim.id, applicant: result.claim.applicant, date: result.claim.date, measure: result.claim.measure,
                amount: result.amount, matter: result.claim.matter)
        }
        #expect(awards.count == 1500)
        if let row = awards.indices.first(where: { $0 < expected.count && awards[$0] != expected[$0] }) {
            Issue.record("ledger row \(row + 2): read \(awards[row]), decided \(expected[row])")
        }
        #expect(Set(awards.map(\.applicant)).count <= applicants, "applicants repeat, so most cells are read from memory")
    }
}
