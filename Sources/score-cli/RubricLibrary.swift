import Foundation
import Scoring
import ShippedRubrics

/// Finds rubrics: shipped ones by id from any directory, any other by path.
enum RubricLibrary {
    /// The shipped scorecard files.
    static func shippedScorecardPaths() -> [String] {
        guard let folder = ShippedRubrics.folder?.appendingPathComponent("scorecards"),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
            .sorted().map { folder.appendingPathComponent($0).path }
    }

    /// Whether `reference` names a file rather than a shipped rubric id.
    static func isPath(_ reference: String) -> Bool {
        reference.contains("/") || [".yaml", ".yml", ".json"].contains { reference.hasSuffix($0) }
    }

    /// Loads the scorecard named by `reference`: a path, or the id of a shipped rubric.
    static func scorecard(_ reference: String) throws(CLIFailure) -> Scorecard {
        try scorecardWithPath(reference).scorecard
    }

    /// The scorecard named by `reference`, and the file it came from.
    static func scorecardWithPath(_ reference: String) throws(CLIFailure) -> (scorecard: Scorecard, path: String) {
        guard isPath(reference) else {
            guard let found = try shippedScorecards().first(where: { $0.scorecard.header.id == reference }) else {
                let known = (try? shippedScorecards().map(\.scorecard.header.id)) ?? []
                throw CLIFailure(
                    lines: ["找不到评分表「\(reference)」/ no rubric with that id；已有 / shipped: \(known.joined(separator: ", "))"],
                    exitCode: ExitStatus.missingFile)
            }
            return (found.scorecard, found.path)
        }
        let bytes = try FileAccess.read(reference)
        do {
            return (try Scorecard.load(bytes: bytes, file: reference), reference)
        } catch {
            throw .malformed(error)
        }
    }

    /// Every shipped scorecard with its path.
    static func shippedScorecards() throws(CLIFailure) -> [(path: String, scorecard: Scorecard)] {
        var found: [(String, Scorecard)] = []
        for path in shippedScorecardPaths() {
            let bytes = try FileAccess.read(path)
            do {
                found.append((path, try Scorecard.load(bytes: bytes, file: path)))
            } catch {
                throw .malformed(error)
            }
        }
        return found
    }
}
