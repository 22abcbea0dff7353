import Foundation
import Testing

@testable import Scoring
@testable import score_cli

/// Every CSV the tool writes opens correctly in Excel and WPS and is safe there (DESIGN.md §5):
/// it starts with the UTF-8 byte-order mark, and a cell starting with `=`, `+`, `-`, `@`, a tab or
/// a carriage return gets a leading `'`, so a unit named `=HYPERLINK(…)` is shown as text, never
/// run. A plain number such as `-5` or `-9.17` is no formula and stays a number.
///
/// `generate` is the exception on purpose: it writes benchmark input as a program would (no BOM,
/// LF; ClaimGeneratorTests), and none of its cells starts with those characters (checked below).
@Suite("CSV for Excel and WPS: BOM and formula cells neutralised, in every command")
struct CSVForExcelTests {
    /// Names a spreadsheet would run as formulas, or read as something else.
    static let hostileNames = ["=HYPERLINK(\"http://example.invalid/\",\"点此查看\")", "@SUM(1+1)", "+86 21 1234", "-2+3"]

    /// The cells of a CSV text, after its byte-order mark.
    static func cells(_ csv: String) throws -> [[String]] {
        let records = try CSVReader.records(Array(csv.utf8), file: "output.csv")
        return (0..<records.count).map { row in records.texts(row).map { $0 ?? "" } }
    }

    /// The BOM is there, and no cell starts a formula unless it is a plain number.
    static func expectExcelSafe(_ csv: String, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        #expect(csv.hasPrefix("\u{FEFF}"), "\(what): no byte-order mark", sourceLocation: sourceLocation)
        #expect(!csv.isEmpty && csv.count > 1, "\(what): empty", sourceLocation: sourceLocation)
        for row in try cells(csv) {
            for cell in row {
                guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { continue }
                #expect(Rational(decimalText: cell) != nil, "\(what): formula cell \(cell.debugDescription)", sourceLocation: sourceLocation)
            }
        }
    }

