import Foundation
import Testing

@testable import Scoring
@testable import score_cli

/// What `score` does to go fast on a folder of many files, held to what it did before: the same
/// file names, the same summaries, the same output when only one of several files scores.
struct ScoreCommandTests {
    /// File names with characters URLs treat specially: each must come out as Foundation names it.
    static let awkwardNames = [
        "u00001.yaml", "a b.yaml", "%41.yaml", "%2F.yaml", "中文 单位.yaml", "a#b.yaml", "a?b.yaml", "a:b.yaml", ".hidden.yaml",
        "x;y.yml", "~.json", "e\u{301}.yaml", "a\\b.yaml",
    ]

    @Test func aFolderExpandsToTheNamesFoundationGivesItsFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("score-expand-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in Self.awkwardNames + ["notes.txt"] {
            try Data("rubric: x\n".utf8).write(to: folder.appendingPathComponent(name))
        }
        let path = folder.path
        let parent = folder.deletingLastPathComponent().path
        let spellings = [
            path, path + "/", path + "//", parent + "//" + folder.lastPathComponent, parent + "/./" + folder.lastPathComponent + "/",
            path + "/../" + folder.lastPathComponent, "examples/ranking", "examples/ranking/", "./examples//ranking/",
            "examples/ranking/../ranking",
        ]
        for spelling in spellings {
            let names = try FileManager.default.contentsOfDirectory(atPath: spelling)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }.sorted()
            let expected = names.map { URL(fileURLWithPath: spelling).appendingPathComponent($0).path }
            #expect(expected.count >= Self.awkwardNames.count)
            #expect(ScoreCommand.expand([spelling]) == expected, "\(spelling)")
        }
    }

    /// Summaries read the same from the rows kept of each report as from the whole reports.
    @Test(arguments: [false, true])
    func summariesReadTheSameFromSummaryRows(rated: Bool) throws {
        let paths = packageFiles(in: "examples/ranking", extensions: ["yaml"])
            + ["examples/scorecards/typical-unit.yaml", "examples/scorecards/street-office-no-zhuban.json"]
        let scorecard = try #require(try RubricLibrary.rubric("proposal-handling-2022").rubric.scorecard)
        let reports = try paths.map { path in try scorecard.score(try SelfAssessment.load(bytes: try packageFile(path), file: path)) }
        let quotas = rated ? try RatingQuotas([RatingQuota(rating: "优秀", places: 10), RatingQuota(rating: "表扬", places: 10)], ties: .higher) : nil
        let whole = ScoreSummary(reports: reports, quotas: quotas)
        let rows = ScoreSummary(reports: reports.map(\.summaryRow), quotas: quotas)
        #expect(reports.map(\.summaryRow) != reports)
        #expect(rows.renderText() == whole.renderText())
        #expect(rows.renderMarkdown() == whole.renderMarkdown())
        #expect(rows.renderCSV() == whole.renderCSV())
        #expect(rows.json.serialized() == whole.json.serialized())
    }

    /// Of several files to CSV, only the summary is printed, unless only one file scores: then it is
    /// printed whole, as a single file is.
    @Test func severalFilesOfWhichOneScoresPrintItWhole() throws {
        let one = try run(["score", "-f", "csv", "examples/scorecards/model-unit.yaml"])
        let several = try run(["score", "-f", "csv", "examples/scorecards/invalid-input.yaml", "examples/scorecards/model-unit.yaml"])
        #expect(several.output == one.output)
        #expect(!several.errors.isEmpty)
    }

    /// Written one by one, each report is whole, however little of it is kept for the summary.
    @Test func reportsWrittenOneByOneAreWhole() throws {
        let paths = packageFiles(in: "examples/ranking", extensions: ["yaml"])
        for format in ["text", "markdown"] {
            let separately = try paths.map { path in try run(["score", "-f", format, path]).output }
            let together = try run(["score", "-f", format] + paths).output
            let separator = format == "text" ? "\n" + String(repeating: "─", count: 60) + "\n\n" : "\n---\n\n"
            #expect(together.hasPrefix(separately.joined(separator: separator)), "\(format)")
        }
    }
}

extension Rubric {
    /// The scorecard, when the rubric is one.
    fileprivate var scorecard: Scorecard? {
        if case .scorecard(let scorecard) = self { return scorecard }
        return nil
    }
}
