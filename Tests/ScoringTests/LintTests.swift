import Testing

@testable import Scoring
@testable import score_cli

/// Deliberately broken rubrics: lint must find each planted defect, and only it.
@Suite("Lint: planted defects are found")
struct LintTests {
    /// A one-item rubric whose S.1 tiers are `tiers` (YAML list items), on a `type` input.
    static func rubric(tiers: String, type: String = "count", otherwise: Bool = false, extra: String = "") -> String {
        """
        schema_version: 1
        kind: scorecard
        id: lint-test
        version: "1"
        title: 测试
        document: 测试
        source: {file: none.txt, title: 测试}
        total: 5
        \(extra)
        inputs:
          - {id: x, label: 数值, type: \(type)}
        sections:
          - id: s
            title: 节
            max: 5
            items:
              - id: S
                title: 项
                max: 5
                cite: {clause: 甲, text: 项}
                rules:
                  - id: S.1
                    kind: tiers
                    cite: {clause: 甲, text: 档次}
                    input: x
                    tiers:
        \(tiers)
        \(otherwise ? "            otherwise: {points: 0}" : "")
        """
    }

    private func codes(_ yaml: String, source: String? = nil) throws -> [String] {
        let rubric = try Rubric.load(bytes: Array(yaml.utf8), file: "t.yaml")
        return RubricLint.check(rubric, file: "t.yaml", source: source).filter { $0.acknowledged == nil }.map(\.code)
    }

    @Test func aCleanTableHasNoFindings() throws {
        let tiers = """
                          - {at_least: 0, at_most: 4, points: 3}
                          - {more_than: 4, points: 5}
            """
        #expect(try codes(Self.rubric(tiers: tiers)) == [])
    }

    @Test func aGapBetweenCountTiersIsFound() throws {
        // 1-4件 and 6-8件 leave 5件 (and 0件, and more than 8) without a tier.
        let tiers = """
                          - {at_least: 1, at_most: 4, points: 3}
                          - {at_least: 6, at_most: 8, points: 5}
            """
        let found = try codes(Self.rubric(tiers: tiers))
        #expect(found == ["tier.gap", "tier.gap", "tier.gap"])
    }

    @Test func aGapBetweenWholeCountsIsNoGap() throws {
        // 1-4件 and 5-8件 are contiguous for counts.
        let tiers = """
                          - {at_most: 4, points: 3}
                          - {at_least: 5, points: 5}
            """
        #expect(try codes(Self.rubric(tiers: tiers)) == [])
    }

    @Test func aGapOnlyNonIntegersFallIntoIsFound() throws {
        // 80-99% next to 100%: 99.5% belongs to neither when 80-99 is read as ≤ 99.
        let tiers = """
                          - {at_least: 100, points: 5}
                          - {at_least: 80, at_most: 99, points: 3}
                          - {less_than: 80, points: 0}
            """
        let found = try codes(Self.rubric(tiers: tiers, type: "percent"))
        #expect(found == ["tier.gap-non-integer"])
    }

    @Test func anOverlapIsFound() throws {
        let tiers = """
                          - {at_least: 0, at_most: 10, points: 3}
                          - {at_least: 10, points: 5}
            """
        let found = try codes(Self.rubric(tiers: tiers))
        #expect(found.contains("tier.overlap"))
    }

    @Test func anUnreachableTierIsFound() throws {
        // 3-5个 / 6-10个 / 10个以上 with "10个以上" read as at_least 10 after 6-10 inclusive: 10 goes to 6-10 first.
        let tiers = """
                          - {at_least: 0, at_most: 5, points: 1}
                          - {at_least: 3, at_most: 4, points: 2}
                          - {more_than: 5, points: 5}
            """
        let found = try codes(Self.rubric(tiers: tiers))
        #expect(found.contains("tier.unreachable"))
        #expect(found.contains("tier.overlap"))
    }

    @Test func aCapBelowATierIsFound() throws {
        let yaml = Self.rubric(tiers: """
                          - {at_least: 0, at_most: 4, points: 3}
                          - {more_than: 4, points: 5}
            """).replacingOccurrences(of: "            input: x", with: "            input: x\n            cap: 4")
        // The 5-point tier can never pay in full, so the item cannot reach its 5 either.
        #expect(try codes(yaml).sorted() == ["cap.below-tier", "item.max-unreachable"])
    }

    @Test func anItemThatCannotReachItsMaximumIsFound() throws {
        let tiers = """
                          - {at_least: 0, at_most: 4, points: 3}
                          - {more_than: 4, points: 4}
            """
        #expect(try codes(Self.rubric(tiers: tiers)) == ["item.max-unreachable"])
    }

    @Test func aQuoteNotInTheSourceIsFound() throws {
        let tiers = """
                          - {at_least: 0, at_most: 4, points: 3}
                          - {more_than: 4, points: 5}
            """
        #expect(try codes(Self.rubric(tiers: tiers), source: "项 档次") == [])
        #expect(try codes(Self.rubric(tiers: tiers), source: "项") == ["quote.not-in-source"])
    }

    @Test func anInvertedValidityWindowDoesNotLoad() throws {
        let tiers = """
                          - {at_least: 0, points: 5}
            """
        let yaml = Self.rubric(tiers: tiers, extra: "effective: {from: 2024-01-01, to: 2023-12-31}")
        #expect(throws: FileProblems.self) { try Rubric.load(bytes: Array(yaml.utf8), file: "t.yaml") }
    }

    @Test func aSumMismatchDoesNotLoad() throws {
        let yaml = Self.rubric(tiers: "                  - {at_least: 0, points: 5}").replacingOccurrences(of: "total: 5", with: "total: 6")
        #expect(throws: FileProblems.self) { try Rubric.load(bytes: Array(yaml.utf8), file: "t.yaml") }
    }

    @Test func aGapBetweenVersionsOfAPolicyIsFound() throws {
        func schedule(_ id: String, _ from: String, _ to: String) throws -> Rubric {
            let yaml = """
                schema_version: 1
                kind: schedule
                id: \(id)
                version: "1"
                title: 测试
                document: 测试
                series: 测试系列
                effective: {from: \(from), to: \(to)}
                source: {file: none.txt, title: 测试}
                inputs: []
                measures:
                  - {id: M, title: 项目, cite: {clause: 甲, text: 甲}, amount: {fixed: 1万}}
                """
            return try Rubric.load(bytes: Array(yaml.utf8), file: "\(id).yaml")
        }
        let gap = RubricLint.checkSeries([("a", try schedule("a", "2021-01-01", "2021-12-31")), ("b", try schedule("b", "2022-01-30", "2024-12-31"))])
        #expect(gap.map(\.code) == ["validity.gap"])
        let joined = RubricLint.checkSeries([("a", try schedule("a", "2021-01-01", "2021-12-31")), ("b", try schedule("b", "2022-01-01", "2024-12-31"))])
        #expect(joined.isEmpty)
    }

    @Test func theShippedRubricsLintClean() throws {
        let files = packageFiles(in: "rubrics/scorecards", extensions: ["yaml"]) + packageFiles(in: "rubrics/schedules", extensions: ["yaml"])
            + packageFiles(in: "rubrics/targets", extensions: ["yaml"])
        let result = try run(["lint"] + files)
        #expect(result.status == 0, "\(result.output)")
    }
}
