import Foundation
import Testing

@testable import Scoring
@testable import score_cli

/// The rubrics and examples we ship are the product: each is checked here, against its source and
/// against its expected output.
@Suite("Shipped rubrics and examples")
struct ShippedFilesTests {
    static let rubricFiles = packageFiles(in: "rubrics/scorecards", extensions: ["yaml", "yml", "json"])
        + packageFiles(in: "rubrics/schedules", extensions: ["yaml", "yml", "json"])
        + packageFiles(in: "rubrics/targets", extensions: ["yaml", "yml", "json"])

    @Test func thereAreShippedRubrics() {
        #expect(Self.rubricFiles.contains("rubrics/scorecards/proposal-handling-2022.yaml"))
    }

    @Test(arguments: rubricFiles)
    func everyQuoteOccursInItsSource(_ path: String) throws {
        let rubric = try Rubric.load(bytes: try packageFile(path), file: path)
        let folder = (path as NSString).deletingLastPathComponent
        let source = try packageText((folder as NSString).appendingPathComponent(rubric.header.source.file))
        let missing = rubric.citationsNotFound(in: source)
        #expect(missing.isEmpty, "quotes not found in the source: \(missing.map(\.text))")
        #expect(rubric.citations.count > 5)
    }

    @Test func aQuoteThatIsNotInTheSourceIsCaught() throws {
        let rubric = try Scorecard.load(bytes: try packageFile("rubrics/scorecards/proposal-handling-2022.yaml"), file: "p")
        let source = try packageText("rubrics/sources/changning-gazette-2022-1.txt")
        let altered = source.replacingOccurrences(of: "多于 20 件，得 8 分", with: "多于 20 件，得 9 分")
        #expect(rubric.citationsNotFound(in: altered).map(\.clause) == ["附件《自评表》办件数量·评分标准 1"])
    }

    @Test func theProposalTableHasTheSourcesShape() throws {
        let rubric = try Scorecard.load(bytes: try packageFile("rubrics/scorecards/proposal-handling-2022.yaml"), file: "p")
        // 3 一级指标, 9 二级指标, 22 numbered 评分标准 (seed 000 lines 1019–1029).
        #expect(rubric.sections.map(\.max) == [15, 65, 20].map(Rational.init))
        #expect(rubric.items.map(\.max) == [5, 5, 5, 25, 10, 15, 15, 10, 10].map(Rational.init))
        #expect(rubric.items.flatMap(\.rules).count == 22)
        #expect(rubric.total == Rational(integer: 100))
        // Every ambiguity that affects a score is recorded.
        let recorded = Set(rubric.header.interpretations.map(\.id))
        for id in ["AMBIG-1", "AMBIG-4", "AMBIG-7a", "AMBIG-8", "AMBIG-9.1", "AMBIG-9.2", "AMBIG-12", "AMBIG-13",
            "AMBIG-14", "AMBIG-15", "AMBIG-16", "AMBIG-17.2", "AMBIG-18.1"]
        {
            #expect(recorded.contains(id), "\(id) is not recorded")
        }
    }

    /// Each example, the command that runs it, its exit code and the file holding what it must print.
    static let examples: [(arguments: [String], status: Int32, stdout: String?, stderr: String?)] = [
        (["score", "examples/scorecards/model-unit.yaml"], 0, "model-unit.txt", nil),
        (["score", "examples/scorecards/typical-unit.yaml"], 0, "typical-unit.txt", nil),
        (["score", "examples/scorecards/street-office-no-zhuban.json"], 0, "street-office-no-zhuban.txt", nil),
        (["score", "examples/scorecards/tier-boundaries.yaml"], 0, "tier-boundaries.txt", nil),
        (["score", "examples/scorecards/claimed-disagrees.yaml"], 1, "claimed-disagrees.txt", nil),
        (["score", "examples/scorecards/invalid-input.yaml"], 65, nil, "invalid-input.stderr.txt"),
        (["score", "examples/scorecards/typical-unit.yaml", "-f", "json"], 0, "typical-unit.json", nil),
        (["score", "examples/scorecards/water-saving-changning.yaml"], 0, "water-saving-changning.txt", nil),
        (["score", "examples/scorecards/water-saving-vector-84.yaml"], 0, "water-saving-vector-84.txt", nil),
        (["score", "examples/scorecards/typical-unit.yaml", "-f", "csv"], 0, "typical-unit.csv", nil),
        (["score", "examples/scorecards/typical-unit.yaml", "-f", "markdown"], 0, "typical-unit.md", nil),
        (
            ["score", "examples/scorecards/model-unit.yaml", "examples/scorecards/typical-unit.yaml",
                "examples/scorecards/tier-boundaries.yaml", "examples/scorecards/claimed-disagrees.yaml",
                "examples/scorecards/street-office-no-zhuban.json", "-f", "csv"], 1, "summary.csv", nil
        ),
    ]

