import Foundation
import Scoring

/// What each fuzz target does with one input. Compiled into the fuzzers (Fuzz/*/main.swift, built by
/// scripts/fuzz.sh) and into the tests (FuzzRegressionTests.swift), so a saved failing input replays
/// through exactly the calls that failed. Every call may throw or refuse the input; none may crash,
/// hang or run out of memory.
enum FuzzHarness {
    /// The fuzz targets, by folder name under Fuzz/.
    static let targets = ["RubricLoader", "SelfAssessment", "ClaimsReader"]

    /// The package folder, for the fuzzers to find the shipped rubrics: SCORE_ROOT, or three levels
    /// above this file (scripts/fuzz.sh compiles it by its full path).
    static let packageFolder: String = {
        if let root = getenv("SCORE_ROOT") { return String(cString: root) }
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// The shipped rubrics the self-assessment and claims targets score against.
    struct Shipped: Sendable {
        var scorecards: [Scorecard]
        var schedules: [Schedule]

        /// Loads every shipped scorecard and schedule under `root` (the package folder).
        static func load(root: String) -> Shipped {
            func files(_ folder: String) -> [(String, [UInt8])] {
                let path = root + "/rubrics/" + folder
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
                return names.compactMap { name in
                    FileManager.default.contents(atPath: path + "/" + name).map { (name, [UInt8]($0)) }
                }
            }
            let scorecards = files("scorecards").compactMap { try? Scorecard.load(bytes: $0.1, file: $0.0) }
            let schedules = files("schedules").compactMap { try? Schedule.load(bytes: $0.1, file: $0.0) }
            precondition(!scorecards.isEmpty && !schedules.isEmpty, "no shipped rubrics under \(root)/rubrics")
            return Shipped(scorecards: scorecards, schedules: schedules)
        }
    }

    /// Any rubric file: loaded by kind (scorecard, schedule, targets), then linted and shown.
    static func rubric(_ bytes: [UInt8]) {
        guard let rubric = try? Rubric.load(bytes: bytes, file: "fuzz.yaml") else {
            // A file that names no kind is read as a scorecard; try it as a schedule as well.
            _ = try? Schedule.load(bytes: bytes, file: "fuzz.yaml")
            return
        }
        _ = RubricLint.check(rubric, file: "fuzz.yaml", source: nil)
        switch rubric {
        case .scorecard(let scorecard):
            _ = scorecard.renderText()
            _ = scorecard.renderTemplate()
            // Score the fuzzed rules: every input at its low end, at its high end, and mixed.
            for variant in 0..<3 {
                let text = assessment(for: scorecard, variant: variant)
                guard let assessment = try? SelfAssessment.load(bytes: Array(text.utf8), file: "fuzz-input.json") else { continue }
                if let report = try? scorecard.score(assessment) { _ = report.json.serialized() }
                _ = try? scorecard.scoreForAudit(assessment)
            }
        case .schedule(let schedule):
            _ = schedule.renderText()
            // Decide a claim for every fuzzed measure, with every fact low, high and mixed.
            let text = claims(for: schedule)
            if let batch = try? ClaimBatch.read(bytes: Array(text.utf8), file: "fuzz-claims.csv", schedule: schedule) {
                var calculator = SubsidyCalculator(schedule: schedule)
                _ = calculator.run(batch, file: "fuzz-claims.csv").renderJSON()
            }
        case .targets:
            break
        }
    }

    /// A value for `input` of each kind: 0 low, 1 high, 2 alternating.
    private static func value(_ input: InputDefinition, variant: Int, position: Int) -> String {
        let high = variant == 1 || (variant == 2 && position % 2 == 1)
        switch input.type {
        case .boolean: return high ? "true" : "false"
        case .choice: return (high ? input.choices?.last : input.choices?.first) ?? ""
        case .count: return high ? (input.maximum?.description ?? "1000000") : "0"
        case .money: return high ? (input.maximum?.description ?? "1.2亿") : "0"
        case .number, .percent, .points:
            return high ? (input.maximum?.description ?? "99.5") : (input.minimum?.description ?? "0")
        }
    }

    /// A self-assessment (JSON) giving every input of `scorecard` a value.
    private static func assessment(for scorecard: Scorecard, variant: Int) -> String {
        let inputs = scorecard.inputs.enumerated().map { position, input in
            "\(json(input.id)): \(json(value(input, variant: variant, position: position)))"
        }
        return "{\"rubric\": \(json(scorecard.header.id)), \"unit\": \"fuzz\", \"inputs\": {\(inputs.joined(separator: ", "))}}"
    }

    /// A claims CSV with three claims per measure of `schedule`, inside its validity window.
    private static func claims(for schedule: Schedule) -> String {
        let inputs = schedule.catalog.inputs
        var lines = [(["claim_id", "applicant", "date", "measure"] + inputs.map(\.id) + ["approved_amount"]).map(csv).joined(separator: ",")]
        let date = schedule.header.effective?.from ?? schedule.header.effective?.to
        for (index, measure) in schedule.measures.prefix(200).enumerated() {
            for variant in 0..<3 {
                let facts = inputs.enumerated().map { csv(value($1, variant: variant, position: $0)) }
                let row = ["C\(index)-\(variant)", "A\(variant)", date?.description ?? "2022-01-01", measure.id] + facts + [variant == 1 ? "10万" : ""]
                lines.append(row.map(csv).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func csv(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A self-assessment: read, then scored (and audited) against every shipped scorecard.
    static func selfAssessment(_ bytes: [UInt8], shipped: Shipped) {
        guard let assessment = try? SelfAssessment.load(bytes: bytes, file: "fuzz.yaml") else { return }
        for scorecard in shipped.scorecards {
            if let report = try? scorecard.score(assessment) {
                _ = report.json.serialized()
                _ = report.renderText()
            }
            _ = try? scorecard.scoreForAudit(assessment)
        }
    }

    /// A claims file, read as CSV and as YAML for every shipped schedule, and decided.
    static func claims(_ bytes: [UInt8], shipped: Shipped) {
        for schedule in shipped.schedules {
            for file in ["fuzz.csv", "fuzz.yaml"] {
                guard let batch = try? ClaimBatch.read(bytes: bytes, file: file, schedule: schedule) else { continue }
                guard !batch.claims.isEmpty else { continue }
                var calculator = SubsidyCalculator(schedule: schedule)
                _ = calculator.run(batch, file: file).renderJSON()
            }
        }
    }

    /// Runs `target` on one input.
    static func run(_ target: String, _ bytes: [UInt8], shipped: Shipped) {
        switch target {
        case "RubricLoader": rubric(bytes)
        case "SelfAssessment": selfAssessment(bytes, shipped: shipped)
        case "ClaimsReader": claims(bytes, shipped: shipped)
        default: preconditionFailure("unknown fuzz target \(target)")
        }
    }
}
