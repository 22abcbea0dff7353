import Testing

@testable import Scoring

/// A claims file's well-formed rows are read straight from their bytes (numbers, amounts, dates,
/// booleans, choices and measures without a string each), and every other row cell by cell, with a
/// problem per bad cell. The direct reading must take exactly the rows the cell-by-cell reading
/// takes, with the same values byte for byte, and leave it every row it rejects.
@Suite("Claims: a row read from its bytes is the claim read cell by cell")
struct WellFormedClaimTests {
    /// trade-consumption-2022 with an input of each type it lacks, and bounds on several, so every
    /// way a cell is read is tried.
    static let schedule: Schedule = {
        let extraInputs = """
              - {id: share, label: 占比, type: percent, minimum: 10, maximum: 90}
              - {id: rate, label: 比率, type: percent}
              - {id: score, label: 得分, type: number}
              - {id: merit, label: 酌定分, type: points, minimum: 0, maximum: 9}
              - {id: visits, label: 来访次数, type: count, maximum: 1000}
              - {id: size, label: 规模, type: choice, choices: [大型, 中型, café, A B]}
              - {id: grant, label: 补助, type: money, minimum: 1000, maximum: 200000000}

            """
        let text = (try? packageText("rubrics/schedules/trade-consumption-2022.yaml")) ?? ""
        let extended = text.replacingOccurrences(of: "\ninputs:\n", with: "\ninputs:\n" + extraInputs)
        return try! Schedule.load(bytes: Array(extended.utf8), file: "extended.yaml")
    }()

    /// The columns: the fixed ones, every input, and one the schedule does not know.
    static var header: [String] {
        ["claim_id", "applicant", "date", "measure", "claimed_amount", "approved_amount", "matter"]
            + schedule.catalog.inputs.map(\.id) + ["备注"]
    }

    /// A row the full reading takes, every other cell blank.
    static var baseRow: [[UInt8]] {
        header.map { name in
            switch name {
            case "claim_id": Array("C1".utf8)
            case "applicant": Array("甲公司".utf8)
            case "date": Array("2022-03-01".utf8)
            case "measure": Array("Q1a".utf8)
            default: []
            }
        }
    }

