import Foundation
import Testing

@testable import Scoring

/// The JSON Schemas in `schemas/` (for editors: completion and checking while a rubric is typed)
/// accept every shipped rubric and refuse every rubric that is broken in structure: an unknown
/// key, a wrong type, a missing key, a value not in a list. The rubric loader refuses those too,
/// naming the same field. Rubrics broken in meaning (points that do not add up, tiers that overlap,
/// a quote not in the source) are beyond any schema: the schema accepts them and the loader or
/// lint refuses them. docs/rubric-format.md lists both kinds.
@Suite("Rubric JSON Schemas: shipped rubrics validate, broken structure is refused")
struct RubricSchemaTests {
    static func validator() throws -> JSONSchemaValidator {
        try JSONSchemaValidator(folder: packageRoot.appendingPathComponent("schemas"))
    }

    /// The schema a rubric file is checked against, chosen by its `kind` as the loader chooses.
    static func schemaFile(for value: JSONValue) -> String {
        if case .object(let members) = value, case .string(let kind)? = members.first(where: { $0.0 == "kind" })?.1 {
            switch kind {
            case "schedule": return "schedule.schema.json"
            case "targets": return "targets.schema.json"
            default: break
            }
        }
        return "scorecard.schema.json"
    }

    static func violations(_ yaml: String) throws -> [JSONSchemaValidator.Violation] {
        let value = try YAMLToJSON.value(of: yaml)
        return try validator().validate(value, against: schemaFile(for: value))
    }

    /// The loader's problems with `yaml` (none when it loads).
    static func loaderProblems(_ yaml: String, file: String = "t.yaml") -> [FileProblem] {
        do {
            _ = try Rubric.load(bytes: Array(yaml.utf8), file: file)
            return []
        } catch {
            return error.problems
        }
    }

    static var shippedRubrics: [String] {
        ["rubrics/scorecards", "rubrics/schedules", "rubrics/targets"].flatMap { packageFiles(in: $0, extensions: ["yaml"]) }
    }

    @Test func everyKindOfRubricIsShipped() {
        #expect(Self.shippedRubrics.count >= 9)
    }

    @Test(arguments: shippedRubrics)
    func everyShippedRubricValidates(_ path: String) throws {
        let found = try Self.violations(try packageText(path))
        #expect(found.isEmpty, "\(path):\n\(found.map(\.description).joined(separator: "\n"))")
    }

    /// The small valid rubrics the other tests start from validate too (one is JSON).
    @Test func theTestsStartingRubricsValidate() throws {
        let json = """
            {"schema_version": 1, "kind": "scorecard", "id": "j", "version": "1", "title": "J", "document": "D",
             "source": {"file": "x", "title": "x"}, "total": 2,
             "inputs": [{"id": "b", "label": "有", "type": "boolean"}],
             "sections": [{"id": "s", "title": "S", "max": 2, "items": [{"id": "I", "title": "I", "max": 2,
               "cite": {"clause": "c", "text": "t"},
               "rules": [{"id": "I.1", "kind": "yes_no", "cite": {"clause": "c", "text": "t"}, "input": "b", "if_yes": 2, "if_no": 0}]}]}]}
            """
        let clean = LintTests.rubric(tiers: "                  - {at_least: 0, at_most: 4, points: 3}\n                  - {more_than: 4, points: 5}")
        for text in [miniRubric, json, clean] {
            #expect(Self.loaderProblems(text).isEmpty)
            let found = try Self.violations(text)
            #expect(found.isEmpty, "\(found)")
        }
    }

    // MARK: Broken in structure: the schema and the loader both refuse, at the same field

    /// A rubric with one structural mistake, and the field both the schema and the loader name.
    struct BrokenRubric: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        /// The field the schema names.
        var field: String
        /// The field the loader names, when it is not `field` (`""`: the loader names no field).
        var loaderField: String?

        init(name: String, yaml: String, field: String, loaderField: String? = nil) {
            self.name = name
            self.yaml = yaml
            self.field = field
            self.loaderField = loaderField
        }

