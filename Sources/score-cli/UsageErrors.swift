import ArgumentParser
import Foundation

/// ArgumentParser's messages for a bad command line (unknown option, missing argument, a value
/// not among the choices) with Chinese put before the English, so an officer who reads no English
/// can still see what is wrong. Our own validation messages are already Chinese first.
enum UsageErrors {
    /// The whole message, line by line.
    static func bilingual(_ message: String) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false).map { line(String($0)) }.joined(separator: "\n")
    }

    private static func line(_ line: String) -> String {
        if line.hasPrefix("Error: ") {
            let english = String(line.dropFirst("Error: ".count))
            return chinese(english).map { "错误：\($0) / Error: \(english)" } ?? "错误 / Error: \(english)"
        }
        if line.hasPrefix("Usage: ") { return "用法 / " + line }
        if line.hasPrefix("Help:  ") { return "说明 / " + line }
        if let match = line.wholeMatch(of: #/  See '(.+)' for more information\./#) {
            return "  详见 / see '\(match.1)'"
        }
        return line
    }

    /// The Chinese for one of ArgumentParser's English messages, or `nil` for any other.
    static func chinese(_ english: String) -> String? {
        if let m = english.wholeMatch(of: #/Missing expected argument '(.+)'/#) { return "缺少参数 '\(m.1)'" }
        if let m = english.wholeMatch(of: #/Missing one of: (.+)/#) { return "缺少以下之一：\(m.1)" }
        if let m = english.wholeMatch(of: #/Missing value for '(.+)'/#) { return "选项 '\(m.1)' 缺少取值" }
        if let m = english.wholeMatch(of: #/Unknown option '(.+)'\. Did you mean '(.+)'\?/#) { return "没有选项 '\(m.1)'（是否指 '\(m.2)'？）" }
        if let m = english.wholeMatch(of: #/Unknown option '(.+)'/#) { return "没有选项 '\(m.1)'" }
        if let m = english.wholeMatch(of: #/Unexpected argument '(.+)'/#) { return "多余的参数 '\(m.1)'" }
        if let m = english.wholeMatch(of: #/\d+ unexpected arguments: (.+)/#) { return "多余的参数 \(m.1)" }
        if let m = english.wholeMatch(of: #/The value '(.*)' is invalid for '(.+)'\. Please provide one of (.+)\./#) {
            return "「\(m.1)」不是 '\(m.2)' 可用的值，可选：\(m.3.replacingOccurrences(of: " or ", with: ", "))"
        }
        if let m = english.wholeMatch(of: #/The value '(.*)' is invalid for '(.+)'\. Please provide one of the following:/#) {
            return "「\(m.1)」不是 '\(m.2)' 可用的值，可选："
        }
        if let m = english.wholeMatch(of: #/The value '(.*)' is invalid for '([^']+)'(.*)/#) { return "「\(m.1)」不是 '\(m.2)' 可用的值\(m.3)" }
        if let m = english.wholeMatch(of: #/The option '(.+)' does not take any value, but '(.*)' was specified\./#) {
            return "选项 '\(m.1)' 不带取值，却给了「\(m.2)」"
        }
        if english == "Missing required subcommand." { return "缺少子命令" }
        if let m = english.wholeMatch(of: #/Invalid option: (.+)/#) { return "无效的选项 \(m.1)" }
        if let m = english.wholeMatch(of: #/Can't generate completion scripts for '(.+)'\./#) { return "不能为「\(m.1)」生成补全脚本" }
        return nil
    }
}

extension ScoreCLI {
    /// Runs the tool as `ParsableCommand.main()` does, except that a bad command line (exit 64) is
    /// reported in Chinese and English. Help, version and completion scripts are printed unchanged.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if !(error is ExitCode), exitCode(for: error) == .validationFailure {
                printError(UsageErrors.bilingual(fullMessage(for: error)))
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
            exit(withError: error)
        }
    }
}
