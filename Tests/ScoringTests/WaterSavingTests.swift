import Testing

@testable import Scoring

/// The 2023 节水型社会评价标准 (seed 002 lines 1405–1495; seed-002.md §2.1) and its test vectors.
@Suite("Water-saving standard 2023")
struct WaterSavingTests {
    static let vector88 = "examples/scorecards/water-saving-vector-88.yaml"

    func score(_ text: String) throws -> ScoreReport {
        let rubric = try Scorecard.load(bytes: try packageFile("rubrics/scorecards/water-saving-2023.yaml"), file: "w")
        return try rubric.score(try SelfAssessment.load(bytes: Array(text.utf8), file: "t.yaml"))
    }

    func vector(_ replacements: [(String, String)]) throws -> String {
        var text = try packageText(Self.vector88)
        for (old, new) in replacements { text = text.replacingOccurrences(of: old, with: new) }
        return text
    }

    @Test func theShapeIs18BaseSubItemsTo100AndThreeBonusesTo10() throws {
        let rubric = try Scorecard.load(bytes: try packageFile("rubrics/scorecards/water-saving-2023.yaml"), file: "w")
        let base = rubric.sections.filter { !$0.bonus }.flatMap(\.items)
        let bonus = rubric.sections.filter(\.bonus).flatMap(\.items)
        #expect(base.count == 18)
        #expect(try Rational.sum(base.map(\.max)) == Rational(integer: 100))
        #expect(bonus.count == 3)
        #expect(try Rational.sum(bonus.map(\.max)) == Rational(integer: 10))
        #expect(rubric.region?.chosen == "南方")
    }

    @Test func missingItemsWithBonusPass() throws {
        // (81 − 4) × 100 / (100 − 9) + 4 = 7700/91 + 4 ≈ 88.615 ≥ 85.
        let report = try score(try packageText(Self.vector88))
        #expect(report.total == (try Rational(numerator: 7700, denominator: 91) + Rational(integer: 4)))
        #expect(report.display(report.total) == "≈88.615")
        #expect(report.verdict?.passed == true)
    }

    @Test func withoutTheBonusItFails() throws {
        let report = try score(try vector([("incentive_policy: true", "incentive_policy: false")]))
        #expect(report.display(report.total) == "≈84.615")
        #expect(report.verdict?.passed == false)
    }

    @Test func everythingAvailableFullPlusBonuses3And4Is107() throws {
        let report = try score(
            try vector([
                ("planned_use_ratio: 95", "planned_use_ratio: 100"), ("industrial_metering_ratio: 97", "industrial_metering_ratio: 100"),
                ("water_fee_violations: 1", "water_fee_violations: 0"), ("three_simultaneous_violations: 2", "three_simultaneous_violations: 0"),
                ("water_saving_enterprise_ratio: 31", "water_saving_enterprise_ratio: 40"),
                ("residential_community_ratio: 12.5", "residential_community_ratio: 15"), ("fixtures_not_used: 1", "fixtures_not_used: 0"),
                ("public_awareness_ratio: 65", "public_awareness_ratio: 70"), ("benchmark_awarded: false", "benchmark_awarded: true"),
            ]))
        // (98 − 7) × 100 / 91 + 7 = 107.
        #expect(report.total == Rational(integer: 107))
    }

    @Test(arguments: [("95", 9), ("97", 9), ("94", 8), ("100", 10)])
    func planUseLosesOnePointPerWhole3Percent(_ ratio: String, _ points: Int) throws {
        let report = try score(try vector([("planned_use_ratio: 95", "planned_use_ratio: \(ratio)")]))
        #expect(report.sections.flatMap(\.items).first { $0.id == "2" }?.points == Rational(points))
    }

    @Test func communitiesLoseTwoPointsPerWholePercentBelow15() throws {
        let report = try score(try packageText(Self.vector88))
        #expect(report.sections.flatMap(\.items).first { $0.id == "6c" }?.points == Rational(integer: 2))
    }

    @Test func noInputTakesABaseItemOutsideItsMaximum() throws {
        // Extremes of every ratio and count.
        for (ratio, count) in [("0", "0"), ("100", "0"), ("0", "99"), ("100", "99")] {
            var text = try packageText(Self.vector88)
            for key in ["planned_use_ratio", "industrial_metering_ratio", "water_saving_enterprise_ratio", "public_institution_ratio",
                "residential_community_ratio", "leakage_ratio", "reclaimed_water_ratio", "public_awareness_ratio", "efficient_irrigation_ratio"]
            {
                text = text.replacingOccurrences(
                    of: #"(?m)^  \#(key): .*$"#, with: "  \(key): \(ratio)", options: .regularExpression)
            }
            for key in ["quota_violations", "water_fee_violations", "three_simultaneous_violations"] {
                text = text.replacingOccurrences(of: #"(?m)^  \#(key): .*$"#, with: "  \(key): \(count)", options: .regularExpression)
            }
            let report = try score(text)
            for item in report.sections.flatMap(\.items) {
                #expect(item.points >= .zero && item.points <= item.maximum, "\(item.id) = \(item.points)")
            }
        }
    }
}
