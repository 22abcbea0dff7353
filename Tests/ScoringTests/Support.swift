import Foundation
import Testing

@testable import Scoring

/// The package root, found from this file so tests run from any directory.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The bytes of a file in the package.
func packageFile(_ path: String) throws -> [UInt8] {
    let url = packageRoot.appendingPathComponent(path)
    return [UInt8](try Data(contentsOf: url))
}

/// The text of a file in the package.
func packageText(_ path: String) throws -> String {
    String(decoding: try packageFile(path), as: UTF8.self)
}

/// Every file below a package folder with one of the extensions, as package-relative paths.
func packageFiles(in folder: String, extensions: [String]) -> [String] {
    let base = packageRoot.appendingPathComponent(folder)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: base.path) else { return [] }
    return names.filter { name in extensions.contains { name.hasSuffix(".\($0)") } }.sorted().map { "\(folder)/\($0)" }
}

/// Loads a scorecard from YAML text, for tests that build small rubrics.
func scorecard(_ yaml: String, file: String = "test.yaml") throws(FileProblems) -> Scorecard {
    try Scorecard.load(bytes: Array(yaml.utf8), file: file)
}
