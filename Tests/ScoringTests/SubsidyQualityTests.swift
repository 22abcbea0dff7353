import Testing

@testable import Scoring

/// 长市监规(2021)1号 (seed 001 lines 1077–1209; seed-001.md §3), the acceptance list.
@Suite("Subsidies: 质量/品牌/知识产权 schedule 长市监规(2021)1号")
struct SubsidyQualityTests {
    static let header = "claim_id,applicant,date,measure,applicant_type,unit_in_good_standing,obtained,first_time,ip_mgmt_cost,premium_paid,pledge_loan,standard_level,drafting_role,matter"

    func row(_ id: String, _ applicant: String, _ date: String, _ measure: String, type: String = "企业", obtained: String = "是",
        firstTime: String = "", cost: String = "", premium: String = "", loan: String = "", level: String = "", role: String = "",
        matter: String = "") -> String
    {
        "\(id),\(applicant),\(date),\(measure),\(type),是,\(obtained),\(firstTime),\(cost),\(premium),\(loan),\(level),\(role),\(matter)"
    }

    @Test(arguments: [("99.99万", "1万"), ("100万", "3万"), ("499.99万", "3万"), ("500万", "5万"), ("1000万", "10万")])
    func pledgeLoanBrackets(_ loan: String, _ expected: String) throws {
        let report = try decide(Self.header + "\n" + row("L", "甲", "2022-03-01", "R44-47", loan: loan), schedule: "quality-brand-ip-2021")
        #expect(report.result("L")?.amount == yuan(expected))
    }

    @Test func ipManagementStandardIsHalfTheCostUpTo50Thousand() throws {
        let report = try decide(Self.header + "\n" + row("M", "甲", "2022-03-01", "R31", cost: "12万"), schedule: "quality-brand-ip-2021")
        #expect(report.result("M")?.amount == yuan("5万"))
    }

    @Test func patentInsuranceIsCappedAt50ThousandAYear() throws {
        let csv = [Self.header, row("I1", "乙", "2022-03-01", "R43", premium: "6万"), row("I2", "乙", "2022-06-01", "R43", premium: "6万")]
        let report = try decide(csv.joined(separator: "\n"), schedule: "quality-brand-ip-2021")
        #expect(report.result("I1")?.amount == yuan("3万"))
        #expect(report.result("I2")?.amount == yuan("2万"))
    }

    @Test func qualityAwardsPayTheHighestOnce() throws {
        let csv = [Self.header, row("A1", "丙", "2022-03-01", "R05"), row("A2", "丙", "2022-05-01", "R01")]
        let report = try decide(csv.joined(separator: "\n"), schedule: "quality-brand-ip-2021")
        let total = try Rational.sum(report.results.map(\.amount))
        #expect(total == yuan("100万"))
        #expect(report.result("A2")?.amount == yuan("50万"))  // topped up to the highest, never stacked
    }

    @Test func threeShanghaiBrandsPayTwo() throws {
        let csv = [Self.header] + (1...3).map { row("B\($0)", "丁", "2022-0\($0)-01", "R21", firstTime: "是") }
        let report = try decide(csv.joined(separator: "\n"), schedule: "quality-brand-ip-2021")
        #expect(report.results.filter { $0.amount > .zero }.map(\.claim.id) == ["B1", "B2"])
        #expect(report.result("B3")?.boundBy.map(\.kind) == [.countLimit])
    }

    @Test func sevenStandardisationProjectsInAYearPayTheEarliestFive() throws {
        let csv = [Self.header] + (1...7).map { row("S\($0)", "戊", "2023-0\($0)-01", "R55-65", level: "行业标准", role: "第一起草单位") }
        let report = try decide(csv.joined(separator: "\n"), schedule: "quality-brand-ip-2021")
        #expect(report.results.filter { $0.amount > .zero }.map(\.claim.id) == ["S1", "S2", "S3", "S4", "S5"])
    }

    @Test func revisingANationalStandardAsFirstDrafterGets40Thousand() throws {
        let report = try decide(Self.header + "\n" + row("V", "己", "2022-03-01", "R67", level: "国家标准", role: "第一起草单位"), schedule: "quality-brand-ip-2021")
        #expect(report.result("V")?.amount == yuan("4万"))
    }

    @Test func adoptingIntoAnIndustryStandardAsANonFirstDrafterGets6000() throws {
        let report = try decide(Self.header + "\n" + row("D", "己", "2022-03-01", "R66", level: "行业标准", role: "非第一起草单位"), schedule: "quality-brand-ip-2021")
        #expect(report.result("D")?.amount == yuan("6000"))
    }

    @Test func districtPatentNavigationGets120ThousandAndShowsTheInterpretations150() throws {
        let report = try decide(Self.header + "\n" + row("N", "庚", "2022-03-01", "R42"), schedule: "quality-brand-ip-2021")
        let result = try #require(report.result("N"))
        #expect(result.amount == yuan("12万"))
        #expect(result.discrepancies.first?.contains("15 万元") == true)
    }

    @Test func aBudgetFundedInstitutionGetsNothing() throws {
        let csv = [Self.header, row("X", "区某中心", "2022-03-01", "R01", type: "区级预算保障的事业单位")]
        let report = try decide(csv.joined(separator: "\n"), schedule: "quality-brand-ip-2021")
        #expect(report.result("X")?.status == .ineligible)
    }
}
