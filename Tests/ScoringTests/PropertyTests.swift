import Foundation
import Testing

@testable import Scoring

// Property tests over generated inputs (generators in Generators.swift). Each property walks a few
// thousand cases from a fixed seed, so every run checks the same cases; set PROPERTY_SEED=<number> to
// walk others. A failure names the case's own seed and prints the generated rubric and
// self-assessment (or claims), which reproduce it exactly: `ScorecardGenerator(seed:)` and
// `GeneratedValues.random(for:_:)` are pure functions of that seed.
//
// Not repeated here: the shipped proposal-handling table's own invariants (ScoreInvariantTests) and
// the hand-made batches of SubsidyInvariantTests.

/// The base seed of a property, or PROPERTY_SEED when set.
private func baseSeed(_ fixed: UInt64) -> UInt64 {
    guard let text = ProcessInfo.processInfo.environment["PROPERTY_SEED"] else { return fixed }
    return UInt64(text) ?? UInt64(text.dropFirst(2), radix: 16) ?? fixed
}

private func hex(_ value: UInt64) -> String { "0x" + String(value, radix: 16) }

/// One generated rubric and a stream of self-assessments for it.
private struct ScorecardCase {
    let seed: UInt64
    let rubric: GeneratedScorecard
    let scorecard: Scorecard
    var random: SplitMix64

    /// Generates and loads case `index` of a property; a rubric that does not load is itself a failure.
    static func make(base: UInt64, index: Int) -> Result<ScorecardCase, CaseFailure> {
        let seed = SplitMix64.caseSeed(base: base, index: index)
        var generator = ScorecardGenerator(seed: seed)
        let rubric = generator.scorecard(id: "gen-\(index)")
        do {
            let scorecard = try Scorecard.load(bytes: Array(rubric.yaml.utf8), file: "generated.yaml")
            return .success(ScorecardCase(seed: seed, rubric: rubric, scorecard: scorecard, random: generator.random))
        } catch {
            return .failure(CaseFailure("case seed \(hex(seed)): the generated rubric does not load: \(error)\n\(rubric.yaml)"))
        }
    }

    /// Scores `values`: built directly as a ``SelfAssessment`` (fast), or read from their YAML text
    /// through the loader when `viaYAML` (as a user's file would be).
    func score(_ values: GeneratedValues, viaYAML: Bool = false) -> Result<ScoreReport, CaseFailure> {
        do {
            let assessment: SelfAssessment
            if viaYAML {
                assessment = try SelfAssessment.load(bytes: Array(values.yaml(rubric: scorecard.header.id).utf8), file: "generated-input.yaml")
            } else {
                func entry(_ text: String) -> SelfAssessment.Entry { SelfAssessment.Entry(text: text, isScalar: true, location: nil) }
                assessment = SelfAssessment(
                    file: "generated-input.yaml", rubric: scorecard.header.id, unit: "生成单位", period: nil, region: nil,
                    inputs: values.values.mapValues { entry($0.text) }, claimed: [:], claimedTotal: nil, notes: [:],
                    missingItems: values.missing.map(entry), location: [:])
            }
            return .success(try scorecard.score(assessment))
        } catch {
            return .failure(CaseFailure(describe("does not score: \(error)", values)))
        }
    }

    func describe(_ problem: String, _ values: GeneratedValues...) -> String {
        var text = "case seed \(hex(seed)): \(problem)\n--- rubric ---\n\(rubric.yaml)"
        for value in values { text += "--- self-assessment ---\n\(value.yaml(rubric: scorecard.header.id))" }
        return text
    }
}

/// Why a generated case could not be checked, with everything needed to reproduce it.
private struct CaseFailure: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Stops a property after a few failures, so one bug does not bury the output.
private struct FailureBudget {
    var left = 5
    mutating func record(_ message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        left -= 1
        return left > 0
    }
}

@Suite("Properties over generated rubrics, self-assessments and claims")
struct PropertyTests {
    /// Loading a generated rubric costs far more than scoring one self-assessment, so each rubric
    /// gets many: 150 × 20 = 3,000 cases per property.
    static let rubricCount = 150
    static let assessmentsPerRubric = 20
    /// Each pair is scored twice: 150 × 14 = 2,100 pairs, 4,200 scorings.
    static let pairsPerRubric = 14

