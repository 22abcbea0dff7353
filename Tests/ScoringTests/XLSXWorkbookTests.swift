import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import Scoring
@testable import score_cli

/// The .xlsx workbooks, read back with a reader written here from the ZIP and SpreadsheetML
/// specifications (not with the writer's code): the parts, the CRCs, the frozen header row,
/// numbers as numbers, amounts in 元, dates as dates, Chinese text intact.
@Suite("xlsx workbooks")
struct XLSXWorkbookTests {
    // MARK: The container

    @Test func crc32IsTheStandardOne() {
        // The check value of CRC-32/ISO-HDLC (the ZIP one) for the ASCII digits 1 to 9.
        #expect(crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(crc32([]) == 0)
    }

    @Test func theModelUnitsWorkbookHasEveryPartWithItsCRCAndAFixedDate() throws {
        let workbook = try XLSXFile(bytes: try scoreWorkbook(["examples/scorecards/model-unit.yaml"]))
        #expect(
            workbook.entries.map(\.name) == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml",
            ])
        for entry in workbook.entries {
            #expect(entry.method == 0, "\(entry.name) is stored")
            #expect(entry.dosDate == 0x0021 && entry.dosTime == 0, "\(entry.name) is dated 1980-01-01 00:00")
            #expect(entry.crcMatches, "\(entry.name): CRC-32 in the header matches the data")
            #expect(try wellFormed(entry.data), "\(entry.name) is well-formed XML")
        }
        #expect(workbook.sheetNames == ["结果", "汇总", "发现", "解释"])
    }

    @Test func theSameResultsGiveTheSameBytes() throws {
        let first = try scoreWorkbook(["examples/scorecards/typical-unit.yaml"])
        let second = try scoreWorkbook(["examples/scorecards/typical-unit.yaml"])
        #expect(first == second)
    }

    // MARK: Sheets and cells

    @Test func everySheetFreezesItsBoldHeaderRow() throws {
        let workbook = try XLSXFile(bytes: try subsidyWorkbook("examples/subsidies/ciie-trade-2021.csv", schedule: "ciie-trade-2021"))
        #expect(workbook.sheetNames == ["结果", "汇总", "发现", "解释", "说明"])
        for name in workbook.sheetNames {
            let xml = try workbook.sheetXML(name)
            #expect(xml.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"), "\(name)")
            let header = try workbook.rows(name)[0]
            #expect(header.allSatisfy { $0.style == 1 }, "\(name): header cells use the bold style")
        }
        let styles = String(decoding: try workbook.part("xl/styles.xml"), as: UTF8.self)
        #expect(styles.contains("<xf numFmtId=\"0\" fontId=\"1\""))
        #expect(styles.contains("<font><b/>"))
    }

    @Test func amountsAreNumbersShownIn元AndDatesAreDates() throws {
        let workbook = try XLSXFile(bytes: try subsidyWorkbook("examples/subsidies/trade-consumption-2022.csv", schedule: "trade-consumption-2022"))
        let styles = String(decoding: try workbook.part("xl/styles.xml"), as: UTF8.self)
        // Style 2 is the 元 format, style 3 the date format.
        #expect(styles.contains("<numFmt numFmtId=\"164\" formatCode=\"#,##0.00&quot;元&quot;\"/>"))
        #expect(styles.contains("<xf numFmtId=\"164\""))
        let rows = try workbook.rows("结果")
        let header = rows[0].map(\.text)
        let id = try #require(header.firstIndex(of: "申请编号"))
        let amount = try #require(header.firstIndex(of: "金额"))
        let date = try #require(header.firstIndex(of: "日期"))
        // README: TC06, 上海临空远航贸易有限公司, 2022-09-20, Q2, 给予 50,000.00 (年度上限 Q2-年度).
        let tc06 = try #require(rows.first { $0.count > id && $0[id].text == "TC06" })
        #expect(tc06[amount].type == nil && tc06[amount].text == "50000" && tc06[amount].style == 2)
        // 2022-09-20 is day 44824 counting from 1899-12-30 (2022-01-01 is 44562, plus 262 days).
        #expect(tc06[date].text == "44824" && tc06[date].style == 3)
        #expect(tc06[1].text == "上海临空远航贸易有限公司" && tc06[1].type == "inlineStr")

        // The summary ends with the total, as a number; README: 临空远航 granted 400,000.00, forgone 250,000.00.
        let summary = try workbook.rows("汇总")
        let linkong = try #require(summary.first { $0.first?.text == "上海临空远航贸易有限公司" })
        #expect(linkong[2].text == "400000" && linkong[2].style == 2)
        #expect(linkong[3].text == "250000" && linkong[3].style == 2)
        #expect(linkong[7].text == "年度上限 Q2-年度 ×2（−25万元）")
        #expect(summary.last?.first?.text == "合计")
    }

    @Test func pointsWithoutAFiniteDecimalAreRoundedAsTheRubricSays() throws {
        // Changning's water-saving total is 82 × 100 / 91 + 3 ≈ 93.110 (3 places, half away from zero).
        let workbook = try XLSXFile(bytes: try scoreWorkbook(["examples/scorecards/water-saving-changning.yaml"]))
        let summary = try workbook.rows("汇总")
        let total = try #require(summary[0].firstIndex { $0.text == "总分" })
        #expect(summary[1][total].text == "93.110" && summary[1][total].type == nil)
        #expect(summary[1].contains { $0.text == "缺项" })
        let verdict = try #require(summary[0].firstIndex { $0.text == "结论" })
        #expect(summary[1][verdict].text == "达标")
    }

    @Test func dayNumbersMatchTheSpreadsheetCalendar() throws {
        #expect(XLSXCell.date(try #require(CalendarDate(year: 2022, month: 1, day: 1))).value == "44562")
        #expect(XLSXCell.date(try #require(CalendarDate(year: 1900, month: 3, day: 1))).value == "61")
        #expect(XLSXCell.date(try #require(CalendarDate(year: 2024, month: 2, day: 29))).value == "45351")
    }

    @Test func columnNamesRunPastZ() {
        #expect([0, 25, 26, 51, 701, 702].map(XLSXSheet.columnName) == ["A", "Z", "AA", "AZ", "ZZ", "AAA"])
    }

    @Test func textFromInputFilesCannotBreakTheXML() throws {
        let unit = "<b>区&\"卫健委\"</b>\u{1}\u{FFFE}\r\n"
        let report = try reportWithUnit(unit)
        let workbook = try XLSXFile(bytes: try report.workbook())
        for entry in workbook.entries { #expect(try wellFormed(entry.data), "\(entry.name)") }
        // The markup is text; the characters XML cannot hold become U+FFFD; CR and LF survive.
        #expect(try workbook.rows("汇总")[1][2].text == "<b>区&\"卫健委\"</b>\u{FFFD}\u{FFFD}\r\n")
    }

    @Test func aCellHoldsAtMost32767Characters() {
        let cell = XLSXCell.text(String(repeating: "长", count: 40_000))
        #expect(cell.value.utf16.count <= XLSXCell.maximumText)
        #expect(cell.value.hasSuffix("…（已截断）"))
        #expect(XLSXCell.text("").kind == .empty)
    }

    @Test func aSheetPastTheRowLimitIsRefusedWithAMessage() throws {
        let sheet = XLSXSheet(name: "结果", header: ["x"], rows: Array(repeating: [], count: XLSXWorkbook.maximumRows))
        let error = #expect(throws: XLSXLimitExceeded.self) { try XLSXWorkbook(sheets: [sheet]).bytes() }
        #expect(error?.message.contains("1048575") == true)
        #expect(error?.message.contains("-f csv") == true)
    }

    // MARK: Every example

    /// The workbook of each example, read back: the sheets the issue asks for, and the same rows
    /// as the CSV output of the same run.
    @Test(arguments: XLSXExample.all)
    func everyExampleGivesAWorkbook(_ example: XLSXExample) throws {
        let workbook = try XLSXFile(bytes: try example.workbook())
        #expect(workbook.sheetNames.starts(with: example.sheets), "\(workbook.sheetNames)")
        for entry in workbook.entries { #expect(try wellFormed(entry.data), "\(entry.name)") }
        let csv = Calc.parseCSV(try run(example.arguments + ["-f", "csv"]).output).dropFirst()
        let rows = try workbook.rows(example.sheets[0]).dropFirst().map { $0.map(\.text) }
        let files = example.arguments.dropFirst().filter { $0.hasPrefix("examples/") }
        if example.arguments[0] == "score" && example.sheets[0] == "结果" && files.count > 1 {
            // A batch's CSV is the summary: one record per unit, as 汇总 has.
            #expect(try workbook.rows("汇总").count - 1 == csv.count)
            #expect(csv.count == files.count)
        } else if example.arguments[0] == "score" && example.sheets[0] == "结果" {
            // One record per rule (item_id, rule_id in columns 3 and 8), then the total; the
            // workbook has the same rule rows, and a row for each cap that changed an item's sum.
            let ruleRows = csv.dropLast().filter { !$0[7].isEmpty }.map { [$0[2], $0[7]] }
            #expect(rows.filter { $0.count > 7 && !$0[7].isEmpty }.map { [$0[2], $0[7]] } == ruleRows)
        } else {
            #expect(rows.count == csv.count, "rows of \(example.sheets[0]) against the CSV")
        }
    }

    // MARK: The command line

    @Test func xlsxIsRefusedOnATerminal() throws {
        // `script` (util-linux) runs the command with a terminal as its standard output.
        let script = URL(fileURLWithPath: "/usr/bin/script")
        try #require(FileManager.default.isExecutableFile(atPath: script.path), "script (util-linux) is needed to give the command a terminal")
        let process = Process()
        process.executableURL = script
        process.arguments = ["-qefc", "'\(InterruptionTests.scoreCLI.path)' score examples/scorecards/model-unit.yaml -f xlsx", "/dev/null"]
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let shown = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 64)
        #expect(shown.contains("xlsx 是二进制文件，不能输出到终端"))
        #expect(shown.contains("-o 文件名.xlsx"))
        #expect(!shown.contains("PK"), "no workbook bytes reach the terminal")
    }

    @Test(arguments: [
        ["score", "examples/scorecards/model-unit.yaml"],
        ["subsidy", "examples/subsidies/ciie-trade-2021.csv", "--schedule", "ciie-trade-2021"],
        ["audit", "examples/audit/claims-planted.csv", "--schedule", "trade-consumption-2022"],
    ])
    func xlsxIsWrittenWithDashO(_ arguments: [String]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("score-cli-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("结果.xlsx")
        let process = Process()
        process.executableURL = InterruptionTests.scoreCLI
        process.arguments = arguments + ["-f", "xlsx", "-o", destination.path]
        let message = try InterruptionTests.standardError(of: process)
        #expect([0, 1].contains(process.terminationStatus), "\(message)")
        let workbook = try XLSXFile(bytes: [UInt8](try Data(contentsOf: destination)))
        #expect(!workbook.sheetNames.isEmpty)
        // Written whole: nothing but the workbook is left in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["结果.xlsx"])
    }
}

// MARK: - Examples

/// One example run whose workbook is checked, with the sheets it must start with.
struct XLSXExample: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var sheets: [String]

    var testDescription: String { arguments.joined(separator: " ") }

    static let all: [XLSXExample] =
        packageFiles(in: "examples/scorecards", extensions: ["yaml", "json"]).filter { !$0.hasSuffix("invalid-input.yaml") }.map {
            XLSXExample(arguments: ["score", $0], sheets: ["结果", "汇总", "发现", "解释"])
        }
        + [
            XLSXExample(
                arguments: ["score", "examples/scorecards/model-unit.yaml", "examples/scorecards/typical-unit.yaml",
                    "examples/scorecards/tier-boundaries.yaml", "examples/scorecards/claimed-disagrees.yaml",
                    "examples/scorecards/street-office-no-zhuban.json"],
                sheets: ["结果", "汇总", "发现", "解释"])
        ]
        + packageFiles(in: "examples/subsidies", extensions: ["csv"]).map { path in
            let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            return XLSXExample(arguments: ["subsidy", path, "--schedule", id], sheets: ["结果", "汇总", "发现", "解释", "说明"])
        }
        + [
            XLSXExample(arguments: ["audit"] + packageFiles(in: "examples/audit", extensions: ["yaml"]), sheets: ["差异", "汇总"]),
            XLSXExample(arguments: ["audit", "examples/audit/claims-planted.csv", "--schedule", "trade-consumption-2022"], sheets: ["差异", "汇总"]),
        ]
        + packageFiles(in: "examples/targets", extensions: ["yaml"]).map { XLSXExample(arguments: ["score", $0], sheets: ["目标", "解释"]) }

    /// The workbook, made by the command in-process.
    func workbook() throws -> [UInt8] {
        try workbookBytes(arguments + ["-f", "xlsx"])
    }
}

