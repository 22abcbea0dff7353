import Foundation
import Testing

@testable import Scoring
@testable import score_cli

@Suite("Command line: exit codes and messages")
struct CommandLineTests {
    @Test func aMissingFileExits66() throws {
        let result = try run(["score", "no/such/file.yaml"])
        #expect(result.status == 66)
        #expect(result.errors == ["no/such/file.yaml: 无法读取：文件不存在或没有读取权限 / cannot read: no such file, or permission denied"])
        #expect(result.output.isEmpty)
    }

    @Test func anUnknownRubricIdExits66AndListsTheShippedOnes() throws {
        let result = try run(["show", "no-such-rubric"])
        #expect(result.status == 66)
        #expect(result.errors.first?.contains("proposal-handling-2022") == true)
    }

    @Test func aBadRowDoesNotStopTheOthers() throws {
        let result = try run(["score", "examples/scorecards/invalid-input.yaml", "examples/scorecards/model-unit.yaml"])
        #expect(result.status == 65)
        #expect(result.output.contains("单位：区发展改革委"))
        #expect(result.output.contains("总分  100/100"))
        #expect(!result.errors.isEmpty)
    }

    @Test(arguments: [["score"], ["score", "x.yaml", "--format", "pdf"], ["frobnicate"], ["show"]])
    func aBadCommandLineExits64(_ arguments: [String]) {
        #expect(throws: (any Error).self) { try ScoreCLI.parseAsRoot(arguments) }
        do {
            _ = try ScoreCLI.parseAsRoot(arguments)
        } catch {
            #expect(ScoreCLI.exitCode(for: error).rawValue == 64)
        }
    }

    @Test func rubricsListsTheShippedScorecard() throws {
        let result = try run(["rubrics", "-f", "csv"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("\u{FEFF}id,kind,document,size,title\r\n"))
        #expect(result.output.contains("proposal-handling-2022,评分表,长府办〔2022〕6号,总分 100,"))
    }

    @Test func showLaysOutEveryItemWithItsMaximumAndQuotes() throws {
        let result = try run(["show", "proposal-handling-2022"])
        #expect(result.status == 0)
        for line in ["  S5 办件数量  满分 10", "    上限：本项合计最高 10 分（「最高得 10 分。」，AMBIG-9.2）",
            "    核实说明：数据统计截至 10 月 31 日，根据建议提案办理系统复核。", "  AMBIG-13 公开率不是整数时（如 99.5%、79.6%、59.9%）属哪一档？"]
        {
            #expect(result.output.contains(line + "\n"), "missing: \(line)")
        }
        #expect(result.output.contains("主办件：1-4 件（≥1 件 且 ≤4 件）→ 3 分"))
    }

    @Test func theTemplateFilledInAsTheModelUnitScores100() throws {
        let template = try run(["template", "proposal-handling-2022"]).output
        // Fill every blank input with the model unit's value and score it.
        let model = try packageText("examples/scorecards/model-unit.yaml")
        var values: [String: String] = [:]
        let inputsBlock = model.split(separator: "inputs:\n")[1].split(separator: "claimed:")[0]
        for line in inputsBlock.split(separator: "\n") where line.hasPrefix("  ") && !line.hasPrefix("  #") {
            let parts = line.dropFirst(2).split(separator: ":", maxSplits: 1)
            if parts.count == 2 { values[String(parts[0])] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        var filled: [String] = []
        for line in template.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = String(line)
            if text.hasPrefix("  "), !text.hasPrefix("  #"), let colon = text.firstIndex(of: ":") {
                let key = String(text[text.index(text.startIndex, offsetBy: 2)..<colon])
                filled.append(values[key].map { "  \(key): \($0)" } ?? text)
            } else if text.hasPrefix("unit: ") {
                filled.append("unit: 模板测试单位")
            } else {
                filled.append(text)
            }
        }
        let rubric = try Scorecard.load(bytes: try packageFile("rubrics/scorecards/proposal-handling-2022.yaml"), file: "p")
        let report = try rubric.score(try SelfAssessment.load(bytes: Array(filled.joined(separator: "\n").utf8), file: "t.yaml"))
        #expect(report.total == Rational(integer: 100))
    }

    @Test func lintPassesTheShippedRubricAndCatchesAQuoteNotInTheSource() throws {
        let clean = try run(["lint", "rubrics/scorecards/proposal-handling-2022.yaml"])
        #expect(clean.status == 0)
        #expect(clean.output.contains("通过 / ok"))
        // The same rubric with one quote altered, in a scratch folder laid out like rubrics/.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for folder in ["scorecards", "sources"] {
            try FileManager.default.createDirectory(at: scratch.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data(try packageFile("rubrics/sources/changning-gazette-2022-1.txt"))
            .write(to: scratch.appendingPathComponent("sources/changning-gazette-2022-1.txt"))
        let text = try packageText("rubrics/scorecards/proposal-handling-2022.yaml")
            .replacingOccurrences(of: "多于 20 件，得 8 分。", with: "多于 20 件，得 9 分。")
        let path = scratch.appendingPathComponent("scorecards/altered.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let broken = try run(["lint", path])
        #expect(broken.status == 1)
        #expect(broken.output.contains("quote.not-in-source"))
        #expect(broken.output.contains("附件《自评表》办件数量·评分标准 1"))
    }
}