    /// Cells at the edges of what each reading accepts, as bytes (some are not UTF-8).
    static let edgeCells: [[UInt8]] = {
        let texts = [
            "", " ", "\t", "\u{3000}", "  \u{3000}\t",
            // Numbers: signs, points, exponents, other digits, padding.
            "0", "-0", "+0", "1", "-1", "+1", "007", "1.5", "1.50", "-1.5", "+2.25", "1.", ".5", "-.5", "1..5", "1.2.3",
            "1e5", "1E5", "1e-5", "0x10", "--1", "+-1", "-", "+", ".", "１２３", "1２", "٣", "1\u{0301}", "1\u{FE0F}", "NaN",
            "inf", " 12 ", "\u{3000}12\u{3000}", "12\u{3000}", "\t12\t", "1 000", "12 %", "1_000", "12\u{00A0}",
            // Percentages.
            "%", "12%", "99.5%", "100%", "100.0%", "100.0001%", "-5%", "5%%", "%5", "10%", "90%", "9.99%", "90.01%",
            "５%", "5％", "5\u{0301}%", "\u{0600}%",
            // Amounts: thousands separators, 万, 亿, 元.
            "1,234", "1,234,567.89", "12,34", "1,2345", ",123", "123,", "-1,234", "+1,234", "1,234.5,6", "1,,234",
            "1234,567", "20万", "1.2亿", "3000元", "20万元", "1.2亿元", "万", "元", "亿", "万元", "-20万", "1,200万元",
            "20亿万", "20元万", "二十万", "20 万", "20万 元", "999", "1000", "200000000", "200000000.01", "2亿", "2.0000001亿",
            // Digits: 18 are kept, 19 are not; 18 after the point are kept, 19 are not.
            "123456789012345678", "1234567890123456789", "-123456789012345678", "0.000000000000000001",
            "0.0000000000000000001", "0.1234567890123456789", "000000000000000000000001", "1.000000000000000000",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "99999999999999999万",
            "999999999999999999亿", "92233720368547758.07", "1,234,567,890,123,456,789", "123,456,789,012,345,678.1",
            // Booleans and choices.
            "true", "false", "TRUE", "True", "是", "否", "yes", "是的", "是\u{0301}", "true ", "\"true\"",
            "企业", "事业单位", "个人", "其他组织", "企 业", "企业\u{3000}", "大型", "中型", "café", "cafe\u{0301}", "A B",
            "A  B", "a b",
            // Dates.
            "2022-03-01", "2022/3/1", "2022年3月1日", "2022年03月01日", "2023-02-29", "2024-02-29", "2022-13-01",
            "2022-00-10", "2022-3-1", "22-03-01", "２０２２-03-01", "2022-03-1", "2022/03/01", "1899-12-31", "1900-01-01",
            "2200-12-31", "2201-01-01", "2022-02-30", "2022-03-01T00:00", "2022-03-01日", "20220301", "2022--03-01",
            // Measures.
            "Q1a", "Q2", "Q21", "Q99", "q1a", "Ｑ1a", "Q1A", "Q8b",
            // Text with quotes, commas, line ends.
            "甲公司", "\"", "a\"b", "\"\"", "a,b", "a\nb", "a\r\nb", ",", "'12", "=1+1",
        ]
        let invalid: [[UInt8]] = [[0xFF], [0xC3], [0xE4, 0xB8], [0xC0, 0xAF], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80],
            Array("12".utf8) + [0xFF], [0xE4, 0xB8] + Array("1".utf8), [0xF0, 0x9F, 0x98] + Array("A".utf8)]
        return texts.map { Array($0.utf8) } + invalid
    }()

    /// Cells made at random from the pieces the readings look at.
    static func randomCells(count: Int, seed: UInt64) -> [[UInt8]] {
        var random = SplitMix64(seed: seed)
        let pieces = [
            "0", "1", "5", "9", "0", ".", ",", "-", "+", "%", "e", " ", "\t", "\u{3000}", "万", "亿", "元", "１", "是", "否",
            "true", "false", "企业", "\"", "x", "é", "e\u{0301}", "2022", "-03", "/", "年", "月", "日", "Q1a",
        ]
        return (0..<count).map { _ in
            if random.chance(50) {
                // A number: up to 22 digits, maybe a point, a sign, separators, a unit.
                var digits = (0..<random.int(1...22)).map { _ in String(random.int(0...9)) }.joined()
                if random.chance(40) { digits.insert(".", at: digits.index(digits.startIndex, offsetBy: random.int(0...digits.count))) }
                if random.chance(20) {
                    var grouped = ""
                    for (index, digit) in digits.reversed().enumerated() {
                        if index > 0, index % 3 == 0, random.chance(90) { grouped.append(",") }
                        grouped.append(digit)
                    }
                    digits = String(grouped.reversed())
                }
                if random.chance(15) { digits = random.pick(["-", "+"]) + digits }
                if random.chance(20) { digits += random.pick(["%", "万", "亿", "元", "万元", "亿元"]) }
                return Array(digits.utf8)
            }
            return Array((0..<random.int(0...6)).map { _ in random.pick(pieces) }.joined().utf8)
        }
    }

    /// A cell as CSV writes it: quoted when it has to be, and sometimes when it need not be.
    static func csvCell(_ cell: [UInt8], quote: Bool) -> [UInt8] {
        let special: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r")]
        guard quote || cell.contains(where: special.contains) else { return cell }
        var out: [UInt8] = [UInt8(ascii: "\"")]
        for byte in cell {
            out.append(byte)
            if byte == UInt8(ascii: "\"") { out.append(byte) }
        }
        out.append(UInt8(ascii: "\""))
        return out
    }

    /// The bytes of a claims file with these rows under ``header``.
    static func csv(_ rows: [[[UInt8]]], quoting: (Int, Int) -> Bool = { _, _ in false }) -> [UInt8] {
        var out = Array(header.joined(separator: ",").utf8) + [UInt8(ascii: "\n")]
        for (rowIndex, row) in rows.enumerated() {
            for (column, cell) in row.enumerated() {
                if column > 0 { out.append(UInt8(ascii: ",")) }
                out += csvCell(cell, quote: quoting(rowIndex, column))
            }
            out.append(contentsOf: rowIndex % 2 == 0 ? [UInt8(ascii: "\n")] : [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
        }
        return out
    }

    /// Whether two claims are the same, comparing every text byte for byte (`==` on strings also
    /// takes text written with other code points as equal).
    static func same(_ a: Claim, _ b: Claim) -> Bool {
        func bytes(_ text: String?) -> [UInt8]? { text.map { Array($0.utf8) } }
        guard a == b, bytes(a.id) == bytes(b.id), bytes(a.applicant) == bytes(b.applicant), bytes(a.measure) == bytes(b.measure),
            bytes(a.matter) == bytes(b.matter)
        else { return false }
        for input in schedule.catalog.inputs {
            if case .choice(let x) = a.values[input.id], case .choice(let y) = b.values[input.id], Array(x.utf8) != Array(y.utf8) {
                return false
            }
        }
        return true
    }

    /// Reads every row both ways and checks they agree; returns how many rows the direct reading
    /// took and how many the full reading rejected.
    static func check(_ bytes: [UInt8], _ what: String) throws -> (taken: Int, rejected: Int) {
        var reader = ClaimStreamReader(schedule: schedule, file: "claims.csv")
        let rows = try reader.scan(bytes, isLast: true)
        var counts = (taken: 0, rejected: 0)
        for index in rows.range {
            let line = rows.records.lines[index]
            let direct = reader.wellFormedClaim(rows.records, index, line: line)
            switch reader.claimOrProblems(rows.records, index, line: line) {
            case .claim(let claim):
                guard let direct else {
                    Issue.record("\(what) line \(line): the full reading takes it, the direct reading does not")
                    continue
                }
                #expect(same(claim, direct), "\(what) line \(line)")
                counts.taken += 1
            case .rejected(_, let problems):
                #expect(direct == nil, "\(what) line \(line): read directly, but rejected: \(problems.map(\.message))")
                counts.rejected += 1
            }
        }
        return counts
    }

    @Test(arguments: [false, true])
    func everyEdgeCellInEveryColumn(quoted: Bool) throws {
        let cells = Self.edgeCells + Self.randomCells(count: 300, seed: 20_240_501)
        let base = Self.baseRow
        var rows: [[[UInt8]]] = []
        for column in base.indices {
            for cell in cells {
                var row = base
                row[column] = cell
                rows.append(row)
            }
        }
        let counts = try Self.check(Self.csv(rows, quoting: { _, _ in quoted }), quoted ? "quoted" : "plain")
        #expect(counts.taken > 2000)
        #expect(counts.rejected > 5000)
    }

    /// Rows with many cells filled at once, from values each input accepts and some it does not.
    @Test func rowsFilledAtRandom() throws {
        var random = SplitMix64(seed: 77)
        let good: [InputType: [String]] = [
            .boolean: ["true", "false", "是", "否"], .count: ["0", "3", "1000", "007"], .number: ["0.5", "12", "7.25", "0.01"],
            .percent: ["10", "55.5%", "90%", "20.25"], .points: ["0", "4.5", "9"], .money: ["1000", "20万", "1,234,567.89", "1.2亿元"],
        ]
        let odd = Self.edgeCells + Self.randomCells(count: 200, seed: 99)
        var rows: [[[UInt8]]] = []
        for _ in 0..<3000 {
            var row = Self.baseRow
            for (offset, input) in Self.schedule.catalog.inputs.enumerated() where random.chance(60) {
                let column = 7 + offset
                if random.chance(5) {
                    row[column] = random.pick(odd)
                } else if let choices = input.choices {
                    row[column] = Array(random.pick(choices).utf8)
                } else {
                    row[column] = Array(random.pick(good[input.type] ?? [""]).utf8)
                }
            }
            if random.chance(30) { row[4] = Array(random.pick(["100", "20万", "1,000.50", " 3000元 "]).utf8) }
            if random.chance(30) { row[5] = Array(random.pick(["0", "5万", "12.5"]).utf8) }
            if random.chance(30) { row[6] = Array(random.pick(["展会", "M-1", "\u{3000}事项\u{3000}"]).utf8) }
            row[1] = Array(random.pick(["甲公司", "乙 有限公司", "C\"D", "上海虹桥明泰科技集团有限公司"]).utf8)
            row[3] = Array(random.pick(Self.schedule.measures.map(\.id)).utf8)
            rows.append(row)
        }
        let counts = try Self.check(Self.csv(rows, quoting: { row, column in (row + column) % 7 == 0 }), "random")
        #expect(counts.taken > 1500)
        #expect(counts.rejected > 200)
    }

    /// Quoted cells as spreadsheets write them, with text after the closing quote, and cells that
    /// only look quoted.
    @Test func quotesAsSpreadsheetsWriteThem() throws {
        let cells = ["\"12\" ", "\"1\"\"2\"", "\"\"", "\"  \"", " \"12\"", "\"企业\"", "\"20\"万", "\"true\"\u{3000}", "\"2022-03-01\"  "]
        var rows: [[[UInt8]]] = []
        for column in Self.baseRow.indices {
            for cell in cells {
                var row = Self.baseRow.map { Self.csvCell($0, quote: false) }
                row[column] = Array(cell.utf8)
                rows.append(row)
            }
        }
        // Written as they are: each cell above is already CSV.
        var out = Array(Self.header.joined(separator: ",").utf8) + [UInt8(ascii: "\n")]
        for row in rows { out += Array(row.joined(separator: [UInt8(ascii: ",")])) + [UInt8(ascii: "\n")] }
        let counts = try Self.check(out, "quotes")
        #expect(counts.taken > 0)
        #expect(counts.rejected > 0)
    }

    /// The one row the direct reading leaves to the full reading although it takes it: one with more
    /// cells than the header, which the full reading names by position.
    @Test func aRowWiderThanTheHeaderIsLeftToTheFullReading() throws {
        var bytes = Self.csv([Self.baseRow])
        bytes.removeLast()
        bytes += Array(",\n".utf8)
        var reader = ClaimStreamReader(schedule: Self.schedule, file: "claims.csv")
        let rows = try reader.scan(bytes, isLast: true)
        let index = rows.range.lowerBound
        #expect(reader.wellFormedClaim(rows.records, index, line: 2) == nil)
        guard case .claim = reader.claimOrProblems(rows.records, index, line: 2) else {
            Issue.record("a blank cell past the header is not a problem")
            return
        }
    }

    /// Each input's cell read from its bytes gives the value the text gives. For numbers and
    /// amounts the bytes decide alone, so they refuse exactly what the text refuses; booleans and
    /// choices written with other code points are left to the text.
    @Test func aCellReadFromItsBytesIsTheValueOfItsText() {
        let cells = Self.edgeCells + Self.randomCells(count: 2000, seed: 5)
        for definition in Self.schedule.catalog.inputs {
            let column = InputColumn(definition)
            for cell in cells {
                let fromBytes = cell.withUnsafeBufferPointer { InputValue.parse(bytes: $0, as: column) }
                guard let text = cell.withUnsafeBufferPointer({ CSVRecords.string($0) }) else {
                    #expect(fromBytes == nil, "\(definition.id): \(cell) is not UTF-8")
                    continue
                }
                let fromText = try? InputValue.parse(text, as: definition).get()
                if let fromBytes {
                    #expect(fromBytes == fromText, "\(definition.id): \(text.debugDescription)")
                } else if definition.type != .boolean && definition.type != .choice {
                    #expect(fromText == nil, "\(definition.id): \(text.debugDescription) is refused from its bytes only")
                }
            }
        }
    }
}
