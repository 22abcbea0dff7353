import Scoring
import Testing

// Invariants of the 2022 proposal-handling scorecard over many generated self-assessments: scores stay
// within 0…满分, the total is the sum of the items and at most 100, exactly the units meeting every
// criterion of the table reach 100, and more 主办件 never lower 办件数量 (S5).

/// A small deterministic xorshift64* generator, so every run walks the same inputs.
struct XorShift64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }

    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }

    /// A whole number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func bool() -> Bool { next() & 1 == 1 }

    /// True with probability 1 in `n`.
    mutating func oneIn(_ n: Int) -> Bool { int(1...n) == 1 }

    mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }
}

/// The choices of the rubric's choice inputs, as printed in the table.
private enum Choices {
    static let summary = ["按规定格式及内容要求及时提交", "超期提交", "未提交"]
    static let meetings = ["积极承办或参与", "未参与"]
    static let attitude = [
        "积极主动承担办理工作", "服从“指定谁、谁办理”原则但存在一定程度退分办情况", "不重视办理工作、态度不端正、存在严重推诿扯皮",
    ]
    static let commitments = ["已推进落实或在推进落实中", "经核实无客观原因未履行", "因客观原因未履行", "无承诺事项"]
}

/// One generated self-assessment, with every input of the rubric.
private struct ProposalCase {
    var hasSystem = false
    var handlerDesignated = false
    var leaderLed = false
    var supervisionLead = false
    var supervisionAssist = false
    var summary = Choices.summary[0]
    var meetings = Choices.meetings[0]
    /// Half points (3 = 1.5), or nil when not given.
    var meetingsHalves: Int? = 4
    var attitude = Choices.attitude[0]
    /// Half points, given only with the 退分办 outcome.
    var attitudeHalves: Int?
    var lateConfirmations = 0
    var lapses = 0
    var zhuban = 0
    var huiban = 0
    var zhubanOverdue = 0
    var huibanOverdue = 0
    var proactive = 0
    var onRequest = 0
    var dissatisfiedFirst = 0
    var dissatisfiedConverted = 0
    var dissatisfiedUnresolved = 0
    var commitments = Choices.commitments[0]
    var jointActivities = false
    var caseApplication = false
    var excellentCases = 0
    var innovationHalves = 0
    var briefedDeputies = false
    var ownChannels = false
    var districtArticles = 0
    var cityArticles = 0

    static func halves(_ value: Int) -> String { value % 2 == 0 ? "\(value / 2)" : "\(value / 2).5" }

    /// Every input of the rubric, as YAML scalars.
    var inputs: [String: String] {
        var values: [String: String] = [
            "has_system": "\(hasSystem)",
            "handler_designated": "\(handlerDesignated)",
            "leader_led": "\(leaderLed)",
            "supervision_lead": "\(supervisionLead)",
            "supervision_assist": "\(supervisionAssist)",
            "summary_submission": summary,
            "meetings": meetings,
            "attitude": attitude,
            "late_confirmation_count": "\(lateConfirmations)",
            "lapse_count": "\(lapses)",
            "zhuban_count": "\(zhuban)",
            "huiban_count": "\(huiban)",
            "zhuban_overdue_count": "\(zhubanOverdue)",
            "huiban_overdue_count": "\(huibanOverdue)",
            "proactive_disclosure_count": "\(proactive)",
            "on_request_disclosure_count": "\(onRequest)",
            "dissatisfied_first_count": "\(dissatisfiedFirst)",
            "dissatisfied_converted_count": "\(dissatisfiedConverted)",
            "dissatisfied_unresolved_count": "\(dissatisfiedUnresolved)",
            "commitments": commitments,
            "joint_activities": "\(jointActivities)",
            "case_application": "\(caseApplication)",
            "excellent_cases": "\(excellentCases)",
            "innovation_points": Self.halves(innovationHalves),
            "briefed_deputies": "\(briefedDeputies)",
            "own_channels": "\(ownChannels)",
            "district_articles": "\(districtArticles)",
            "city_articles": "\(cityArticles)",
        ]
        if let meetingsHalves { values["meetings_points"] = Self.halves(meetingsHalves) }
        if let attitudeHalves { values["attitude_points"] = Self.halves(attitudeHalves) }
        return values
    }

