import Foundation
import Testing

@testable import Scoring
@testable import score_cli

/// Inputs written to hurt: each gives the exact message an officer reads (file, line, field), never
/// a crash, a hang or a silent default, and costs time and memory bounded by its size.
/// docs/hostile-inputs.md lists them with the exit code of the command line.
@Suite("Hostile inputs: an exact message each, in bounded time and memory", .timeLimit(.minutes(1)))
struct HostileInputTests {
    // MARK: Helpers

    /// Ten lines that stand for a billion values ("billion laughs"): each anchor lists the one
    /// before it nine times.
    static func laughs(indent: String) -> String {
        var lines = [indent + "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            lines.append(indent + "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// 100,000 nested `[`: far deeper than any parser should follow.
    static let deepBrackets = String(repeating: "[", count: 100_000)

    /// Every problem `body` reports, one line each, as the command line prints them.
    static func problems(_ body: () throws(FileProblems) -> Void) -> [String] {
        do {
            try body()
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    static func schedule(_ id: String) throws -> Schedule {
        try Schedule.load(bytes: try packageFile("rubrics/schedules/\(id).yaml"), file: "\(id).yaml")
    }

    static let ciie = "claim_id,applicant,date,measure,applicant_type,recognised,first_time_aeo,event_cost,store_cost,first_year_rent,approved_amount"

    /// Reads a claims file whole and decides it.
    static func decide(_ text: String, file: String = "claims.csv", schedule id: String = "ciie-trade-2021") throws -> SubsidyReport {
        let rules = try schedule(id)
        var calculator = SubsidyCalculator(schedule: rules)
        return calculator.run(try ClaimBatch.read(bytes: Array(text.utf8), file: file, schedule: rules), file: file)
    }

    /// A file in a fresh temporary folder, for the command line.
    static func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static func temporaryFile(_ name: String, _ text: String) throws -> String {
        try temporaryFile(name, Array(text.utf8))
    }

    /// Removes the temporary folder holding `path`.
    static func removeFolder(of path: String) {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
    }

    /// A small self-assessment for `proposal-handling-2022` with `inputs` as given.
    static func assessment(_ inputs: String) -> String {
        "rubric: proposal-handling-2022\nunit: 区卫生健康委\ninputs:\n" + inputs
    }

    static func scoreProblems(_ yaml: String) throws -> [String] {
        let rubric = try Scorecard.load(bytes: try packageFile("rubrics/scorecards/proposal-handling-2022.yaml"), file: "p")
        return problems { () throws(FileProblems) in _ = try rubric.score(try SelfAssessment.load(bytes: Array(yaml.utf8), file: "自评.yaml")) }
    }

    // MARK: Alias bombs and deep nesting

    /// A billion-laughs rubric is refused at the alias that would expand it, before anything walks it.
    @Test func aliasBombInARubricIsRefused() {
        let yaml = miniRubric + "\nlaughs:\n" + Self.laughs(indent: "  ")
        #expect(
            Self.problems { () throws(FileProblems) in _ = try scorecard(yaml, file: "bomb.yaml") } == [
                "bomb.yaml:33:12: laughs.l4[0]: 别名「*l3」展开后全文超过 10000 个值（可能是别名炸弹 billion laughs），已停止读取 / aliases expand too far"
            ])
    }

    /// A billion-laughs self-assessment is refused the same way.
    @Test func aliasBombInASelfAssessmentIsRefused() {
        let yaml = Self.assessment(Self.laughs(indent: "  ") + "  zhuban_count: *l9\n")
        #expect(
            Self.problems { () throws(FileProblems) in _ = try SelfAssessment.load(bytes: Array(yaml.utf8), file: "自评.yaml") } == [
                "自评.yaml:8:12: inputs.l4[0]: 别名「*l3」展开后全文超过 10000 个值（可能是别名炸弹 billion laughs），已停止读取 / aliases expand too far"
            ])
    }

    /// A billion-laughs YAML claims file is refused the same way.
    @Test func aliasBombInAClaimsFileIsRefused() throws {
        let yaml = "laughs:\n" + Self.laughs(indent: "  ") + "claims:\n  - {claim_id: Y1, applicant: *l9, date: 2021-12-30, measure: P2}\n"
        let rules = try Self.schedule("ciie-trade-2021")
        #expect(
            Self.problems { () throws(FileProblems) in _ = try ClaimBatch.read(bytes: Array(yaml.utf8), file: "claims.yaml", schedule: rules) } == [
                "claims.yaml:6:12: laughs.l4[0]: 别名「*l3」展开后全文超过 10000 个值（可能是别名炸弹 billion laughs），已停止读取 / aliases expand too far"
            ])
    }

    /// An alias used as a key is refused: the parser would compare the expanded key with every other
    /// key, so a bomb as a key hung it (before this check, the run never ended).
    @Test func anAliasAsAKeyIsRefused() {
        let yaml = Self.laughs(indent: "") + "x: {*l9 : 1}\n"
        #expect(
            Self.problems { () throws(FileProblems) in _ = try SelfAssessment.load(bytes: Array(yaml.utf8), file: "自评.yaml") } == [
                "自评.yaml:5:10: l4[0]: 别名「*l3」展开后全文超过 10000 个值（可能是别名炸弹 billion laughs），已停止读取 / aliases expand too far"
            ])
        let small = Self.assessment("  zhuban_count: &n 7\n  *n : 1\n")
        #expect(
            Self.problems { () throws(FileProblems) in _ = try SelfAssessment.load(bytes: Array(small.utf8), file: "自评.yaml") } == [
                "自评.yaml:5:3: inputs.*n: 键不能是别名「*n」/ an alias cannot be a key"
            ])
        let twice = Self.assessment("  zhuban_count: &n 7\n  other: {*n : 1, *n : 2}\n")
        #expect(
            Self.problems { () throws(FileProblems) in _ = try SelfAssessment.load(bytes: Array(twice.utf8), file: "自评.yaml") } == [
                "自评.yaml:5:11: 键「*n」重复 / duplicate key"
            ])
        let hidden = Self.assessment("  zhuban_count: &n 7\n  list: [*n:*n]\n")
        #expect(
            Self.problems { () throws(FileProblems) in _ = try SelfAssessment.load(bytes: Array(hidden.utf8), file: "自评.yaml") } == [
                "自评.yaml:5:10: inputs.list[0]: YAML/JSON 语法错误：别名「*n:*n」写法不对（别名后应为空格、逗号或括号）/ malformed alias"
            ])
    }

    /// Aliases used sparingly still work: the guard refuses bombs, not anchors.
    @Test func aModestAliasStillReads() throws {
        let plain = try packageText("examples/scorecards/typical-unit.yaml")
        let aliased = plain.replacingOccurrences(of: "  zhuban_count: 7", with: "  zhuban_count: &seven 7")
            .replacingOccurrences(of: "  huiban_count: 7", with: "  huiban_count: *seven")
        #expect(aliased != plain && aliased.contains("*seven"))
        let rubric = try Scorecard.load(bytes: try packageFile("rubrics/scorecards/proposal-handling-2022.yaml"), file: "p")
        let expected = try rubric.score(try SelfAssessment.load(bytes: Array(plain.utf8), file: "a.yaml"))
        let actual = try rubric.score(try SelfAssessment.load(bytes: Array(aliased.utf8), file: "a.yaml"))
        #expect(actual.total == expected.total)
    }

    /// 100,000 nested `[` in a rubric stop at the parser's limit of 1000 levels, with the line.
    @Test func deepNestingInARubricIsRefused() {
        let yaml = miniRubric.replacingOccurrences(of: "title: 测试评分表", with: "title: " + Self.deepBrackets)
        #expect(
            Self.problems { () throws(FileProblems) in _ = try scorecard(yaml, file: "deep.yaml") } == [
                "deep.yaml:5:9: 嵌套超过 1000 层，已停止读取 / nesting too deep"
            ])
    }

    /// 100,000 nested `[` in a self-assessment stop the same way.
    @Test func deepNestingInASelfAssessmentIsRefused() {
        let yaml = Self.assessment("  zhuban_count: " + Self.deepBrackets + "\n")
        #expect(
            Self.problems { () throws(FileProblems) in _ = try SelfAssessment.load(bytes: Array(yaml.utf8), file: "自评.yaml") } == [
                "自评.yaml:4:18: 嵌套超过 1000 层，已停止读取 / nesting too deep"
            ])
    }

    /// 100,000 nested `[` in a claims file, and 100,000 nested block lists (`- - - …`), stop the same way.
    @Test func deepNestingInAClaimsFileIsRefused() throws {
        let rules = try Self.schedule("ciie-trade-2021")
        let flow = "claims: " + Self.deepBrackets + "\n"
        #expect(
            Self.problems { () throws(FileProblems) in _ = try ClaimBatch.read(bytes: Array(flow.utf8), file: "claims.yaml", schedule: rules) } == [
                "claims.yaml:1:10: 嵌套超过 1000 层，已停止读取 / nesting too deep"
            ])
        let block = "claims:\n" + String(repeating: "- ", count: 100_000) + "x\n"
        #expect(
            Self.problems { () throws(FileProblems) in _ = try ClaimBatch.read(bytes: Array(block.utf8), file: "claims.yaml", schedule: rules) } == [
                "claims.yaml:2:1999: 嵌套超过 1000 层，已停止读取 / nesting too deep"
            ])
    }

    /// The command line gives the alias bomb and the deep file exit code 65 and one line each.
    @Test func theCommandLineReportsBombsAsMalformedInput() throws {
        let bomb = try Self.temporaryFile("bomb.yaml", Self.assessment(Self.laughs(indent: "  ") + "  zhuban_count: *l9\n"))
        defer { Self.removeFolder(of: bomb) }
        let score = try run(["score", bomb])
        #expect(score.status == 65)
        #expect(score.output.isEmpty)
        #expect(score.errors == ["\(bomb):8:12: inputs.l4[0]: 别名「*l3」展开后全文超过 10000 个值（可能是别名炸弹 billion laughs），已停止读取 / aliases expand too far"])
        let deep = try Self.temporaryFile("deep.yaml", miniRubric.replacingOccurrences(of: "title: 测试评分表", with: "title: " + Self.deepBrackets))
        defer { Self.removeFolder(of: deep) }
        let lint = try run(["lint", deep])
        #expect(lint.status == 65)
        #expect(lint.errors == ["\(deep):5:9: 嵌套超过 1000 层，已停止读取 / nesting too deep"])
        let claims = try Self.temporaryFile("claims.yaml", "claims: " + Self.deepBrackets + "\n")
        defer { Self.removeFolder(of: claims) }
        let subsidy = try run(["subsidy", claims, "--schedule", "ciie-trade-2021"])
        #expect(subsidy.status == 65)
        #expect(subsidy.errors == ["\(claims):1:10: 嵌套超过 1000 层，已停止读取 / nesting too deep"])
    }

    /// A key given twice is named with its line, in one line (the parser's own message quoted the whole file).
    @Test func aDuplicateKeyIsOneLineWithItsLine() {
        let yaml = Self.assessment("  zhuban_count: 7\n  zhuban_count: 8\n")
        #expect(
            Self.problems { () throws(FileProblems) in _ = try SelfAssessment.load(bytes: Array(yaml.utf8), file: "自评.yaml") } == [
                "自评.yaml:4:3: 键「zhuban_count」重复 / duplicate key"
            ])
    }

    // MARK: Rubrics that refer to themselves

    static let loopingSchedule = """
        schema_version: 1
        kind: schedule
        id: loop
        version: "1"
        title: 测试政策
        document: 测试〔2022〕1号
        source: {file: source.txt, title: 测试}
        inputs:
          - {id: cost, label: 费用, type: money}
        derived:
          - id: share
            label: 比例
            numerator: [share]
            denominator: [cost]
            cite: {clause: 第一条, text: 按比例}
        measures:
          - id: M1
            title: 项目一
            cite: {clause: 第一条, text: 给予支持}
            eligible:
              - {when: {input: share, at_least: 1}, label: 比例至少为 1}
            amount: {fixed: 1万}
        """

    /// A derived value computed from itself is refused at load (before: the first claim overflowed the stack).
    @Test func aDerivedValueComputedFromItselfIsRefused() {
        #expect(
            Self.problems { () throws(FileProblems) in _ = try Schedule.load(bytes: Array(Self.loopingSchedule.utf8), file: "loop.yaml") } == [
                "loop.yaml:11:5: derived[0]: 计算值循环引用：share → share"
            ])
        let twoStep = Self.loopingSchedule.replacingOccurrences(
            of: "    numerator: [share]\n    denominator: [cost]\n    cite: {clause: 第一条, text: 按比例}",
            with: """
                    numerator: [other]
                    denominator: [cost]
                    cite: {clause: 第一条, text: 按比例}
                  - {id: other, label: 另一比例, numerator: [share], denominator: [cost], cite: {clause: 第一条, text: 按比例}}
                """)
        #expect(
            Self.problems { () throws(FileProblems) in _ = try Schedule.load(bytes: Array(twoStep.utf8), file: "loop.yaml") } == [
                "loop.yaml:11:5: derived[0]: 计算值循环引用：share → other → share"
            ])
    }

    /// A chain of 10,000 derived values, each computed from the next, is refused (it would overflow the stack when computed).
    @Test func aVeryLongChainOfDerivedValuesIsRefused() {
        var chain = ""
        for index in 0..<10_000 {
            chain += "  - {id: d\(index), label: 值\(index), numerator: [\(index == 9_999 ? "cost" : "d\(index + 1)")], denominator: [cost], cite: {clause: 第一条, text: 按比例}}\n"
        }
        let yaml = Self.loopingSchedule.replacingOccurrences(
            of: "  - id: share\n    label: 比例\n    numerator: [share]\n    denominator: [cost]\n    cite: {clause: 第一条, text: 按比例}\n",
            with: chain
        ).replacingOccurrences(of: "input: share", with: "input: d0")
        #expect(
            Self.problems { () throws(FileProblems) in _ = try Schedule.load(bytes: Array(yaml.utf8), file: "chain.yaml") } == [
                "chain.yaml:11:5: derived[0]: 计算值层层引用其他计算值，超过 32 层"
            ])
    }

    /// A measure whose amount is a share of itself is refused, as is a share of a share.
    @Test func aMeasureThatIsAShareOfItselfIsRefused() {
        let selfShare = Self.loopingSchedule.replacingOccurrences(of: "numerator: [share]", with: "numerator: [cost]")
            .replacingOccurrences(of: "amount: {fixed: 1万}", with: "amount: {percent_of_measure: {measure: M1, rate: 30}}")
        #expect(
            Self.problems { () throws(FileProblems) in _ = try Schedule.load(bytes: Array(selfShare.utf8), file: "loop.yaml") } == [
                "loop.yaml:22:13: measures[0].amount: 项目金额循环引用：M1 → M1"
            ])
        let chained = selfShare.replacingOccurrences(of: "measure: M1, rate: 30", with: "measure: M2, rate: 30") + """

              - id: M2
                title: 项目二
                cite: {clause: 第一条, text: 给予支持}
                amount: {percent_of_measure: {measure: M3, rate: 50}}
              - id: M3
                title: 项目三
                cite: {clause: 第一条, text: 给予支持}
                amount: {fixed: 1万}
            """
        #expect(
            Self.problems { () throws(FileProblems) in _ = try Schedule.load(bytes: Array(chained.utf8), file: "loop.yaml") } == [
                "loop.yaml:22:13: measures[0].amount: 项目「M2」的金额本身按项目「M3」计算；按另一项目金额计算只能引用一层"
            ])
    }

    /// A scorecard's derived value cannot be computed from a derived value, itself included.
    @Test func aScorecardDerivedValueComputedFromItselfIsRefused() {
        let yaml = miniRubric.replacingOccurrences(
            of: "sections:",
            with: "derived:\n  - {id: rate, label: 比例, numerator: [rate], denominator: [n], cite: {clause: 甲, text: 项}}\nsections:")
        #expect(
            Self.problems { () throws(FileProblems) in _ = try scorecard(yaml, file: "loop.yaml") } == [
                "loop.yaml:12:5: derived[0]: 计算值「rate」不能用在这里"
            ])
    }

    /// A rubric whose source file is itself would have every quote "found"; lint says it cannot check them.
    @Test func aRubricThatIsItsOwnSourceFailsLint() throws {
        let path = try Self.temporaryFile("mini.yaml", miniRubric.replacingOccurrences(of: "file: none.txt", with: "file: mini.yaml"))
        defer { Self.removeFolder(of: path) }
        let result = try run(["lint", path])
        #expect(result.status == 1)
        #expect(result.errors.isEmpty)
        #expect(result.output == "\(path):7:9: error quote.source-is-rubric source.file：原文文件「mini.yaml」就是本文件，引文无从核对（应指向公报原文）\n")
    }

    /// A self-assessment naming itself as its rubric is reported as a file that is not a rubric.
    @Test func aSelfAssessmentThatNamesItselfAsItsRubric() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("自评.yaml").path
        try Data("rubric: \(path)\nunit: 甲\ninputs: {}\n".utf8).write(to: URL(fileURLWithPath: path))
        let result = try run(["score", path])
        #expect(result.status == 65)
        #expect(result.errors == ["\(path):1:1: schema_version: 缺少必填的键 / missing required key"])
    }

    // MARK: Bytes that are not text

    /// Invalid UTF-8, a NUL byte and an empty file, as a rubric, a self-assessment and a YAML claims file.
    @Test(arguments: [
        ([UInt8]([0x74, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]), "文件不是有效的 UTF-8 编码（请另存为 UTF-8） / not valid UTF-8"),
        ([UInt8]([0x74, 0x3A, 0x20, 0x61, 0x00, 0x0A]), "文件含有 NUL 字节（第 5 字节），不是文本文件 / contains a NUL byte"),
        ([UInt8](), "文件为空 / the file is empty"),
        ([UInt8]([0xEF, 0xBB, 0xBF, 0x20, 0x0A]), "文件为空 / the file is empty"),
    ])
    func bytesThatAreNotTextAreRefusedEverywhere(_ bytes: [UInt8], _ message: String) throws {
        #expect(Self.problems { () throws(FileProblems) in _ = try Rubric.load(bytes: bytes, file: "r.yaml") } == ["r.yaml: \(message)"])
        #expect(Self.problems { () throws(FileProblems) in _ = try SelfAssessment.load(bytes: bytes, file: "a.yaml") } == ["a.yaml: \(message)"])
        let rules = try Self.schedule("ciie-trade-2021")
        #expect(
            Self.problems { () throws(FileProblems) in _ = try ClaimBatch.read(bytes: bytes, file: "c.yaml", schedule: rules) } == ["c.yaml: \(message)"])
    }

    /// In a claims CSV, a NUL byte and an empty file refuse the file; invalid UTF-8 rejects the row, naming its cell.
    @Test func bytesThatAreNotTextInACSV() throws {
        let rules = try Self.schedule("ciie-trade-2021")
        func read(_ bytes: [UInt8]) throws(FileProblems) -> ClaimBatch { try ClaimBatch.read(bytes: bytes, file: "c.csv", schedule: rules) }
        #expect(Self.problems { () throws(FileProblems) in _ = try read([]) } == ["c.csv: 文件为空：应有表头行和至少一行申请"])
        #expect(Self.problems { () throws(FileProblems) in _ = try read(Array("claim_id\n\0".utf8)) } == ["c.csv: 文件含有 NUL 字节（第 10 字节），不是文本文件"])
        let bad = Array((Self.ciie + "\nA,").utf8) + [0xC4, 0xE3] + Array(",2021-12-30,P2,企业,,true,,,,\nB,乙,2021-12-30,P2,企业,,true,,,,\n".utf8)
        let batch = try read(bad)
        #expect(batch.claims.map(\.id) == ["B"])
        #expect(
            batch.problems.map(\.description) == [
                "c.csv:2:2: applicant: 不是有效的 UTF-8 编码（在 Excel 中另存为“CSV UTF-8”） / not valid UTF-8", "c.csv:2:1: applicant: 缺少申请单位",
            ])
        let badHeader = [0xC9, 0xEA] + Array(",applicant\nA,B\n".utf8)
        #expect(Self.problems { () throws(FileProblems) in _ = try read(badHeader) } == ["c.csv: 文件不是有效的 UTF-8 编码（在 Excel 中另存为“CSV UTF-8”） / not valid UTF-8"])
    }

    /// A ledger (last run's output) is checked as UTF-8 in the cells it reads: a bad byte in its long
    /// reasons column costs nothing, the first bad cell read refuses the file naming that cell (a file
    /// saved in another encoding is wrong on every row), and a bad header refuses it whole.
    @Test func aLedgerIsCheckedAsUTF8InTheCellsItReads() throws {
        let rules = try Self.schedule("ciie-trade-2021")
        func read(_ bytes: [UInt8]) throws(FileProblems) -> [PriorAward] { try PriorAwards.read(bytes: bytes, file: "ledger.csv", schedule: rules) }
        let header = Array("claim_id,applicant,date,measure,amount,reasons\n".utf8)
        let gbk: [UInt8] = [0xC4, 0xE3]
        let badReason = header + Array("X,甲,2022-01-10,P2,10万,".utf8) + gbk + Array("\n".utf8)
        #expect(try read(badReason).map(\.applicant) == ["甲"])
        let badApplicants =
            header + Array("X,".utf8) + gbk + Array(",2022-01-10,P2,10万,\nY,乙,2022-01-10,P2,10万,\nZ,".utf8) + gbk + Array(",2022-01-10,P2,10万,\n".utf8)
        #expect(
            Self.problems { () throws(FileProblems) in _ = try read(badApplicants) } == [
                "ledger.csv:2:2: applicant: 不是有效的 UTF-8 编码（在 Excel 中另存为“CSV UTF-8”） / not valid UTF-8"
            ])
        let badAmount = header + Array("X,甲,2022-01-10,P2,10".utf8) + gbk + Array(",\n".utf8)
        #expect(
            Self.problems { () throws(FileProblems) in _ = try read(badAmount) } == [
                "ledger.csv:2:5: amount: 不是有效的 UTF-8 编码（在 Excel 中另存为“CSV UTF-8”） / not valid UTF-8"
            ])
        let badHeader = [0xC9, 0xEA] + Array(",applicant,date,measure,amount\nX,甲,2022-01-10,P2,10万\n".utf8)
        #expect(
            Self.problems { () throws(FileProblems) in _ = try read(badHeader) } == [
                "ledger.csv: 文件不是有效的 UTF-8 编码（在 Excel 中另存为“CSV UTF-8”） / not valid UTF-8"
            ])
    }

    // MARK: CSV claims

    /// A quote opened and never closed refuses the file, naming the line it opened on.
    @Test func anUnbalancedQuoteRefusesTheFile() throws {
        #expect(throws: FileProblems.self) { try Self.decide(Self.ciie + "\nA,\"甲,2021-12-30,P2,企业,,true,,,,\nB,乙,2021-12-30,P2,企业,,true,,,,\n") }
        let rules = try Self.schedule("ciie-trade-2021")
        let csv = Array((Self.ciie + "\nA,\"甲,2021-12-30,P2,企业,,true,,,,\nB,乙,2021-12-30,P2,企业,,true,,,,\n").utf8)
        #expect(
            Self.problems { () throws(FileProblems) in _ = try ClaimBatch.read(bytes: csv, file: "c.csv", schedule: rules) } == [
                "c.csv:2:1: 引号没有闭合：从第 2 行开始的带引号字段直到文件末尾都没有结束"
            ])
    }

    /// A header naming a column twice refuses the file, naming both columns.
    @Test func aDuplicateColumnRefusesTheFile() throws {
        let rules = try Self.schedule("ciie-trade-2021")
        let csv = Array("claim_id,applicant,date,measure,applicant\nA,甲,2021-12-30,P2,乙\n".utf8)
        #expect(
            Self.problems { () throws(FileProblems) in _ = try ClaimBatch.read(bytes: csv, file: "c.csv", schedule: rules) } == [
                "c.csv:1:5: applicant: 列名重复（与第 2 列相同）"
            ])
    }

    /// Two columns for one field under different names (`applicant` and 申请单位) refuse the file too.
    @Test
    func twoNamesForOneColumnRefuseTheFile() throws {
        let rules = try Self.schedule("ciie-trade-2021")
        let csv = Array("claim_id,applicant,date,measure,申请单位\nA,甲,2021-12-30,P2,乙\n".utf8)
        #expect(
            Self.problems { () throws(FileProblems) in _ = try ClaimBatch.read(bytes: csv, file: "c.csv", schedule: rules) } == [
                "c.csv:1:5: 申请单位: 列名重复（与第 2 列 applicant 是同一列）"
            ])
    }

    /// A header without the required columns refuses the file once, at the header, not once per row.
    @Test
    func aHeaderWithoutRequiredColumnsRefusesTheFile() throws {
        let rules = try Self.schedule("ciie-trade-2021")
        let csv = Array("claim_id,applicant,applicant_type\nA,甲,企业\nB,乙,企业\n".utf8)
        #expect(
            Self.problems { () throws(FileProblems) in _ = try ClaimBatch.read(bytes: csv, file: "c.csv", schedule: rules) } == [
                "c.csv:1:1: 表头: 申请文件缺少列：date、measure"
            ])
    }

    /// A column that is neither fixed nor an input of the schedule rejects each row that fills it in.
    @Test func anUnknownColumnRejectsTheRowsThatUseIt() throws {
        let report = try Self.decide(Self.ciie + ",colour\nA,甲,2021-12-30,P2,企业,,true,,,,,red\nB,乙,2021-12-30,P2,企业,,true,,,,,\n")
        #expect(report.results.map(\.claim.id) == ["B"])
        #expect(report.problems.map(\.description) == ["claims.csv:2:12: colour: 未知的列：不是固定列，也不是本政策的输入项"])
    }

    // MARK: Numbers, dates and ids

    /// An amount with more digits than exact arithmetic keeps is named as such, not as unreadable.
    @Test func anAmountBeyondInt64IsRefusedWithItsCell() throws {
        let report = try Self.decide(
            Self.ciie + "\nA,甲,2021-12-30,P7,企业,true,,99999999999999999999,,,\nB,乙,2021-12-30,P7,企业,true,,\"92,233,720,368,547,758.08\",,,\n"
                + "C,丙,2021-12-30,P7,企业,true,,9999999999999亿,,,\nD,丁,2021-12-30,P7,企业,true,,30万,,,99999999999999999999\n")
        #expect(
            report.problems.map(\.description) == [
                "claims.csv:2:8: event_cost: 「活动费用」金额超出可精确计算的范围（最多 18 位有效数字），实为「99999999999999999999」",
                "claims.csv:3:8: event_cost: 「活动费用」金额超出可精确计算的范围（最多 18 位有效数字），实为「92,233,720,368,547,758.08」",
                "claims.csv:4:8: event_cost: 「活动费用」金额超出可精确计算的范围（最多 18 位有效数字），实为「9999999999999亿」",
                "claims.csv:5:11: approved_amount: 金额「99999999999999999999」无法识别（写作 1200000、120万、1.2亿 或 1,200,000.00，不能为负）",
            ])
        #expect(report.rowsRejected == 4)
    }

    /// A count with more digits than exact arithmetic keeps, in a self-assessment, is named as such.
    @Test func aCountBeyondInt64InASelfAssessment() throws {
        let found = try Self.scoreProblems(Self.assessment("  zhuban_count: 99999999999999999999\n"))
        #expect(found.contains("自评.yaml:4:17: inputs.zhuban_count: 「主办件」数值超出可精确计算的范围（最多 18 位有效数字），实为「99999999999999999999」"))
    }

    /// A product that overflows (10^15 certifications × 1万) makes the claim "needs a decision" with the working.
    @Test func aProductThatOverflowsNeedsADecision() throws {
        let header = String(try packageText("examples/subsidies/quality-brand-ip-2021.csv").split(separator: "\n")[0])
        let columns = header.split(separator: ",").map(String.init)
        let values: [String: String] = [
            "claim_id": "O1", "applicant": "甲", "date": "2022-03-10", "measure": "R32", "applicant_type": "企业", "unit_in_good_standing": "是",
            "certifications": "1000000000000000",
        ]
        let row: String = columns.map { values[$0] ?? "" }.joined(separator: ",")
        let report = try Self.decide(header + "\n" + row + "\n", schedule: "quality-brand-ip-2021")
        let result = try #require(report.results.first { $0.claim.id == "O1" })
        #expect(result.status == ClaimResult.Status.needsDecision)
        #expect(result.amount == .zero)
        #expect(result.reasons == ["符合条件：申请人为单位；完成至少一个管理体系认证或自愿性产品认证", "数值超出可精确计算的范围：1000000000000000 × 10000"])
    }

    /// Totals that overflow (12 grants of 999,999,999,999,999,999 元) are reported, never dropped.
    @Test
    func totalsThatOverflowAreReported() throws {
        let report = try Self.decide(Self.overflowingGrants, schedule: "quality-brand-ip-2021")
        #expect(report.rowsRead == 12)
        #expect(
            report.problems.map(\.description) == [
                "claims.csv:11:1: amount: 给予金额合计超出可精确计算的范围（数值超出可精确计算的范围：8999999999999999991 + 999999999999999999），合计与汇总不完整"
            ])
    }

    /// Twelve claims under R20 (1:1 matching, no ceiling), each matching 999,999,999,999,999,999 元.
    static var overflowingGrants: String {
        let header = (try? packageText("examples/subsidies/quality-brand-ip-2021.csv").split(separator: "\n")[0]).map(String.init) ?? ""
        let columns = header.split(separator: ",").map(String.init)
        var csv = header + "\n"
        for index in 0..<12 {
            let values = [
                "claim_id": "T\(index + 10)", "applicant": "甲", "date": "2022-03-\(index + 10)", "measure": "R20", "applicant_type": "企业",
                "unit_in_good_standing": "是", "obtained": "是", "matched_amount": "999999999999999999",
            ]
            csv += columns.map { values[$0] ?? "" }.joined(separator: ",") + "\n"
        }
        return csv
    }

    /// Negative amounts and negative counts are refused with their cell.
    @Test func negativeAmountsAndCountsAreRefused() throws {
        let report = try Self.decide(Self.ciie + "\nA,甲,2021-12-30,P7,企业,true,,-5,,,\nB,乙,2021-12-30,P7,企业,true,,30万,,,-1\n")
        #expect(
            report.problems.map(\.description) == [
                "claims.csv:2:8: event_cost: 「活动费用」金额不能为负，实为 -5",
                "claims.csv:3:11: approved_amount: 金额「-1」无法识别（写作 1200000、120万、1.2亿 或 1,200,000.00，不能为负）",
            ])
        let found = try Self.scoreProblems(Self.assessment("  zhuban_count: -3\n"))
        #expect(found.contains("自评.yaml:4:17: inputs.zhuban_count: 「主办件」件数不能为负，实为 -3"))
    }

    /// 2022-02-30 is not a date, in a claim, a ledger or a rubric.
    @Test func theThirtiethOfFebruaryIsNotADate() throws {
        let report = try Self.decide(Self.ciie + "\nA,甲,2022-02-30,P2,企业,,true,,,,\n")
        #expect(report.problems.map(\.description) == ["claims.csv:2:3: date: 日期「2022-02-30」无法识别或不存在（写作 2022-03-01、2022/3/1 或 2022年3月1日）"])
        let rules = try Self.schedule("ciie-trade-2021")
        #expect(
            Self.problems { () throws(FileProblems) in
                _ = try PriorAwards.read(bytes: Array("claim_id,applicant,date,measure,amount\nX,甲,2022-02-30,P2,10万\n".utf8), file: "ledger.csv", schedule: rules)
            } == ["ledger.csv:2:3: date: 日期「2022-02-30」无法识别"])
        let rubric = miniRubric.replacingOccurrences(of: "title: 测试评分表", with: "title: 测试评分表\nissued: 2022-02-30")
        #expect(Self.problems { () throws(FileProblems) in _ = try scorecard(rubric, file: "r.yaml") } == ["r.yaml:6:9: issued: 应为日期（如 2022-01-30），实为「2022-02-30」"])
    }

    /// A measure the schedule does not have is named with the ones it does.
    @Test func anUnknownMeasureIsNamed() throws {
        let report = try Self.decide(Self.ciie + "\nA,甲,2021-12-30,P99,企业,,true,,,,\n")
        #expect(report.problems.map(\.description) == ["claims.csv:2:4: measure: 本政策没有项目「P99」（项目：P1、P2、P3、P4、P5、P6、P6-ext、P7、P8、P9、P10、P11）"])
    }

    /// An input id the rubric does not have is named, with the ids it may have meant.
    @Test func anUnknownInputIdIsNamed() throws {
        let found = try Self.scoreProblems(Self.assessment("  zhuban_count: 7\n  zhuban_cnt: 7\n"))
        #expect(found.contains("自评.yaml:5:15: inputs.zhuban_cnt: 评分表没有这个输入（是否指 zhuban_count、zhuban_overdue_count？）"))
    }

    // MARK: Quotes

    /// A quote that is not in the source is an error naming its line and field.
    @Test func aQuoteNotInItsSourceNamesItsLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("甲 项 每件加2分 最高12分\n".utf8).write(to: folder.appendingPathComponent("source.txt"))
        let path = folder.appendingPathComponent("mini.yaml").path
        try Data(miniRubric.replacingOccurrences(of: "file: none.txt", with: "file: source.txt").utf8).write(to: URL(fileURLWithPath: path))
        let result = try run(["lint", path])
        #expect(result.status == 1)
        #expect(
            result.output == "\(path):27:50: error quote.not-in-source 甲：引文「最高10分」不在原文 source.txt 中（sections[0].items[0].caps[0].cite.text）\n")
    }
}

