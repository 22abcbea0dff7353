import Testing

@testable import Scoring

/// The rule kinds the 2022 proposal table does not use, shown on a small rubric shaped like the 2023
/// 节水型社会评价标准 (seed 002, lines 1405–1495): step deductions by shortfall with a declared
/// partial-step reading, region variants, a gate, bonus items, missing items with the source's
/// rescaling formula, prerequisites and a pass mark.
@Suite("Rule kinds beyond the first table")
struct RuleKindsTests {
    static let rubric = """
        schema_version: 1
        kind: scorecard
        id: water-like
        version: "1"
        title: 节水型社会评价（测试）
        document: 测试
        source: {file: none.txt, title: 测试}
        total: 100
        region:
          options: [北方, 南方]
          chosen: 南方
          cite: {clause: "说明[3]", text: 其它省(自治区、直辖市)为南方地区}
        pass_mark:
          at_least: 85
          cite: {clause: 二、2, text: 总分 85 分以上者认定为达到节水型社会标准要求。}
        prerequisites:
          - {id: G1, input: gate_one, cite: {clause: 必备条件 1, text: 控制指标全部达到年度目标要求}}
        missing_items:
          formula: rescale_base
          cite: {clause: 二、3, text: 评价总分=(实际总得分-加分项得分)*100/(100-缺项对应分值)+加分项得分}
        inputs:
          - {id: rest_points, label: 其余各项得分, type: points}
          - {id: plan_ratio, label: 计划用水管理比例, type: percent}
          - {id: metering_ratio, label: 农业灌溉用水计量率, type: percent}
          - {id: leakage, label: 公共供水管网漏损率, type: percent}
          - {id: large_firms_metered, label: 规模以上工业企业用水计量率达到100%, type: boolean}
          - {id: industry_ratio, label: 工业用水计量率, type: percent}
          - {id: bonus_points, label: 加分, type: points}
          - {id: gate_one, label: 控制指标全部达到年度目标要求, type: boolean}
        sections:
          - id: base
            title: 基本项
            max: 100
            items:
              - id: R
                title: 其余各项
                max: 73
                cite: {clause: 表, text: 其余}
                rules:
                  - {id: R.1, kind: discretionary, cite: {clause: 表, text: 其余}, discretionary: {input: rest_points, min: 0, max: 73}}
              - id: "2"
                title: 计划用水管理
                max: 10
                cite: {clause: 表 2, text: 计划用水}
                rules:
                  - id: "2.1"
                    kind: shortfall
                    cite: {clause: 表 2, text: "所占比例达到 100%, 得 10 分; 每低 3%, 扣 1 分, 扣完为止"}
                    input: plan_ratio
                    full_points: 10
                    threshold: {at_least: 100}
                    every: 3
                    deduct: 1
                    partial_step: floor
              - id: 3a
                title: 农业灌溉用水计量率
                max: 5
                may_be_missing: true
                cite: {clause: 表 3a, text: 农业灌溉用水计量率}
                rules:
                  - id: 3a.1
                    kind: shortfall
                    cite: {clause: 表 3a, text: "南方地区:农业灌溉用水计量率≥60%,得5分;每低4%,扣1分,扣完为止"}
                    input: metering_ratio
                    full_points: 5
                    threshold: {at_least: {北方: 80, 南方: 60}}
                    every: 4
                    deduct: 1
                    partial_step: floor
              - id: 3b
                title: 工业用水计量率
                max: 4
                may_be_missing: true
                cite: {clause: 表 3b, text: 工业用水计量率}
                gates:
                  - {id: 3b.gate, input: large_firms_metered, cite: {clause: 表 3b, text: "规模以上工业企业用水计量率必须达到 100%, 否则本项得 0 分"}}
                rules:
                  - id: 3b.1
                    kind: shortfall
                    cite: {clause: 表 3b, text: 工业用水计量率为 100%}
                    input: industry_ratio
                    full_points: 4
                    threshold: {at_least: 100}
                    every: 3
                    deduct: 1
                    partial_step: proportional
              - id: "7"
                title: 供水管网漏损控制
                max: 8
                cite: {clause: 表 7, text: 漏损}
                rules:
                  - id: "7.1"
                    kind: shortfall
                    cite: {clause: 表 7, text: "公共供水管网漏损率≤10%,得8分;每高1%,扣1分,扣完为止"}
                    input: leakage
                    full_points: 8
                    threshold: {at_most: 10}
                    every: 1
                    deduct: 1
                    partial_step: floor
          - id: bonus
            title: 加分项
            max: 10
            bonus: true
            items:
              - id: B
                title: 加分
                max: 10
                cite: {clause: 加分项, text: 加分}
                rules:
                  - {id: B.1, kind: discretionary, cite: {clause: 加分项, text: 加分}, discretionary: {input: bonus_points, min: 0, max: 10}}
        """

