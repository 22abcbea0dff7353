import Testing

@testable import Scoring

@Suite("Reading claims: bad rows are reported with row and column, the rest are processed")
struct ClaimsReadingTests {
    static let header = "claim_id,applicant,date,measure,applicant_type,recognised,first_time_aeo,event_cost,store_cost,first_year_rent,approved_amount"

    @Test func aBadRowCostsOneLineNotTheRun() throws {
        let csv = """
            \(Self.header)
            A,甲,2021-12-30,P2,企业,,true,,,,
            B,乙,2021-12-30,P99,企业,,true,,,,
            C,丙,2021-12-30,P7,企业,true,,1.5x,,,
            D,丁,2022-02-30,P2,企业,,true,,,,
            E,戊,2021-12-31,P7,企业,true,,"1,200,000",,,
            """
        let report = try decide(csv, schedule: "ciie-trade-2021")
        #expect(report.results.map(\.claim.id) == ["A", "E"])
        #expect(report.rowsRead == 5)
        #expect(report.rowsRejected == 3)
        let problems = report.problems.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.field)" }
        #expect(problems == ["3:4 measure", "4:8 event_cost", "5:3 date"])
        #expect(report.result("E")?.amount == yuan("20万"))
    }

    @Test func excelFilesWithABOMAndCRLFAndChineseHeadersRead() throws {
        let csv = "\u{FEFF}申请编号,申请单位,申请日期,项目,applicant_type,经认定符合本项条件,活动费用\r\nA,甲,2021年12月30日,P7,企业,是,30万\r\n"
        let report = try decide(csv, schedule: "ciie-trade-2021")
        #expect(report.problems.isEmpty)
        #expect(report.result("A")?.amount == yuan("15万"))
    }

    @Test func anOpenQuoteIsAnErrorNamingItsLine() throws {
        let csv = Self.header + "\nA,\"甲,2021-12-30,P2,企业,,true,,,,\n"
        #expect(throws: FileProblems.self) { try decide(csv, schedule: "ciie-trade-2021") }
        do {
            _ = try decide(csv, schedule: "ciie-trade-2021")
        } catch let error as FileProblems {
            #expect(error.problems.first?.location?.line == 2)
            #expect(error.problems.first?.message.contains("引号没有闭合") == true)
        }
    }

    @Test func duplicateColumnsAndUnknownColumnsAreRefused() throws {
        #expect(throws: FileProblems.self) { try decide("claim_id,claim_id\nA,B", schedule: "ciie-trade-2021") }
        let report = try decide(Self.header + ",colour\nA,甲,2021-12-30,P2,企业,,true,,,,,red", schedule: "ciie-trade-2021")
        #expect(report.problems.map(\.field) == ["colour"])
    }

    @Test(arguments: [("1,234,567.89", "1234567.89"), ("20万", "200000"), ("1.2亿", "120000000"), ("3000元", "3000"), ("20万元", "200000")])
    func amountsReadAsFinanceWritesThem(_ text: String, _ expected: String) {
        #expect(Rational(moneyText: text) == Rational(decimalText: expected))
    }

    @Test(arguments: ["1,5", "1.5x", "二十万", "1e5", "12,34", "万"])
    func amountsThatWouldBeMisreadAreRefused(_ text: String) {
        #expect(Rational(moneyText: text) == nil)
    }

    @Test func claimsCanBeYAML() throws {
        let yaml = """
            claims:
              - {claim_id: Y1, applicant: 甲, date: 2021-12-30, measure: P7, applicant_type: 企业, recognised: true, event_cost: 30万}
              - {claim_id: Y2, applicant: 乙, date: 2021-12-30, measure: P2, applicant_type: 企业, first_time_aeo: 是}
            """
        let schedule = try Schedule.load(bytes: try packageFile("rubrics/schedules/ciie-trade-2021.yaml"), file: "s")
        let batch = try ClaimBatch.read(bytes: Array(yaml.utf8), file: "claims.yaml", schedule: schedule)
        var calculator = SubsidyCalculator(schedule: schedule)
        let report = calculator.run(batch, file: "claims.yaml")
        #expect(report.result("Y1")?.amount == yuan("15万"))
        #expect(report.result("Y2")?.amount == yuan("10万"))
    }
}
