import ArgumentParser
import Foundation
import Scoring

/// A failure to report on standard error, with the exit code it means.
struct CLIFailure: Error {
    /// One line per problem.
    var lines: [String]
    var exitCode: Int32

    static func missingFile(_ path: String) -> CLIFailure {
        CLIFailure(lines: ["\(path): 无法读取：文件不存在或没有读取权限 / cannot read: no such file, or permission denied"], exitCode: 66)
    }

    static func malformed(_ problems: FileProblems) -> CLIFailure {
        CLIFailure(lines: problems.problems.map(\.description), exitCode: 65)
    }
}

/// Exit codes, from least to most severe where several files are processed.
enum ExitStatus {
    static let success: Int32 = 0
    static let findings: Int32 = 1
    static let malformed: Int32 = 65
    static let missingFile: Int32 = 66
}

/// Writes to standard error, which is where every problem and message goes; results go to standard output.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Runs `body`, and turns a `CLIFailure` into its lines on standard error and its exit code.
func reportingFailures(_ body: () throws -> Int32) throws {
    let status: Int32
    do {
        status = try body()
    } catch let failure as CLIFailure {
        failure.lines.forEach(printError)
        status = failure.exitCode
    }
    if status != 0 { throw ExitCode(status) }
}
