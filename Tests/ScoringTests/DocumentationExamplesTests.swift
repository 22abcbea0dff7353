import Foundation
import Testing

@testable import Scoring

/// Every command example in README.md and docs/*.md prints what the page shows, and every rubric
/// excerpt the format reference quotes is still in its rubric: the documentation cannot drift from
/// the tool.
///
/// A command example is a fenced block whose first line is `$ swift run score-cli …` (or `$
/// score-cli …`, with `\` continuing it onto the next lines); the lines after it are the output
/// shown. It is run with the built binary from the package root through `/bin/sh` (so `*.yaml`
/// expands), standard output and standard error together. In the output shown, a line that is only
/// `…` stands for any number of lines, and `…` within a line for any text there (a trailing `…`: the
/// rest of the line). docs/tutorial.md's commands need the files the tutorial writes first, so
/// `TutorialTests` runs those.
@Suite("Documentation: every example runs and prints what it shows", .serialized)
struct DocumentationExamplesTests {
    /// The pages checked here.
    static var pages: [String] {
        ["README.md"] + packageFiles(in: "docs", extensions: ["md"]).filter { $0 != "docs/tutorial.md" }
    }

    static var commandExamples: [CommandExample] {
        pages.flatMap { page in
            ((try? Markdown.blocks(in: packageText(page), file: page)) ?? []).compactMap(CommandExample.init)
        }
    }

    @Test func theDocumentationHasCommandExamples() {
        #expect(Self.commandExamples.count >= 8)
    }

    @Test(arguments: commandExamples)
    func theExamplePrintsWhatItShows(_ example: CommandExample) throws {
        let result = try DocumentedCommand.run(example.command, in: packageRoot)
        let actual = ShownOutput.lines(of: result.output)
        let mismatch = ShownOutput.mismatch(shown: example.shown, actual: actual)
        #expect(mismatch == nil, "\(example.file):\(example.line): \(mismatch ?? "")\n--- actual output ---\n\(result.output)")
    }

    /// A block marked `<!-- quoted from PATH -->` holds lines of that rubric, in its order (comment
    /// lines such as `# …` mark what is left out).
    @Test func everyQuotedRubricExcerptIsInItsRubric() throws {
        var checked = 0
        for page in Self.pages {
            for block in try Markdown.blocks(in: packageText(page), file: page) {
                guard let source = block.quotedFrom else { continue }
                let rubric = try packageText(source).split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                var next = 0
                for line in block.lines.map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty && !line.hasPrefix("#") {
                    guard let found = rubric[next...].firstIndex(of: line) else {
                        Issue.record("\(page):\(block.line): not in \(source) (after its line \(next)): \(line)")
                        break
                    }
                    next = found + 1
                }
                checked += 1
            }
        }
        #expect(checked >= 40)
    }

    /// The seed table of docs/rubric-format.md pairs each seed with its shipped copy, byte for byte
    /// (checked where the seeds are present, as they are beside this repository in development).
    @Test func theShippedSourcesAreTheSeedsTheReferenceNames() throws {
        let seeds = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        guard FileManager.default.fileExists(atPath: seeds.path) else { return }
        var pairs = 0
        for match in try packageText("docs/rubric-format.md").matches(of: /\| `(\d{3}_[0-9a-f]+\.txt)` \| `(changning-gazette-[0-9-]+\.txt)` \|/) {
            let seed = try Data(contentsOf: seeds.appendingPathComponent(String(match.output.1)))
            #expect(seed == Data(try packageFile("rubrics/sources/\(match.output.2)")), "\(match.output.1) ≠ \(match.output.2)")
            pairs += 1
        }
        #expect(pairs == packageFiles(in: "rubrics/sources", extensions: ["txt"]).count)
    }

    // MARK: The comparison itself