    // MARK: Scores within their maxima

    /// For generated rubrics of every rule kind and generated self-assessments, every rule, item and
    /// section stays within 0…its maximum, no item needs clamping (`item.out-of-range`), and the total
    /// is the sum of the sections (rescaled for 缺项) within 0…the base total plus the bonus sections.
    @Test func scoresStayWithinTheirMaxima() {
        let base = baseSeed(0x5C0E_2024_0001)
        var budget = FailureBudget()
        var scored = 0
        var features: Set<String> = []
        for index in 0..<Self.rubricCount {
            var generated: ScorecardCase
            switch ScorecardCase.make(base: base, index: index) {
            case .success(let made): generated = made
            case .failure(let failure):
                guard budget.record(failure.message) else { return }
                continue
            }
            features.formUnion(Self.features(of: generated.scorecard))
            for sample in 0..<Self.assessmentsPerRubric {
                let values = GeneratedValues.random(for: generated.rubric, &generated.random)
                let report: ScoreReport
                switch generated.score(values, viaYAML: sample == 0) {
                case .success(let made): report = made
                case .failure(let failure):
                    guard budget.record(failure.message) else { return }
                    continue
                }
                scored += 1
                if let problem = Self.rangeProblem(report, rubric: generated.rubric) {
                    guard budget.record(generated.describe(problem, values)) else { return }
                }
            }
        }
        #expect(scored >= Self.rubricCount * Self.assessmentsPerRubric * 9 / 10, "scored \(scored) self-assessments")
        let expected: Set<String> = [
            "yes_no", "choice", "discretionary", "tiers", "per_step", "deduction", "shortfall", "conditions", "sum",
            "rule cap", "not_applicable", "if_undefined", "derived", "item cap", "nested caps", "gate", "may_be_missing", "bonus",
        ]
        #expect(features.isSuperset(of: expected), "never generated: \(expected.subtracting(features).sorted())")
    }

    /// What a rubric uses, to check that the generator reaches every construct.
    static func features(of scorecard: Scorecard) -> Set<String> {
        var found: Set<String> = scorecard.derived.isEmpty ? [] : ["derived"]
        func visit(_ rule: ScoringRule) {
            if rule.cap != nil { found.insert("rule cap") }
            if rule.notApplicable != nil { found.insert("not_applicable") }
            if rule.ifUndefined != nil { found.insert("if_undefined") }
            switch rule.kind {
            case .yesNo: found.insert("yes_no")
            case .choice: found.insert("choice")
            case .discretionary: found.insert("discretionary")
            case .tiers: found.insert("tiers")
            case .perStep: found.insert("per_step")
            case .deduction: found.insert("deduction")
            case .shortfall: found.insert("shortfall")
            case .conditions: found.insert("conditions")
            case .sum(let parts):
                found.insert("sum")
                parts.forEach(visit)
            }
        }
        for section in scorecard.sections {
            if section.bonus { found.insert("bonus") }
            for item in section.items {
                item.rules.forEach(visit)
                if !item.caps.isEmpty { found.insert("item cap") }
                if item.caps.count > 1 { found.insert("nested caps") }
                if !item.gates.isEmpty { found.insert("gate") }
                if item.mayBeMissing { found.insert("may_be_missing") }
            }
        }
        return found
    }

    /// What is wrong with the ranges of a report, if anything.
    static func rangeProblem(_ report: ScoreReport, rubric: GeneratedScorecard) -> String? {
        if let finding = report.findings.first(where: { $0.code == "item.out-of-range" }) {
            return "an item needed clamping: \(finding.message) (\(finding.location ?? ""))"
        }
        for section in report.sections {
            for item in section.items {
                if item.points.isNegative || item.points > item.maximum {
                    return "item \(item.id) = \(item.points), outside 0…\(item.maximum)"
                }
                if item.missing, !item.points.isZero { return "missing item \(item.id) scored \(item.points)" }
                for rule in item.rules {
                    if rule.points.isNegative { return "rule \(rule.id) = \(rule.points) < 0" }
                    if let most = rule.maximum, rule.points > most { return "rule \(rule.id) = \(rule.points) > its maximum \(most)" }
                }
            }
            guard let sum = try? Rational.sum(section.items.map(\.points)), sum == section.points else {
                return "section \(section.id) = \(section.points) is not the sum of its items"
            }
            if section.points > section.maximum { return "section \(section.id) = \(section.points) > \(section.maximum)" }
        }
        if report.rescaling == nil {
            guard let sum = try? Rational.sum(report.sections.map(\.points)), sum == report.total else {
                return "total \(report.total) is not the sum of the sections"
            }
        }
        if report.total.isNegative || report.total > rubric.totalMaximum {
            return "total \(report.total) outside 0…\(rubric.totalMaximum)"
        }
        return nil
    }

