import Foundation
import Scoring
import Testing

// Boundary points of the 2022 长宁区 proposal-handling 自评表 (长府办〔2022〕6号 附件, gazette lines 1015–1030),
// as listed in shared/research/seed-000.md §2.4, scored through the shipped rubric
// rubrics/scorecards/proposal-handling-2022.yaml.

// MARK: - Shared helpers (also used by ScoreInvariantTests.swift)

/// The proposal-handling rubric and the model unit's inputs, for building self-assessments in tests.
enum ProposalFixture {
    static let rubricPath = "rubrics/scorecards/proposal-handling-2022.yaml"
    static let modelUnitPath = "examples/scorecards/model-unit.yaml"

    /// Loaded once; every test shares it.
    private static let loaded: Result<Scorecard, any Error> = Result {
        let url = packageRoot.appendingPathComponent(rubricPath)
        let bytes = try [UInt8](Data(contentsOf: url))
        return try Scorecard.load(bytes: bytes, file: rubricPath)
    }

    static func scorecard() throws -> Scorecard { try loaded.get() }

    /// The inputs of examples/scorecards/model-unit.yaml, in its order: a unit meeting every criterion.
    static let modelInputs: [(id: String, value: String)] = [
        ("has_system", "true"),
        ("handler_designated", "true"),
        ("leader_led", "true"),
        ("supervision_lead", "true"),
        ("supervision_assist", "false"),
        ("summary_submission", "按规定格式及内容要求及时提交"),
        ("meetings", "积极承办或参与"),
        ("meetings_points", "2"),
        ("attitude", "积极主动承担办理工作"),
        ("late_confirmation_count", "0"),
        ("lapse_count", "0"),
        ("zhuban_count", "23"),
        ("huiban_count", "12"),
        ("zhuban_overdue_count", "0"),
        ("huiban_overdue_count", "0"),
        ("proactive_disclosure_count", "30"),
        ("on_request_disclosure_count", "5"),
        ("dissatisfied_first_count", "0"),
        ("dissatisfied_converted_count", "0"),
        ("dissatisfied_unresolved_count", "0"),
        ("commitments", "已推进落实或在推进落实中"),
        ("joint_activities", "true"),
        ("case_application", "true"),
        ("excellent_cases", "1"),
        ("innovation_points", "1"),
        ("briefed_deputies", "true"),
        ("own_channels", "true"),
        ("district_articles", "1"),
        ("city_articles", "1"),
    ]

    /// Notes for the discretionary (points) inputs, so that no 「写明理由」 finding is raised.
    static let notes: [String: String] = [
        "meetings_points": "承办全区办理工作协调会 1 次",
        "attitude_points": "退回分办 2 件",
        "innovation_points": "建立办理进度周报机制",
    ]