    private func score(_ inputs: [String: String], missing: [String] = [], region: String? = nil) throws -> ScoreReport {
        let card = try scorecard(Self.rubric)
        var lines = ["rubric: water-like", "unit: 测试区"]
        if let region { lines.append("region: \(region)") }
        lines.append("inputs:")
        let defaults = [
            "rest_points": "73", "plan_ratio": "100", "metering_ratio": "60", "leakage": "10",
            "large_firms_metered": "true", "industry_ratio": "100", "bonus_points": "0", "gate_one": "true",
        ]
        for (key, value) in defaults.merging(inputs, uniquingKeysWith: { $1 }).sorted(by: { $0.key < $1.key }) {
            lines.append("  \(key): \(value)")
        }
        lines.append("missing_items: [\(missing.joined(separator: ", "))]")
        return try card.score(try SelfAssessment.load(bytes: Array(lines.joined(separator: "\n").utf8), file: "t.yaml"))
    }

    private func points(_ report: ScoreReport, _ item: String) -> Rational? {
        report.sections.flatMap(\.items).first { $0.id == item }?.points
    }

    @Test func everythingFullScores100() throws {
        let report = try score([:])
        #expect(report.total == Rational(integer: 100))
        #expect(report.verdict?.passed == true)
    }

    @Test(arguments: [("100", 10), ("97", 9), ("95", 9), ("94", 8), ("70", 0), ("0", 0)])
    func eachFullStepOf3PercentShortCostsOnePoint(_ ratio: String, _ expected: Int) throws {
        // 每低 3%, 扣 1 分, 扣完为止, with whole steps only (95% is 5 short: one step, 9 points).
        #expect(points(try score(["plan_ratio": ratio]), "2") == Rational(expected))
    }

    @Test func proportionalStepsGiveFractions() throws {
        // 95% is 5/3 steps short: 4 − 5/3 = 7/3 points.
        let report = try score(["industry_ratio": "95"])
        #expect(points(report, "3b") == (try Rational(numerator: 7, denominator: 3)))
    }

    @Test(arguments: [("10", 8), ("10.5", 8), ("11", 7), ("12.5", 6), ("30", 0)])
    func anUpperBoundDeductsForEachStepAbove(_ leakage: String, _ expected: Int) throws {
        #expect(points(try score(["leakage": leakage]), "7") == Rational(expected))
    }

    @Test func theChosenRegionsThresholdApplies() throws {
        // 南方 60%: 55% is 5 short, one step of 4%: 4 points. 北方 80%: 25 short, six steps: 0 points.
        #expect(points(try score(["metering_ratio": "55"]), "3a") == Rational(integer: 4))
        #expect(points(try score(["metering_ratio": "55"], region: "北方"), "3a") == Rational(integer: 0))
    }

    @Test func aFailedGateZeroesTheItem() throws {
        let report = try score(["large_firms_metered": "false"])
        #expect(points(report, "3b") == Rational(integer: 0))
        #expect(report.total == Rational(integer: 96))
    }

    @Test func missingItemsRescaleTheBaseAndBonusesAreAddedAfter() throws {
        // seed-002.md §2.1: missing items worth 9, base 77 + bonus 4 → 7700/91 + 4 ≈ 88.615 (pass);
        // without the bonus ≈ 84.615 (fail, below 85).
        let withBonus = try score(["rest_points": "59", "bonus_points": "4"], missing: ["3a", "3b"])
        #expect(withBonus.basePoints == Rational(integer: 77))
        #expect(withBonus.total == (try Rational(numerator: 7700, denominator: 91) + Rational(integer: 4)))
        #expect(withBonus.display(withBonus.total) == "≈88.615")
        #expect(withBonus.verdict?.passed == true)
        let without = try score(["rest_points": "59"], missing: ["3a", "3b"])
        #expect(without.display(without.total) == "≈84.615")
        #expect(without.verdict?.passed == false)
    }

    @Test func aFailedPrerequisiteFailsWhateverTheScore() throws {
        let report = try score(["gate_one": "false"])
        #expect(report.total == Rational(integer: 100))
        #expect(report.verdict?.passed == false)
        #expect(report.verdict?.reasons.first?.contains("必备条件未满足") == true)
    }

    @Test func onlyItemsThatMayBeMissingCanBe() throws {
        #expect(throws: FileProblems.self) { try score([:], missing: ["7"]) }
    }
}
