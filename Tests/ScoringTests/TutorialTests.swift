import Foundation
import Testing

@testable import Scoring

/// docs/tutorial.md, followed step by step: its file blocks are written (```` ```yaml
/// file=PATH ```` writes a file, `append=PATH` adds to one) and its `$ swift run score-cli …`
/// commands are run with the built binary, in order, in a fresh folder laid out like the package
/// (`rubrics/` and `schemas/` beside the tutorial's `my-policy/`); each prints what the page shows.
/// So a reader who follows the page alone gets what it says.
@Suite("Tutorial: encode a new policy by following docs/tutorial.md alone", .serialized)
struct TutorialTests {
    static let page = "docs/tutorial.md"

    /// One step of the tutorial: a file to write or add to, or a command with its output.
    enum Step {
        case write(path: String, text: String, append: Bool)
        case run(CommandExample)
    }

    static func steps() throws -> [Step] {
        try Markdown.blocks(in: packageText(page), file: page).map { block throws -> Step in
            if let example = CommandExample(block) { return .run(example) }
            let words = block.info.split(separator: " ")
            for word in words {
                for (key, append) in [("file=", false), ("append=", true)] where word.hasPrefix(key) {
                    let path = String(word.dropFirst(key.count))
                    // The reader is told which file, in the paragraph before the block.
                    #expect(block.before.joined().contains("`\(path)`"), "\(page):\(block.line): the text before the block should name \(path)")
                    return .write(path: path, text: block.lines.joined(separator: "\n") + "\n", append: append)
                }
            }
            Issue.record("\(page):\(block.line): a block that is neither a file (file=/append=) nor a `$ swift run score-cli` command")
            return .write(path: "", text: "", append: true)
        }
    }

    /// Follows every step in a new folder; returns the folder (the caller removes it).
    static func follow() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tutorial-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for shared in ["rubrics", "schemas"] {
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent(shared), withDestinationURL: packageRoot.appendingPathComponent(shared))
        }
        for step in try steps() {
            switch step {
            case .write(let path, let text, let append):
                guard !path.isEmpty else { continue }
                let url = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                let before = append ? ((try? String(contentsOf: url, encoding: .utf8)) ?? "") : ""
                #expect(!append || !before.isEmpty, "\(path) is added to before it is written")
                try Data((before + text).utf8).write(to: url)
            case .run(let example):
                let result = try DocumentedCommand.run(example.command, in: folder)
                let mismatch = ShownOutput.mismatch(shown: example.shown, actual: ShownOutput.lines(of: result.output))
                #expect(mismatch == nil, "\(example.file):\(example.line): \(mismatch ?? "")\n--- actual output ---\n\(result.output)")
                #expect(result.status == 0, "\(example.file):\(example.line): exit \(result.status)")
            }
        }
        return folder
    }

    @Test func everyStepPrintsWhatThePageShows() throws {
        let steps = try Self.steps()
        #expect(steps.count(where: { if case .run = $0 { true } else { false } }) >= 4)
        let folder = try Self.follow()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The policy the reader ends with has one fixed amount and one percentage with a ceiling, each
    /// as the clause says, and it passes the schema the file's first line names.
    @Test func theReaderEndsWithAFixedAmountAndAPercentageWithACap() throws {
        let folder = try Self.follow()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = "my-policy/trade-two-measures.yaml"
        let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        let schedule = try Schedule.load(bytes: Array(text.utf8), file: path)

        let fixed = try #require(schedule.measure("Q4"))
        #expect(fixed.amount == .fixed(Rational(integer: 100_000)))  // 给予一次性 10 万元的扶持
        let percentage = try #require(schedule.measure("Q10"))
        #expect(percentage.amount == .percent(of: "rd_investment", rate: Rational(integer: 50)))  // 研发投入给予 50%的扶持
        #expect(percentage.ceiling?.amount == Rational(integer: 500_000))  // 单个项目最高扶持金额不超过 50 万元

        let firstLine = try #require(text.split(separator: "\n").first)
        #expect(firstLine == "# yaml-language-server: $schema=../schemas/schedule.schema.json")
        let schemaFile = URL(fileURLWithPath: "../schemas/schedule.schema.json", relativeTo: folder.appendingPathComponent("my-policy/"))
        #expect(FileManager.default.fileExists(atPath: schemaFile.path))
        let violations = try RubricSchemaTests.validator().validate(try YAMLToJSON.value(of: text), against: "schedule.schema.json")
        #expect(violations.isEmpty, "\(violations)")
    }

    /// The source lines the tutorial quotes (`> 第 N 行：…`) are in the gazette at those lines.
    @Test func theQuotedClausesAreInTheGazette() throws {
        let gazette = try packageText("rubrics/sources/changning-gazette-2022-1.txt").split(separator: "\n", omittingEmptySubsequences: false)
        let seed = "../shared/seeds/000_dc4460d10b25219c.txt"
        if let seedText = try? String(contentsOf: packageRoot.appendingPathComponent(seed), encoding: .utf8) {
            #expect(seedText.split(separator: "\n", omittingEmptySubsequences: false) == gazette, "the shipped gazette is the seed, unchanged")
        }
        var quoted = 0
        for line in try packageText(Self.page).split(separator: "\n") {
            guard let match = line.wholeMatch(of: /> 第 (\d+) 行：(.+)/), let number = Int(match.output.1), gazette.indices.contains(number - 1) else { continue }
            #expect(gazette[number - 1].contains(match.output.2), "line \(number): \(match.output.2)")
            quoted += 1
        }
        #expect(quoted == 3)
    }
}