/// The bytes `score-cli … -f xlsx` writes, made in-process.
func workbookBytes(_ arguments: [String]) throws -> [UInt8] {
    var bytes: [UInt8] = []
    switch try ScoreCLI.parseAsRoot(arguments) {
    case let score as ScoreCommand:
        let result = score.executeDocument { bytes += $0 }
        try #require(result.errors.isEmpty, "\(result.errors)")
    case let subsidy as SubsidyCommand:
        var result = CommandResult()
        _ = subsidy.stream(into: { bytes += $0 }, restart: { bytes = [] }, result: &result)
        try #require(result.errors.isEmpty, "\(result.errors)")
    case let audit as AuditCommand:
        let (result, workbook) = audit.executeWorkbook()
        try #require(result.errors.isEmpty, "\(result.errors)")
        bytes = try #require(workbook)
    default:
        Issue.record("not a command that writes xlsx: \(arguments)")
    }
    return bytes
}

func scoreWorkbook(_ files: [String]) throws -> [UInt8] {
    try workbookBytes(["score"] + files + ["-f", "xlsx"])
}

func subsidyWorkbook(_ claims: String, schedule: String) throws -> [UInt8] {
    try workbookBytes(["subsidy", claims, "--schedule", schedule, "-f", "xlsx"])
}

