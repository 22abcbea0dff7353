import Foundation
import Testing

/// Every input the fuzzers ever failed on (Fuzz/regressions/<target>/, saved by scripts/fuzz.sh) goes
/// back through the same calls (FuzzHarness) on every test run: it may be refused with an error, but
/// must never crash or hang again. The seeds the fuzzers start from go through them too.
@Suite("Fuzz regressions: saved inputs replay without crashing")
struct FuzzRegressionTests {
    static let shipped = FuzzHarness.Shipped.load(root: packageRoot.path)

    /// The files of a folder below the package, without dot files and notes.
    static func inputs(in folder: String) -> [String] {
        let base = packageRoot.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted().map { "\(folder)/\($0)" }
    }

    @Test(arguments: FuzzHarness.targets)
    func savedFailuresReplayWithoutCrashing(_ target: String) throws {
        let files = Self.inputs(in: "Fuzz/regressions/\(target)") + Self.inputs(in: "Fuzz/seeds/\(target)")
        for file in files {
            FuzzHarness.run(target, try packageFile(file), shipped: Self.shipped)
        }
    }
}
