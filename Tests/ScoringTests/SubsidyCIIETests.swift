import Testing

@testable import Scoring

/// Decides a claims CSV under a shipped schedule, in-process.
func decide(_ csv: String, schedule id: String, prior: [PriorAward] = []) throws -> SubsidyReport {
    let path = "rubrics/schedules/\(id).yaml"
    let schedule = try Schedule.load(bytes: try packageFile(path), file: path)
    var calculator = SubsidyCalculator(schedule: schedule)
    for award in prior { calculator.record(award) }
    let batch = try ClaimBatch.read(bytes: Array(csv.utf8), file: "claims.csv", schedule: schedule)
    return calculator.run(batch, file: "claims.csv")
}

extension SubsidyReport {
    func result(_ id: String) -> ClaimResult? { results.first { $0.claim.id == id } }
}

func yuan(_ text: String) -> Rational { Rational(moneyText: text) ?? Rational(integer: -1) }

/// 长商务规(2021)2号 (seed 000 lines 1245–1321; seed-000.md §3.1 and §3.5).
@Suite("Subsidies: 进博会 schedule 长商务规(2021)2号")
struct SubsidyCIIETests {
    static let header = "claim_id,applicant,date,measure,applicant_type,recognised,first_time_aeo,event_cost,store_cost,first_year_rent,approved_amount"

    @Test func aClaimDatedAfterTheThreeDayWindowIsNotInForce() throws {
        let report = try decide(Self.header + "\nA,甲,2022-01-05,P2,企业,,true,,,,\nB,甲,2021-12-31,P2,企业,,true,,,,", schedule: "ciie-trade-2021")
        #expect(report.result("A")?.status == .ineligible)
        #expect(report.result("A")?.reasons.first?.contains("不在本政策有效期（2021-12-29 至 2021-12-31）内") == true)
        #expect(report.result("B")?.amount == yuan("10万"))
    }

    @Test(arguments: [("30万", "15万"), ("60万", "20万"), ("40万", "20万"), ("10万", "5万")])
    func industryEventsGetHalfTheCostUpTo200Thousand(_ cost: String, _ expected: String) throws {
        let report = try decide(Self.header + "\nE,乙,2021-12-30,P7,企业,true,,\(cost),,,", schedule: "ciie-trade-2021")
        let result = try #require(report.result("E"))
        #expect(result.amount == yuan(expected))
        // 不超过…最高: a ceiling until finance enters the approved amount.
        #expect(result.isCeiling)
    }

    @Test func fiveIndustryEventsOf200ThousandInAYearGet800Thousand() throws {
        var csv = Self.header
        for day in 1...5 { csv += "\nE\(day),丙,2021-12-3\(day % 2),P7,企业,true,,40万,,," }
        let report = try decide(csv, schedule: "ciie-trade-2021")
        let total = try Rational.sum(report.results.map(\.amount))
        #expect(total == yuan("80万"))
        let capped = report.results.filter { $0.boundBy.contains { $0.kind == .yearlyCap } }
        #expect(capped.count == 1)
        #expect(capped.first?.amount == .zero)
        #expect(report.applicants.first?.forgone == yuan("20万"))
    }

    @Test func anApprovedAmountAboveTheCeilingIsAnErrorAndCapped() throws {
        let report = try decide(Self.header + "\nE,丁,2021-12-30,P8,企业,true,,120万,,,60万", schedule: "ciie-trade-2021")
        #expect(report.result("E")?.amount == yuan("50万"))
        #expect(report.findings.map(\.code) == ["approved.above-ceiling"])
    }

    @Test func budgetFundedInstitutionsGetNothing() throws {
        let report = try decide(Self.header + "\nE,文化中心,2021-12-30,P8,本区公共财政保障范围内的事业单位,true,,100万,,,", schedule: "ciie-trade-2021")
        #expect(report.result("E")?.status == .ineligible)
        #expect(report.result("E")?.amount == .zero)
    }

    @Test func anAmountTheTextDoesNotGiveNeedsADecision() throws {
        let report = try decide(Self.header + "\nH,总部,2021-12-31,P6-ext,企业,true,,,,,", schedule: "ciie-trade-2021")
        #expect(report.result("H")?.status == .needsDecision)
        #expect(report.result("H")?.interpretations.contains("AMBIG-35") == true)
    }

    @Test func priorAwardsCountAgainstTheYearlyCap() throws {
        let prior = [PriorAward(claimID: "old", applicant: "丙", date: try #require(CalendarDate(text: "2021-12-29")), measure: "P7", amount: yuan("70万"), matter: nil)]
        let report = try decide(Self.header + "\nE,丙,2021-12-30,P7,企业,true,,40万,,,", schedule: "ciie-trade-2021", prior: prior)
        #expect(report.result("E")?.amount == yuan("10万"))
    }

    @Test func theFirstStoreAmountStopsAtItsCeiling() throws {
        let report = try decide(Self.header + "\nS,己,2021-12-31,P9,企业,true,,,50万,,", schedule: "ciie-trade-2021")
        #expect(report.result("S")?.amount == yuan("20万"))
        #expect(report.result("S")?.boundBy.map(\.kind) == [.measureCeiling])
    }
}