    /// Model-unit inputs this case leaves out.
    var removed: Set<String> { meetingsHalves == nil ? ["meetings_points"] : [] }

    func score() throws -> ScoreReport { try scoreProposal(inputs, removing: removed) }

    /// S5.1's tier for `count` 主办件, straight from the table (0 件: no tier, AMBIG-8).
    static func zhubanTier(_ count: Int) -> Int {
        switch count {
        case 1...4: 3
        case 5...8: 4
        case 9...12: 5
        case 13...16: 6
        case 17...20: 7
        case 21...: 8
        default: 0
        }
    }

    /// Whether every 评分标准 of every 二级指标 gives its full points, worked out from the table alone.
    var meetsEveryCriterion: Bool {
        let handled = zhuban + huiban
        let s1 = hasSystem && handlerDesignated
        let s2 = leaderLed && supervisionLead
        let s3 = summary == Choices.summary[0] && meetings == Choices.meetings[0] && meetingsHalves == 4
        let s4 = attitude == Choices.attitude[0] && lateConfirmations == 0 && lapses == 0
        let s5 = Self.zhubanTier(zhuban) + 2 * (huiban / 5) >= 10
        let s6 = zhuban > 0 && zhubanOverdue == 0 && huiban > 0 && huibanOverdue == 0 && handled > 0
            && proactive + onRequest == handled
        let s7 = (dissatisfiedFirst == 0 || (dissatisfiedConverted == 0 && dissatisfiedUnresolved == 0))
            && commitments != Choices.commitments[1]
        let s8 = 2 * ((jointActivities ? 7 : 0) + (caseApplication ? 2 : 0) + excellentCases) + innovationHalves >= 20
        let s9 = (briefedDeputies ? 3 : 0) + (ownChannels ? 2 : 0) + 2 * districtArticles + 3 * cityArticles >= 10
        return s1 && s2 && s3 && s4 && s5 && s6 && s7 && s8 && s9
    }

    /// Any consistent self-assessment: counts 0…30, every choice, both booleans, discretionary points in range.
    static func random(_ rng: inout XorShift64) -> ProposalCase {
        var c = ProposalCase()
        c.hasSystem = rng.bool()
        c.handlerDesignated = rng.bool()
        c.leaderLed = rng.bool()
        c.supervisionLead = rng.bool()
        c.supervisionAssist = rng.bool()
        c.summary = rng.pick(Choices.summary)
        c.meetings = rng.pick(Choices.meetings)
        if c.meetings == Choices.meetings[0] {
            c.meetingsHalves = rng.int(2...4)  // 1, 1.5, 2
        } else {
            c.meetingsHalves = rng.bool() ? nil : 0
        }
        c.attitude = rng.pick(Choices.attitude)
        c.attitudeHalves = c.attitude == Choices.attitude[1] ? rng.int(2...18) : nil  // 1 … 9
        c.lateConfirmations = rng.oneIn(2) ? 0 : rng.int(0...30)
        c.lapses = rng.oneIn(2) ? rng.int(0...6) : rng.int(0...30)
        c.zhuban = rng.int(0...30)
        c.huiban = rng.int(0...30)
        c.zhubanOverdue = rng.oneIn(2) ? 0 : rng.int(0...c.zhuban)
        c.huibanOverdue = rng.oneIn(2) ? 0 : rng.int(0...c.huiban)
        let handled = c.zhuban + c.huiban
        let disclosed = rng.oneIn(3) ? handled : rng.int(0...handled)
        c.proactive = rng.int(0...disclosed)
        c.onRequest = disclosed - c.proactive
        c.dissatisfiedFirst = rng.oneIn(3) ? 0 : rng.int(0...30)
        c.dissatisfiedConverted = rng.int(0...c.dissatisfiedFirst)
        c.dissatisfiedUnresolved = rng.oneIn(2) ? 0 : rng.int(0...(c.dissatisfiedFirst - c.dissatisfiedConverted))
        c.commitments = rng.pick(Choices.commitments)
        c.jointActivities = rng.bool()
        c.caseApplication = rng.bool()
        c.excellentCases = c.caseApplication ? (rng.oneIn(2) ? rng.int(0...3) : rng.int(0...30)) : 0
        c.innovationHalves = rng.oneIn(2) ? 0 : rng.int(0...24)  // 0 … 12
        c.briefedDeputies = rng.bool()
        c.ownChannels = rng.bool()
        c.districtArticles = rng.oneIn(2) ? rng.int(0...3) : rng.int(0...30)
        c.cityArticles = rng.oneIn(2) ? rng.int(0...3) : rng.int(0...30)
        return c
    }