/// Files far larger than any real one: read in time and memory that grow with the file, one at a time.
@Suite("Hostile inputs: very long lines", .serialized, .timeLimit(.minutes(1)))
struct HostileLongLineTests {
    static let megabytes = 100

    /// The longest line: `megabytes` MB of one character.
    static let long = [UInt8](repeating: UInt8(ascii: "x"), count: megabytes << 20)

    /// `before`, the long line, then `after`, as the bytes of a file.
    static func file(_ before: String, _ after: String) -> [UInt8] {
        var bytes = Array(before.utf8)
        bytes.reserveCapacity(bytes.count + long.count + after.utf8.count)
        bytes += long
        bytes += Array(after.utf8)
        return bytes
    }

    /// A self-assessment with a 100 MB unit name reads (the name is text) and is scored like any other.
    @Test func aHundredMegabyteLineInASelfAssessment() throws {
        let assessment = try SelfAssessment.load(bytes: Self.file("rubric: proposal-handling-2022\nunit: ", "\n"), file: "a.yaml")
        #expect(assessment.unit.utf8.count == Self.megabytes << 20)
    }

    /// A rubric with a 100 MB title is read once and refused for what it lacks.
    @Test func aHundredMegabyteLineInARubric() {
        let bytes = Self.file("title: ", "\n")
        #expect(
            HostileInputTests.problems { () throws(FileProblems) in _ = try Rubric.load(bytes: bytes, file: "r.yaml") } == [
                "r.yaml:1:1: schema_version: 缺少必填的键 / missing required key"
            ])
    }

    /// 100 MB of spaces is an empty file, said at once (checking character by character took 10 s in a debug build).
    @Test func aHundredMegabytesOfSpacesIsAnEmptyFile() {
        let bytes = [UInt8](repeating: UInt8(ascii: " "), count: Self.megabytes << 20)
        #expect(HostileInputTests.problems { () throws(FileProblems) in _ = try SelfAssessment.load(bytes: bytes, file: "a.yaml") } == ["a.yaml: 文件为空 / the file is empty"])
    }

    /// A 20 MB line of `*` inside quotes is text, not aliases: the alias check reads it in linear time
    /// (20 MB, not 100: a file with a `*` that could start an alias is parsed twice, and 100 MB of them
    /// takes 4.8 s in a debug build, 1.8 s through the release command line).
    @Test func aTwentyMegabyteLineOfStarsIsText() throws {
        var bytes = Array("rubric: proposal-handling-2022\nunit: 甲\nnotes: {x: \"".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "*"), count: 20 << 20)
        bytes += Array("\"}\n".utf8)
        let assessment = try SelfAssessment.load(bytes: bytes, file: "a.yaml")
        #expect(assessment.notes["x"]?.utf8.count == 20 << 20)
    }

    /// A YAML claims file with a 100 MB applicant name is read.
    @Test func aHundredMegabyteLineInAYAMLClaimsFile() throws {
        let rules = try HostileInputTests.schedule("ciie-trade-2021")
        let bytes = Self.file("claims:\n  - {claim_id: Y1, applicant: ", ", date: 2021-12-30, measure: P2, applicant_type: 企业, first_time_aeo: 是}\n")
        let batch = try ClaimBatch.read(bytes: bytes, file: "c.yaml", schedule: rules)
        #expect(batch.claims.first?.applicant.utf8.count == Self.megabytes << 20)
    }

    /// A claims CSV read whole with a 100 MB applicant name is refused as a streamed one is, at its line.
    @Test func aHundredMegabyteLineInACSVReadWhole() throws {
        let rules = try HostileInputTests.schedule("ciie-trade-2021")
        let csv = Self.file(HostileInputTests.ciie + "\nA,", ",2021-12-30,P2,企业,,true,,,,\n")
        #expect(
            HostileInputTests.problems { () throws(FileProblems) in _ = try ClaimBatch.read(bytes: csv, file: "c.csv", schedule: rules) } == [
                "c.csv:2:1: 第 2 行超过 1 MB：申请表的一行不会这样长（是否缺少换行，或引号没有闭合？）"
            ])
    }

    /// A claims CSV streamed in blocks with a one-megabyte cell (a long but possible row) is decided.
    @Test func aOneMegabyteCellStreams() throws {
        let rules = try HostileInputTests.schedule("ciie-trade-2021")
        let csv = Array((HostileInputTests.ciie + "\nA," + String(repeating: "甲", count: 333_333) + ",2021-12-30,P2,企业,,true,,,,\n").utf8)
        var stream = SubsidyStream(calculator: SubsidyCalculator(schedule: rules), file: "c.csv", format: .csv, workers: 1)
        var start = 0
        while start < csv.count {
            _ = try stream.feed(csv[start..<min(start + (256 << 10), csv.count)], isLast: false)
            start += 256 << 10
        }
        _ = try stream.feed([UInt8](), isLast: true)
        let report = stream.finish().report
        #expect(report.rowsRead == 1)
        #expect(report.rowsRejected == 0)
    }

    /// A 100 MB applicant name in a YAML claims file is decided, and the text report of it is written in time.
    @Test
    func aHundredMegabyteNameDoesNotWidenEveryRow() throws {
        let rules = try HostileInputTests.schedule("ciie-trade-2021")
        var yaml = Self.file("claims:\n  - {claim_id: Y0, applicant: ", ", date: 2021-12-30, measure: P2, applicant_type: 企业, first_time_aeo: 是}\n")
        for index in 1...20 {
            yaml += Array("  - {claim_id: Y\(index), applicant: 乙\(index), date: 2021-12-30, measure: P2, applicant_type: 企业, first_time_aeo: 是}\n".utf8)
        }
        var calculator = SubsidyCalculator(schedule: rules)
        let report = calculator.run(try ClaimBatch.read(bytes: yaml, file: "c.yaml", schedule: rules), file: "c.yaml")
        #expect(report.results.count == 21)
        let text = report.rendered(.text)
        #expect(text.utf8.count < 3 * (Self.megabytes << 20), "the long name appears in the claim and the summary, and widens nothing else")
    }

    /// A 100 MB line streamed in blocks is refused at its line, in time and memory bounded by the block.
    @Test
    func aHundredMegabyteLineStreamedIsRefused() throws {
        let rules = try HostileInputTests.schedule("ciie-trade-2021")
        let csv = Self.file(HostileInputTests.ciie + "\nA,", ",2021-12-30,P2,企业,,true,,,,\n")
        var stream = SubsidyStream(calculator: SubsidyCalculator(schedule: rules), file: "c.csv", format: .csv, workers: 1)
        var start = 0
        var stopped: [String] = []
        do {
            while start < csv.count {
                _ = try stream.feed(csv[start..<min(start + (256 << 10), csv.count)], isLast: false)
                start += 256 << 10
            }
            _ = try stream.feed([UInt8](), isLast: true)
        } catch {
            if case .unreadable(let problems) = error { stopped = problems.problems.map(\.description) }
        }
        #expect(stopped == ["c.csv:2:1: 第 2 行超过 1 MB：申请表的一行不会这样长（是否缺少换行，或引号没有闭合？）"])
    }
}
