import Foundation
import Testing

@testable import Scoring
@testable import score_cli

/// The HTML reports printed by a real browser: headless Chromium prints each example to PDF, and
/// the PDF's text (poppler's pdftotext) must show the total, the unit and every item title, on A4
/// pages (pdfinfo), with each report starting on a page of its own.
///
/// CI installs Chromium and poppler-utils (.ci/run); a missing program fails the test with a
/// message saying what to install, unless SCORE_SKIP_EXTERNAL=1.
@Suite("HTML printed by Chromium", .serialized, .enabled(if: ExternalTool.chromium.shouldRun && ExternalTool.pdftotext.shouldRun))
struct BrowserPrintTests {
    @Test func theModelUnitPrintsItsTotalUnitAndAllNineItems() throws {
        let pdf = try PrintedPDF(html: try run(["score", "examples/scorecards/model-unit.yaml", "-f", "html"]).output)
        let titles = try HTMLReportTests.itemTitles()
        #expect(titles.count == 9)
        for title in titles { #expect(pdf.shows(title), "item title \(title)") }
        #expect(pdf.shows("总分 100/100"))
        #expect(pdf.firstPage.contains("区发展改革委") && pdf.firstPage.contains("100"), "the unit and the total head the first page")
        #expect(pdf.isA4)
        // 9 items, 22 rules and 17 interpretations: more than a page, and still a short document.
        #expect((2...4).contains(pdf.pages), "\(pdf.pages) pages")
    }

    /// Every example's HTML, printed: A4, and the figures that matter on the page.
    @Test(arguments: ExampleOutput.all.filter { $0.expected.hasSuffix(".html") })
    func everyExamplePrints(_ example: ExampleOutput) throws {
        let pdf = try PrintedPDF(html: try run(example.arguments).output)
        #expect(pdf.isA4, "\(pdf.info)")
        #expect(pdf.pages >= 1)
        for text in try Self.mustShow(example.arguments) { #expect(pdf.shows(text), "\(example.expected): \(text)") }
    }

    /// A batch prints its summary on the first page, then each unit's report starting a new page:
    /// as many pages as the units printed alone, plus one.
    @Test func aBatchPrintsTheSummaryPageThenEachUnitOnItsOwnPages() throws {
        let batch = try PrintedPDF(html: try run(["score"] + ExampleOutput.batch + ["-f", "html"]).output)
        var alone = 0
        for file in ExampleOutput.batch {
            alone += try PrintedPDF(html: try run(["score", file, "-f", "html"]).output).pages
        }
        #expect(batch.pages == alone + 1)
        for unit in ["区发展改革委", "区教育局", "区民政局", "区卫生健康委", "新华路街道"] { #expect(batch.firstPage.contains(unit)) }
    }

    /// What the printed page of a command's result must show, worked out from the results themselves.
    static func mustShow(_ arguments: [String]) throws -> [String] {
        let command = try ScoreCLI.parseAsRoot(arguments)
        switch command {
        case let score as ScoreCommand:
            var shown: [String] = []
            for file in ScoreCommand.expand(score.files) {
                let (assessment, rubric) = try ScoreCommand.load(file, rubric: nil)
                switch rubric {
                case .scorecard(let scorecard):
                    let report = try scorecard.score(assessment)
                    shown += ["总分 \(report.display(report.total))/\(report.maximum.displayText())", report.unit] + report.sections.flatMap { $0.items.map(\.title) }
                case .targets(let checklist):
                    let report = try checklist.check(assessment)
                    shown += [report.unit] + report.results.map(\.indicator.title)
                case .schedule:
                    Issue.record("\(file) is not a self-assessment")
                }
            }
            return shown
        case let subsidy as SubsidyCommand:
            var result = CommandResult()
            let report = try #require(subsidy.decide(into: &result))
            return ["合计给予 \(report.totalGranted.yuanText) 元"] + report.applicants.map(\.applicant) + report.results.map(\.claim.id)
        case let audit as AuditCommand:
            var shown = Set<String>()
            if audit.schedule != nil {
                shown = ["核实：申请", "claim.wrong-amount", "claim.yearly-cap-ignored", "claim.stacking"]
            } else {
                shown = ["核实：自评表", "claim.above-max", "claim.differs", "claim.total-not-sum", "input.out-of-range", "note.missing"]
            }
            return shown.sorted()
        default:
            Issue.record("unexpected command \(arguments)")
            return []
        }
    }
}

/// An HTML page printed to PDF by headless Chromium, and what poppler reads back from the PDF.
struct PrintedPDF {
    /// All the text, and the first page's, as pdftotext extracts it.
    let text: String
    let firstPage: String
    let pages: Int
    /// pdfinfo's output.
    let info: String

    init(html: String) throws {
        let chromium = try ExternalTool.chromium.require()
        let pdftotext = try ExternalTool.pdftotext.require()
        let pdfinfo = try ExternalTool.pdfinfo.require()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("score-cli-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        let pdf = folder.appendingPathComponent("report.pdf")
        try Data(html.utf8).write(to: page)
        let printed = try ExternalTool.run(
            chromium,
            ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-pdf-header-footer",
                "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--print-to-pdf=\(pdf.path)", page.absoluteString],
            in: folder)
        try #require(FileManager.default.fileExists(atPath: pdf.path), "chromium wrote no PDF (exit \(printed.status)): \(printed.errors.suffix(2000))")
        text = try ExternalTool.run(pdftotext, ["-enc", "UTF-8", pdf.path, "-"], in: folder).output
        firstPage = try ExternalTool.run(pdftotext, ["-enc", "UTF-8", "-f", "1", "-l", "1", pdf.path, "-"], in: folder).output
        info = try ExternalTool.run(pdfinfo, [pdf.path], in: folder).output
        let pagesLine = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }, "pdfinfo: \(info)")
        pages = try #require(Int(pagesLine.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)))
    }

    /// Whether the PDF shows `text`; line breaks and spaces the layout adds are ignored.
    func shows(_ expected: String) -> Bool {
        Self.squeezed(text).contains(Self.squeezed(expected))
    }

    private static func squeezed(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !CharacterSet.whitespacesAndNewlines.contains(scalar) { out.append(scalar) }
        return String(out)
    }

    /// pdfinfo names the page size; A4 is 595 × 842 points.
    var isA4: Bool { info.contains("(A4)") }
}

/// A program a real-program test runs. When it is missing the test fails and says what to
/// install, unless SCORE_SKIP_EXTERNAL=1 (CI installs them all, so CI always runs these tests).
struct ExternalTool: Sendable {
    let name: String
    let package: String