    /// A unit meeting every criterion, with its counts varied.
    static func perfect(_ rng: inout XorShift64) -> ProposalCase {
        var c = random(&rng)
        c.hasSystem = true
        c.handlerDesignated = true
        c.leaderLed = true
        c.supervisionLead = true
        c.summary = Choices.summary[0]
        c.meetings = Choices.meetings[0]
        c.meetingsHalves = 4
        c.attitude = Choices.attitude[0]
        c.attitudeHalves = nil
        c.lateConfirmations = 0
        c.lapses = 0
        c.zhuban = rng.int(1...30)
        let needed = 10 - zhubanTier(c.zhuban)  // points S5.2 must add
        c.huiban = rng.int((5 * ((needed + 1) / 2))...30)
        c.zhubanOverdue = 0
        c.huibanOverdue = 0
        c.proactive = rng.int(0...(c.zhuban + c.huiban))
        c.onRequest = c.zhuban + c.huiban - c.proactive
        c.dissatisfiedConverted = 0
        c.dissatisfiedUnresolved = 0
        c.commitments = rng.pick([Choices.commitments[0], Choices.commitments[2], Choices.commitments[3]])
        if rng.bool() {
            c.jointActivities = true
            c.caseApplication = true
            c.excellentCases = rng.int(0...30)
            c.innovationHalves = c.excellentCases == 0 ? rng.int(2...24) : rng.int(0...24)
        } else {
            c.jointActivities = rng.bool()
            c.caseApplication = true
            let base = 2 * ((c.jointActivities ? 7 : 0) + 2)
            c.innovationHalves = rng.int(0...24)
            let missing = max(0, 20 - base - c.innovationHalves)
            c.excellentCases = rng.int(((missing + 1) / 2)...max(30, (missing + 1) / 2))
        }
        let fixed = (c.briefedDeputies ? 3 : 0) + (c.ownChannels ? 2 : 0) + 2 * c.districtArticles
        if fixed + 3 * c.cityArticles < 10 { c.cityArticles = (10 - fixed + 2) / 3 }
        return c
    }
}

@Suite("Proposal handling 2022: invariants over generated self-assessments")
struct ScoreInvariantTests {
    static let sampleCount = 3000
    /// Counts drawn from 0…30 on their own, not bounded by another count.
    static let independentCounts: Set<String> = [
        "late_confirmation_count", "lapse_count", "zhuban_count", "huiban_count", "dissatisfied_first_count",
        "excellent_cases", "district_articles", "city_articles",
    ]