    // MARK: Monotonicity

    /// A more favourable input never lowers any item or the total.
    ///
    /// "More favourable" is well defined, and moved here, for these rule kinds (each generated input
    /// feeds exactly one rule, so the direction is the rule's):
    /// - `yes_no`: `true` when `if_yes` > `if_no` (`false` when it is the other way round);
    /// - `discretionary`: a higher value within the range;
    /// - `per_step`: more of any term (every partial-step rule);
    /// - `deduction`: fewer occurrences;
    /// - `shortfall`: a higher value for `at_least` thresholds, a lower one for `at_most`;
    /// - `tiers` whose points rise (or fall) with the value and which leave no gap, with `otherwise`
    ///   no higher than the first tier: a higher (or lower) value, of a count, percentage, number or
    ///   the numerator of a derived ratio (a higher rate, within its denominator);
    /// - gates: `true` (passed).
    /// Not ordered, so never moved: `choice` and `conditions` outcomes and `not_applicable` conditions
    /// (the source gives no order between named cases), and denominators of ratios (a larger one
    /// lowers the rate, and 0 makes it undefined). For the same reason the shipped proposal table is
    /// not monotone in 主办件 on the total: 主办件 raises S5.1 but is the denominator of S6.3's 公开率.
    /// Caps and 缺项 rescaling are monotone and are generated around these rules.
    @Test func aMoreFavourableInputNeverLowersAScore() {
        let base = baseSeed(0x5C0E_2024_0002)
        var budget = FailureBudget()
        var compared = 0
        for index in 0..<Self.rubricCount {
            var generated: ScorecardCase
            switch ScorecardCase.make(base: base, index: index) {
            case .success(let made): generated = made
            case .failure(let failure):
                guard budget.record(failure.message) else { return }
                continue
            }
            for _ in 0..<Self.pairsPerRubric {
                let before = GeneratedValues.random(for: generated.rubric, &generated.random)
                guard let (after, move) = before.nudged(generated.rubric, &generated.random) else { continue }
                guard case .success(let low) = generated.score(before), case .success(let high) = generated.score(after) else {
                    let message = [generated.score(before), generated.score(after)].compactMap { result -> String? in
                        if case .failure(let failure) = result { return failure.message }
                        return nil
                    }.first ?? ""
                    guard budget.record(message) else { return }
                    continue
                }
                compared += 1
                let lowItems = low.sections.flatMap { $0.items }
                let highItems = high.sections.flatMap { $0.items }
                var problem: String?
                for (a, b) in zip(lowItems, highItems) where b.points < a.points {
                    problem = "\(move) lowered item \(a.id) from \(a.points) to \(b.points)"
                    break
                }
                if problem == nil, high.total < low.total {
                    problem = "\(move) lowered the total from \(low.total) to \(high.total)"
                }
                if let problem {
                    guard budget.record(generated.describe(problem, before, after)) else { return }
                }
            }
        }
        #expect(compared >= Self.rubricCount * Self.pairsPerRubric / 2, "compared \(compared) pairs")
    }

    // MARK: Subsidies

    static let scheduleFiles = packageFiles(in: "rubrics/schedules", extensions: ["yaml"])

    static func decide(_ schedule: Schedule, _ csv: String, prior: [PriorAward] = []) throws -> SubsidyReport {
        var calculator = SubsidyCalculator(schedule: schedule)
        for award in prior { calculator.record(award) }
        let batch = try ClaimBatch.read(bytes: Array(csv.utf8), file: "generated.csv", schedule: schedule)
        return calculator.run(batch, file: "generated.csv")
    }

    /// Everything a claim's result says except where its row was.
    static func comparable(_ result: ClaimResult) -> ClaimResult {
        var result = result
        result.claim.line = 0
        return result
    }