/// The typical unit's report with another unit name.
func reportWithUnit(_ unit: String) throws -> ScoreReport {
    let path = "examples/scorecards/typical-unit.yaml"
    let rubric = try Scorecard.load(bytes: try packageFile("rubrics/scorecards/proposal-handling-2022.yaml"), file: "p")
    var report = try rubric.score(try SelfAssessment.load(bytes: try packageFile(path), file: path))
    report.unit = unit
    return report
}

// MARK: - Reading .xlsx (ZIP + SpreadsheetML), independently of the writer

/// An .xlsx file read as its ZIP specification lays it out: the end record, the central
/// directory, each local header and its data; then the workbook's sheets by name.
struct XLSXFile {
    struct Entry {
        var name: String
        var method: UInt16
        var dosTime: UInt16
        var dosDate: UInt16
        var crc: UInt32
        var data: [UInt8]
        var crcMatches: Bool { crc32Reference(data) == crc }
    }

    struct Cell {
        /// `A1`.
        var reference: String
        /// `t`: `inlineStr`, `s`, `str`, `b`, or `nil` for a number.
        var type: String?
        /// `s`: the cell format, 0 when absent.
        var style: Int
        /// The `<v>` or the inline string's text.
        var text: String
    }

    var entries: [Entry] = []
    /// Sheet names and their parts, in workbook order.
    private(set) var sheets: [(name: String, part: String)] = []

