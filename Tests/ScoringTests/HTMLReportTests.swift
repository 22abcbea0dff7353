import Foundation
import Testing

@testable import Scoring
@testable import score_cli

/// The HTML reports: self-contained, escaped, and carrying what the issue lists for each kind of
/// result. (BrowserPrintTests prints them in a real browser.)
@Suite("HTML reports")
struct HTMLReportTests {
    static let rubricPath = "rubrics/scorecards/proposal-handling-2022.yaml"

    static func scored(_ path: String) throws -> ScoreReport {
        let rubric = try Scorecard.load(bytes: try packageFile(rubricPath), file: rubricPath)
        return try rubric.score(try SelfAssessment.load(bytes: try packageFile(path), file: path))
    }

    /// The titles of the nine 二级指标 of 长府办〔2022〕6号, read from the rubric.
    static func itemTitles() throws -> [String] {
        try Scorecard.load(bytes: try packageFile(rubricPath), file: rubricPath).items.map(\.title)
    }

    @Test func theModelUnitsReportHasEverythingTheIssueLists() throws {
        let report = try Self.scored("examples/scorecards/model-unit.yaml")
        let html = report.renderHTML()
        #expect(try Self.itemTitles().count == 9)
        for title in try Self.itemTitles() { #expect(html.contains(">\(title)<"), "item title \(title)") }
        #expect(html.contains("单位：区发展改革委"))
        #expect(html.contains("<strong>100</strong>/100"))
        #expect(html.contains(escapeHTML(report.rubric.title)))
        #expect(html.contains("长府办〔2022〕6号"))
        // The rubric's hash, in full: SHA-256 of the rubric file.
        #expect(html.contains("sha256 \(SHA256.hex(of: try packageFile(Self.rubricPath)))"))
        #expect(html.contains("<svg"))
        #expect(html.contains("发现：无"))
        #expect(html.contains("AMBIG-9.2"))
    }

    @Test func theChartDrawsPointsAgainst满分OnOneScale() throws {
        // README: the typical unit has S5 6/10; the largest 满分 is S4's 25. Bars are 330 units at
        // 25 points, so S5's track is 10/25 of it (132) and its bar 6/25 (79.2).
        let svg = try Self.scored("examples/scorecards/typical-unit.yaml").itemChart.svg()
        let s5 = try #require(svg.split(separator: "\n").first { $0.contains(">S5 办件数量<") })
        #expect(s5.contains("width=\"132.00\"") && s5.contains("fill=\"#e3e3e3\""))
        #expect(s5.contains("width=\"79.20\"") && s5.contains("fill=\"#3a6db5\""))
        #expect(s5.contains(">6/10<"))
        let s4 = try #require(svg.split(separator: "\n").first { $0.contains(">S4 ") })
        #expect(s4.contains("width=\"330.00\""))
    }

    @Test func lostPointsFindingsAndInterpretationsAreShown() throws {
        // README: the typical unit scores 74, so 26 points are lost; S5 lost 4 at S5.1.
        let html = try Self.scored("examples/scorecards/typical-unit.yaml").renderHTML()
        #expect(html.contains("失分（共 26 分）"))
        #expect(html.contains("<td class=\"n\">−4</td>"))
        #expect(html.contains("S5.1：主办件 7 件，属「5-8 件」档，得 4 分"))
        #expect(html.contains("<dt>AMBIG-9.1 会办件不足 5 件的部分（如 7 件）如何计分？</dt>"))
        // claimed-disagrees claims 95 against 77: its findings are listed with their codes.
        let disagrees = try Self.scored("examples/scorecards/claimed-disagrees.yaml")
        let disagreeing = disagrees.renderHTML()
        #expect(!disagrees.findings.isEmpty)
        for finding in disagrees.findings { #expect(disagreeing.contains("<code>\(finding.code)</code>")) }
        #expect(disagreeing.contains("class=\"error nowrap\">错误<"))
    }

    @Test func aBatchBeginsWithTheRankedTableAndAChartOfTotals() throws {
        let result = try run(
            ["score", "examples/scorecards/model-unit.yaml", "examples/scorecards/typical-unit.yaml", "examples/scorecards/tier-boundaries.yaml",
                "examples/scorecards/claimed-disagrees.yaml", "examples/scorecards/street-office-no-zhuban.json", "-f", "html"])
        let html = result.output
        // README's ranking: 100, 83, 77, 74, 68.
        let summary = try #require(html.components(separatedBy: "<section class=\"report\">").first)
        var position = summary.startIndex
        for (rank, unit, total) in [(1, "区发展改革委", "100"), (2, "区教育局", "83"), (3, "区民政局", "77"), (4, "区卫生健康委", "74"), (5, "新华路街道", "68")] {
            let row = "<td class=\"n\">\(rank)</td><td>\(unit)</td><td class=\"n\">\(total)</td>"
            let found = try #require(summary.range(of: row, range: position..<summary.endIndex), "row \(row) in rank order")
            position = found.upperBound
            #expect(summary.contains(">\(rank) \(unit)</text>"), "the chart has \(unit)")
        }
        // Then each unit's report on its own page, in the order the files were given.
        #expect(html.components(separatedBy: "<section class=\"report\">").count == 6)
        #expect(html.contains("body > section + section { break-before: page; }"))
    }

    @Test func aSubsidyReportShowsApplicantsCapsAndThePool() throws {
        // README / trade-consumption-2022.expected.md: 上海临空远航贸易有限公司, 3 claims, 400,000.00
        // granted and 250,000.00 taken by the yearly cap Q2-年度 (twice).
        let trade = try run(["subsidy", "examples/subsidies/trade-consumption-2022.csv", "--schedule", "trade-consumption-2022", "-f", "html"]).output
        #expect(
            trade.contains(
                "<td>上海临空远航贸易有限公司</td><td class=\"n\">3</td><td class=\"n\">400,000.00</td><td class=\"n\">250,000.00</td><td class=\"n\">0</td><td class=\"n\">0</td><td>年度上限 Q2-年度 ×2（−25万元）</td>"
            ))
        #expect(trade.contains("本政策未规定专项资金总额"))
        // 长商务规(2021)2号 sets aside a 600万元 pool for P7 and P8.
        let ciie = try run(["subsidy", "examples/subsidies/ciie-trade-2021.csv", "--schedule", "ciie-trade-2021", "-f", "html"]).output
        #expect(ciie.contains("专项资金（P7、P8）600万元：已用 1,650,000.00 元，剩余 4,350,000.00 元"))
        #expect(ciie.contains("aria-label=\"专项资金已用与总额\""))
        let share = HTMLBarChart.length(try #require(Rational(moneyText: "1650000")), try #require(Rational(moneyText: "6000000")))
        #expect(share == "90.75")  // 1,650,000 / 6,000,000 × 330
        #expect(ciie.contains("width=\"90.75\""))
    }

    @Test func anAuditReportListsEveryPlantedDifference() throws {
        // examples/audit/README.md: one planted error per claim, each with its code.
        let html = try run(["audit", "examples/audit/claims-planted.csv", "--schedule", "trade-consumption-2022", "-f", "html"]).output
        for code in ["claim.wrong-amount", "claim.yearly-cap-ignored", "claim.above-ceiling", "claim.ineligible", "claim.not-in-force", "claim.stacking"] {
            #expect(html.contains("<code>\(code)</code>"), "\(code)")
        }
        #expect(html.contains("差额合计（元）"))
    }

    @Test func inputTextIsShownAsTextNeverAsMarkup() throws {
        let report = try reportWithUnit("<script>alert(\"x\")</script> & 'q'\u{0}")
        let html = report.renderHTML()
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;\u{FFFD}"))
        #expect(escapeHTML("a\tb\nc") == "a\tb\nc")
    }

    /// No network, no external assets: nothing a browser would fetch, no script.
    @Test(arguments: ExampleOutput.all.filter { $0.expected.hasSuffix(".html") }.map(\.expected))
    func everyHTMLFileIsSelfContainedAndPrintsOnA4(_ path: String) throws {
        let html = try packageText(path)
        for fetches in ["http:", "https:", "src=", "href=", "url(", "@import", "<script", "<link", "<iframe", "<img"] {
            #expect(!html.contains(fetches), "\(path) contains \(fetches)")
        }
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.hasSuffix("</body>\n</html>\n"))
    }

    /// Each example, in every text format, prints exactly its expected file
    /// (`scripts/update-expected-outputs.sh` writes them).
    @Test(arguments: ExampleOutput.all)
    func everyExampleMatchesItsExpectedOutput(_ example: ExampleOutput) throws {
        #expect(FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent(example.expected).path), "\(example.expected) is missing")
        let result = try run(example.arguments)
        #expect(result.output == (try packageText(example.expected)))
        #expect([0, 1].contains(result.status))
    }
}

/// One example command and the file holding what it prints.
struct ExampleOutput: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var expected: String

