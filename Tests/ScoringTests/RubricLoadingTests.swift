import Testing

@testable import Scoring

/// A small valid rubric; tests change one thing and check the exact problem reported.
let miniRubric = """
    schema_version: 1
    kind: scorecard
    id: mini
    version: "1"
    title: 测试评分表
    document: 测试〔2022〕1号
    source: {file: none.txt, title: 测试}
    total: 10
    inputs:
      - {id: n, label: 件数, type: count, unit: 件}
    sections:
      - id: s
        title: 节
        max: 10
        items:
          - id: A
            title: 项
            max: 10
            cite: {clause: 甲, text: 项}
            rules:
              - id: A.1
                kind: per_step
                cite: {clause: 甲, text: 每件加2分}
                steps: [{input: n, every: 1, points: 2}]
                partial_step: floor
            caps:
              - {points: 10, cite: {clause: 甲, text: 最高10分}}
    """

@Suite("Loading rubrics: every mistake named with its line and field")
struct RubricLoadingTests {
    private func problems(_ yaml: String) -> [FileProblem] {
        do {
            _ = try scorecard(yaml)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func theMiniRubricLoads() throws {
        let loaded = try scorecard(miniRubric)
        #expect(loaded.items.map(\.id) == ["A"])
        #expect(loaded.header.sha256.count == 64)
    }

    @Test func unknownKeyIsAnErrorWithItsLine() {
        let found = problems(miniRubric.replacingOccurrences(of: "        max: 10\n        cite:", with: "        max: 10\n        maxx: 5\n        cite:"))
        #expect(found.count == 1)
        #expect(found.first?.field == "sections[0].items[0].maxx")
        #expect(found.first?.location?.line == 19)
        #expect(found.first?.message.contains("未知的键") == true)
    }

    @Test func wrongTypeNamesTheField() {
        let found = problems(miniRubric.replacingOccurrences(of: "total: 10", with: "total: ten"))
        #expect(found.map(\.field) == ["total"])
        #expect(found.first?.location?.line == 8)
        #expect(found.first?.message.contains("应为数字") == true)
    }

    @Test func missingKeyNamesTheField() {
        let found = problems(miniRubric.replacingOccurrences(of: "        title: 项\n", with: ""))
        #expect(found.map(\.field) == ["sections[0].items[0].title"])
        #expect(found.first?.message.contains("缺少必填的键") == true)
    }

    @Test func yesIsNotABoolean() {
        let found = problems(miniRubric.replacingOccurrences(of: "    max: 10\n    items:", with: "    max: 10\n    bonus: yes\n    items:"))
        #expect(found.map(\.field) == ["sections[0].bonus"])
    }

    @Test func anUncappedItemThatCouldExceedItsMaximumIsRefused() {
        let found = problems(String(miniRubric.split(separator: "        caps:")[0]))
        #expect(found.map(\.field) == ["sections[0].items[0]"])
        #expect(found.first?.message.contains("须加上限") == true)
    }

    @Test func aCapAboveTheMaximumIsRefused() {
        let found = problems(miniRubric.replacingOccurrences(of: "{points: 10, cite", with: "{points: 12, cite"))
        #expect(found.first?.message.contains("超过满分 10") == true)
    }

    @Test func pointsThatDoNotAddUpAreRefused() {
        let found = problems(miniRubric.replacingOccurrences(of: "total: 10", with: "total: 100"))
        #expect(found.map(\.field) == ["total"])
        #expect(found.first?.message.contains("与总分 100 不符") == true)
    }

    @Test func referencesMustResolve() {
        let found = problems(miniRubric.replacingOccurrences(of: "{input: n, every", with: "{input: m, every"))
        #expect(found.first?.message.contains("未定义的输入「m」") == true)
        let interpretation = problems(miniRubric.replacingOccurrences(of: "partial_step: floor", with: "partial_step: floor\n            interpretations: [AMBIG-99]"))
        #expect(interpretation.first?.message.contains("未定义的解释「AMBIG-99」") == true)
    }

    @Test func aStepRuleMustSayHowPartialStepsCount() {
        let found = problems(miniRubric.replacingOccurrences(of: "            partial_step: floor\n", with: ""))
        #expect(found.map(\.field) == ["sections[0].items[0].rules[0].partial_step"])
    }

    @Test func syntaxErrorsGiveALine() {
        let found = problems(miniRubric.replacingOccurrences(of: "title: 节", with: "title: [节"))
        #expect(found.count == 1)
        #expect(found.first?.location != nil)
        #expect(found.first?.message.contains("语法错误") == true)
    }

    @Test(arguments: [
        ([UInt8](), "文件为空"),
        ([0x66, 0x00, 0x67], "NUL"),
        ([0xFF, 0xFE, 0x41], "UTF-8"),
    ])
    func unreadableBytesAreClearErrors(_ bytes: [UInt8], _ expected: String) {
        #expect(throws: FileProblems.self) { try Scorecard.load(bytes: bytes, file: "x.yaml") }
        do {
            _ = try Scorecard.load(bytes: bytes, file: "x.yaml")
        } catch {
            #expect(error.description.contains(expected))
        }
    }

    @Test func jsonRubricsLoadToo() throws {
        let json = """
            {"schema_version": 1, "kind": "scorecard", "id": "j", "version": "1", "title": "J", "document": "D",
             "source": {"file": "x", "title": "x"}, "total": 2,
             "inputs": [{"id": "b", "label": "有", "type": "boolean"}],
             "sections": [{"id": "s", "title": "S", "max": 2, "items": [{"id": "I", "title": "I", "max": 2,
               "cite": {"clause": "c", "text": "t"},
               "rules": [{"id": "I.1", "kind": "yes_no", "cite": {"clause": "c", "text": "t"}, "input": "b", "if_yes": 2, "if_no": 0}]}]}]}
            """
        let loaded = try Scorecard.load(bytes: Array(json.utf8), file: "j.json")
        #expect(loaded.total == Rational(integer: 2))
    }
}
