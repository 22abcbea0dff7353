import ArgumentParser
import Foundation
import Scoring

/// A failure to report on standard error, with the exit code it means.
struct CLIFailure: Error {
    /// One line per problem.
    var lines: [String]
    var exitCode: Int32

    static func missingFile(_ path: String) -> CLIFailure {
        CLIFailure(
            lines: ["\(path): 无法读取：文件不存在或没有读取权限 / cannot read: no such file, or permission denied"],
            exitCode: ExitStatus.missingFile)
    }

    static func malformed(_ problems: FileProblems) -> CLIFailure {
        CLIFailure(lines: problems.problems.map(\.description), exitCode: ExitStatus.malformed)
    }
}

/// Exit codes (DESIGN.md §5). Where several files are processed, the highest one wins.
enum ExitStatus {
    static let success: Int32 = 0
    static let findings: Int32 = 1
    static let malformed: Int32 = 65
    static let missingFile: Int32 = 66
    static let cannotWrite: Int32 = 73
}

/// What a command produced: the result for standard output, the problems for standard error, and
/// the exit code. Commands build one of these without touching the terminal, so tests can check
/// all three in-process.
struct CommandResult {
    var output: String = ""
    var errors: [String] = []
    var status: Int32 = ExitStatus.success

    init(output: String = "", errors: [String] = [], status: Int32 = ExitStatus.success) {
        self.output = output
        self.errors = errors
        self.status = status
    }

    init(_ failure: CLIFailure) {
        self.init(errors: failure.lines, status: failure.exitCode)
    }

    /// Prints the problems, writes the output (to `path`, or standard output), and exits with the status.
    func deliver(to path: String? = nil) throws {
        errors.forEach(printError)
        var status = status
        if !output.isEmpty {
            do {
                try FileAccess.emit(output, to: path)
            } catch {
                error.lines.forEach(printError)
                status = max(status, error.exitCode)
            }
        }
        if status != ExitStatus.success { throw ExitCode(status) }
    }
}

/// Writes to standard error, where every problem goes; results go to standard output.
func printError(_ text: String) {
    // A closed or full standard error must not stop the run: the exit status still tells.
    try? FileHandle.standardError.write(contentsOf: Data((text + "\n").utf8))
}
