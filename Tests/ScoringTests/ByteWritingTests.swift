import Testing

@testable import Scoring

/// The byte-level writers and readers a large batch uses for every claim must say exactly what the
/// string-level ones say: these compare them directly, at the edges where they could differ.
@Suite("Amounts, dates and CSV fields written as bytes")
struct ByteWritingTests {
    private func moneyBytes(_ value: Rational) -> String {
        var out: [UInt8] = []
        value.appendMoney(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func amountsAsBytesAreTheFixedTextToTheFen() throws {
        let values: [Rational] = [
            .zero, Rational(integer: 1), Rational(integer: -1), Rational(integer: 200_000),
            try Rational(numerator: 1, denominator: 3), try Rational(numerator: -2, denominator: 3),
            try Rational(numerator: 5, denominator: 1000),  // 0.005 rounds half away from zero to 0.01
            try Rational(numerator: -5, denominator: 1000),
            try Rational(numerator: 4_999, denominator: 1_000_000),  // 0.004999 → 0.00
            try Rational(numerator: 123_456_789, denominator: 100),
            Rational(integer: 92_233_720_368_547_758),  // the largest whole number of 元 with its 分 in an Int64
        ]
        for value in values {
            #expect(moneyBytes(value) == (try value.fixedText(places: 2)), "\(value)")
        }
        #expect(moneyBytes(try Rational(numerator: 5, denominator: 1000)) == "0.01")
        #expect(moneyBytes(try Rational(numerator: -5, denominator: 1000)) == "-0.01")
    }

    @Test func anAmountTooLargeForFenIsStillWrittenInFull() throws {
        // 9.2 × 10^18 元 has no room for 分 in an Int64: the bytes fall back to the same text.
        let huge = Rational(integer: Int64.max)
        #expect(moneyBytes(huge) == ((try? huge.fixedText(places: 2)) ?? huge.description))
        #expect(moneyBytes(huge).hasPrefix("9223372036854775807"))
    }

    @Test func datesAsBytesAreTheirDescription() throws {
        for text in ["2022-01-30", "2024-02-29", "1900-01-01", "2200-12-31"] {
            let date = try #require(CalendarDate(text: text))
            var out: [UInt8] = []
            date.append(to: &out)
            #expect(String(decoding: out, as: UTF8.self) == text)
            #expect(date.description == text)
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

    /// A comma, quote, LF or CR anywhere in a field, at every position around the eight-byte steps
    /// the writer reads in, makes it quoted; the same text without it does not.
    @Test func everySpecialByteIsFoundWhereverItFalls() {
        let filler = Array("年度新增额 2000万元".utf8)  // Chinese, digits and a space: bytes on both sides of 0x2D
        for special in [",", "\"", "\n", "\r"] {
            for length in 0...40 {
                for position in 0...length {
                    var bytes = Array((0..<length).map { filler[$0 % filler.count] })
                    bytes.insert(contentsOf: Array(special.utf8), at: position)
                    let cell = String(decoding: bytes, as: UTF8.self)
                    var out: [UInt8] = []
                    CSVWriter.append(cell, to: &out)
                    #expect(String(decoding: out, as: UTF8.self) == CSVWriter.field(cell))
                    #expect(out.first == UInt8(ascii: "\""))
                }
            }
        }
        for length in 0...40 {
            let cell = String(decoding: (0..<length).map { filler[$0 % filler.count] }, as: UTF8.self)
            var out: [UInt8] = []
            CSVWriter.append(cell, to: &out)
            #expect(out == Array(cell.utf8), "\(cell)")
        }
    }
}