    @Test("Scores stay in range, add up, and reach 100 exactly when every criterion is met")
    func invariants() throws {
        let scorecard = try ProposalFixture.scorecard()
        var rng = XorShift64(seed: 0x5EED_2022_0130)
        var failures = 0
        var perfectCount = 0
        var seen: [String: Set<String>] = [:]
        for index in 0..<Self.sampleCount {
            let sample = index % 4 == 0 ? ProposalCase.perfect(&rng) : ProposalCase.random(&rng)
            for (id, value) in sample.inputs { seen[id, default: []].insert(value) }
            let report: ScoreReport
            do {
                report = try sample.score()
            } catch {
                failures += 1
                Issue.record("sample \(index) did not score: \(error)\n\(sample.inputs.sorted { $0.key < $1.key })")
                if failures > 10 { return }
                continue
            }
            let items = report.sections.flatMap(\.items)
            #expect(items.count == 9)
            for item in items {
                #expect(item.points >= .zero && item.points <= item.maximum, "sample \(index): \(item.id) = \(item.points)")
                for rule in item.rules {
                    #expect(!rule.points.isNegative, "sample \(index): \(rule.id) = \(rule.points)")
                }
            }
            for section in report.sections {
                let sectionSum = try Rational.sum(section.items.map(\.points))
                #expect(section.points == sectionSum, "sample \(index): \(section.id)")
            }
            let sum = try Rational.sum(items.map(\.points))
            #expect(report.total == sum, "sample \(index): total \(report.total) ≠ Σ items \(sum)")
            #expect(report.total >= .zero && report.total <= Rational(integer: 100), "sample \(index): total \(report.total)")
            #expect(report.rescaling == nil)
            let perfect = sample.meetsEveryCriterion
            if perfect { perfectCount += 1 }
            #expect(
                (report.total == Rational(integer: 100)) == perfect,
                "sample \(index): total \(report.total), meets every criterion: \(perfect)\n\(sample.inputs.sorted { $0.key < $1.key })")
        }
        #expect(perfectCount >= Self.sampleCount / 4, "perfect units generated: \(perfectCount)")

        // The walk covered every input, every choice value, both booleans and counts from 0 to 30.
        for definition in scorecard.inputs {
            let values = seen[definition.id] ?? []
            #expect(!values.isEmpty, "input \(definition.id) never generated")
            switch definition.type {
            case .choice:
                #expect(values == Set(definition.choices ?? []), "choices of \(definition.id)")
            case .boolean:
                #expect(values == ["true", "false"], "booleans of \(definition.id)")
            case .count where Self.independentCounts.contains(definition.id):
                #expect(values == Set((0...30).map(String.init)), "counts of \(definition.id): \(values.count) values")
            case .count:
                // Counts bounded by another count (overdue ≤ 主办件, converted ≤ first, …).
                let largest = values.compactMap { Int($0) }.max() ?? 0
                #expect(values.contains("0") && largest >= 20, "counts of \(definition.id): up to \(largest)")
            default:
                break
            }
        }
    }

    @Test("More 主办件 never lower S5 (办件数量)")
    func moreZhubanNeverLowersS5() throws {
        // A sweep of 主办件 0…40 for several 会办件 counts.
        for huiban in [0, 1, 4, 5, 9, 10, 12, 15, 25, 30] {
            var previousItem: Rational?
            var previousRule: Rational?
            for zhuban in 0...40 {
                let report = try scoreProposal([
                    "zhuban_count": "\(zhuban)", "huiban_count": "\(huiban)",
                    "proactive_disclosure_count": "0", "on_request_disclosure_count": "0",
                ])
                let item = try #require(report.item("S5")).points
                let rule = try #require(report.rule("S5.1")).points
                if let previousItem, let previousRule {
                    #expect(item >= previousItem, "会办件 \(huiban): 主办件 \(zhuban) gives S5 \(item) < \(previousItem)")
                    #expect(rule >= previousRule, "会办件 \(huiban): 主办件 \(zhuban) gives S5.1 \(rule) < \(previousRule)")
                }
                previousItem = item
                previousRule = rule
            }
        }

        // And one more 主办件 on random self-assessments.
        var rng = XorShift64(seed: 0xC0FF_EE00_0031)
        for index in 0..<300 {
            var sample = ProposalCase.random(&rng)
            let before = try #require(try sample.score().item("S5")).points
            sample.zhuban += rng.int(1...10)
            let after = try #require(try sample.score().item("S5")).points
            #expect(after >= before, "sample \(index): S5 fell from \(before) to \(after) with more 主办件")
        }
    }
}
