import Testing

@testable import Scoring

/// The byte-level writers and readers a large batch uses for every claim must say exactly what the
/// string-level ones say: these compare them directly, at the edges where they could differ.
@Suite("Amounts, dates and CSV fields written as bytes")
struct ByteWritingTests {
    private func moneyBytes(_ value: Rational) -> String {
        DigitWriter.text { value.writeMoney(&$0) }
    }

    /// What the amount columns said before they were written as bytes.
    private func moneyText(_ value: Rational) -> String {
        (try? value.fixedText(places: 2)) ?? value.description
    }

    /// The bytes one record writer call makes, as text.
    private func record(_ write: (inout CSVRecordWriter) -> Void) -> String {
        var out: [UInt8] = []
        CSVWriter.appendRecord(of: (), to: &out) { row, _ in write(&row) }
        return String(decoding: out, as: UTF8.self)
    }

    private func fieldBytes(_ cell: String) -> String {
        record { $0.field(cell) }
    }

    private func joinedBytes(_ parts: [String], _ separator: StaticString) -> String {
        record { $0.field(joining: parts, separator: separator) }
    }

    @Test func amountsAsBytesAreTheFixedTextToTheFen() throws {
        let values: [Rational] = [
            .zero, Rational(integer: 1), Rational(integer: -1), Rational(integer: 200_000),
            try Rational(numerator: 1, denominator: 3), try Rational(numerator: -2, denominator: 3),
            try Rational(numerator: 5, denominator: 1000),  // 0.005 rounds half away from zero to 0.01
            try Rational(numerator: -5, denominator: 1000),
            try Rational(numerator: -4, denominator: 1000),  // rounds to zero: no sign
            try Rational(numerator: 4_999, denominator: 1_000_000),  // 0.004999 → 0.00
            try Rational(numerator: 123_456_789, denominator: 100),
            try Rational(numerator: -7, denominator: 4), try Rational(numerator: 1, denominator: 20),
            Rational(integer: 92_233_720_368_547_758),  // the largest whole number of 元 with its 分 in an Int64
            Rational(integer: 92_233_720_368_547_759),  // the first without: whole 元 still need no 分
        ]
        for value in values {
            #expect(moneyBytes(value) == (try value.fixedText(places: 2)), "\(value)")
        }
        #expect(moneyBytes(try Rational(numerator: 5, denominator: 1000)) == "0.01")
        #expect(moneyBytes(try Rational(numerator: -5, denominator: 1000)) == "-0.01")
        #expect(moneyBytes(try Rational(numerator: -7, denominator: 4)) == "-1.75")
    }

    /// Whole 元 are written from their digits, halves and quarters from their 分 when those fit an
    /// Int64, anything else rounded: each way at the last value it takes and the first it does not.
    @Test func amountsAtTheEdgesOfEachWayOfWritingThem() throws {
        let largestQuarters: Int64 = 368_934_881_474_191_031  // × 25 is the last count of 分 in an Int64
        let values: [Rational] = [
            Rational(integer: 99_999_999), Rational(integer: 100_000_000), Rational(integer: -99_999_999),
            Rational(integer: -100_000_000), Rational(integer: Int64.max), Rational(integer: Int64.min),
            try Rational(numerator: largestQuarters, denominator: 4),
            try Rational(numerator: largestQuarters + 2, denominator: 4),
            try Rational(numerator: -largestQuarters, denominator: 4),
            try Rational(numerator: -largestQuarters - 2, denominator: 4),
            try Rational(numerator: Int64.max, denominator: 100), try Rational(numerator: Int64.min + 1, denominator: 100),
            try Rational(numerator: Int64.max, denominator: 3),  // rounding overflows: the fraction itself
            try Rational(numerator: 9_999_999_999, denominator: 100), try Rational(numerator: 10_000_000_001, denominator: 100),
            try Rational(numerator: 1, denominator: 100), try Rational(numerator: 1, denominator: 1000),
        ]
        for value in values {
            #expect(moneyBytes(value) == moneyText(value), "\(value)")
        }
        #expect(moneyBytes(try Rational(numerator: largestQuarters, denominator: 4)) == "92233720368547757.75")
        #expect(moneyBytes(Rational(integer: Int64.min)) == "-9223372036854775808.00")
    }

    @Test func anAmountTooLargeForFenIsStillWrittenInFull() throws {
        // 9.2 × 10^18 元 has no room for 分 in an Int64: the bytes fall back to the same text.
        let huge = Rational(integer: Int64.max)
        #expect(moneyBytes(huge) == ((try? huge.fixedText(places: 2)) ?? huge.description))
        #expect(moneyBytes(huge).hasPrefix("9223372036854775807"))
    }