        var testDescription: String { name }
    }

    static let lintBase = LintTests.rubric(tiers: "                  - {at_least: 0, at_most: 4, points: 3}\n                  - {more_than: 4, points: 5}")

    static let structurallyBroken: [BrokenRubric] = [
        // From RubricLoadingTests.
        BrokenRubric(
            name: "unknown key maxx",
            yaml: miniRubric.replacingOccurrences(of: "        max: 10\n        cite:", with: "        max: 10\n        maxx: 5\n        cite:"),
            field: "sections[0].items[0].maxx"),
        BrokenRubric(name: "total: ten", yaml: miniRubric.replacingOccurrences(of: "total: 10", with: "total: ten"), field: "total"),
        BrokenRubric(name: "item without title", yaml: miniRubric.replacingOccurrences(of: "        title: 项\n", with: ""), field: "sections[0].items[0].title"),
        BrokenRubric(
            name: "bonus: yes",
            yaml: miniRubric.replacingOccurrences(of: "    max: 10\n    items:", with: "    max: 10\n    bonus: yes\n    items:"),
            field: "sections[0].bonus"),
        BrokenRubric(
            name: "per_step without partial_step",
            yaml: miniRubric.replacingOccurrences(of: "            partial_step: floor\n", with: ""),
            field: "sections[0].items[0].rules[0].partial_step"),
        // From HostileInputTests: a self-assessment given as a rubric, and a rubric with only a title.
        BrokenRubric(name: "a self-assessment given as a rubric", yaml: "rubric: 自评.yaml\nunit: 甲\ninputs: {}\n", field: "schema_version"),
        BrokenRubric(name: "only a title", yaml: "title: xxxxxxxx\n", field: "schema_version"),
        // One for each other construct whose structure the schema checks.
        BrokenRubric(
            name: "unknown rule kind", yaml: miniRubric.replacingOccurrences(of: "kind: per_step", with: "kind: per_steps"),
            field: "sections[0].items[0].rules[0]"),
        BrokenRubric(
            name: "a choice input without choices",
            yaml: miniRubric.replacingOccurrences(of: "type: count, unit: 件", with: "type: choice"), field: "inputs[0]"),
        BrokenRubric(
            name: "a tier with at_least and more_than",
            yaml: LintTests.rubric(tiers: "                  - {at_least: 0, more_than: 1, points: 5}"),
            field: "sections[0].items[0].rules[0].tiers[0]"),
        BrokenRubric(
            name: "is: yes in a condition",
            yaml: HostileInputTests.loopingSchedule.replacingOccurrences(of: "{input: share, at_least: 1}", with: "{input: share, is: yes}"),
            field: "measures[0].eligible[0].when.is"),
        BrokenRubric(
            name: "an amount with two keys",
            yaml: HostileInputTests.loopingSchedule.replacingOccurrences(of: "amount: {fixed: 1万}", with: "amount: {fixed: 1万, percent: {of: cost, rate: 50}}"),
            field: "measures[0].amount"),
        BrokenRubric(
            name: "an amount that is not money",
            yaml: HostileInputTests.loopingSchedule.replacingOccurrences(of: "amount: {fixed: 1万}", with: "amount: {fixed: 1万x}"),
            field: "measures[0].amount.fixed"),
        BrokenRubric(
            name: "a count limit per year",
            yaml: HostileInputTests.loopingSchedule + "\ncount_limits:\n  - {id: L, measures: [M1], max: 2, per: year, cite: {clause: 第一条, text: 给予支持}}\n",
            field: "count_limits[0].per", loaderField: ""),
        BrokenRubric(
            name: "a rounding mode that does not exist",
            yaml: miniRubric.replacingOccurrences(of: "total: 10", with: "total: 10\nrounding: {places: 2, mode: half-up}"),
            field: "rounding.mode", loaderField: "rounding"),
    ]

    @Test(arguments: structurallyBroken)
    func aRubricBrokenInStructureIsRefusedByTheSchemaAndTheLoader(_ broken: BrokenRubric) throws {
        let found = try Self.violations(broken.yaml)
        #expect(found.flatMap(\.allPaths).contains(broken.field), "schema: \(found.map(\.description).joined(separator: "\n"))")
        let problems = Self.loaderProblems(broken.yaml)
        #expect(!problems.isEmpty, "the loader accepts it")
        let loaderField = broken.loaderField ?? broken.field
        #expect(problems.map(\.field).contains(loaderField), "loader: \(problems.map(\.description))")
    }

    /// A YAML syntax error is the parser's to report: no schema ever sees the file.
    @Test func aSyntaxErrorNeverReachesTheSchema() {
        let text = miniRubric.replacingOccurrences(of: "title: 节", with: "title: [节")
        #expect(throws: (any Error).self) { try YAMLToJSON.value(of: text) }
        #expect(Self.loaderProblems(text).first?.message.contains("语法错误") == true)
    }

    // MARK: Broken in meaning: the schema accepts, the loader or lint refuses

    /// What refuses a rubric that is well formed but wrong.
    enum Refusal: Sendable {
        /// Loading fails with a message containing this.
        case load(String)
        /// Lint finds this code (quotes checked against `source` when given).
        case lint(String, source: String? = nil)
    }

    struct WrongRubric: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        var refusal: Refusal
        var testDescription: String { name }
    }

    static func lintRubric(_ tiers: String, type: String = "count") -> String { LintTests.rubric(tiers: tiers, type: type) }

    static let wrongInMeaning: [WrongRubric] = [
        // From RubricLoadingTests.
        WrongRubric(name: "an uncapped item that could exceed its maximum", yaml: String(miniRubric.split(separator: "        caps:")[0]), refusal: .load("须加上限")),
        WrongRubric(name: "a cap above the maximum", yaml: miniRubric.replacingOccurrences(of: "{points: 10, cite", with: "{points: 12, cite"), refusal: .load("超过满分 10")),
        WrongRubric(name: "points that do not add up", yaml: miniRubric.replacingOccurrences(of: "total: 10", with: "total: 100"), refusal: .load("与总分 100 不符")),
        WrongRubric(name: "an undefined input", yaml: miniRubric.replacingOccurrences(of: "{input: n, every", with: "{input: m, every"), refusal: .load("未定义的输入「m」")),
        WrongRubric(
            name: "an undefined interpretation",
            yaml: miniRubric.replacingOccurrences(of: "partial_step: floor", with: "partial_step: floor\n            interpretations: [AMBIG-99]"),
            refusal: .load("未定义的解释「AMBIG-99」")),
        // From LintTests.
        WrongRubric(name: "a gap between tiers", yaml: lintRubric("                  - {at_least: 1, at_most: 4, points: 3}\n                  - {at_least: 6, at_most: 8, points: 5}"), refusal: .lint("tier.gap")),
        WrongRubric(
            name: "a gap only non-integers fall into",
            yaml: lintRubric("                  - {at_least: 100, points: 5}\n                  - {at_least: 80, at_most: 99, points: 3}\n                  - {less_than: 80, points: 0}", type: "percent"),
            refusal: .lint("tier.gap-non-integer")),
        WrongRubric(name: "overlapping tiers", yaml: lintRubric("                  - {at_least: 0, at_most: 10, points: 3}\n                  - {at_least: 10, points: 5}"), refusal: .lint("tier.overlap")),
        WrongRubric(
            name: "an unreachable tier",
            yaml: lintRubric("                  - {at_least: 0, at_most: 5, points: 1}\n                  - {at_least: 3, at_most: 4, points: 2}\n                  - {more_than: 5, points: 5}"),
            refusal: .lint("tier.unreachable")),
        WrongRubric(name: "a cap below a tier", yaml: lintBase.replacingOccurrences(of: "            input: x", with: "            input: x\n            cap: 4"), refusal: .lint("cap.below-tier")),
        WrongRubric(
            name: "an item that cannot reach its maximum",
            yaml: lintRubric("                  - {at_least: 0, at_most: 4, points: 3}\n                  - {more_than: 4, points: 4}"), refusal: .lint("item.max-unreachable")),
        WrongRubric(name: "a quote not in the source", yaml: lintBase, refusal: .lint("quote.not-in-source", source: "项")),
        WrongRubric(
            name: "an inverted validity window",
            yaml: LintTests.rubric(tiers: "                  - {at_least: 0, points: 5}", extra: "effective: {from: 2024-01-01, to: 2023-12-31}"),
            refusal: .load("晚于截止")),
        WrongRubric(
            name: "sections that do not add up to the total",
            yaml: LintTests.rubric(tiers: "                  - {at_least: 0, points: 5}").replacingOccurrences(of: "total: 5", with: "total: 6"), refusal: .load("与总分 6 不符")),
        // From HostileInputTests.
        WrongRubric(name: "a derived value computed from itself", yaml: HostileInputTests.loopingSchedule, refusal: .load("计算值循环引用：share → share")),
        WrongRubric(
            name: "a measure that is a share of itself",
            yaml: HostileInputTests.loopingSchedule.replacingOccurrences(of: "numerator: [share]", with: "numerator: [cost]")
                .replacingOccurrences(of: "amount: {fixed: 1万}", with: "amount: {percent_of_measure: {measure: M1, rate: 30}}"),
            refusal: .load("项目金额循环引用：M1 → M1")),
        WrongRubric(
            name: "a scorecard derived value computed from a derived value",
            yaml: miniRubric.replacingOccurrences(of: "sections:", with: "derived:\n  - {id: rate, label: 比例, numerator: [rate], denominator: [n], cite: {clause: 甲, text: 项}}\nsections:"),
            refusal: .load("计算值「rate」不能用在这里")),
        WrongRubric(name: "a chain of 40 derived values", yaml: derivedChain(40), refusal: .load("超过 32 层")),
    ]

    /// `loopingSchedule` with a chain of `length` derived values, each computed from the next.
    static func derivedChain(_ length: Int) -> String {
        var chain = ""
        for index in 0..<length {
            chain += "  - {id: d\(index), label: 值\(index), numerator: [\(index == length - 1 ? "cost" : "d\(index + 1)")], denominator: [cost], cite: {clause: 第一条, text: 按比例}}\n"
        }
        return HostileInputTests.loopingSchedule.replacingOccurrences(
            of: "  - id: share\n    label: 比例\n    numerator: [share]\n    denominator: [cost]\n    cite: {clause: 第一条, text: 按比例}\n", with: chain
        ).replacingOccurrences(of: "input: share", with: "input: d0")
    }

    @Test(arguments: wrongInMeaning)
    func aRubricWrongInMeaningPassesTheSchemaButNotTheLoaderOrLint(_ wrong: WrongRubric) throws {
        let found = try Self.violations(wrong.yaml)
        #expect(found.isEmpty, "\(found.map(\.description).joined(separator: "\n"))")
        switch wrong.refusal {
        case .load(let message):
            let problems = Self.loaderProblems(wrong.yaml)
            #expect(problems.contains { $0.message.contains(message) }, "\(problems.map(\.description))")
        case .lint(let code, let source):
            let rubric = try Rubric.load(bytes: Array(wrong.yaml.utf8), file: "t.yaml")
            let codes = RubricLint.check(rubric, file: "t.yaml", source: source).filter { $0.acknowledged == nil }.map(\.code)
            #expect(codes.contains(code), "\(codes)")
        }
    }

    /// Two versions of a policy with a gap between their validity windows (LintTests' series case).
    @Test func aGapBetweenVersionsPassesTheSchemaButNotLint() throws {
        func schedule(_ id: String, _ from: String, _ to: String) -> String {
            """
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
        }
        let texts = [("a", schedule("a", "2021-01-01", "2021-12-31")), ("b", schedule("b", "2022-01-30", "2024-12-31"))]
        for (_, text) in texts { #expect(try Self.violations(text).isEmpty) }
        let rubrics = try texts.map { ($0.0, try Rubric.load(bytes: Array($0.1.utf8), file: "\($0.0).yaml")) }
        #expect(RubricLint.checkSeries(rubrics).map(\.code) == ["validity.gap"])
    }

    // MARK: The schemas stay in step with the code and the documentation

    /// Every lint code the sources can report may be acknowledged, and nothing else.
    @Test func theAcknowledgeableCodesAreTheLintCodes() throws {
        var fromSources: Set<String> = []
        let pattern = /(?:code: |\.warning, |\.error, |\.info, )"([a-z]+\.[a-z-]+)"/
        for path in packageFiles(in: "Sources/Scoring/Lint", extensions: ["swift"]) {
            for match in try packageText(path).matches(of: pattern) { fromSources.insert(String(match.output.1)) }
        }
        let common = try #require(try Self.validator().documents["common.schema.json"])
        let listed = Self.strings(at: ["$defs", "lintAcknowledgement", "properties", "code", "enum"], in: common)
        #expect(fromSources.count >= 11)
        #expect(Set(listed) == fromSources)
    }

    /// Every key an editor can complete is explained in docs/rubric-format.md or docs/schedule-format.md.
    @Test func everyKeyInTheSchemasIsDocumented() throws {
        let docs = try packageText("docs/rubric-format.md") + packageText("docs/schedule-format.md")
        var keys: Set<String> = []
        for (_, document) in try Self.validator().documents { Self.collectPropertyNames(document, into: &keys) }
        #expect(keys.count > 100)
        let missing = keys.filter { key in docs.range(of: "(?<![A-Za-z_])\(key)(?![A-Za-z_])", options: .regularExpression) == nil }
        #expect(missing.isEmpty, "not documented: \(missing.sorted())")
    }

    /// Every description an editor shows is in Chinese and in English.
    @Test func everyDescriptionIsInChineseAndEnglish() throws {
        var descriptions: [String] = []
        for (_, document) in try Self.validator().documents { Self.collectDescriptions(document, into: &descriptions) }
        #expect(descriptions.count > 100)
        let oneLanguage = descriptions.filter { text in
            !(text.contains(" / ") || text.contains("。/ ")) || !text.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }
        }
        #expect(oneLanguage.isEmpty, "\(oneLanguage)")
    }

    static func strings(at path: [String], in value: JSONValue) -> [String] {
        var node = value
        for key in path {
            guard case .object(let members) = node, let next = members.first(where: { $0.0 == key })?.1 else { return [] }
            node = next
        }
        guard case .array(let values) = node else { return [] }
        return values.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }

    static func collectPropertyNames(_ value: JSONValue, into keys: inout Set<String>) {
        switch value {
        case .object(let members):
            for (key, member) in members {
                if key == "properties", case .object(let properties) = member { keys.formUnion(properties.map(\.0)) }
                collectPropertyNames(member, into: &keys)
            }
        case .array(let values): values.forEach { collectPropertyNames($0, into: &keys) }
        default: break
        }
    }

    static func collectDescriptions(_ value: JSONValue, into descriptions: inout [String]) {
        switch value {
        case .object(let members):
            for (key, member) in members {
                if key == "description" || key == "title", case .string(let text) = member { descriptions.append(text) }
                collectDescriptions(member, into: &descriptions)
            }
        case .array(let values): values.forEach { collectDescriptions($0, into: &descriptions) }
        default: break
        }
    }
}

/// The validator itself, on schemas small enough to check by eye.
@Suite("JSON Schema validator (test support)")
struct JSONSchemaValidatorTests {
    /// Validates `value` (YAML) against `schema` (JSON), with `others` as further documents.
    static func violations(_ value: String, _ schema: String, others: [String: String] = [:]) throws -> [JSONSchemaValidator.Violation] {
        var documents = ["test.json": try YAMLToJSON.value(of: schema)]
        for (name, text) in others { documents[name] = try YAMLToJSON.value(of: text) }
        return try JSONSchemaValidator(documents: documents).validate(try YAMLToJSON.value(of: value), against: "test.json")
    }

    @Test func scalarsAreReadAsYAMLCoreSchemaReadsThem() throws {
        let value = try YAMLToJSON.value(of: "{a: 1.50, b: '1', c: yes, d: true, e: ~, f: 20万, g: 2022-01-30, h: -3}")
        #expect(
            value
                == .object([
                    ("a", .number("1.50")), ("b", .string("1")), ("c", .string("yes")), ("d", .bool(true)), ("e", .null),
                    ("f", .string("20万")), ("g", .string("2022-01-30")), ("h", .number("-3")),
                ]))
    }

    @Test func typesAreChecked() throws {
        let schema = #"{"type": "integer"}"#
        #expect(try Self.violations("3", schema).isEmpty)
        #expect(try Self.violations("3.0", schema).isEmpty)
        #expect(try Self.violations("3.5", schema).map(\.message) == ["应为 / expected integer，实为 number"])
        #expect(try Self.violations("'3'", schema).count == 1)
        #expect(try Self.violations("3.5", #"{"type": ["number", "string"]}"#).isEmpty)
    }

    @Test func requiredAndUnknownKeysAreNamed() throws {
        let schema = #"{"type": "object", "properties": {"a": {"type": "object", "properties": {"b": true}, "required": ["b"], "additionalProperties": false}}}"#
        let found = try Self.violations("{a: {c: 1}}", schema)
        #expect(found.map(\.path).sorted() == ["a.b", "a.c"])
        #expect(found.map(\.message).sorted() == ["未知的键 / unknown key", "缺少必填的键 / missing required key"].sorted())
        #expect(try Self.violations("{a: {b: 1}}", schema).isEmpty)
    }

    @Test func listsAreCheckedItemByItem() throws {
        let schema = #"{"type": "array", "items": {"enum": ["floor", "ceiling"]}, "minItems": 2}"#
        #expect(try Self.violations("[floor, ceiling]", schema).isEmpty)
        #expect(try Self.violations("[floor, round]", schema).map(\.path) == ["[1]"])
        #expect(try Self.violations("[floor]", schema).count == 1)
    }

    @Test func patternsSearchWithNSRegularExpression() throws {
        let money = #"{"type": ["number", "string"], "pattern": "^[0-9]+(?:\\.[0-9]+)?(?:万|亿)?元?$", "minimum": 0}"#
        #expect(try Self.violations("20万", money).isEmpty)
        #expect(try Self.violations("1.2亿元", money).isEmpty)
        #expect(try Self.violations("200000", money).isEmpty)
        #expect(try Self.violations("20万x", money).count == 1)
        #expect(try Self.violations("-5", money).map(\.message) == ["-5 小于最小值 0"])
        #expect(try Self.violations("{a: 1}", #"{"pattern": "^x$", "minimum": 0}"#).isEmpty, "pattern and minimum apply only to their types")
    }

    @Test func constAndEnumCompareNumbersByValue() throws {
        #expect(try Self.violations("1.0", #"{"const": 1}"#).isEmpty)
        #expect(try Self.violations("'1'", #"{"const": 1}"#).count == 1)
        #expect(try Self.violations("2", #"{"enum": [1, 3]}"#).count == 1)
    }

    @Test func oneOfNeedsExactlyOneAlternative() throws {
        let schema = #"{"oneOf": [{"type": "object", "required": ["a"]}, {"type": "object", "required": ["b"]}]}"#
        #expect(try Self.violations("{a: 1}", schema).isEmpty)
        let both = try Self.violations("{a: 1, b: 2}", schema)
        #expect(both.count == 1 && both[0].message.contains("同时符合 2 种"))
        let neither = try Self.violations("{c: 1}", schema)
        #expect(neither.count == 1 && neither[0].closest.map(\.path) == ["a"])
    }

    @Test func anyOfAllOfAndNot() throws {
        let schema = #"{"anyOf": [{"required": ["a"]}, {"required": ["b"]}], "not": {"required": ["a", "b"]}, "allOf": [{"type": "object"}]}"#
        #expect(try Self.violations("{a: 1}", schema).isEmpty)
        #expect(try Self.violations("{b: 1}", schema).isEmpty)
        #expect(try Self.violations("{a: 1, b: 2}", schema).count == 1)
        #expect(try Self.violations("{c: 1}", schema).count == 1)
        #expect(try Self.violations("[c]", schema).count == 2)
    }

    @Test func referencesReachDefsHereAndInOtherFiles() throws {
        let schema = ##"{"$defs": {"x": {"type": "string"}}, "properties": {"a": {"$ref": "#/$defs/x"}, "b": {"$ref": "other.json#/$defs/y"}}}"##
        let other = ##"{"$defs": {"y": {"$ref": "#/$defs/z"}, "z": {"type": "boolean"}}}"##
        #expect(try Self.violations("{a: text, b: true}", schema, others: ["other.json": other]).isEmpty)
        #expect(try Self.violations("{a: 1, b: 2}", schema, others: ["other.json": other]).map(\.path).sorted() == ["a", "b"])
    }

    @Test func anUnsupportedKeywordIsAnErrorNotASilentPass() throws {
        #expect(throws: JSONSchemaValidator.SchemaError.self) { try Self.violations("1", #"{"multipleOf": 2}"#) }
        #expect(throws: JSONSchemaValidator.SchemaError.self) { try Self.violations("1", ##"{"$ref": "#/$defs/missing"}"##) }
    }
}