    /// Realistic batches from `ClaimGenerator` (values at the thresholds, few applicants claiming
    /// often, 2% unreadable rows) for every shipped schedule: no amount above its measure's ceiling or
    /// above what the measure computed, no yearly total of an applicant above its cap, and the
    /// same result for every claim, compared by id, when the rows are shuffled (claims are decided in
    /// date, then claim-id order, whatever the file order).
    @Test(arguments: scheduleFiles)
    func subsidiesKeepCeilingsCapsAndIgnoreRowOrder(_ path: String) throws {
        let schedule = try Schedule.load(bytes: try packageFile(path), file: path)
        let base = baseSeed(0x5C0E_2024_0003)
        for round in 0..<3 {
            let seed = SplitMix64.caseSeed(base: base, index: round)
            let generator = ClaimGenerator(schedule: schedule, seed: seed, applicants: 6 + round * 10, invalidPerMille: 20)
            let csv = generator.csv(count: 400)
            let context = "\(path), ClaimGenerator seed \(hex(seed)), round \(round)"
            let report = try Self.decide(schedule, csv)
            #expect(report.rowsRead == 400, "\(context)")
            #expect(report.results.count + report.rowsRejected == report.rowsRead, "\(context)")
            #expect(report.results.contains { $0.status == .granted && $0.amount > .zero }, "\(context): nothing granted")
            Self.checkCeilingsAndCaps(report, schedule, context: context)

            // The same rows in another order.
            var rows = csv.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            let header = rows.removeFirst()
            var random = SplitMix64(seed: seed)
            random.shuffle(&rows)
            let shuffled = try Self.decide(schedule, ([header] + rows).joined(separator: "\n") + "\n")
            let expected = Dictionary(report.results.map { ($0.claim.id, Self.comparable($0)) }, uniquingKeysWith: { first, _ in first })
            #expect(shuffled.results.count == report.results.count, "\(context): shuffled")
            #expect(shuffled.rowsRejected == report.rowsRejected, "\(context): shuffled")
            var differences = 0
            for result in shuffled.results where expected[result.claim.id] != Self.comparable(result) {
                differences += 1
                if differences <= 3 {
                    let before = expected[result.claim.id].map { "\($0.status) \($0.amount) \($0.boundBy.map(\.rule))" } ?? "absent"
                    Issue.record("\(context): claim \(result.claim.id) differs after shuffling: \(before) → \(result.status) \(result.amount) \(result.boundBy.map(\.rule))")
                }
            }
            #expect(differences == 0, "\(context): \(differences) claims differ after shuffling the rows")
            #expect(shuffled.totalGranted == report.totalGranted, "\(context)")
            #expect(shuffled.applicants == report.applicants, "\(context)")
        }
    }

    /// A batch decided in two runs, the second with the first's CSV output as its ledger of prior
    /// awards (as `subsidy --ledger` does), keeps every yearly cap across both runs, and decides
    /// every claim of the second run as the single run does (same status, amount and bindings).
    /// The district quality award is left to `countLimitsPerRoundHoldAcrossALedger`.
    @Test(arguments: scheduleFiles.filter { !$0.contains("district-quality-award") })
    func aLedgerOfTheFirstHalfDecidesTheSecondHalfAsOneRunDoes(_ path: String) throws {
        let schedule = try Schedule.load(bytes: try packageFile(path), file: path)
        for round in 0..<2 {
            let (single, combined, second, context) = try Self.twoRuns(schedule, path: path, round: round)
            Self.checkCeilingsAndCaps(SubsidyReportStub(results: combined), schedule, context: context + " (two runs with a ledger)")
            var differences = 0
            for result in second.results where single[result.claim.id].map(Self.comparable) != Self.comparable(result) {
                differences += 1
                if differences <= 3 {
                    let alone = single[result.claim.id].map { "\($0.status) \($0.amount) \($0.boundBy.map(\.rule))" } ?? "absent"
                    Issue.record("\(context): \(result.claim.id) after a ledger: \(result.status) \(result.amount) \(result.boundBy.map(\.rule)); in one run: \(alone)")
                }
            }
            #expect(differences == 0, "\(context)")
        }
    }