    /// The YAML text of a self-assessment: the model unit's inputs with `overrides` applied (values are
    /// written as YAML scalars, verbatim), `removing` left out, and `claimed` written one item per line.
    static func yaml(
        _ overrides: [String: String] = [:], removing: Set<String> = [], claimed: [(String, String)] = []
    ) -> String {
        var lines = ["rubric: proposal-handling-2022", "unit: 测试单位", "period: 2022 年度", "inputs:"]
        var written: [String] = []
        for (id, value) in modelInputs where !removing.contains(id) {
            lines.append("  \(id): \(overrides[id] ?? value)")
            written.append(id)
        }
        for (id, value) in overrides.sorted(by: { $0.key < $1.key })
        where !written.contains(id) && !removing.contains(id) {
            lines.append("  \(id): \(value)")
            written.append(id)
        }
        if !claimed.isEmpty {
            lines.append("claimed:")
            for (id, value) in claimed { lines.append("  \(id): \(value)") }
        }
        let noted = notes.keys.sorted().filter(written.contains)
        if !noted.isEmpty {
            lines.append("notes:")
            for id in noted { lines.append("  \(id): \(notes[id]!)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The 1-based line on which `prefix` (after indentation) starts in `text`.
    static func line(of prefix: String, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(prefix) }.map { $0 + 1 }
    }

    static func score(yaml text: String) throws -> ScoreReport {
        let assessment = try SelfAssessment.load(bytes: Array(text.utf8), file: "test.yaml")
        return try scorecard().score(assessment)
    }
}

/// Scores the model unit with some inputs replaced (and some removed).
func scoreProposal(_ inputs: [String: String], removing: Set<String> = []) throws -> ScoreReport {
    try ProposalFixture.score(yaml: ProposalFixture.yaml(inputs, removing: removing))
}

extension ScoreReport {
    /// The result of rule `id` (S5.1, S6.3 …).
    func rule(_ id: String) -> RuleScore? {
        sections.flatMap(\.items).flatMap(\.rules).first { $0.id == id }
    }

    /// The result of item `id` (S1 … S9).
    func item(_ id: String) -> ItemScore? {
        sections.flatMap(\.items).first { $0.id == id }
    }

    var interpretationIDs: [String] { interpretations.map(\.id) }
}

fileprivate func points(_ value: Int64) -> Rational { Rational(integer: value) }

// MARK: - Boundary tests

@Suite("Proposal handling 2022: boundary points of seed-000 §2.4")
struct ProposalHandlingBoundaryTests {

    // S5.1 「主办件：1-4 件，得 3 分；5-8 件，得 4 分；9-12 件，得 5 分；13-16 件，得 6 分；17-20 件，得 7 分；多于 20 件，得 8 分。」
    @Test(
        "S5.1 主办件 tier edges",
        arguments: [
            (1, 3), (4, 3), (5, 4), (8, 4), (9, 5), (12, 5), (13, 6), (16, 6), (17, 7), (20, 7), (21, 8),
        ] as [(Int64, Int64)])
    func zhubanTiers(count: Int64, expected: Int64) throws {
        // Keep every 承办件 disclosed (12 会办件 in the model unit) so the counts stay consistent.
        let report = try scoreProposal([
            "zhuban_count": "\(count)", "proactive_disclosure_count": "\(count + 12)", "on_request_disclosure_count": "0",
        ])
        let rule = try #require(report.rule("S5.1"))
        #expect(rule.points == points(expected), "主办件 \(count) 件 → S5.1 \(expected) 分")
    }

    @Test("S5.1 主办件 0 → 0 分 (AMBIG-8)")
    func zhubanZero() throws {
        // 0 主办件: the disclosure counts must fit in 0 + 12 承办件.
        let report = try scoreProposal([
            "zhuban_count": "0", "proactive_disclosure_count": "12", "on_request_disclosure_count": "0",
        ])
        let rule = try #require(report.rule("S5.1"))
        #expect(rule.points == .zero)
        #expect(rule.interpretations.contains("AMBIG-8"))
        #expect(report.interpretationIDs.contains("AMBIG-8"))
    }

    // S5.2 「会办件：每 5 件，加 2 分。最高得 10 分。」 The rule itself is uncapped; the cap is on item S5.
    @Test(
        "S5.2 会办件 per 5 件 (floor, AMBIG-9.1)",
        arguments: [(4, 0), (5, 2), (9, 2), (10, 4), (25, 10)] as [(Int64, Int64)])
    func huibanSteps(count: Int64, expected: Int64) throws {
        // 23 主办件 in the model unit; keep every 承办件 disclosed.
        let report = try scoreProposal([
            "huiban_count": "\(count)", "proactive_disclosure_count": "\(count + 23)", "on_request_disclosure_count": "0",
        ])
        let rule = try #require(report.rule("S5.2"))
        #expect(rule.points == points(expected), "会办件 \(count) 件 → S5.2 \(expected) 分")
        let item = try #require(report.item("S5"))
        #expect(item.points <= points(10))
    }

    @Test("S5 主办 21 (8) + 会办 10 (4) = 12 → capped at 10")
    func itemS5Cap() throws {
        let report = try scoreProposal([
            "zhuban_count": "21", "huiban_count": "10", "proactive_disclosure_count": "31",
            "on_request_disclosure_count": "0",
        ])
        #expect(report.rule("S5.1")?.points == points(8))
        #expect(report.rule("S5.2")?.points == points(4))
        let item = try #require(report.item("S5"))
        #expect(item.points == points(10))
        #expect(item.adjustments.contains { $0.contains("最高得 10 分") && $0.contains("12") })
        #expect(report.interpretationIDs.contains("AMBIG-9.2"))
    }

    // S6.3 「主会办件公开率达 100%，得 5 分；80-99%，得 3 分；60-79%，得 1 分；低于 60%，不得分。」
    // 200 承办件 (100 主办 + 100 会办); the disclosed count sets the rate.
    @Test(
        "S6.3 公开率 tiers (200 承办件)",
        arguments: [
            (200, 5),  // 100%
            (199, 3),  // 99.5%: AMBIG-13, below 100% is the 80-99% tier
            (198, 3),  // 99%
            (160, 3),  // 80%
            (159, 1),  // 79.5%: AMBIG-13
            (158, 1),  // 79%
            (120, 1),  // 60%
            (118, 0),  // 59%
        ] as [(Int64, Int64)])
    func disclosureTiers(disclosed: Int64, expected: Int64) throws {
        let report = try scoreProposal([
            "zhuban_count": "100", "huiban_count": "100",
            "proactive_disclosure_count": "\(disclosed)", "on_request_disclosure_count": "0",
        ])
        let rule = try #require(report.rule("S6.3"))
        #expect(rule.points == points(expected), "公开 \(disclosed)/200 → S6.3 \(expected) 分")
    }

    @Test("S6.3 公开率 counts both 主动公开 and 依申请公开 (99% = 190 + 8 of 200)")
    func disclosureSumsBothKinds() throws {
        let report = try scoreProposal([
            "zhuban_count": "100", "huiban_count": "100",
            "proactive_disclosure_count": "190", "on_request_disclosure_count": "8",
        ])
        #expect(report.rule("S6.3")?.points == points(3))
    }

    @Test("S6.3 no 承办件 → 0 分 (AMBIG-12)")
    func disclosureNoHandledItems() throws {
        let report = try scoreProposal([
            "zhuban_count": "0", "huiban_count": "0",
            "proactive_disclosure_count": "0", "on_request_disclosure_count": "0",
        ])
        let rule = try #require(report.rule("S6.3"))
        #expect(rule.points == .zero)
        #expect(report.interpretationIDs.contains("AMBIG-12"))
    }

    // S4.3 「得 10 分。……每出现一次扣 2 分，扣完为止。」
    @Test("S4.3 lapses deduct 2 each, down to 0", arguments: [(0, 10), (3, 4), (5, 0), (6, 0)] as [(Int64, Int64)])
    func lapseDeduction(lapses: Int64, expected: Int64) throws {
        let report = try scoreProposal(["lapse_count": "\(lapses)"])
        let rule = try #require(report.rule("S4.3"))
        #expect(rule.points == points(expected), "\(lapses) 次 → S4.3 \(expected) 分")
    }

    // S9 「3 分 + 2 分 + 区级每篇 2 分 + 市级每篇 3 分；最高得10分。」
    @Test("S9 two 区级 + one 市级 article with 9.1 and 9.2: 3+2+4+3 = 12 → 10")
    func itemS9Cap() throws {
        let report = try scoreProposal([
            "briefed_deputies": "true", "own_channels": "true", "district_articles": "2", "city_articles": "1",
        ])
        #expect(report.rule("S9.1")?.points == points(3))
        #expect(report.rule("S9.2")?.points == points(2))
        #expect(report.rule("S9.3")?.points == points(7))
        let item = try #require(report.item("S9"))
        #expect(item.points == points(10))
        #expect(item.adjustments.contains { $0.contains("最高得10分") && $0.contains("12") })
    }

    // S8 「7 分 + 申报 2 分 + 优秀案例每个 1 分 + 酌情加分；最高得10分。」
    @Test("S8 7 + 2 + three 优秀 cases = 12 → 10")
    func itemS8Cap() throws {
        let report = try scoreProposal([
            "joint_activities": "true", "case_application": "true", "excellent_cases": "3", "innovation_points": "0",
        ])
        #expect(report.rule("S8.1")?.points == points(7))
        #expect(report.rule("S8.2")?.points == points(5))
        #expect(report.rule("S8.3")?.points == .zero)
        let item = try #require(report.item("S8"))
        #expect(item.points == points(10))
        #expect(item.adjustments.contains { $0.contains("最高得10分") && $0.contains("12") })
    }

    // S6.1 「无主办件的，此项得 4 分。」
    @Test("S6.1 无主办件 → 4")
    func noZhubanDefault() throws {
        let report = try scoreProposal([
            "zhuban_count": "0", "proactive_disclosure_count": "12", "on_request_disclosure_count": "0",
        ])
        #expect(report.rule("S6.1")?.points == points(4))
    }

    // S6.2 「无会办件，此项得 2 分。」
    @Test("S6.2 无会办件 → 2")
    func noHuibanDefault() throws {
        let report = try scoreProposal([
            "huiban_count": "0", "proactive_disclosure_count": "23", "on_request_disclosure_count": "0",
        ])
        #expect(report.rule("S6.2")?.points == points(2))
    }

    @Test("S6.1/S6.2 on time → 7/3; one overdue → 0")
    func timeliness() throws {
        let onTime = try scoreProposal([:])
        #expect(onTime.rule("S6.1")?.points == points(7))
        #expect(onTime.rule("S6.2")?.points == points(3))
        let late = try scoreProposal(["zhuban_overdue_count": "1", "huiban_overdue_count": "1"])
        #expect(late.rule("S6.1")?.points == .zero)
        #expect(late.rule("S6.2")?.points == .zero)
    }

    // S2.2 「协助开展区领导督办，主办得 2 分，会办得 1 分」
    @Test(
        "S2.2 督办: both 主办 and 会办 → 2 (AMBIG-4)",
        arguments: [("true", "true", 2), ("true", "false", 2), ("false", "true", 1), ("false", "false", 0)]
            as [(String, String, Int64)])
    func supervision(lead: String, assist: String, expected: Int64) throws {
        let report = try scoreProposal(["supervision_lead": lead, "supervision_assist": assist])
        #expect(report.rule("S2.2")?.points == points(expected))
        #expect(report.interpretationIDs.contains("AMBIG-4"))
    }

    // S7.1 「首次办理未出现“不满意”件，得8分。经沟通协调，仍存在“不满意”件，不得分（经认定确系客观原因导致，
    // 视同未出现“不满意”件）；“不满意”件转为“满意”或“理解”，得6分。」
    @Test(
        "S7.1 不满意件 outcomes",
        arguments: [
            (0, 0, 0, 8),  // none at first handling
            (3, 1, 1, 0),  // one still 不满意 without objective cause
            (3, 2, 0, 6),  // converted, the rest certified objective
            (2, 0, 0, 8),  // all certified objective: 视同未出现
        ] as [(Int64, Int64, Int64, Int64)])
    func dissatisfaction(first: Int64, converted: Int64, unresolved: Int64, expected: Int64) throws {
        let report = try scoreProposal([
            "dissatisfied_first_count": "\(first)",
            "dissatisfied_converted_count": "\(converted)",
            "dissatisfied_unresolved_count": "\(unresolved)",
        ])
        #expect(report.rule("S7.1")?.points == points(expected))
    }

    @Test("The model unit example totals exactly 100")
    func modelUnitTotals100() throws {
        let url = packageRoot.appendingPathComponent(ProposalFixture.modelUnitPath)
        let bytes = try [UInt8](Data(contentsOf: url))
        let assessment = try SelfAssessment.load(bytes: bytes, file: ProposalFixture.modelUnitPath)
        let report = try ProposalFixture.scorecard().score(assessment)
        #expect(report.total == points(100))
        #expect(report.total == Rational(decimalText: "100")!)
        #expect(report.maximum == points(100))
        for item in report.sections.flatMap(\.items) {
            #expect(item.points == item.maximum, "\(item.id) \(item.title)")
        }
        #expect(!report.findings.contains { $0.severity == .error })
        #expect(!report.findings.contains { $0.code == "claim.differs" || $0.code == "claim.total-differs" })
        // The helper's copy of the model inputs scores the same.
        #expect(try scoreProposal([:]).total == points(100))
    }

    // MARK: Bad input

    /// Scores `text` and returns the problems it must throw.
    private func problems(_ text: String) throws -> [FileProblem] {
        do {
            _ = try ProposalFixture.score(yaml: text)
        } catch let error as FileProblems {
            return error.problems
        }
        Issue.record("scoring did not throw FileProblems")
        return []
    }

    @Test("Discretionary value outside its range: attitude_points 10 with 退分办")
    func discretionaryOutOfRange() throws {
        let text = ProposalFixture.yaml([
            "attitude": "服从“指定谁、谁办理”原则但存在一定程度退分办情况", "attitude_points": "10",
        ])
        let found = try problems(text)
        let problem = try #require(found.first { $0.field == "inputs.attitude_points" })
        let location = try #require(problem.location)
        #expect(location.line == ProposalFixture.line(of: "attitude_points:", in: text))
        #expect(problem.file == "test.yaml")
        // Inside the range it scores: 9 is the highest 视情 value.
        let inside = try ProposalFixture.score(yaml: ProposalFixture.yaml([
            "attitude": "服从“指定谁、谁办理”原则但存在一定程度退分办情况", "attitude_points": "9",
        ]))
        #expect(inside.rule("S4.1")?.points == points(9))
    }

    @Test("Wrong type: zhuban_count \"many\"")
    func wrongType() throws {
        let text = ProposalFixture.yaml(["zhuban_count": "\"many\""])
        let found = try problems(text)
        let problem = try #require(found.first { $0.field == "inputs.zhuban_count" })
        let location = try #require(problem.location)
        #expect(location.line == ProposalFixture.line(of: "zhuban_count:", in: text))
        #expect(problem.message.contains("many"))
    }

    @Test("Missing input: has_system left out")
    func missingInput() throws {
        let text = ProposalFixture.yaml(removing: ["has_system"])
        let found = try problems(text)
        let problem = try #require(found.first { $0.field == "inputs.has_system" })
        let location = try #require(problem.location)
        #expect(location.line == ProposalFixture.line(of: "inputs:", in: text))
        #expect(problem.message.contains("S1.1"))
    }

    @Test("Claimed score above 满分: claimed S1: 6")
    func claimAboveMaximum() throws {
        let text = ProposalFixture.yaml(claimed: [("S1", "6"), ("S2", "5")])
        let found = try problems(text)
        let problem = try #require(found.first { $0.field == "claimed.S1" })
        let location = try #require(problem.location)
        #expect(location.line == ProposalFixture.line(of: "S1:", in: text))
        #expect(!found.contains { $0.field == "claimed.S2" })
    }
}
