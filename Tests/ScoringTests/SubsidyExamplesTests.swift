import Foundation
import Testing

@testable import score_cli

/// Every claims batch in examples/subsidies is decided by the CLI exactly as its expected files say.
@Suite("Subsidy examples: output matches the expected files")
struct SubsidyExamplesTests {
    static let batches = packageFiles(in: "examples/subsidies", extensions: ["csv"])

    @Test(arguments: batches)
    func batchMatchesItsExpectedOutput(_ path: String) throws {
        let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        for (format, ext) in [("text", "txt"), ("csv", "csv"), ("json", "json")] {
            let expectedPath = "examples/subsidies/expected/\(id).\(ext)"
            guard FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent(expectedPath).path) else {
                #expect(format != "text", "\(path) has no expected text output")
                continue
            }
            let result = try run(["subsidy", path, "--schedule", id, "-f", format])
            #expect(result.output == (try packageText(expectedPath)), "\(format) output of \(path)")
            #expect(result.errors.isEmpty)
            #expect([0, 1].contains(result.status))
        }
    }
}