    /// Eight digits at once below 10^8, counted one pair at a time from there: both against `String`,
    /// padded, and with fewer than eight bytes left in the buffer, where the word cannot be stored.
    @Test(arguments: [1, 2, 4, 8, 9, 12])
    func digitsAreTheDecimalText(width: Int) {
        let values: [UInt64] = [
            0, 1, 9, 10, 99, 100, 1_000, 9_999, 10_000, 123_456, 9_999_999, 10_000_000, 20_000_000, 99_999_999,
            100_000_000, 100_000_001, 1_234_567_890, 9_999_999_999_999_999, 10_000_000_000_000_000,
            UInt64(Int64.max), UInt64.max,
        ]
        for value in values {
            let plain = String(value)
            let expected = String(repeating: "0", count: max(0, width - plain.count)) + plain
            #expect(DigitWriter.text { $0.appendDigits(value, width: width) } == expected, "\(value) width \(width)")
            // At the very end of the buffer, with no room for the eight-byte word.
            let nearTheEnd = DigitWriter.text { writer in
                for _ in 0..<(DigitWriter.capacity - expected.utf8.count) { writer.append(UInt8(ascii: "x")) }
                writer.appendDigits(value, width: width)
            }
            #expect(nearTheEnd.hasSuffix(expected) && nearTheEnd.utf8.count == DigitWriter.capacity, "\(value) width \(width) at the end")
        }
    }

    @Test func twoDigitsAreZeroPadded() {
        for value in 0..<100 {
            let plain = String(value)
            #expect(DigitWriter.text { $0.appendTwoDigits(value) } == (value < 10 ? "0" + plain : plain))
        }
    }

    @Test func datesAsBytesAreTheirDescription() throws {
        for text in ["2022-01-30", "2024-02-29", "1900-01-01", "2200-12-31", "1999-10-09", "2000-09-10"] {
            let date = try #require(CalendarDate(text: text))
            #expect(DigitWriter.text(date.write) == text)
            #expect(date.description == text)
            let plain = String(date.year) + "-" + (date.month < 10 ? "0" : "") + String(date.month) + "-" + (date.day < 10 ? "0" : "") + String(date.day)
            #expect(date.description == plain)
        }
    }

    @Test(arguments: ["2023-02-29", "2022-13-01", "2022-00-10", "2022/01/30x", "20220-1-30", "2022-01-3a", "２０２２-01-30"])
    func datesThatDoNotExistOrAreMisshapenAreRefused(_ text: String) {
        #expect(CalendarDate(text: text) == nil)
    }

    @Test func otherDateFormsStillRead() {
        #expect(CalendarDate(text: "2022/3/1") == CalendarDate(year: 2022, month: 3, day: 1))
        #expect(CalendarDate(text: "2022年3月1日") == CalendarDate(year: 2022, month: 3, day: 1))
    }

    /// A comma, quote, LF or CR anywhere in a field, at every position around the four-, eight- and
    /// sixteen-byte steps the writer copies in, makes it quoted; the same text without it does not.
    @Test func everySpecialByteIsFoundWhereverItFalls() {
        let filler = Array("年度新增额 2000万元".utf8)  // Chinese, digits and a space: bytes on both sides of 0x2D
        for special in [",", "\"", "\n", "\r"] {
            for length in 0...40 {
                for position in 0...length {
                    var bytes = Array((0..<length).map { filler[$0 % filler.count] })
                    bytes.insert(contentsOf: Array(special.utf8), at: position)
                    let cell = String(decoding: bytes, as: UTF8.self)
                    let written = fieldBytes(cell)
                    #expect(written == CSVWriter.field(cell))
                    #expect(written.utf8.first == UInt8(ascii: "\""))
                }
            }
        }
        for length in 0...40 {
            let cell = String(decoding: (0..<length).map { filler[$0 % filler.count] }, as: UTF8.self)
            #expect(fieldBytes(cell) == cell, "\(cell)")
            #expect(CSVWriter.field(cell) == cell, "\(cell)")
        }
    }

    /// A cell that starts like a formula gets its `'` unless it is a plain number, quoted or not.
    @Test(arguments: [
        "=SUM(1)", "=HYPERLINK(\"http://example.invalid/\",\"点此查看\")", "@SUM(1+1)", "+86 21 1234", "-2+3", "-5",
        "-9.17", "+3", "\tx", "\r\nx", "-", "=", "'=x", "1-2", "-1,000", "=a,b", "-1.5.1", "测试", "",
    ])
    func formulaCellsAreNeutralisedAsText(_ cell: String) {
        #expect(fieldBytes(cell) == CSVWriter.field(cell))
        #expect(joinedBytes([cell], ";") == CSVWriter.field(cell))
    }

