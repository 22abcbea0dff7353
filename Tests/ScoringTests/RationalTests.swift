import Testing

@testable import Scoring

@Suite("Exact numbers")
struct RationalTests {
    @Test func parsesPlainDecimalsExactly() throws {
        let value = try #require(Rational(decimalText: "99.50"))
        #expect(value == (try Rational(numerator: 199, denominator: 2)))
        #expect(Rational(decimalText: "-0.125")?.exactDecimalText == "-0.125")
        #expect(Rational(decimalText: "0.1").map { try? $0 + Rational(decimalText: "0.2")! } == Rational(decimalText: "0.3"))
    }

    @Test(arguments: ["1.5x", "1,5", "1e2", ".5", "5.", " 3", "", "-", "1.2.3", "١٢", "9999999999999999999"])
    func rejectsAnythingButAPlainDecimal(_ text: String) {
        #expect(Rational(decimalText: text) == nil)
    }

    @Test func keepsNonTerminatingValuesExactUntilShown() throws {
        // 节水 standard's worked example: 7700/91 + 4 = 88.615… (seed-002.md §2.1).
        let base = try Rational(integer: 7700) / Rational(integer: 91)
        let total = try base + Rational(integer: 4)
        #expect(total.exactDecimalText == nil)
        #expect(try total.fixedText(places: 3) == "88.615")
        #expect(total.displayText() == "≈88.615")
        #expect(total < Rational(integer: 89))
        #expect(try (base * Rational(integer: 91)) == Rational(integer: 7700))
    }

    @Test func roundsTheWayItSays() throws {
        let half = try #require(Rational(decimalText: "2.345"))
        #expect(try half.fixedText(places: 2, rounding: .halfAwayFromZero) == "2.35")
        #expect(try half.fixedText(places: 2, rounding: .halfEven) == "2.34")
        #expect(try half.fixedText(places: 2, rounding: .towardZero) == "2.34")
        let negative = try #require(Rational(decimalText: "-2.345"))
        #expect(try negative.fixedText(places: 2, rounding: .halfAwayFromZero) == "-2.35")
        #expect(try negative.fixedText(places: 2, rounding: .awayFromZero) == "-2.35")
    }

    @Test func overflowIsAnErrorNeverAWrap() {
        let big = Rational(integer: Int64.max)
        #expect(throws: ArithmeticOverflow.self) { try big + .one }
        #expect(throws: ArithmeticOverflow.self) { try big * Rational(integer: 2) }
        #expect(throws: ArithmeticOverflow.self) { try Rational.one / .zero }
        #expect(throws: ArithmeticOverflow.self) { try Rational(numerator: 1, denominator: 0) }
    }

    @Test func comparesWithoutOverflow() throws {
        let a = try Rational(numerator: Int64.max - 1, denominator: Int64.max)
        let b = try Rational(numerator: Int64.max - 2, denominator: Int64.max - 1)
        #expect(b < a)
        #expect(Rational(integer: -3).floor == Rational(integer: -3))
        #expect(try Rational(numerator: -7, denominator: 2).floor == Rational(integer: -4))
        #expect(try Rational(numerator: 7, denominator: 5).ceiling == Rational(integer: 2))
    }

    @Test func readsDatesAsPolicyDocumentsWriteThem() {
        #expect(CalendarDate(text: "2022-03-01")?.description == "2022-03-01")
        #expect(CalendarDate(text: "2022/3/1")?.description == "2022-03-01")
        #expect(CalendarDate(text: "2022年3月1日")?.description == "2022-03-01")
        #expect(CalendarDate(text: "2022-02-30") == nil)
        #expect(CalendarDate(text: "2024-02-29") != nil)
        #expect(CalendarDate(text: "2023-02-29") == nil)
        #expect(CalendarDate(text: "22-3-1") == nil)
    }

    @Test func hashesLikeSHA256() {
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    /// Amounts as the gazettes and finance staff write them: 万/亿 where exact, otherwise grouped 元
    /// with two decimals, rounded half away from zero.
    @Test func writesAmountsTheWayThePoliciesDo() throws {
        func r(_ numerator: Int64, _ denominator: Int64 = 1) throws -> Rational { try Rational(numerator: numerator, denominator: denominator) }
        #expect(try r(125_000).wanText == "12.5万元")
        #expect(try r(200_000).wanText == "20万元")
        #expect(try r(120_000_000).wanText == "1.2亿元")
        #expect(try r(123_450_000).wanText == "1.2345亿元")
        // 亿 only when it reads in six characters or fewer; 万 only for whole hundreds of 元.
        #expect(try r(123_456_700).wanText == "12345.67万元")
        #expect(try r(123_456_789).wanText == "123,456,789.00元")
        #expect(try r(1_234).wanText == "1,234.00元")
        #expect(try r(10_100).wanText == "1.01万元")
        #expect(try r(10_050).wanText == "10,050.00元")
        #expect(try r(10_001).wanText == "10,001.00元")
        #expect(try r(0).wanText == "0.00元")
        #expect(try r(12_345_678, 100).yuanText == "123,456.78")
        #expect(try r(-12_345_678, 100).yuanText == "-123,456.78")
        #expect(try r(-1_000).yuanText == "-1,000.00")
        #expect(try r(1, 200).yuanText == "0.01")
        #expect(try r(-1, 200).yuanText == "-0.01")
        #expect(try r(1, 3).yuanText == "0.33")
        #expect(try r(2, 3).fixedText(places: 4) == "0.6667")
        #expect(try r(1, 20).fixedText(places: 2) == "0.05")
        #expect(try r(-7).fixedText(places: 3) == "-7.000")
        #expect(try r(Int64.max).fixedText(places: 0) == "9223372036854775807")
        #expect(try r(1_234_567, 1_000).exactDecimalText == "1234.567")
        #expect(CalendarDate(year: 2022, month: 3, day: 1)?.description == "2022-03-01")
    }

    @Test func readsAmountsTheWayThePoliciesWriteThem() throws {
        #expect(Rational(moneyText: "1,234,567.89") == (try Rational(numerator: 123_456_789, denominator: 100)))
        #expect(Rational(moneyText: "20万元") == Rational(integer: 200_000))
        #expect(Rational(moneyText: "1.2亿") == Rational(integer: 120_000_000))
        #expect(Rational(moneyText: "1,500万") == Rational(integer: 15_000_000))
        #expect(Rational(moneyText: "3000元") == Rational(integer: 3_000))
        #expect(Rational(moneyText: "-1,500.5") == (try Rational(numerator: -3_001, denominator: 2)))
        for bad in ["1,5", "12,34.5", "1,2345", "1e5", "", "元", "万元", "二十万", "1.5x万"] {
            #expect(Rational(moneyText: bad) == nil, "\(bad)")
        }
    }
}
