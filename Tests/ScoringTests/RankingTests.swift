import Foundation
import Testing

@testable import Scoring
@testable import score_cli

/// Ranking with explicit ties and ratings by quota, as the 2021 results were announced: 41 units,
/// 「10 家单位确定为……优秀单位」 and 「10 家单位确定为……表扬单位」 (长府办〔2022〕5号, seed 000
/// line 959). The source says nothing of ties; the tool's reading (AMBIG-20.2) is 并列就高 by default.
@Suite("Ranking and ratings by quota")
struct RankingTests {
    /// A unit as the ranking sees it: a name and an exact total.
    typealias Unit = (name: String, total: Rational)

    static func units(_ totals: [Int]) -> [Unit] {
        totals.enumerated().map { (String(format: "单位%02d", $0.offset + 1), Rational(integer: Int64($0.element))) }
    }

    static func rank(_ units: [Unit]) -> Ranking<Unit> {
        Ranking(units, score: \.total) { $0.name < $1.name }
    }

    static func rate(_ units: [Unit], _ quotas: [(String, Int)], ties: BoundaryTiePolicy = .higher) throws -> (Ranking<Unit>, RatingOutcome) {
        let ranking = rank(units)
        let rules = try RatingQuotas(quotas.map { RatingQuota(rating: $0.0, places: $0.1) }, ties: ties)
        return (ranking, rules.assign(ranking) { $0.name })
    }

    static let excellentAndPraised = [("优秀", 10), ("表扬", 10)]

    // MARK: Competition ranking

    @Test func equalTotalsShareARankAndTheNextRankSkips() {
        let ranking = Self.rank(Self.units([85, 90, 88, 88, 70, 70, 70, 60]))
        #expect(ranking.places.map(\.rank) == [1, 2, 2, 4, 5, 5, 5, 8])
        #expect(ranking.places.map(\.tieSize) == [1, 2, 2, 1, 3, 3, 3, 1])
        #expect(ranking.places.map(\.lastPlace) == [1, 3, 3, 4, 7, 7, 7, 8])
        // Within a tie, by name.
        #expect(ranking.places.map(\.entry.name) == ["单位02", "单位03", "单位04", "单位01", "单位05", "单位06", "单位07", "单位08"])
    }