    /// Joined fields decide quoting once for all their parts: whichever part holds the byte, and
    /// whatever the separator, the field is the plain field of the joined text.
    @Test func joinedFieldsAreTheFieldOfTheJoinedText() {
        let cases: [[String]] = [
            [], [""], ["", ""], ["a"], ["AMBIG-26", "AMBIG-39", "AMBIG-23"],
            ["日期 2021-12-31 不在本政策有效期（2022-01-30 至 2024-12-31）内", "不适用", "金额按 2,000 万元计"],  // only the third quoted
            ["一", "二", "say \"三\""], ["\"", "\""], ["a\"", "\"b"], ["第一行\r\n第二行", "x"],
            ["=SUM(1)", "x"], ["x", "=SUM(1)"], ["", "=SUM(1)"], ["-5", "3"], ["-5"], ["", "-5"],
            ["=1,2", "x"], ["-", ""], ["+86", "\"号码\""],
            [String(repeating: "长", count: 200), String(repeating: "理由，", count: 100)],
        ]
        for parts in cases {
            #expect(joinedBytes(parts, ";") == CSVWriter.field(parts.joined(separator: ";")), "\(parts)")
            #expect(joinedBytes(parts, "；") == CSVWriter.field(parts.joined(separator: "；")), "\(parts)")
            #expect(joinedBytes(parts, ",") == CSVWriter.field(parts.joined(separator: ",")), "\(parts)")
            #expect(joinedBytes(parts, "-") == CSVWriter.field(parts.joined(separator: "-")), "\(parts)")
            #expect(joinedBytes(parts, "") == CSVWriter.field(parts.joined(separator: "")), "\(parts)")
            #expect(joinedBytes(parts, "\"") == CSVWriter.field(parts.joined(separator: "\"")), "\(parts)")
        }
        #expect(joinedBytes(["甲", "乙", "a,b"], "；") == "\"甲；乙；a,b\"")
        #expect(joinedBytes(["=x", "y"], ";") == "'=x;y")
        #expect(joinedBytes(["-5", "3"], "") == "-53")  // the joined text is a number: no '
    }

    /// A record longer than the buffer on the stack is written again in a larger one, the same bytes.
    @Test(arguments: [1000, 1023, 1024, 1025, 4096, 5000, 20_000])
    func longRecordsAreWrittenWhole(length: Int) {
        let long = String(repeating: "x", count: length - 3) + "\"，\""
        let parts = [String(repeating: "理由", count: length / 6), long]
        let written = record { row in
            row.field("C0000001")
            row.comma()
            row.field(joining: parts, separator: "；")
            row.comma()
            row.field(long)
            row.comma()
            row.number(Rational(integer: 200_000).writeMoney)
            row.endRecord()
        }
        #expect(written == CSVWriter.line(["C0000001", parts.joined(separator: "；"), long, "200000.00"]))
    }

    /// A whole subsidy row against the row built from plain strings: quotes, formulas, amounts, the
    /// round, the rules that bound it, and reasons long enough to need the larger buffer.
    @Test(arguments: [false, true])
    func aSubsidyRowIsTheLineOfItsPlainCells(long: Bool) throws {
        let claim = Claim(
            line: 7, id: "C0000007", applicant: "=HYPERLINK(\"http://example.invalid/\",\"点此查看\")",
            date: try #require(CalendarDate(text: "2022-03-01")), measure: "Q4", values: ["round": .number(Rational(integer: 2))],
            claimedAmount: nil, approvedAmount: nil, matter: "M1,2")
        let binding = Binding(kind: .yearlyCap, rule: "Q4-yearly", before: Rational(integer: 5), after: Rational(integer: 4), text: "年度上限")
        let reasons = ["符合条件", long ? String(repeating: "按实际发生额的 50% 计，", count: 60) : "按 \"50%\" 计", "-1"]
        let result = ClaimResult(
            claim: claim, measureTitle: "AEO 高级认证企业", status: .granted, amount: try Rational(numerator: 401, denominator: 4),
            computed: try Rational(numerator: 1, denominator: 3), isCeiling: true, boundBy: [binding, binding], reasons: reasons,
            citation: "长商务规〔2021〕3号 第六条（一）3", interpretations: ["AMBIG-26", "AMBIG-39"], discrepancies: [], findings: [])
        var out: [UInt8] = []
        SubsidyWriter.appendCSVRow(result, to: &out)
        let plain = CSVWriter.line([
            claim.id, claim.applicant, claim.date.description, claim.measure, try result.amount.fixedText(places: 2), "M1,2", "2",
            "granted", try result.computed.fixedText(places: 2), try result.forgone.fixedText(places: 2), "true",
            "Q4-yearly;Q4-yearly", result.measureTitle, reasons.joined(separator: "；"), result.citation, "AMBIG-26;AMBIG-39", "",
        ])
        #expect(String(decoding: out, as: UTF8.self) == plain)
    }
}