    static let chromium = ExternalTool(name: "chromium", package: "chromium")
    static let pdftotext = ExternalTool(name: "pdftotext", package: "poppler-utils")
    static let pdfinfo = ExternalTool(name: "pdfinfo", package: "poppler-utils")
    static let soffice = ExternalTool(name: "soffice", package: "libreoffice-calc-nogui")

    static var skipRequested: Bool { ProcessInfo.processInfo.environment["SCORE_SKIP_EXTERNAL"] == "1" }

    /// The program on PATH, if any.
    var path: URL? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin"]
        return folders.map { URL(fileURLWithPath: $0).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Whether a suite that needs it runs: always, except when it is missing and skipping was asked for.
    var shouldRun: Bool { path != nil || !Self.skipRequested }

    /// The program, or a failure that says how to install it.
    func require() throws -> URL {
        try #require(
            path,
            "\(name) 未安装 / not installed: apt-get install \(package)（.ci/run 会安装；设 SCORE_SKIP_EXTERNAL=1 可跳过 / set SCORE_SKIP_EXTERNAL=1 to skip）")
    }

    /// Runs `program` to its end (at most `seconds`), with its output and errors collected in files
    /// so a chatty program never blocks on a full pipe.
    static func run(_ program: URL, _ arguments: [String], in folder: URL, seconds: Double = 120) throws -> (status: Int32, output: String, errors: String) {
        let outputFile = folder.appendingPathComponent("\(UUID().uuidString).out")
        let errorFile = folder.appendingPathComponent("\(UUID().uuidString).err")
        try Data().write(to: outputFile)
        try Data().write(to: errorFile)
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            Issue.record("\(program.lastPathComponent) did not finish within \(Int(seconds)) s")
        }
        process.waitUntilExit()
        let output = String(decoding: try Data(contentsOf: outputFile), as: UTF8.self)
        let errors = String(decoding: try Data(contentsOf: errorFile), as: UTF8.self)
        return (process.terminationStatus, output, errors)
    }
}