    @Test func totalsAreComparedExactlyNotAsShown() throws {
        // 85⅓ and 85.333 are both shown as ≈85.333 but are not tied.
        let third = try Rational(numerator: 256, denominator: 3)
        let ranking = Self.rank([("甲", try #require(Rational(decimalText: "85.333"))), ("乙", third), ("丙", third)])
        #expect(ranking.places.map(\.rank) == [1, 1, 3])
        #expect(ranking.places.map(\.entry.name) == ["丙", "乙", "甲"])
    }

    // MARK: The 41 example units (examples/ranking/, README there): a 3-way tie at 10th place

    /// The expected ratings, derived by hand from the totals in examples/ranking/README.md.
    static let aboveTheTie = ["区建设管理委", "区体育局", "新华路街道", "区民政局", "区统计局", "区教育局", "仙霞新村街道", "区公安分局", "区科委"]
    static let tiedAtTenth = ["区医保局", "区审计局", "江苏路街道"]
    static let thirteenthToTwentieth = ["区卫生健康委", "区房管局", "虹桥街道", "区文化旅游局", "区市场监管局", "区发展改革委", "区规划资源局", "区临空办"]

    static var exampleFiles: [String] { packageFiles(in: "examples/ranking", extensions: ["yaml"]) }

    /// Runs `score` on the 41 files with 优秀=10, 表扬=10 and returns the JSON summary and ratings.
    static func scoreExamples(ties: BoundaryTiePolicy) throws -> (rows: [[String: Any]], ratings: [String: Any], text: String) {
        let arguments = exampleFiles + ["--top", "优秀=10", "--next", "表扬=10", "--ties", ties.rawValue]
        let json = try run(["score", "-f", "json"] + arguments)
        #expect(json.status == 0, "\(json.errors)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let rows = try #require(document["summary"] as? [[String: Any]])
        let ratings = try #require(document["ratings"] as? [String: Any])
        return (rows, ratings, try run(["score"] + arguments).output)
    }

    static func units(rated rating: String, in rows: [[String: Any]]) -> [String] {
        rows.filter { $0["rating"] as? String == rating }.compactMap { $0["unit"] as? String }
    }

    @Test func thereAreFortyOneExampleUnitsWithAThreeWayTieAtTenth() throws {
        #expect(Self.exampleFiles.count == 41)
        let (rows, _, _) = try Self.scoreExamples(ties: .higher)
        #expect(rows.count == 41)
        #expect(rows.compactMap { $0["rank"] as? Int } == [1, 2, 3, 4, 4, 6, 7, 8, 9, 10, 10, 10] + Array(13...25) + [26, 26] + Array(28...41))
        #expect(rows[9..<12].compactMap { $0["unit"] as? String } == Self.tiedAtTenth)
        #expect(rows[9..<12].allSatisfy { ($0["total"] as? Int) == 88 })
    }

    @Test func byDefaultTheTiedUnitsAreAll优秀And表扬HasEightPlaces() throws {
        let (rows, ratings, text) = try Self.scoreExamples(ties: .higher)
        #expect(Self.units(rated: "优秀", in: rows) == Self.aboveTheTie + Self.tiedAtTenth)
        #expect(Self.units(rated: "表扬", in: rows) == Self.thirteenthToTwentieth)
        #expect(rows[20...].allSatisfy { $0["rating"] is NSNull })
        let ties = try #require(ratings["boundary_ties"] as? [[String: Any]])
        #expect(ties.count == 1)
        #expect(ties.first?["rank"] as? Int == 10 && ties.first?["last_place"] as? Int == 12)
        let statement = "并列第 10 名的 3 家单位（区医保局、区审计局、江苏路街道）占第 10–12 位，而「优秀」名额只到第 10 位：按并列就高，均评为「优秀」。"
        #expect(ties.first?["statement"] as? String == statement)
        // The text summary says how the tie was settled, the numbers given and the interpretation.
        for line in ["  " + statement, "  评定结果：优秀 12 家（名额 10），表扬 8 家（名额 10），不评等次 21 家",
            "等次评定（按名次依次评定：优秀 第 1–10 位，表扬 第 11–20 位；名次相同即总分完全相同）",
            "  AMBIG-20.2 按名额评定等次时，并列跨越名额界线（如第 10 名有 3 家并列、优秀只有 10 个名额）的单位评为哪一等次？"]
        {
            #expect(text.contains(line + "\n"), "missing: \(line)")
        }
        #expect(text.contains(" 10=  优秀  区医保局 "))
    }

    @Test func 并列就低LeavesThe优秀QuotaShortAndThe表扬QuotaOver() throws {
        let (rows, _, text) = try Self.scoreExamples(ties: .lower)
        #expect(Self.units(rated: "优秀", in: rows) == Self.aboveTheTie)
        #expect(Self.units(rated: "表扬", in: rows) == Self.tiedAtTenth + Self.thirteenthToTwentieth)
        #expect(text.contains("按并列就低，均评为「表扬」。\n"))
        #expect(text.contains("评定结果：优秀 9 家（名额 10），表扬 11 家（名额 10），不评等次 21 家\n"))
    }

    @Test func 并列待定LeavesTheTiedUnitsForADecision() throws {
        let (rows, ratings, text) = try Self.scoreExamples(ties: .undecided)
        #expect(Self.units(rated: "优秀", in: rows) == Self.aboveTheTie)
        #expect(Self.units(rated: "表扬", in: rows) == Self.thirteenthToTwentieth)
        for row in rows[9..<12] {
            #expect(row["rating"] is NSNull)
            #expect(row["undecided_between"] as? [String] == ["优秀", "表扬"])
        }
        #expect(ratings["undecided"] as? Int == 3)
        #expect(text.contains("列为待定（「优秀」或「表扬」），须另行决定。\n"))
        #expect(text.contains(" 10=  待定：优秀/表扬  区医保局 "))
    }

    @Test(arguments: BoundaryTiePolicy.allCases)
    func theShippedExpectedSummaryIsCurrent(_ ties: BoundaryTiePolicy) throws {
        let result = try run(["score"] + Self.exampleFiles + ["--top", "优秀=10", "--next", "表扬=10", "--ties", ties.rawValue, "-f", "csv"])
        #expect(result.output == (try packageText("examples/ranking/expected/summary-\(ties.rawValue).csv")))
    }

    @Test func theResultDoesNotDependOnTheOrderOfTheFiles() throws {
        let scorecard = try Scorecard.load(bytes: try packageFile("rubrics/scorecards/proposal-handling-2022.yaml"), file: "proposal-handling-2022.yaml")
        let reports = try Self.exampleFiles.map { path in try scorecard.score(try SelfAssessment.load(bytes: try packageFile(path), file: path)) }
        for ties in BoundaryTiePolicy.allCases {
            let quotas = try RatingQuotas([RatingQuota(rating: "优秀", places: 10), RatingQuota(rating: "表扬", places: 10)], ties: ties)
            let expected = ScoreSummary(reports: reports, quotas: quotas)
            var random = SplitMix64(seed: 959)
            for _ in 0..<25 {
                var shuffled = reports
                random.shuffle(&shuffled)
                let summary = ScoreSummary(reports: shuffled, quotas: quotas)
                #expect(summary.renderText() == expected.renderText())
                #expect(summary.renderCSV() == expected.renderCSV())
                #expect(summary.json == expected.json)
            }
        }
    }

    // MARK: Generated rankings

    /// 41 distinct totals from 99 down, except that `tie` units share the 10th place's total.
    static func fortyOne(tiedAtTenth tie: Int, seed: UInt64) -> [Unit] {
        var totals = (0..<41).map { 99 - $0 }
        for place in 9..<(9 + tie) { totals[place] = totals[9] }
        var units = Self.units(totals)
        var random = SplitMix64(seed: seed)
        random.shuffle(&units)
        return units
    }

    @Test(arguments: 2...6)
    func aTieAtTenthIsSettledTheSameWayForAnyInputOrder(_ tie: Int) throws {
        let expected: [BoundaryTiePolicy: (excellent: Int, praised: Int, undecided: Int)] = [
            .higher: (9 + tie, 10 - (tie - 1), 0), .lower: (9, 10 + 1, 0), .undecided: (9, 10 - (tie - 1), tie),
        ]
        for ties in BoundaryTiePolicy.allCases {
            let (ranking, first) = try Self.rate(Self.fortyOne(tiedAtTenth: tie, seed: 1), Self.excellentAndPraised, ties: ties)
            let counts = try #require(expected[ties])
            #expect(first.given("优秀") == counts.excellent, "\(ties) \(tie)")
            #expect(first.given("表扬") == counts.praised, "\(ties) \(tie)")
            #expect(first.undecided == counts.undecided, "\(ties) \(tie)")
            #expect(first.given("优秀") + first.given("表扬") + first.undecided + first.unrated == 41)
            #expect(first.boundaryTies.count == 1)
            #expect(first.boundaryTies.first?.units.count == tie)
            #expect(first.boundaryTies.first?.crossed == [RatingOutcome.QuotaEnd(rating: "优秀", lastPlace: 10)])
            let names = zip(ranking.places, first.ratings).map { "\($0.entry.name):\($1.text)" }
            for seed in UInt64(2)...UInt64(30) {
                let (again, outcome) = try Self.rate(Self.fortyOne(tiedAtTenth: tie, seed: seed), Self.excellentAndPraised, ties: ties)
                #expect(zip(again.places, outcome.ratings).map { "\($0.entry.name):\($1.text)" } == names)
                #expect(outcome.boundaryTies == first.boundaryTies)
            }
        }
    }

    // MARK: Boundary cases

    @Test func aQuotaLargerThanTheUnitsRatesThemAll() throws {
        let (_, outcome) = try Self.rate(Self.units([90, 80, 80, 70, 60]), Self.excellentAndPraised)
        #expect(outcome.ratings == Array(repeating: .rated("优秀"), count: 5))
        #expect(outcome.boundaryTies.isEmpty)
        #expect(outcome.countsText == "优秀 5 家（名额 10），表扬 0 家（名额 10），不评等次 0 家")
    }

    @Test func aZeroQuotaRatesNobodyAndEndsNoPlace() throws {
        let (_, first) = try Self.rate(Self.units([90, 80, 70]), [("优秀", 0), ("表扬", 2)])
        #expect(first.ratings == [.rated("表扬"), .rated("表扬"), .unrated])
        // 良好 has no places: the tie at places 3–4 runs past the end of 优秀 only.
        for ties in BoundaryTiePolicy.allCases {
            let (_, outcome) = try Self.rate(Self.units([95, 90, 85, 85, 80, 75]), [("优秀", 3), ("良好", 0), ("表扬", 2)], ties: ties)
            #expect(outcome.given("良好") == 0)
            #expect(outcome.boundaryTies.map(\.crossed) == [[RatingOutcome.QuotaEnd(rating: "优秀", lastPlace: 3)]])
            switch ties {
            case .higher: #expect(outcome.ratings.map(\.text) == ["优秀", "优秀", "优秀", "优秀", "表扬", ""])
            case .lower: #expect(outcome.ratings.map(\.text) == ["优秀", "优秀", "表扬", "表扬", "表扬", ""])
            case .undecided: #expect(outcome.ratings.map(\.text) == ["优秀", "优秀", "待定：优秀/表扬", "待定：优秀/表扬", "表扬", ""])
            }
        }
    }

    @Test func aTieAcrossBothQuotas() throws {
        // Places 8–22 share one total: the tie runs past the end of 优秀 (10) and of 表扬 (20).
        let totals = (0..<7).map { 99 - $0 } + Array(repeating: 80, count: 15) + (0..<19).map { 70 - $0 }
        let crossed = [RatingOutcome.QuotaEnd(rating: "优秀", lastPlace: 10), RatingOutcome.QuotaEnd(rating: "表扬", lastPlace: 20)]
        let (_, higher) = try Self.rate(Self.units(totals), Self.excellentAndPraised, ties: .higher)
        #expect(higher.given("优秀") == 22 && higher.given("表扬") == 0 && higher.unrated == 19)
        #expect(higher.boundaryTies.map(\.crossed) == [crossed])
        let statement = try #require(higher.boundaryTies.first.map(higher.statement))
        #expect(statement.hasSuffix("占第 8–22 位，而「优秀」名额只到第 10 位、「表扬」名额只到第 20 位：按并列就高，均评为「优秀」。"))
        let (_, lower) = try Self.rate(Self.units(totals), Self.excellentAndPraised, ties: .lower)
        #expect(lower.given("优秀") == 7 && lower.given("表扬") == 0 && lower.unrated == 34)
        #expect(lower.boundaryTies.first.map(lower.statement)?.hasSuffix("按并列就低，均不评等次。") == true)
        let (_, undecided) = try Self.rate(Self.units(totals), Self.excellentAndPraised, ties: .undecided)
        #expect(undecided.undecided == 15)
        #expect(undecided.ratings[7] == .undecided(["优秀", "表扬", nil]))
        #expect(undecided.ratings[7].text == "待定：优秀/表扬/不评等次")
    }

    @Test func aTieAtTheEndOf表扬Only() throws {
        // Places 19–21 tied: 优秀 is untouched, 表扬 runs one over (higher) or two short (lower).
        let totals = (0..<18).map { 99 - $0 } + [75, 75, 75] + (0..<20).map { 70 - $0 }
        let (_, higher) = try Self.rate(Self.units(totals), Self.excellentAndPraised)
        #expect(higher.given("优秀") == 10 && higher.given("表扬") == 11)
        let (_, lower) = try Self.rate(Self.units(totals), Self.excellentAndPraised, ties: .lower)
        #expect(lower.given("优秀") == 10 && lower.given("表扬") == 8 && lower.unrated == 23)
    }

    @Test func aTieInsideAQuotaIsNotABoundaryTie() throws {
        let (_, outcome) = try Self.rate(Self.units([99, 98, 98, 97] + (0..<37).map { 90 - $0 }), Self.excellentAndPraised)
        #expect(outcome.boundaryTies.isEmpty)
        #expect(outcome.given("优秀") == 10 && outcome.given("表扬") == 10)
        #expect(outcome.lines.contains("  没有跨越名额界线的并列。"))
    }

    // MARK: The command line

    @Test(arguments: [
        ("优秀=10", RatingQuota(rating: "优秀", places: 10)), ("优秀＝10", RatingQuota(rating: "优秀", places: 10)),
        (" 表扬 = 0 ", RatingQuota(rating: "表扬", places: 0)),
    ])
    func aQuotaIsReadAsRatingEqualsCount(_ text: String, _ expected: RatingQuota) throws {
        #expect(try RatingQuota(parsing: text) == expected)
    }

    @Test(arguments: [
        (["--top", "优秀10"], "--top 「优秀10」应写成「等次=名额」，如 优秀=10"),
        (["--top", "=10"], "--top 「=10」缺少等次名称"),
        (["--top", "优秀="], "--top 「优秀=」的名额「」应为 0 或正整数"),
        (["--top", "优秀=1.5"], "--top 「优秀=1.5」的名额「1.5」应为 0 或正整数"),
        (["--top", "优秀=-1"], "--top 「优秀=-1」的名额「-1」应为 0 或正整数"),
        (["--top", "优秀=十"], "--top 「优秀=十」的名额「十」应为 0 或正整数"),
        (["--top", "优秀=99999999999999999999"], "--top 「优秀=99999999999999999999」的名额「99999999999999999999」应为 0 或正整数"),
        (["--top", "优秀=1000001"], "「优秀」的名额 1000001 应在 0 到 1000000 之间"),
        (["--top", "优秀=10", "--next", "表扬=x"], "--next 「表扬=x」的名额「x」应为 0 或正整数"),
        (["--top", "优秀=10", "--next", "优秀=5"], "等次「优秀」给了两次"),
        (["--next", "表扬=10"], "--next 须与 --top 一起使用"),
        (["--ties", "lower"], "--ties 须与 --top 一起使用"),
        (["--top", "优秀=10", "--ties", "random"], "--ties 应为 higher、lower 或 undecided，实为「random」"),
    ])
    func aBadQuotaIsABadCommandLine(_ options: [String], _ message: String) {
        do {
            _ = try ScoreCLI.parseAsRoot(["score", "examples/ranking"] + options)
            Issue.record("\(options) should be refused")
        } catch {
            #expect(ScoreCLI.exitCode(for: error).rawValue == 64)
            #expect(ScoreCLI.message(for: error).hasPrefix(message), "\(ScoreCLI.message(for: error))")
        }
    }

    @Test func oneFileWithQuotasStillGetsARatedSummary() throws {
        let result = try run(["score", "examples/scorecards/model-unit.yaml", "--top", "优秀=1", "-f", "csv"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("\u{FEFF}rank,tied,rating,rating_note,unit,total,"))
        #expect(result.output.contains("\r\n1,false,优秀,,区发展改革委,100,"))
    }

    @Test func withoutQuotasTheSummaryIsUnchanged() throws {
        let files = ["model-unit.yaml", "typical-unit.yaml", "tier-boundaries.yaml", "claimed-disagrees.yaml", "street-office-no-zhuban.json"]
        let result = try run(["score", "-f", "csv"] + files.map { "examples/scorecards/" + $0 })
        #expect(result.output == (try packageText("examples/scorecards/expected/summary.csv")))
    }
}
