import Foundation
import Testing

@testable import Scoring

/// A self-assessment in the usual layout is read straight from the parser's events; any other file
/// through Yams' node tree. These tests hold the two readings to the same result, so the quick one
/// can never say something the full one would not.
struct SelfAssessmentReadingTests {
    /// The result of reading `bytes` through Yams' node tree only.
    static func readThroughTree(_ bytes: [UInt8], file: String) -> Result<SelfAssessment, FileProblems> {
        Result { () throws(FileProblems) in try SelfAssessment.load(StructuredFile(bytes: bytes, name: file), file: file) }
    }

    /// The result of reading `bytes` as the program does.
    static func read(_ bytes: [UInt8], file: String) -> Result<SelfAssessment, FileProblems> {
        Result { () throws(FileProblems) in try SelfAssessment.load(bytes: bytes, file: file) }
    }

    /// Whether `bytes` are read from the events, without the node tree.
    static func readsPlainLayout(_ bytes: [UInt8], file: String) -> Bool {
        guard let text = try? StructuredFile.text(of: bytes, name: file) else { return false }
        return SelfAssessment.readPlainLayout(text.body, file: file) != nil
    }

    static let exampleFiles =
        ["examples/scorecards", "examples/ranking", "examples/audit", "examples/targets"]
        .flatMap { packageFiles(in: $0, extensions: ["yaml", "yml", "json"]) }

    @Test func everyExampleReadsAsTheTreeReadsIt() throws {
        #expect(Self.exampleFiles.count > 40)
        for path in Self.exampleFiles {
            let bytes = try packageFile(path)
            #expect(Self.read(bytes, file: path) == Self.readThroughTree(bytes, file: path), "\(path)")
        }
    }

    @Test func theUsualLayoutSkipsTheTree() throws {
        for path in ["examples/scorecards/typical-unit.yaml", "examples/scorecards/model-unit.yaml"] {
            #expect(Self.readsPlainLayout(try packageFile(path), file: path), "\(path)")
        }
        let json = Self.exampleFiles.filter { $0.hasSuffix(".json") }
        #expect(!json.isEmpty)
        for path in json { #expect(Self.readsPlainLayout(try packageFile(path), file: path), "\(path)") }
    }

    /// Files the quick reading must leave to the tree, each for a reason the tree reports or keeps.
    @Test(arguments: [
        "rubric: a\nunit: b\nextra: 1\n",  // an unknown key
        "rubric: a\nunit: b\nextra:\n",  // an unknown key, blank
        "rubric: a\nunit: b\nunit: c\n",  // a repeated key
        "rubric: a\nunit: b\ninputs: {x: , x: 1}\n",  // a repeated key, one of them blank
        "rubric: a\nunit: b\ninputs: {x: , x: }\n",  // a repeated blank key
        "rubric: a\nunit: b\nnotes: {x: 1, x: 2}\n",
        "rubric: a\nunit: !!str b\n",  // a tag
        "rubric: &r a\nunit: b\n",  // an anchor
        "rubric: a\nunit: \"\\uFEFFb\"\n",  // a text that starts with a byte-order mark
        "rubric: a\nunit: b\n---\nrubric: c\n",  // two documents
        "rubric: a\nunit: b\ninputs: {x: [1, 2]}\n",  // a value that is not a text
        "rubric: a\nunit: b\nmissing_items: [S1, [S2]]\n",
        "rubric: a\n",  // no unit
        "rubric: a\nunit: ''\n",  // a unit that is an empty text
        "rubric: a\nunit: b\ninputs: 3\n",  // a table that is a text
        "rubric: a\nunit: b\nperiod: [1]\n",  // a text that is a list
        "rubric: a\nunit: b\ninputs: {x: 1\n",  // not well-formed
        "- rubric\n",  // not a table
    ])
    func unusualFilesAreLeftToTheTree(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(!Self.readsPlainLayout(bytes, file: "a.yaml"))
        #expect(Self.read(bytes, file: "a.yaml") == Self.readThroughTree(bytes, file: "a.yaml"))
    }

    @Test func blanksAndListsReadAsTheTreeReadsThem() {
        let text = """
            rubric: a
            unit: "b"
            period: ~
            region:
            inputs: {x: 1, y: , z: null, "w": '2'}
            claimed:
            notes: {x: 说明}
            claimed_total: 74
            missing_items: [S1, ~, 'S2']

            """
        let bytes = Array(text.utf8)
        #expect(Self.readsPlainLayout(bytes, file: "a.yaml"))
        let read = Self.read(bytes, file: "a.yaml")
        #expect(read == Self.readThroughTree(bytes, file: "a.yaml"))
        #expect((try? read.get())?.missingItems.map(\.isScalar) == [true, false, true])
    }

    /// Thousands of small edits of real files (characters YAML gives meaning to, lines repeated
    /// or dropped), each read both ways. Many of them still read as the usual layout, many do not.
    @Test func editedFilesReadAsTheTreeReadsThem() throws {
        let sources = try ["examples/scorecards/typical-unit.yaml", "examples/scorecards/model-unit.yaml"].map(packageText)
            + Self.exampleFiles.filter { $0.hasSuffix(".json") }.prefix(1).map(packageText)
        let pieces = [
            ":", ": ", " ", "\n", "\t", "#", "'", "\"", "&a ", "*a", "!!str ", "! ", "~", "null", "- ", "{", "}", "[", "]", ",",
            "? ", "---\n", "...\n", "\u{FEFF}", "\\uFEFF", "  ", "\ninputs:\n", "\n  x: 1", "S1: ", "notes: ~\n", "%YAML 1.1\n",
            "\"\\u00e9\"", "e\u{301}", "\u{E9}", "|\n  ", ">-\n  ", "\r\n", "\\",
        ]
        var random = SplitMix64(seed: 0x5E1F_A55E)
        var (plain, tree) = (0, 0)
        for round in 0..<1500 {
            var characters = Array(sources[round % sources.count])
            for _ in 0..<random.int(1...3) {
                let at = random.int(0...characters.count)
                switch random.int(0...3) {
                case 0, 1:
                    characters.insert(contentsOf: random.pick(pieces), at: at)
                case 2:
                    characters.removeSubrange(at..<min(at + random.int(1...6), characters.count))
                default:
                    let lines = String(characters).split(separator: "\n", omittingEmptySubsequences: false)
                    var edited = Array(lines)
                    let line = random.int(0...(lines.count - 1))
                    if random.bool() { edited.insert(lines[line], at: random.int(0...lines.count)) } else { edited.remove(at: line) }
                    characters = Array(edited.joined(separator: "\n"))
                }
            }
            let bytes = Array(String(characters).utf8)
            if Self.readsPlainLayout(bytes, file: "a.yaml") { plain += 1 } else { tree += 1 }
            let read = Self.read(bytes, file: "a.yaml")
            let expected = Self.readThroughTree(bytes, file: "a.yaml")
            #expect(read == expected, "round \(round):\n\(String(characters))")
            if read != expected { return }
        }
        #expect(plain > 300)
        #expect(tree > 300)
    }
}
