import ArgumentParser
import Foundation
import Testing

@testable import score_cli

/// The shipped completion scripts and man page are generated from the command definitions and
/// must equal a fresh generation; every command and option explains itself in Chinese; and a bad
/// command line is explained in Chinese before ArgumentParser's English.
///
/// `UPDATE_MANUAL=1 swift test --filter ShellCompletionTests` rewrites `docs/man/score-cli.1`
/// (scripts/update-completions.sh does this and the completion scripts).
@Suite("Help, completions and man page from the command definitions", .serialized)
struct ShellCompletionTests {
    static let completionFiles = [("bash", "completions/score-cli.bash"), ("zsh", "completions/score-cli.zsh"), ("fish", "completions/score-cli.fish")]
    static let manualFile = "docs/man/score-cli.1"

    /// The `score-cli` built beside this test bundle.
    static var executable: URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("score-cli")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return packageRoot.appendingPathComponent(".build/debug/score-cli")
    }

    /// Runs a program to its end, from the package root: its standard output, standard error and
    /// exit status. Both go to temporary files, so neither can fill a pipe and block the program.
    static func run(_ program: URL, _ arguments: [String]) throws -> (output: String, errors: String, status: Int32) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("score-cli-help-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (outputFile, errorFile) = (folder.appendingPathComponent("out"), folder.appendingPathComponent("err"))
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        process.waitUntilExit()
        return (try String(contentsOf: outputFile, encoding: .utf8), try String(contentsOf: errorFile, encoding: .utf8), process.terminationStatus)
    }

    /// The man page as it would be generated now.
    static func freshManualPage() throws -> String {
        let dump = try run(executable, ["--experimental-dump-help"])
        #expect(dump.status == 0)
        let info = try JSONDecoder().decode(ToolInfo.self, from: Data(dump.output.utf8))
        #expect(info.serializationVersion == 0, "ToolInfo changed; check ManualPage still reads it")
        return ManualPage.render(info, version: ScoreCLI.configuration.version)
    }

    @Test(arguments: completionFiles)
    func theShippedCompletionScriptIsCurrent(_ shell: String, _ path: String) throws {
        let generated = try Self.run(Self.executable, ["--generate-completion-script", shell])
        #expect(generated.status == 0)
        #expect(generated.output.contains("score"), "the script completes the subcommands")
        #expect(try packageText(path) == generated.output, "\(path) is stale: run scripts/update-completions.sh")
    }

    @Test func theShippedManPageIsCurrent() throws {
        let fresh = try Self.freshManualPage()
        if ProcessInfo.processInfo.environment["UPDATE_MANUAL"] == "1" {
            try Data(fresh.utf8).write(to: packageRoot.appendingPathComponent(Self.manualFile))
        }
        #expect(try packageText(Self.manualFile) == fresh, "\(Self.manualFile) is stale: run scripts/update-completions.sh")
        // Every subcommand and every option of `score` is in it.
        for command in ["rubrics", "show", "template", "score", "subsidy", "audit", "lint", "generate"] {
            #expect(fresh.contains(".SS \"score-cli \(command)\""), "\(command) missing")
        }
        for option in ["\\-\\-top", "\\-\\-next", "\\-\\-ties", "\\-\\-format", "\\-\\-rubric", "\\-\\-output"] {
            #expect(fresh.contains("\\fB\(option)\\fR"), "\(option) missing")
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/groff")))
    func theManPageFormatsWithoutWarnings() throws {
        let formatted = try Self.run(URL(fileURLWithPath: "/usr/bin/groff"), ["-man", "-Tutf8", "-Kutf8", Self.manualFile])
        #expect(formatted.status == 0)
        #expect(formatted.errors == "")
        #expect(formatted.output.contains("按名额评定等次"))
    }

    /// Every command as the help dump describes it, with its path (`score-cli score`).
    static func commands() throws -> [(path: String, command: ToolInfo.Command)] {
        let dump = try run(executable, ["--experimental-dump-help"])
        let root = try JSONDecoder().decode(ToolInfo.self, from: Data(dump.output.utf8)).command
        // `help` is ArgumentParser's own subcommand, with English help we cannot set.
        return [("score-cli", root)] + (root.subcommands ?? []).filter { $0.commandName != "help" }.map { ("score-cli \($0.commandName)", $0) }
    }

    @Test func everyCommandHasAChineseAbstractAndAWorkedExample() throws {
        let commands = try Self.commands()
        #expect(commands.count == 9)
        for (path, command) in commands {
            #expect(Self.isChinese(command.abstract ?? ""), "\(path): abstract not in Chinese")
            let discussion = command.discussion ?? ""
            #expect(discussion.contains("示例"), "\(path): no example")
            #expect(discussion.contains("\n  score-cli ") || discussion.contains("  score-cli "), "\(path): the example is not a command line")
        }
    }

    @Test func everyOptionHasChineseHelpWithEnglishAfterASlash() throws {
        for (path, command) in try Self.commands() {
            for argument in command.arguments ?? [] where argument.shouldDisplay {
                // --help and --version are ArgumentParser's own flags.
                if argument.kind == "flag", ["help", "version"].contains(argument.preferredName?.name) { continue }
                let help = argument.abstract ?? ""
                let name = argument.preferredName?.spelled ?? argument.valueName ?? ""
                let parts = help.components(separatedBy: "/ ")
                #expect(parts.count >= 2 && Self.isChinese(parts[0]), "\(path) \(name): help should be Chinese / English: \(help)")
                #expect(parts.last.map { $0.first?.isASCII == true } == true, "\(path) \(name): English after the slash: \(help)")
            }
        }
    }

    static func isChinese(_ text: String) -> Bool { text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

    /// Bad command lines and the Chinese that must come first in their message.
    static let badCommandLines: [([String], String)] = [
        (["score"], "错误：缺少参数 '<files> ...' / Error: Missing expected argument '<files> ...'"),
        (["score", "x.yaml", "--format", "pdf"], "错误：「pdf」不是 '--format <format>' 可用的值，可选："),
        (["score", "x.yaml", "--formt", "csv"], "错误：没有选项 '--formt'（是否指 '--format'？） / Error: Unknown option '--formt'. Did you mean '--format'?"),
        (["frobnicate"], "错误：多余的参数 'frobnicate' / Error: Unexpected argument 'frobnicate'"),
        (["score", "-f"], "错误：选项 '-f <format>' 缺少取值 / Error: Missing value for '-f <format>'"),
        (["score", "x.yaml", "--top", "优秀10"], "错误 / Error: --top 「优秀10」应写成「等次=名额」，如 优秀=10 / expected RATING=COUNT, e.g. 优秀=10"),
    ]

    @Test(arguments: badCommandLines)
    func aBadCommandLineIsExplainedInChineseFirst(_ arguments: [String], _ expected: String) throws {
        do {
            _ = try ScoreCLI.parseAsRoot(arguments)
            Issue.record("\(arguments) should not parse")
        } catch {
            #expect(ScoreCLI.exitCode(for: error) == .validationFailure)
            let lines = UsageErrors.bilingual(ScoreCLI.fullMessage(for: error)).split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix(expected) == true, "\(lines.first ?? "")")
            #expect(lines.contains { $0.hasPrefix("用法 / Usage: score-cli") })
        }
    }

    @Test func theToolPrintsTheChineseMessageAndExits64() throws {
        let result = try Self.run(Self.executable, ["score", "x.yaml", "--bogus"])
        #expect(result.status == 64)
        #expect(result.errors.hasPrefix("错误：没有选项 '--bogus' / Error: Unknown option '--bogus'\n"))
        #expect(result.output == "")
    }
}