    /// A fresh folder for the inputs of one test.
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("score-cli-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The typical unit's self-assessment under another unit name.
    static func selfAssessment(unit: String, in folder: URL, index: Int) throws -> String {
        let text = try packageText("examples/scorecards/typical-unit.yaml")
            .replacingOccurrences(of: "unit: 区卫生健康委", with: "unit: '\(unit.replacingOccurrences(of: "'", with: "''"))'")
        let path = folder.appendingPathComponent("unit-\(index).yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func scoreOneUnitAndTheSummaryNeutraliseHostileUnitNames() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try (Self.hostileNames + ["-5"]).enumerated().map { try Self.selfAssessment(unit: $0.element, in: folder, index: $0.offset) }

        let one = try run(["score", files[0], "-f", "csv"])
        #expect(one.status == 0)
        try Self.expectExcelSafe(one.output, "score (one unit)")
        #expect(try Self.cells(one.output)[1][0] == "'" + Self.hostileNames[0])

        for extra in [[], ["--top", "优秀=2", "--next", "表扬=2"]] {
            let summary = try run(["score"] + files + ["-f", "csv"] + extra)
            #expect(summary.status == 0)
            try Self.expectExcelSafe(summary.output, "score summary \(extra)")
            let units = try Self.cells(summary.output).dropFirst().map { $0[extra.isEmpty ? 2 : 4] }
            #expect(Set(units) == Set(Self.hostileNames.map { "'" + $0 } + ["-5"]), "a unit named -5 stays the number -5")
        }
    }

    @Test func aNegativeNumberInANumericColumnStaysANumber() throws {
        // 能耗总量 grew by −9.17%: the actual is a negative number and must stay one.
        let result = try run(["score", "examples/targets/energy-carbon-changning-2020.yaml", "-f", "csv"])
        try Self.expectExcelSafe(result.output, "score (targets)")
        let row = try #require(try Self.cells(result.output).first { $0.count > 1 && $0[1] == "T3" })
        #expect(row[4] == "-9.17")
    }

    @Test func theTargetsCSVNeutralisesAHostileUnitName() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try packageText("examples/targets/energy-carbon-changning-2020.yaml").replacingOccurrences(of: "unit: 长宁区", with: "unit: '@SUM(1+1)'")
        let path = folder.appendingPathComponent("targets.yaml")
        try Data(text.utf8).write(to: path)
        let result = try run(["score", path.path, "-f", "csv"])
        try Self.expectExcelSafe(result.output, "score (targets, hostile unit)")
        #expect(try Self.cells(result.output)[1][0] == "'@SUM(1+1)")
    }

    /// Two Q2 claims of one applicant under 长商务规〔2021〕3号: 15万 in March, 10万 in September,
    /// against the yearly cap of 20万 (「单个企业每年累计不超过 20 万元」).
    static func claims(applicant: String, in folder: URL) throws -> (first: String, second: String) {
        let header = try packageText("examples/subsidies/trade-consumption-2022.csv").split(separator: "\n")[0]
        let quoted = "\"" + applicant.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let first = folder.appendingPathComponent("first.csv")
        let second = folder.appendingPathComponent("second.csv")
        try Data("\(header)\nA1,\(quoted),2022-03-10,Q2,企业,true,true,,1.06亿,1.00亿,,,,,,,,,,,,,,15万,,m1\n".utf8).write(to: first)
        try Data("\(header)\nA2,\(quoted),2022-09-20,Q2,企业,true,true,,1.14亿,1.10亿,,,,,,,,,,,,,,10万,,m2\n".utf8).write(to: second)
        return (first.path, second.path)
    }

    @Test(arguments: hostileNames + ["-5"])
    func theSubsidyCSVIsSafeAndStillReadsBackAsTheLedger(_ applicant: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (first, second) = try Self.claims(applicant: applicant, in: folder)
        let decided = try run(["subsidy", first, "--schedule", "trade-consumption-2022", "-f", "csv"])
        #expect(decided.status == 0, "\(decided.errors)")
        try Self.expectExcelSafe(decided.output, "subsidy")
        let row = try Self.cells(decided.output)[1]
        #expect(row[1] == (Rational(decimalText: applicant) == nil ? "'" + applicant : applicant))
        #expect(row[4] == "150000.00")

        // Last run's output as this run's ledger: the applicant is the same one, so the yearly cap
        // leaves 20万 − 15万 = 5万 of the 10万 computed.
        let ledger = folder.appendingPathComponent("ledger.csv")
        try Data(decided.output.utf8).write(to: ledger)
        let next = try run(["subsidy", second, "--schedule", "trade-consumption-2022", "--ledger", ledger.path, "-f", "csv"])
        #expect(next.status == 0, "\(next.errors)")
        let capped = try Self.cells(next.output)[1]
        #expect(capped[4] == "50000.00", "the ledger's applicant matched: \(capped)")
        #expect(capped[11] == "Q2-年度")
    }

    @Test func theAuditCSVsAreSafe() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let units = try Self.hostileNames.enumerated().map { try Self.selfAssessment(unit: $0.element, in: folder, index: $0.offset) }
        // The typical unit claims a total of 74 that matches; claim 80 to get a difference row.
        let text = try String(contentsOfFile: units[0], encoding: .utf8).replacingOccurrences(of: "claimed_total: 74", with: "claimed_total: 80")
        try Data(text.utf8).write(to: URL(fileURLWithPath: units[0]))
        let selfAssessments = try run(["audit"] + units + ["-f", "csv"])
        try Self.expectExcelSafe(selfAssessments.output, "audit (self-assessments)")
        #expect(try Self.cells(selfAssessments.output).contains { $0[0] == "'" + Self.hostileNames[0] })

        let (first, _) = try Self.claims(applicant: Self.hostileNames[0], in: folder)
        let claims = try run(["audit", first, "--schedule", "trade-consumption-2022", "-f", "csv"])
        try Self.expectExcelSafe(claims.output, "audit (claims)")
    }

    @Test(arguments: [
        ["template", "trade-consumption-2022", "--csv"], ["rubrics", "-f", "csv"], ["show", "proposal-handling-2022", "-f", "csv"],
        ["show", "trade-consumption-2022", "-f", "csv"], ["show", "quality-brand-ip-2021", "-f", "csv"],
    ])
    func theOtherCSVsHaveTheMarkAndNoFormulaCells(_ arguments: [String]) throws {
        let result = try run(arguments)
        #expect(result.status == 0)
        try Self.expectExcelSafe(result.output, arguments.joined(separator: " "))
    }

    @Test func generatedClaimsHaveNoCellAFormulaCouldStartWith() throws {
        let schedule = try Schedule.load(bytes: try packageFile("rubrics/schedules/trade-consumption-2022.yaml"), file: "trade-consumption-2022.yaml")
        let csv = ClaimGenerator(schedule: schedule, seed: 5, invalidPerMille: 50).csv(count: 2_000)
        for cell in try Self.cells(csv).joined() {
            guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { continue }
            #expect(Rational(decimalText: cell) != nil, "formula cell \(cell.debugDescription)")
        }
    }

    @Test(arguments: [("'=SUM(1)", "=SUM(1)"), ("'-2+3", "-2+3"), ("'@x", "@x"), ("'abc", "'abc"), ("-5", "-5"), ("''=x", "''=x")])
    func aNeutralisedCellReadsBackAsWritten(_ written: String, _ restored: String) {
        #expect(CSVWriter.restored(written) == restored)
    }
}
