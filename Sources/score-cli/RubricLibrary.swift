import Foundation
import Scoring
import ShippedRubrics

/// Finds rubrics: shipped ones by id from any directory, any other by path.
enum RubricLibrary {
    /// The shipped rubric files (scorecards and schedules), in a stable order.
    static func shippedPaths() -> [String] {
        guard let root = ShippedRubrics.folder else { return [] }
        var paths: [String] = []
        for folder in ["scorecards", "schedules", "targets"] {
            let url = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            paths += names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
                .sorted().map { url.appendingPathComponent($0).path }
        }
        return paths
    }

    /// Whether `reference` names a file rather than a shipped rubric id.
    static func isPath(_ reference: String) -> Bool {
        reference.contains("/") || [".yaml", ".yml", ".json"].contains { reference.hasSuffix($0) }
    }

    /// Every shipped rubric with its path.
    static func shipped() throws(CLIFailure) -> [(path: String, rubric: Rubric)] {
        var found: [(String, Rubric)] = []
        for path in shippedPaths() {
            found.append((path, try load(path)))
        }
        return found
    }

    /// The rubric named by `reference` (a path, or a shipped id), and the file it came from.
    static func rubric(_ reference: String) throws(CLIFailure) -> (rubric: Rubric, path: String) {
        if isPath(reference) { return (try load(reference), reference) }
        // Shipped files are named after their id: try that one first, so one file is read, not all.
        let paths = shippedPaths()
        if let named = paths.first(where: { ($0 as NSString).lastPathComponent == reference + ".yaml" }),
            let rubric = try? load(named), rubric.header.id == reference
        {
            return (rubric, named)
        }
        // A shipped file that does not load must not hide the others: it is reported only if the id is not found.
        var known: [String] = []
        var broken: [String] = []
        for path in paths {
            do throws(CLIFailure) {
                let rubric = try load(path)
                if rubric.header.id == reference { return (rubric, path) }
                known.append(rubric.header.id)
            } catch {
                broken += error.lines
            }
        }
        throw CLIFailure(
            lines: ["找不到评分表或扶持政策「\(reference)」/ no rubric with that id；已有 / shipped: \(known.joined(separator: ", "))"] + broken,
            exitCode: ExitStatus.missingFile)
    }

    /// The scorecard named by `reference`.
    static func scorecard(_ reference: String) throws(CLIFailure) -> Scorecard {
        guard case .scorecard(let scorecard) = try rubric(reference).rubric else {
            throw CLIFailure(lines: ["「\(reference)」是扶持政策，不是评分表 / a schedule, not a scorecard"], exitCode: 64)
        }
        return scorecard
    }

    /// The schedule named by `reference`.
    static func schedule(_ reference: String) throws(CLIFailure) -> Schedule {
        guard case .schedule(let schedule) = try rubric(reference).rubric else {
            throw CLIFailure(lines: ["「\(reference)」是评分表，不是扶持政策 / a scorecard, not a schedule"], exitCode: 64)
        }
        return schedule
    }

    private static func load(_ path: String) throws(CLIFailure) -> Rubric {
        let bytes = try FileAccess.read(path)
        do {
            return try Rubric.load(bytes: bytes, file: path)
        } catch {
            throw .malformed(error)
        }
    }
}