    /// 每届金奖获奖组织…不超过2个 must hold whether a round's awards are decided in one run or two.
    @Test func countLimitsPerRoundHoldAcrossALedger() throws {
        let path = "rubrics/schedules/district-quality-award-2021.yaml"
        let schedule = try Schedule.load(bytes: try packageFile(path), file: path)
        for round in 0..<2 {
            let (single, combined, _, context) = try Self.twoRuns(schedule, path: path, round: round)
            for limit in schedule.countLimits where limit.per == .round {
                var funded: [String: Int] = [:]
                for result in combined where limit.measures.contains(result.claim.measure) && result.amount > .zero {
                    funded[result.claim.values["round"]?.number?.description ?? "?", default: 0] += 1
                }
                for (key, count) in funded.sorted(by: { $0.key < $1.key }) {
                    #expect(count <= limit.max, "\(context): \(limit.id) funded \(count) > \(limit.max) in round \(key)")
                }
            }
            for result in combined where single[result.claim.id]?.amount != result.amount && single[result.claim.id] != nil {
                Issue.record("\(context): \(result.claim.id) gets \(result.amount) in two runs, \(single[result.claim.id]?.amount ?? .zero) in one")
                break
            }
        }
    }

    /// Decides a generated batch in one run, and in two halves with the first half's CSV output as
    /// the second's ledger.
    static func twoRuns(_ schedule: Schedule, path: String, round: Int) throws
        -> (single: [String: ClaimResult], combined: [ClaimResult], second: SubsidyReport, context: String)
    {
        let seed = SplitMix64.caseSeed(base: baseSeed(0x5C0E_2024_0004), index: round)
        let generator = ClaimGenerator(schedule: schedule, seed: seed, applicants: 5 + round * 5, invalidPerMille: 0)
        let csv = generator.csv(count: 300)
        let context = "\(path), ClaimGenerator seed \(hex(seed))"
        var rows = csv.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let header = rows.removeFirst()
        // The generator writes rows in date order: the first half is decided before the second.
        let cut = rows.count / 2
        let first = try decide(schedule, ([header] + rows[..<cut]).joined(separator: "\n") + "\n")
        let ledger = try PriorAwards.read(bytes: Array(first.renderCSV().utf8), file: "first.csv", schedule: schedule)
        let second = try decide(schedule, ([header] + rows[cut...]).joined(separator: "\n") + "\n", prior: ledger)
        let whole = try decide(schedule, csv)
        let single = Dictionary(whole.results.map { ($0.claim.id, $0) }, uniquingKeysWith: { first, _ in first })
        return (single, first.results + second.results, second, context)
    }

    private struct SubsidyReportStub { var results: [ClaimResult] }

    private static func checkCeilingsAndCaps(_ report: SubsidyReport, _ schedule: Schedule, context: String) {
        checkCeilingsAndCaps(SubsidyReportStub(results: report.results), schedule, context: context)
    }

    private static func checkCeilingsAndCaps(_ report: SubsidyReportStub, _ schedule: Schedule, context: String) {
        var failures = 0
        func fail(_ message: String) {
            failures += 1
            if failures <= 5 { Issue.record(Comment(rawValue: "\(context): \(message)")) }
        }
        for result in report.results {
            if result.amount.isNegative { fail("\(result.claim.id) granted \(result.amount) < 0") }
            if result.amount > result.computed { fail("\(result.claim.id) granted \(result.amount) above its computed \(result.computed)") }
            if result.status != .granted, !result.amount.isZero { fail("\(result.claim.id) is \(result.status) but granted \(result.amount)") }
            if let ceiling = schedule.measure(result.claim.measure)?.ceiling, result.amount > ceiling.amount {
                fail("\(result.claim.id) granted \(result.amount) above the ceiling \(ceiling.amount) of \(result.claim.measure)")
            }
        }
        for cap in schedule.yearlyCaps {
            var totals: [String: Rational] = [:]
            for result in report.results where cap.measures.contains(result.claim.measure) {
                let key = "\(result.claim.applicant) \(result.claim.date.year)"
                totals[key] = (try? (totals[key] ?? .zero) + result.amount) ?? totals[key]
            }
            for (key, total) in totals.sorted(by: { $0.key < $1.key }) where total > cap.amount {
                fail("yearly cap \(cap.id) (\(cap.amount)) exceeded for \(key): \(total)")
            }
        }
    }

