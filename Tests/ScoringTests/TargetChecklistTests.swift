import Testing

@testable import Scoring
@testable import score_cli

/// Target checklists: 长府〔2021〕23号 节能降碳 (seed-001.md §2.1.1) and 长府办〔2023〕14号 一网通办 (seed-002.md §4.1).
@Suite("Target checklists")
struct TargetChecklistTests {
    func check(_ id: String, _ inputs: [String: String]) throws -> TargetReport {
        let checklist = try TargetChecklist.load(bytes: try packageFile("rubrics/targets/\(id).yaml"), file: id)
        let yaml = "rubric: \(id)\nunit: 测试\ninputs:\n" + inputs.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value)" }.joined(separator: "\n")
        return try checklist.check(try SelfAssessment.load(bytes: Array(yaml.utf8), file: "t.yaml"))
    }

    func result(_ report: TargetReport, _ id: String) -> TargetReport.Result? { report.results.first { $0.indicator.id == id } }

    @Test func changningMetAllSixEnergyTargetsByTheStatedMargins() throws {
        let report = try check("energy-carbon-2020", ["T1": "7.99", "T2": "186.61", "T3": "-9.17", "T4": "-3.58", "T5": "8.80", "T6": "195.84"])
        #expect(report.allMet)
        // 下降目标0.50% vs 实际下降7.99%: 7.49 points beyond; 增长控制在3.00%以内 vs 实际下降9.17%: 12.17 points within.
        #expect(result(report, "T1")?.margin == Rational(decimalText: "7.49"))
        #expect(result(report, "T3")?.margin == Rational(decimalText: "12.17"))
        // The stated 超额完成进度目标 86.61 / 95.84 个百分点.
        #expect(result(report, "T2")?.margin == Rational(decimalText: "86.61"))
        #expect(result(report, "T6")?.margin == Rational(decimalText: "95.84"))
    }

    @Test func growthAboveTheCeilingIsNotMet() throws {
        let report = try check("energy-carbon-2020", ["T1": "0.49", "T2": "100", "T3": "3.01", "T4": "10.40", "T5": "0.50", "T6": "99.99"])
        #expect(report.results.filter { !$0.met }.map(\.indicator.id) == ["T1", "T3", "T6"])
    }

    @Test func strictTargetsNeedMoreThanTheNumber() throws {
        var inputs = Dictionary(uniqueKeysWithValues: (1...13).map { ("N\($0)", "100000") })
        inputs["N9"] = "30"
        inputs["N10"] = "30000"
        let report = try check("one-network-2023", inputs)
        #expect(report.results.filter { !$0.met }.map(\.indicator.id) == ["N9", "N10"])
    }

    @Test func theExamplesPrintTheirExpectedOutput() throws {
        for name in ["energy-carbon-changning-2020", "one-network-2023-midyear"] {
            let result = try run(["score", "examples/targets/\(name).yaml"])
            #expect(result.status == 0)
            #expect(result.output == (try packageText("examples/targets/expected/\(name).txt")))
        }
    }
}