    @Test func linesOfEllipsisStandForAnyLines() {
        let actual = ["title", "a", "b", "total 74", "end"]
        #expect(ShownOutput.mismatch(shown: ["title", "…", "total 74", "…"], actual: actual) == nil)
        #expect(ShownOutput.mismatch(shown: ["title", "…", "a", "b", "…", "end"], actual: actual) == nil)
        #expect(ShownOutput.mismatch(shown: ["title", "  …", "end"], actual: actual) == nil)
        #expect(ShownOutput.mismatch(shown: ["title", "total 74", "…"], actual: actual) != nil, "lines left out need a …")
        #expect(ShownOutput.mismatch(shown: ["title", "…", "total 74"], actual: actual) != nil, "output after the last line shown needs a …")
        #expect(ShownOutput.mismatch(shown: ["title", "…", "total 75", "…"], actual: actual) != nil)
    }

    @Test func anEllipsisWithinALineStandsForAnyText() {
        #expect(ShownOutput.lineMatches("S6.1  7/7  得 7 分（…·评分标准 1）", "S6.1  7/7  得 7 分（长府办〔2022〕6号 附件·评分标准 1）"))
        #expect(ShownOutput.lineMatches("名次  等次  单位  …", "名次  等次  单位  总分  文件"))
        #expect(ShownOutput.lineMatches("sha256 …", "sha256 fad3b0e0231c"))
        #expect(!ShownOutput.lineMatches("sha256 …", "md5 fad3b0e0231c"))
        #expect(!ShownOutput.lineMatches("得 7 分（…·评分标准 1）", "得 7 分（附件·评分标准 2）"))
        #expect(ShownOutput.lineMatches("a … b … c", "a x b y b z c"))
        #expect(!ShownOutput.lineMatches("a … b … c", "a x c"))
    }

    @Test func aCommandContinuesOverBackslashedLines() throws {
        let blocks = Markdown.blocks(in: "text\n\n```\n$ swift run score-cli score a.yaml \\\n    b.yaml\nout\n```\n", file: "x.md")
        let example = try #require(blocks.first.flatMap(CommandExample.init))
        #expect(example.command == "score-cli score a.yaml \\\n    b.yaml")
        #expect(example.shown == ["out"])
        #expect(example.line == 3)
    }
}

/// A fenced code block of a Markdown page.
struct MarkdownBlock: Sendable {
    var file: String
    /// The line of the opening fence.
    var line: Int
    /// What follows the opening fence: `yaml file=my-policy/x.yaml`.
    var info: String
    var lines: [String]
    /// The paragraph just before the block (its lines, without blank lines).
    var before: [String]

    /// The rubric a `<!-- quoted from PATH -->` line just before the block names.
    var quotedFrom: String? {
        guard let last = before.last, last.hasPrefix("<!-- quoted from "), last.hasSuffix(" -->") else { return nil }
        return String(last.dropFirst("<!-- quoted from ".count).dropLast(" -->".count))
    }
}

enum Markdown {
    /// Every fenced (```) block of `text`, in order.
    static func blocks(in text: String, file: String) -> [MarkdownBlock] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [MarkdownBlock] = []
        var index = 0
        var paragraph: [String] = []
        var previous: [String] = []
        while index < lines.count {
            let line = lines[index]
            guard line.hasPrefix("```") else {
                if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    paragraph.append(line)
                } else if !paragraph.isEmpty {
                    (previous, paragraph) = (paragraph, [])
                }
                index += 1
                continue
            }
            var end = index + 1
            while end < lines.count, !lines[end].hasPrefix("```") { end += 1 }
            blocks.append(
                MarkdownBlock(
                    file: file, line: index + 1, info: String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces),
                    lines: Array(lines[(index + 1)..<min(end, lines.count)]), before: paragraph.isEmpty ? previous : paragraph))
            (previous, paragraph) = ([], [])
            index = end + 1
        }
        return blocks
    }
}

/// A `$ score-cli …` example: the command and the output the page shows for it.
struct CommandExample: Sendable, CustomTestStringConvertible {
    var file: String
    var line: Int
    /// The command as typed, without `$ ` and without `swift run `.
    var command: String
    var shown: [String]

    var testDescription: String { "\(file):\(line) \(command.prefix(60))" }

