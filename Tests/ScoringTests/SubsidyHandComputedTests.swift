import Foundation
import Testing

@testable import Scoring

/// Each example batch has a hand-written table (examples/subsidies/ID.expected.md) giving, for
/// every claim, the status and amount derived from the source text by hand. The calculator must
/// agree with every row.
@Suite("Subsidy examples agree with the hand-computed expectations")
struct SubsidyHandComputedTests {
    static let tables = packageFiles(in: "examples/subsidies", extensions: ["expected.md"])

    struct Expectation {
        var claim: String
        var status: ClaimResult.Status
        var amount: Rational?
    }

    /// Rows `| claim_id | applicant | measure | status | amount | derivation |`.
    static func expectations(_ text: String) -> [Expectation] {
        text.split(separator: "\n").compactMap { line in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 7, cells[1].first?.isLetter == true, cells[1] != "claim_id", cells[1] != "case" else { return nil }
            let statusText = cells[4].lowercased()
            let status: ClaimResult.Status
            if statusText.hasPrefix("granted") || statusText.hasPrefix("ceiling") {
                status = .granted
            } else if statusText.hasPrefix("not eligible") || statusText.hasPrefix("not in force") {
                status = .ineligible
            } else if statusText.hasPrefix("needs") {
                status = .needsDecision
            } else {
                return nil
            }
            let amountText = cells[5].replacingOccurrences(of: ",", with: "").components(separatedBy: " ").first ?? ""
            return Expectation(claim: cells[1], status: status, amount: Rational(moneyText: amountText))
        }
    }

    @Test(arguments: tables)
    func everyClaimMatches(_ table: String) throws {
        let id = String((table as NSString).lastPathComponent.dropLast(".expected.md".count))
        let expected = Self.expectations(try packageText(table))
        #expect(expected.count >= 10, "\(table) lists too few claims")
        let report = try decide(try packageText("examples/subsidies/\(id).csv"), schedule: id)
        #expect(report.problems.isEmpty)
        for expectation in expected {
            let result = try #require(report.result(expectation.claim), "\(expectation.claim) not decided")
            #expect(result.status == expectation.status, "\(expectation.claim): \(result.reasons)")
            if let amount = expectation.amount, expectation.status == .granted {
                #expect(result.amount == amount, "\(expectation.claim): \(result.reasons)")
            }
        }
    }
}