    var sheetNames: [String] { sheets.map(\.name) }

    init(bytes: [UInt8]) throws {
        func u16(_ at: Int) throws -> UInt16 {
            try #require(at + 2 <= bytes.count, "truncated at \(at)")
            return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
        }
        func u32(_ at: Int) throws -> UInt32 {
            try #require(at + 4 <= bytes.count, "truncated at \(at)")
            return (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) }
        }
        // The end of central directory record: 22 bytes at the end (there is no comment).
        let end = bytes.count - 22
        try #require(end >= 0 && (try u32(end)) == 0x0605_4B50, "no end-of-central-directory record")
        let count = Int(try u16(end + 10))
        var at = Int(try u32(end + 16))
        for _ in 0..<count {
            try #require((try u32(at)) == 0x0201_4B50, "central directory record expected at \(at)")
            let nameLength = Int(try u16(at + 28))
            let extraLength = Int(try u16(at + 30))
            let commentLength = Int(try u16(at + 32))
            let local = Int(try u32(at + 42))
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            // The local header repeats the method, date, CRC and sizes; they must agree.
            try #require((try u32(local)) == 0x0403_4B50, "local header of \(name)")
            #expect(try u32(local + 14) == (try u32(at + 16)), "\(name): CRC in local and central headers")
            let size = Int(try u32(local + 18))
            #expect(size == Int(try u32(local + 22)), "\(name): stored, so compressed size = size")
            let dataStart = local + 30 + Int(try u16(local + 26)) + Int(try u16(local + 28))
            try #require(dataStart + size <= bytes.count)
            entries.append(
                Entry(
                    name: name, method: try u16(at + 10), dosTime: try u16(at + 12), dosDate: try u16(at + 14), crc: try u32(at + 16),
                    data: Array(bytes[dataStart..<(dataStart + size)])))
            at += 46 + nameLength + extraLength + commentLength
        }
        // Sheets: names and relationship ids from the workbook, parts from its relationships.
        let workbook = try XMLElements(try part("xl/workbook.xml"))
        let relationships = try XMLElements(try part("xl/_rels/workbook.xml.rels"))
        for sheet in workbook.elements where sheet.name == "sheet" {
            let id = try #require(sheet.attributes["r:id"])
            let target = try #require(relationships.elements.first { $0.name == "Relationship" && $0.attributes["Id"] == id }?.attributes["Target"])
            sheets.append((try #require(sheet.attributes["name"]), "xl/" + target))
        }
    }

    func part(_ name: String) throws -> [UInt8] {
        try #require(entries.first { $0.name == name }, "no part \(name)").data
    }

    func sheetXML(_ name: String) throws -> String {
        String(decoding: try part(try #require(sheets.first { $0.name == name }, "no sheet \(name)").part), as: UTF8.self)
    }

    /// The rows of a sheet, each cell at its column's place (an absent cell is empty text).
    func rows(_ name: String) throws -> [[Cell]] {
        try SheetRows(Array(try sheetXML(name).utf8)).rows
    }
}

/// The CRC-32 computed bit by bit, as the ZIP specification describes it: no table, so a wrong
/// table in the writer cannot hide.
func crc32Reference(_ data: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
}

/// Whether `data` parses as XML.
func wellFormed(_ data: [UInt8]) throws -> Bool {
    XMLParser(data: Data(data)).parse()
}

/// Every element of an XML document, with its attributes (qualified names as written).
final class XMLElements: NSObject, XMLParserDelegate {
    private(set) var elements: [(name: String, attributes: [String: String])] = []

    init(_ data: [UInt8]) throws {
        super.init()
        let parser = XMLParser(data: Data(data))
        parser.delegate = self
        try #require(parser.parse(), "not well-formed XML")
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append((name, attributes))
    }
}

/// The cells of a worksheet part: `<row><c r t s><v>…</v> | <is><t>…</t></is></c></row>`.
final class SheetRows: NSObject, XMLParserDelegate {
    private(set) var rows: [[XLSXFile.Cell]] = []
    private var cell: XLSXFile.Cell?
    private var collecting = false

    init(_ data: [UInt8]) throws {
        super.init()
        let parser = XMLParser(data: Data(data))
        parser.delegate = self
        try #require(parser.parse(), "not well-formed XML")
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "row": rows.append([])
        case "c": cell = XLSXFile.Cell(reference: attributes["r"] ?? "", type: attributes["t"], style: Int(attributes["s"] ?? "0") ?? -1, text: "")
        case "v", "t": collecting = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { cell?.text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": collecting = false
        case "c":
            if let cell {
                let column = cell.reference.unicodeScalars.prefix { $0.properties.isUppercase }
                    .reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
                while rows[rows.count - 1].count < column {
                    rows[rows.count - 1].append(XLSXFile.Cell(reference: "", type: nil, style: 0, text: ""))
                }
                rows[rows.count - 1].append(cell)
            }
            cell = nil
        default: break
        }
    }
}