    init?(_ block: MarkdownBlock) {
        guard let first = block.lines.first, first.hasPrefix("$ ") else { return nil }
        var command = [String(first.dropFirst(2))]
        var index = 1
        while command.last?.hasSuffix("\\") == true, index < block.lines.count {
            command.append(block.lines[index])
            index += 1
        }
        var text = command.joined(separator: "\n")
        if text.hasPrefix("swift run ") { text = String(text.dropFirst("swift run ".count)) }
        guard text.hasPrefix("score-cli ") else { return nil }
        file = block.file
        line = block.line
        self.command = text
        shown = Array(block.lines[index...])
    }
}

/// Compares the output a page shows with the output a command printed.
enum ShownOutput {
    /// The lines of `output`, without trailing white space and trailing empty lines.
    static func lines(of output: String) -> [String] {
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingTrailingWhitespace }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Whether `line` is a line standing for any number of lines.
    static func isOmission(_ line: String) -> Bool { line.trimmingCharacters(in: .whitespaces) == "…" }

    /// Whether an output line matches a shown line, where each `…` in the shown line stands for any text.
    static func lineMatches(_ shown: String, _ actual: String) -> Bool {
        let shown = shown.trimmingTrailingWhitespace
        let actual = actual.trimmingTrailingWhitespace
        let parts = shown.components(separatedBy: "…")
        guard parts.count > 1 else { return shown == actual }
        guard let first = parts.first, let last = parts.last, actual.hasPrefix(first) else { return false }
        var rest = Substring(actual.dropFirst(first.count))
        for middle in parts.dropFirst().dropLast() {
            guard let found = rest.range(of: middle) else { return false }
            rest = rest[found.upperBound...]
        }
        return rest.count >= last.count && rest.hasSuffix(last)
    }

    /// `nil` when the output matches what is shown; otherwise what went wrong, in words.
    static func mismatch(shown: [String], actual: [String]) -> String? {
        // matches[i][j]: shown[i...] matches actual[j...]; filled from the end.
        let shown = shown.map(\.trimmingTrailingWhitespace)
        var matches = Array(repeating: Array(repeating: false, count: actual.count + 1), count: shown.count + 1)
        matches[shown.count][actual.count] = true
        for i in stride(from: shown.count - 1, through: 0, by: -1) {
            for j in stride(from: actual.count, through: 0, by: -1) {
                if isOmission(shown[i]) {
                    matches[i][j] = matches[i + 1][j] || (j < actual.count && matches[i][j + 1])
                } else {
                    matches[i][j] = j < actual.count && lineMatches(shown[i], actual[j]) && matches[i + 1][j + 1]
                }
            }
        }
        if matches[0][0] { return nil }
        // Explain: the first shown line that is not found where it should be.
        var next = 0
        var gapAllowed = true
        for line in shown {
            if isOmission(line) {
                gapAllowed = true
                continue
            }
            guard let found = actual[next...].firstIndex(where: { lineMatches(line, $0) }) else { return "shown line not in the output: \(line)" }
            if found != next, !gapAllowed { return "output lines left out without a … line before: \(line)" }
            next = found + 1
            gapAllowed = false
        }
        return next < actual.count ? "the output goes on after the last line shown (add a … line): \(actual[next])" : "the output differs"
    }
}

/// Runs documented commands with the `score-cli` built for the tests.
enum DocumentedCommand {
    /// The `score-cli` built beside this test bundle.
    static var executable: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("score-cli")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return packageRoot.appendingPathComponent(".build/debug/score-cli")
    }

    /// Runs `command` (starting `score-cli …`) through `/bin/sh` in `folder`, with standard output
    /// and standard error written to one file, as a terminal shows them; its text and exit status.
    static func run(_ command: String, in folder: URL) throws -> (output: String, status: Int32) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("documented-command-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outputFile = scratch.appendingPathComponent("output")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "'\(executable.path)'" + command.dropFirst("score-cli".count)]
        process.currentDirectoryURL = folder
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        try output.close()
        return (try String(contentsOf: outputFile, encoding: .utf8), process.terminationStatus)
    }
}

extension String {
    var trimmingTrailingWhitespace: String {
        var text = Substring(self)
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
