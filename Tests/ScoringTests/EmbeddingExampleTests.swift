import Foundation
import Scoring
import Testing

/// The worked example of Sources/Scoring/Scoring.docc/EmbeddingScoring.md, compiled and run: a
/// program that uses the `Scoring` library without the command line loads a scorecard and a
/// schedule from bytes, scores a self-assessment, decides claims, renders text and JSON, and reports
/// a bad input. The article's ```swift blocks are the lines between `// Example:` markers below
/// (one blank line between blocks), so the article cannot drift from code that compiles and runs.
/// This file imports `Scoring` without `@testable`, so the example uses only the public API.
@Suite("DocC: the embedding example compiles, runs, and is the article's code")
struct EmbeddingExampleTests {
    /// What the example leaves in its variables, for the checks below.
    struct Outcome {
        var total: Rational
        var scoreText: String
        var scoreJSON: String
        var amounts: [String: Rational]
        var subsidyText: String
        var subsidyJSON: String
        var problems: [String]
    }

    static func runExample() throws -> Outcome {
        // Example: begin
        let rubricText = """
            schema_version: 1
            kind: scorecard
            id: proposal-handling-excerpt
            version: "1"
            title: 建议提案办理工作考核（节选）
            document: 长府办〔2022〕6号
            source: {file: changning-gazette-2022-1.txt, title: 上海市长宁区人民政府公报 2022 年第 1 期}
            total: 12
            inputs:
              - {id: has_system, label: 有建议提案办理基本工作制度, type: boolean}
              - {id: huiban_count, label: 会办件, type: count, unit: 件}
            sections:
              - id: basic
                title: 基础工作
                max: 12
                items:
                  - id: S1
                    title: 办理制度及组织保障
                    max: 2
                    cite: {clause: 附件《自评表》办理制度及组织保障, text: 办理制度及组织保障}
                    rules:
                      - {id: S1.1, kind: yes_no, input: has_system, if_yes: 2, if_no: 0, cite: {clause: 评分标准 1, text: 1. 有建议提案办理基本工作制度，得 2 分；没有，不得分。}}
                  - id: S5
                    title: 办件数量
                    max: 10
                    cite: {clause: 附件《自评表》办件数量, text: 办件数量}
                    caps: [{points: 10, cite: {clause: 评分标准 2, text: 最高得 10 分。}}]
                    rules:
                      - id: S5.2
                        kind: per_step
                        cite: {clause: 评分标准 2, text: 2. 会办件：每 5 件，加 2 分。}
                        steps: [{input: huiban_count, every: 5, points: 2, label: 每 5 件，加 2 分}]
                        partial_step: floor
            """
        let scorecard = try Scorecard.load(bytes: Array(rubricText.utf8), file: "proposal-handling-excerpt.yaml")

        let assessmentText = """
            rubric: proposal-handling-excerpt
            unit: 区卫生健康委
            period: 2022 年度
            inputs: {has_system: true, huiban_count: 7}
            """
        let assessment = try SelfAssessment.load(bytes: Array(assessmentText.utf8), file: "自评.yaml")
        let report = try scorecard.score(assessment)
        let total = report.total  // 4: 2 for the 制度, 2 for one whole step of 5 会办件
        let scoreText = report.renderText()
        let scoreJSON = report.json.serialized()

        let scheduleText = """
            schema_version: 1
            kind: schedule
            id: digital-transformation-excerpt
            version: "1"
            title: 贸易企业数字化转型项目扶持（节选）
            document: 长商务规〔2021〕3号
            source: {file: changning-gazette-2022-1.txt, title: 上海市长宁区人民政府公报 2022 年第 1 期}
            inputs:
              - {id: rd_investment, label: 数字化转型项目研发投入, type: money}
            measures:
              - id: Q10
                title: 贸易企业数字化转型项目
                cite: {clause: 第六条（三）3, text: 对贸易企业经认定的数字化转型项目的研发投入给予 50%的扶持，单个项目最高扶持金额不超过 50 万元。}
                amount: {percent: {of: rd_investment, rate: 50}}
                ceiling: {amount: 50万, cite: {clause: 第六条（三）3, text: 单个项目最高扶持金额不超过 50 万元}}
            """
        let schedule = try Schedule.load(bytes: Array(scheduleText.utf8), file: "digital-transformation-excerpt.yaml")

        let claimsText = """
            claim_id,applicant,date,measure,rd_investment
            T02,上海天山数字科技有限公司,2022-04-15,Q10,60万
            T03,上海仙霞云贸易有限公司,2022-05-20,Q10,150万
            """
        let claims = try ClaimBatch.read(bytes: Array(claimsText.utf8), file: "claims.csv", schedule: schedule)
        var calculator = SubsidyCalculator(schedule: schedule)
        let decided = calculator.run(claims, file: "claims.csv")
        var amounts: [String: Rational] = [:]
        for result in decided.results {
            amounts[result.claim.id] = result.amount  // T02: 300000, T03: 500000 (the ceiling)
        }
        let subsidyText = decided.renderText()
        let subsidyJSON = decided.renderJSON()

        var problems: [String] = []
        do {
            let wrong = "rubric: proposal-handling-excerpt\nunit: 区教育局\ninputs: {has_system: 有, huiban_count: 3}\n"
            _ = try scorecard.score(try SelfAssessment.load(bytes: Array(wrong.utf8), file: "区教育局.yaml"))
        } catch {
            problems = error.problems.map(\.description)  // file:line:column: field: message, in Chinese
        }
        // Example: end
        return Outcome(
            total: total, scoreText: scoreText, scoreJSON: scoreJSON, amounts: amounts, subsidyText: subsidyText,
            subsidyJSON: subsidyJSON, problems: problems)
    }

