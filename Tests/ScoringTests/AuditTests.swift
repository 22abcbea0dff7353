import Testing

@testable import Scoring
@testable import score_cli

/// Batches with planted errors (examples/audit/README.md): every planted error, and nothing else,
/// is reported with its code.
@Suite("Audit: planted errors are found, and nothing else")
struct AuditTests {
    @Test func selfAssessmentsWithPlantedErrors() throws {
        let files = packageFiles(in: "examples/audit", extensions: ["yaml"])
        let result = try run(["audit"] + files + ["-f", "csv"])
        #expect(result.status == 1)
        let rows = result.output.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let found = Set(rows.map { "\($0[0]) \($0[1]) \($0[3])" })
        #expect(
            found == [
                "区审计局 S1 claim.above-max", "区科委 S5 claim.differs", "区财政局 总分 claim.total-not-sum",
                "区住房保障房屋管理局 S4 input.out-of-range", "区体育局 inputs.attitude_points note.missing",
            ])
    }

    @Test func claimsWithPlantedErrors() throws {
        let result = try run(["audit", "examples/audit/claims-planted.csv", "--schedule", "trade-consumption-2022", "-f", "csv"])
        #expect(result.status == 1)
        let rows = result.output.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let found = Dictionary(uniqueKeysWithValues: rows.map { (String($0[1]), String($0[3])) })
        #expect(
            found == [
                "A02": "claim.wrong-amount", "A04": "claim.yearly-cap-ignored", "A05": "claim.above-ceiling",
                "A06": "claim.ineligible", "A07": "claim.not-in-force", "A09": "claim.stacking",
            ])
    }

    @Test func theAuditOutputsMatchTheirExpectedFiles() throws {
        let units = try run(["audit"] + packageFiles(in: "examples/audit", extensions: ["yaml"]))
        #expect(units.output == (try packageText("examples/audit/expected/units.txt")))
        let claims = try run(["audit", "examples/audit/claims-planted.csv", "--schedule", "trade-consumption-2022"])
        #expect(claims.output == (try packageText("examples/audit/expected/claims.txt")))
    }

    @Test func aCleanBatchHasNoDifferencesAndExits0() throws {
        let result = try run(["audit", "examples/scorecards/model-unit.yaml", "examples/scorecards/typical-unit.yaml"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("核实：自评表，共 2 个单位，0 处差异"))
    }
}
