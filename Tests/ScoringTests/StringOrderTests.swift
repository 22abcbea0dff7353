import Testing

@testable import Scoring

/// The summary per applicant is sorted by name comparing bytes where Swift's order is the order of
/// the bytes; the result must be exactly Swift's order, canonical equivalents included.
@Suite("Names sorted in Swift's string order")
struct StringOrderTests {
    /// Names that normalisation leaves alone are recognised; any with a character it may change are not.
    @Test func recognisesNamesThatAreTheirOwnCanonicalForm() {
        #expect([String].isOwnCanonicalForm("上海长宁（集团）有限公司 ABC-1"))
        #expect([String].isOwnCanonicalForm("㐀鿿！～"))  // U+3400, U+9FFF, U+FF01, U+FF5E: the ends of the ranges
        #expect(![String].isOwnCanonicalForm("Cafe\u{301}"))  // a combining accent
        #expect(![String].isOwnCanonicalForm("café"))  // é is two bytes, outside the ranges
        #expect(![String].isOwnCanonicalForm("\u{F900}"))  // a compatibility ideograph: NFC makes it U+8C48
        #expect(![String].isOwnCanonicalForm("〪"))  // U+302A, a combining tone mark
        #expect(![String].isOwnCanonicalForm("｟"))  // U+FF5F, one past the full-width forms taken
        #expect(![String].isOwnCanonicalForm("😀"))  // four bytes
    }

    /// Chinese names, ASCII, an accent written two ways (equal to Swift) and a compatibility
    /// ideograph next to the character it normalises to: the order is the one `<` gives.
    @Test func sortsExactlyAsSwiftDoes() {
        let names = [
            "上海长宁远丰文化集团有限公司", "上海虹桥明泰科技集团有限公司", "Zeta", "alpha", "Café", "Cafe\u{301}",
            "\u{F900}", "\u{8C48}", "豈甲", "上海（长宁）", "上海(长宁)", "", "上", "上海",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let shuffled = names.shuffled(using: &generator)
            let expected = shuffled.sorted { $0 < $1 }
            let sorted = shuffled.sorted(byStringOrderOf: { $0 })
            // Canonically equal names may be in either order for `<`; compare as Swift compares strings.
            #expect(sorted.count == expected.count)
            for (got, want) in zip(sorted, expected) { #expect(got == want) }
        }
    }

    /// Bytes and Swift disagree on a pair like this one, which is why such names are left to Swift:
    /// U+F900 is after U+8C48 as bytes but equal to it as a string.
    @Test func compatibilityIdeographIsLeftToSwift() {
        #expect(compareBytes("\u{F900}", "\u{8C48}") > 0)
        #expect("\u{F900}" == "\u{8C48}")
        #expect(["\u{F900}", "\u{8C49}"].sorted(byStringOrderOf: { $0 }) == ["\u{F900}", "\u{8C49}"])
    }
}