    @Test func theExampleScoresDecidesRendersAndReports() throws {
        let outcome = try Self.runExample()
        // 有制度 2 分; 7 会办件 = one whole step of 5 (floor) = 2 分.
        #expect(outcome.total == Rational(4))
        #expect(outcome.scoreText.contains("会办件 7 件，每 5 件，加 2 分，计 1 档（按整档计，不足一档的部分不计），得 2 分"))
        #expect(outcome.scoreJSON.contains("\"total\": 4,"))
        // 60万 × 50% = 30万; 150万 × 50% = 75万, above the ceiling of 50万.
        #expect(outcome.amounts == ["T02": Rational(300_000), "T03": Rational(500_000)])
        #expect(outcome.subsidyText.contains("超过「单个项目最高扶持金额不超过 50 万元」，按 50万元"))
        #expect(outcome.subsidyJSON.contains("\"claim_id\": \"T03\""))
        #expect(outcome.problems == ["区教育局.yaml:3:22: inputs.has_system: 「有建议提案办理基本工作制度」应为 true/false（是/否），实为「有」"])
    }

    /// Every ``symbol link`` of the catalogue names a public declaration of the library, with the
    /// argument labels it has (`docc convert` checks this fully; see README.md, Documentation).
    @Test func theCatalogueLinksNamePublicSymbols() throws {
        let folder = packageRoot.appendingPathComponent("Sources/Scoring")
        var sources = ""
        for case let path as String in FileManager.default.enumerator(atPath: folder.path) ?? FileManager.DirectoryEnumerator() where path.hasSuffix(".swift") {
            sources += try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8) + "\n"
        }
        var types: Set<String> = []
        for match in sources.matches(of: /public (?:final |indirect )?(?:struct|enum|class|protocol|actor) (\w+)/) { types.insert(String(match.output.1)) }
        var members: Set<String> = []
        for match in sources.matches(of: /public (?:static )?(?:let|var) (\w+)/) { members.insert(String(match.output.1)) }
        for match in sources.matches(of: /public (?:static )?(?:mutating )?(?:func (\w+)|(init))(?:<[^>]*>)?\(([^)]*)\)/) {
            let name = String(match.output.1 ?? match.output.2 ?? "")
            let labels = match.output.3.split(separator: ",").map { parameter in
                parameter.trimmingCharacters(in: .whitespaces).prefix { $0 != " " && $0 != ":" }
            }
            members.insert("\(name)(\(labels.map { "\($0):" }.joined()))")
        }
        var links = 0
        for file in ["Scoring.md", "EmbeddingScoring.md"] {
            var inCode = false
            for line in try packageText("Sources/Scoring/Scoring.docc/\(file)").split(separator: "\n") {
                if line.hasPrefix("```") { inCode.toggle() }
                guard !inCode, !line.hasPrefix("```") else { continue }
                for match in line.matches(of: /``([^`]+)``/) {
                    let parts = match.output.1.split(separator: "/").map(String.init)
                    guard parts != ["Scoring"] else { continue }
                    let known = types.contains(parts[0]) && (parts.count == 1 || members.contains(parts[1]))
                    #expect(known, "\(file): ``\(match.output.1)`` names no public declaration")
                    links += 1
                }
            }
        }
        #expect(links > 60)
    }

    /// The article's code blocks, after `import Scoring`, are the example above, line for line.
    @Test func theArticleShowsThisCode() throws {
        let article = try packageText("Sources/Scoring/Scoring.docc/EmbeddingScoring.md")
        let blocks = Markdown.blocks(in: article, file: "EmbeddingScoring.md").filter { $0.info == "swift" }.map(\.lines)
        let first = try #require(blocks.first)
        #expect(first == ["import Scoring"], "the first block imports the library, as this file does")
        let shown = blocks.dropFirst().map { $0.joined(separator: "\n") }.joined(separator: "\n\n")

        let source = try String(contentsOfFile: #filePath, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let begin = try #require(source.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "// Example: begin" })
        let end = try #require(source.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "// Example: end" })
        let body = source[(begin + 1)..<end]
        let indent = body.filter { !$0.isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        let code = body.map { $0.isEmpty ? "" : String($0.dropFirst(indent)) }.joined(separator: "\n")
        #expect(shown == code)
    }
}