    // MARK: JSON round trips

    /// A score report written as JSON and read back (JSONDecoder, exact decimals) gives the same
    /// total, base and bonus points, and the same points and maxima for every section, item and rule:
    /// exactly where the value has a finite decimal, else rounded as the report says.
    @Test func scoreReportsSurviveAJSONRoundTrip() throws {
        let base = baseSeed(0x5C0E_2024_0005)
        var budget = FailureBudget()
        var checked = 0
        var reports: [(ScoreReport, String)] = []
        for path in ["examples/scorecards/typical-unit.yaml", "examples/scorecards/water-saving-vector-84.yaml",
            "examples/scorecards/street-office-no-zhuban.json"]
        {
            let assessment = try SelfAssessment.load(bytes: try packageFile(path), file: path)
            let rubric = try Scorecard.load(bytes: try packageFile("rubrics/scorecards/\(assessment.rubric).yaml"), file: assessment.rubric)
            reports.append((try rubric.score(assessment), path))
        }
        for index in 0..<60 {
            guard case .success(var generated) = ScorecardCase.make(base: base, index: index) else { continue }
            for _ in 0..<8 {
                let values = GeneratedValues.random(for: generated.rubric, &generated.random)
                if case .success(let report) = generated.score(values) {
                    reports.append((report, generated.describe("", values)))
                }
            }
        }
        for (report, origin) in reports {
            checked += 1
            if let problem = Self.jsonRoundTripProblem(report) {
                guard budget.record("\(problem)\n\(origin)") else { return }
            }
        }
        #expect(checked > 400, "checked \(checked) reports")
    }

    /// The number as the JSON output must show it: exact, or rounded to `places`.
    static func shown(_ value: Rational, places: Int) -> Rational? {
        if value.exactDecimalText != nil { return value }
        return (try? value.fixedText(places: places)).flatMap { Rational(decimalText: $0) }
    }

    static func exact(_ decimal: Decimal) -> Rational? { Rational(decimalText: "\(decimal)") }

    static func jsonRoundTripProblem(_ report: ScoreReport) -> String? {
        let text = report.json.serialized()
        let decoded: ScoreJSON
        do {
            decoded = try JSONDecoder().decode(ScoreJSON.self, from: Data(text.utf8))
        } catch {
            return "the JSON does not read back: \(error)\n\(text)"
        }
        func same(_ name: String, _ json: Decimal?, _ value: Rational?, places: Int = 6) -> String? {
            let read = json.flatMap(exact)
            let expected = value.flatMap { shown($0, places: places) }
            return read == expected ? nil : "\(name): JSON gives \(json.map { "\($0)" } ?? "null"), the report \(value.map { "\($0)" } ?? "nil")"
        }
        var problems: [String?] = [
            same("total", decoded.total, report.total, places: report.rounding.places),
            same("base_points", decoded.basePoints, report.basePoints, places: report.rounding.places),
            same("bonus_points", decoded.bonusPoints, report.bonusPoints),
            same("maximum", decoded.maximum, report.maximum),
            same("claimed_total", decoded.claimedTotal, report.claimedTotal),
            decoded.totalExact == report.total.description ? nil : "total_exact \(decoded.totalExact) ≠ \(report.total)",
        ]
        if decoded.sections.map(\.id) != report.sections.map(\.id) { problems.append("sections differ") }
        for (json, section) in zip(decoded.sections, report.sections) {
            problems.append(same("\(section.id).points", json.points, section.points))
            problems.append(same("\(section.id).max", json.max, section.maximum))
            if json.items.map(\.id) != section.items.map(\.id) { problems.append("items of \(section.id) differ") }
            for (jsonItem, item) in zip(json.items, section.items) {
                problems.append(same("\(item.id).points", jsonItem.points, item.points))
                problems.append(same("\(item.id).max", jsonItem.max, item.maximum))
                problems.append(same("\(item.id).claimed", jsonItem.claimed, item.claimed))
                if jsonItem.missing != item.missing { problems.append("\(item.id).missing differs") }
                if jsonItem.rules.map(\.id) != item.rules.map(\.id) { problems.append("rules of \(item.id) differ") }
                for (jsonRule, rule) in zip(jsonItem.rules, item.rules) {
                    problems.append(same("\(rule.id).points", jsonRule.points, rule.points))
                    problems.append(same("\(rule.id).max", jsonRule.max, rule.maximum))
                }
            }
        }
        let found = problems.compactMap { $0 }
        return found.isEmpty ? nil : found.prefix(5).joined(separator: "; ") + "\n\(text)"
    }