    @Test(arguments: examples.indices)
    func exampleOutputMatchesItsExpectedFile(_ index: Int) throws {
        let example = Self.examples[index]
        // The examples name files relative to the package root, as README runs them.
        #expect(FileManager.default.currentDirectoryPath == packageRoot.path, "run the tests from the package root")
        let result = try run(example.arguments)
        #expect(result.status == example.status)
        if let stdout = example.stdout {
            #expect(result.output == (try packageText("examples/scorecards/expected/\(stdout)")))
        } else {
            #expect(result.output.isEmpty)
        }
        if let stderr = example.stderr {
            #expect(result.errors.joined(separator: "\n") + "\n" == (try packageText("examples/scorecards/expected/\(stderr)")))
        } else {
            #expect(result.errors.isEmpty)
        }
    }

    /// The totals of the examples, computed by hand from the source table (see each example's comments).
    @Test(arguments: [
        ("model-unit.yaml", 100), ("typical-unit.yaml", 74), ("street-office-no-zhuban.json", 68),
        ("tier-boundaries.yaml", 83), ("claimed-disagrees.yaml", 77),
    ])
    func exampleTotalsAreTheHandComputedOnes(_ file: String, _ total: Int) throws {
        let path = "examples/scorecards/\(file)"
        let rubric = try Scorecard.load(bytes: try packageFile("rubrics/scorecards/proposal-handling-2022.yaml"), file: "p")
        let report = try rubric.score(try SelfAssessment.load(bytes: try packageFile(path), file: path))
        #expect(report.total == Rational(total))
    }

    /// Changning's illustrative water-saving self-assessment: 82 × 100 / 91 + 3 (see the file's comment).
    @Test func theChangningWaterSavingExampleIsTheHandComputedTotal() throws {
        let path = "examples/scorecards/water-saving-changning.yaml"
        let rubric = try Scorecard.load(bytes: try packageFile("rubrics/scorecards/water-saving-2023.yaml"), file: "w")
        let report = try rubric.score(try SelfAssessment.load(bytes: try packageFile(path), file: path))
        #expect(report.total == (try Rational(numerator: 8200, denominator: 91) + Rational(integer: 3)))
    }

    @Test func theInvalidExampleReportsEachProblemOnce() throws {
        let result = try run(["score", "examples/scorecards/invalid-input.yaml"])
        let fields = result.errors.map { line in line.split(separator: ": ")[1] }
        #expect(
            fields == [
                "inputs.lapse_count", "inputs.has_system", "inputs.summary_submission", "inputs.attitude_points",
                "inputs.zhuban_count", "inputs.zhuban_cnt", "inputs.city_articles", "claimed.S4",
            ])
        #expect(result.errors.allSatisfy { $0.hasPrefix("examples/scorecards/invalid-input.yaml:") })
    }
}

/// Parses a command line as the tool would and runs it in-process.
func run(_ arguments: [String]) throws -> CommandResult {
    let command = try ScoreCLI.parseAsRoot(arguments)
    switch command {
    case let score as ScoreCommand: return score.execute()
    case let show as ShowCommand: return show.execute()
    case let template as TemplateCommand: return template.execute()
    case let rubrics as RubricsCommand: return rubrics.execute()
    case let lint as LintCommand: return lint.execute()
    case let subsidy as SubsidyCommand: return subsidy.execute()
    case let audit as AuditCommand: return audit.execute()
    default: throw CLIFailure(lines: ["unexpected command"], exitCode: 70)
    }
}
