import Testing

@testable import Scoring

/// Every number in a rubric, a self-assessment and a claims file is read by one decimal reader.
@Suite("Numbers: a decimal is read by its rule")
struct DecimalReadingTests {
    /// The decimal reader against the rule it states, written out plainly: a sign or none, digits,
    /// and a point with digits or none; at most 18 significant digits, at most 18 after the point.
    @Test func decimalsAreReadByTheirRule() throws {
        func rule(_ text: String) -> Rational? {
            var body = Substring(text)
            var negative = false
            if let first = body.first, first == "-" || first == "+" {
                negative = first == "-"
                body = body.dropFirst()
            }
            let parts = body.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (48...57).contains($0) } }) else { return nil }
            let digits = parts.joined()
            let significant = digits.drop { $0 == "0" }
            let places = parts.count == 2 ? parts[1].count : 0
            guard significant.count <= 18, places <= 18 else { return nil }
            let numerator = Int64(significant.isEmpty ? "0" : String(significant))!
            var denominator: Int64 = 1
            for _ in 0..<places { denominator *= 10 }
            return try? Rational(numerator: negative ? -numerator : numerator, denominator: denominator)
        }
        let edges = [
            "", "0", "-0", "+0", "007", "1.5", "-1.50", "+2.25", "1.", ".5", "-.5", "1..5", "1.2.3", "1e5", "--1", "+-1", "-", "+",
            ".", "１２", "٣", "1\u{0301}", "-\u{0301}1", " 1", "1 ", "1,5", "123456789012345678", "1234567890123456789",
            "000000000000000000000001", "0.000000000000000001", "0.0000000000000000001", "0.1234567890123456789",
            "1.000000000000000000", "9223372036854775807", "-9223372036854775808", "99999999999999999.9",
        ]
        var random = SplitMix64(seed: 3)
        let pieces = ["0", "0", "0", "1", "5", "9", ".", "-", "+", "e", " "]
        let generated = (0..<5000).map { _ in (0..<random.int(0...24)).map { _ in random.pick(pieces) }.joined() }
        for text in edges + generated {
            #expect(Rational(decimalText: text) == rule(text), "\(text.debugDescription)")
        }
        // Nineteen places with few significant digits once trapped on 10^19.
        #expect(Rational(decimalText: "0.0000000000000000001") == nil)
        #expect(Rational(decimalText: "0.000000000000000001") == (try Rational(numerator: 1, denominator: 1_000_000_000_000_000_000)))
    }
}