    var testDescription: String { expected }

    static let formats = [("text", "txt"), ("json", "json"), ("csv", "csv"), ("markdown", "md"), ("html", "html")]

    static let batch = [
        "examples/scorecards/model-unit.yaml", "examples/scorecards/typical-unit.yaml", "examples/scorecards/tier-boundaries.yaml",
        "examples/scorecards/claimed-disagrees.yaml", "examples/scorecards/street-office-no-zhuban.json",
    ]

    /// Every example in examples/ in every format, as scripts/update-expected-outputs.sh writes them.
    static let all: [ExampleOutput] = {
        var all: [ExampleOutput] = []
        func name(_ path: String) -> String { ((path as NSString).lastPathComponent as NSString).deletingPathExtension }
        for path in packageFiles(in: "examples/scorecards", extensions: ["yaml", "json"]) where name(path) != "invalid-input" {
            all += formats.map { ExampleOutput(arguments: ["score", path, "-f", $0.0], expected: "examples/scorecards/expected/\(name(path)).\($0.1)") }
        }
        all += formats.dropFirst().map { ExampleOutput(arguments: ["score"] + batch + ["-f", $0.0], expected: "examples/scorecards/expected/summary.\($0.1)") }
        for path in packageFiles(in: "examples/subsidies", extensions: ["csv"]) {
            all += formats.map {
                ExampleOutput(arguments: ["subsidy", path, "--schedule", name(path), "-f", $0.0], expected: "examples/subsidies/expected/\(name(path)).\($0.1)")
            }
        }
        let units = packageFiles(in: "examples/audit", extensions: ["yaml"])
        all += formats.map { ExampleOutput(arguments: ["audit"] + units + ["-f", $0.0], expected: "examples/audit/expected/units.\($0.1)") }
        all += formats.map {
            ExampleOutput(
                arguments: ["audit", "examples/audit/claims-planted.csv", "--schedule", "trade-consumption-2022", "-f", $0.0],
                expected: "examples/audit/expected/claims.\($0.1)")
        }
        for path in packageFiles(in: "examples/targets", extensions: ["yaml"]) {
            all += formats.map { ExampleOutput(arguments: ["score", path, "-f", $0.0], expected: "examples/targets/expected/\(name(path)).\($0.1)") }
        }
        return all
    }()
}