    /// A subsidy report written as JSON and read back gives the same status and amounts for every
    /// claim (by id), the same per-applicant totals, and the same batch totals.
    @Test(arguments: scheduleFiles)
    func subsidyReportsSurviveAJSONRoundTrip(_ path: String) throws {
        let schedule = try Schedule.load(bytes: try packageFile(path), file: path)
        let seed = SplitMix64.caseSeed(base: baseSeed(0x5C0E_2024_0006), index: 0)
        let csv = ClaimGenerator(schedule: schedule, seed: seed, applicants: 20, invalidPerMille: 10).csv(count: 300)
        let report = try Self.decide(schedule, csv)
        let decoded = try JSONDecoder().decode(SubsidyJSON.self, from: Data(report.renderJSON().utf8))
        let context = "\(path), ClaimGenerator seed \(hex(seed))"
        #expect(decoded.claims.count == report.results.count, "\(context)")
        #expect(decoded.rowsRead == report.rowsRead && decoded.rowsRejected == report.rowsRejected, "\(context)")
        let byID = Dictionary(decoded.claims.map { ($0.claimID, $0) }, uniquingKeysWith: { first, _ in first })
        var differences = 0
        for result in report.results {
            guard let json = byID[result.claim.id] else {
                differences += 1
                continue
            }
            let same = json.status == result.status.rawValue && Self.exact(json.amount) == result.amount
                && Self.exact(json.computed) == result.computed && Self.exact(json.forgone) == result.forgone
                && json.isCeiling == result.isCeiling && json.eligible == (result.status == .granted)
            if !same {
                differences += 1
                if differences <= 3 { Issue.record("\(context): claim \(result.claim.id) reads back as \(json), was \(result.status) \(result.amount)") }
            }
        }
        #expect(differences == 0, "\(context)")
        #expect(decoded.applicants.map(\.applicant) == report.applicants.map(\.applicant), "\(context)")
        for (json, applicant) in zip(decoded.applicants, report.applicants) {
            #expect(Self.exact(json.granted) == applicant.granted && Self.exact(json.forgone) == applicant.forgone, "\(context): \(applicant.applicant)")
        }
        #expect(Self.exact(decoded.totalGranted) == report.totalGranted, "\(context)")
        #expect(Self.exact(decoded.totalForgone) == report.totalForgone, "\(context)")
    }
}

// MARK: - The JSON layouts read back (docs/output-json.md), numbers as exact decimals

private struct ScoreJSON: Decodable {
    var total: Decimal
    var totalExact: String
    var maximum: Decimal
    var basePoints: Decimal
    var bonusPoints: Decimal
    var claimedTotal: Decimal?
    var sections: [Section]

    struct Section: Decodable {
        var id: String
        var points: Decimal
        var max: Decimal
        var items: [Item]
    }

    struct Item: Decodable {
        var id: String
        var points: Decimal
        var max: Decimal
        var claimed: Decimal?
        var missing: Bool
        var rules: [Rule]
    }

    struct Rule: Decodable {
        var id: String
        var points: Decimal
        var max: Decimal?
    }

    enum CodingKeys: String, CodingKey {
        case total, maximum, sections
        case totalExact = "total_exact"
        case basePoints = "base_points"
        case bonusPoints = "bonus_points"
        case claimedTotal = "claimed_total"
    }
}

private struct SubsidyJSON: Decodable {
    var claims: [Claim]
    var rowsRead: Int
    var rowsRejected: Int
    var applicants: [Applicant]
    var totalGranted: Decimal
    var totalForgone: Decimal

    struct Claim: Decodable {
        var claimID: String
        var status: String
        var eligible: Bool
        var amount: Decimal
        var computed: Decimal
        var forgone: Decimal
        var isCeiling: Bool

        enum CodingKeys: String, CodingKey {
            case status, eligible, amount, computed, forgone
            case claimID = "claim_id"
            case isCeiling = "is_ceiling"
        }
    }

    struct Applicant: Decodable {
        var applicant: String
        var granted: Decimal
        var forgone: Decimal
    }

    enum CodingKeys: String, CodingKey {
        case claims, applicants
        case rowsRead = "rows_read"
        case rowsRejected = "rows_rejected"
        case totalGranted = "total_granted"
        case totalForgone = "total_forgone"
    }
}

/// The smallest cases of what the monotonicity and range properties found, kept as examples.
@Suite("Caps and gates: minimised findings of the property tests")
struct CapAndGateFindingTests {
    static func rubric(caps: String, gates: String = "", max: Int) -> String {
        """
        schema_version: 1
        kind: scorecard
        id: caps
        version: "1"
        title: 上限
        document: 测试
        source: {file: none.txt, title: 测试}
        total: \(max)
        inputs:
          - {id: a, label: A, type: boolean}
          - {id: b, label: B, type: boolean}
          - {id: g, label: 门槛, type: boolean}
        sections:
          - id: S
            title: 节
            max: \(max)
            items:
              - id: I
                title: 指标
                max: \(max)
                cite: {clause: 表, text: 指标}
        \(caps)
        \(gates)
                rules:
                  - {id: A, kind: yes_no, input: a, if_yes: 5, if_no: 0, cite: {clause: 1, text: A}}
                  - {id: B, kind: yes_no, input: b, if_yes: 4, if_no: 0, cite: {clause: 2, text: B}}
        """
    }

    static func points(_ rubric: String, a: Bool, b: Bool, g: Bool = true) throws -> Rational {
        let card = try scorecard(rubric)
        let input = "rubric: caps\nunit: 单位\ninputs: {a: \(a), b: \(b), g: \(g)}\n"
        return try card.score(try SelfAssessment.load(bytes: Array(input.utf8), file: "in.yaml")).total
    }

    /// Was: the outer cap took 9 − 6 = 3 off, then the inner cap 5 − 3 = 2 more, giving 4; more
    /// points for A could lower the item, and such a rubric could not even load with 满分 6.
    @Test func aCapInsideAnotherAppliesFirst() throws {
        let text = Self.rubric(caps: """
                    caps:
                      - {points: 6, cite: {clause: 表, text: 最高得6分}}
                      - {points: 3, rules: [A], cite: {clause: 1, text: 最高得3分}}
            """, max: 6)
        #expect(try Self.points(text, a: true, b: true) == Rational(6))
        #expect(try Self.points(text, a: true, b: false) == Rational(3))
        #expect(try Self.points(text, a: false, b: true) == Rational(4))
    }

    /// Was: the cap first (5 + 4 = 9 → 6), then the gate took all of A's 5 off the capped 6, giving 1
    /// instead of B's 4, and with A worth more the item fell further.
    @Test func aClosedGateOnPartOfACappedItemLeavesTheOtherRules() throws {
        let text = Self.rubric(caps: """
                    caps:
                      - {points: 6, cite: {clause: 表, text: 最高得6分}}
            """, gates: """
                    gates:
                      - {id: G, input: g, rules: [A], cite: {clause: 3, text: 否则得0分}}
            """, max: 6)
        #expect(try Self.points(text, a: true, b: true, g: false) == Rational(4))
        #expect(try Self.points(text, a: true, b: true, g: true) == Rational(6))
        #expect(try Self.points(text, a: false, b: false, g: false) == Rational(0))
    }

    @Test func capsThatPartlyOverlapDoNotLoad() throws {
        let text = Self.rubric(caps: """
                    caps:
                      - {points: 6, rules: [A, B], cite: {clause: 表, text: 最高得6分}}
                      - {points: 3, rules: [B, C], cite: {clause: 1, text: 最高得3分}}
            """, max: 12).replacingOccurrences(
                of: "          - {id: B, kind: yes_no",
                with: "          - {id: C, kind: yes_no, input: g, if_yes: 3, if_no: 0, cite: {clause: 4, text: C}}\n          - {id: B, kind: yes_no")
        #expect(throws: FileProblems.self) { try scorecard(text) }
        let nested = text.replacingOccurrences(of: "rules: [B, C]", with: "rules: [B]")
        #expect(throws: Never.self) { try scorecard(nested) }
    }
}
