import Foundation

/// The parts of ArgumentParser's help dump (`score-cli --experimental-dump-help`, ToolInfo
/// version 0) that the man page uses. The `ArgumentParserToolInfo` module is not a product of
/// the package, so these few fields are decoded here.
struct ToolInfo: Decodable {
    var serializationVersion: Int
    var command: Command

    struct Command: Decodable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var shouldDisplay: Bool?
        var arguments: [Argument]?
        var subcommands: [Command]?
    }

    struct Argument: Decodable {
        var kind: String
        var names: [Name]?
        var preferredName: Name?
        var valueName: String?
        var abstract: String?
        var discussion: String?
        var defaultValue: String?
        var isOptional: Bool
        var isRepeating: Bool
        var shouldDisplay: Bool
    }

    struct Name: Decodable {
        var kind: String
        var name: String

        /// `--format`, `-f`.
        var spelled: String { kind == "short" || kind == "longWithSingleDash" ? "-" + name : "--" + name }
    }
}

/// Renders the man page (man(7) macros, section 1) from the command definitions, so it cannot
/// drift from `--help`: `scripts/update-completions.sh` writes `docs/man/score-cli.1` with it,
/// and ShellCompletionTests checks the shipped file equals a fresh rendering.
///
/// ArgumentParser's own `generate-manual` plugin builds the whole package in release mode and
/// stamps the day's date, so it cannot run inside `swift test` and would never compare equal.
enum ManualPage {
    static func render(_ info: ToolInfo, version: String) -> String {
        let root = info.command
        var out = [
            ".\\\" Generated from `score-cli --experimental-dump-help` by scripts/update-completions.sh; do not edit.",
            ".TH SCORE-CLI 1 \"\" \"score-cli \(version)\" \"score-cli\"",
            // Left-aligned and unhyphenated: Chinese runs cannot be stretched to a justified margin,
            // and option names and ids must not be split.
            ".ad l",
            ".nh",
            ".SH \"NAME 名称\"",
            "score-cli \\- " + escape(root.abstract ?? ""),
            ".SH \"SYNOPSIS 用法\"",
            ".B score-cli",
            ".I 子命令 / subcommand",
            "[选项 / options]",
        ]
        out += section("DESCRIPTION 说明", root.discussion)
        out.append(".SH \"COMMANDS 命令\"")
        for command in root.subcommands ?? [] where command.shouldDisplay ?? true && command.commandName != "help" {
            out += self.command(command)
        }
        out += [
            ".SH \"FILES 文件\"",
            ".TP", "completions/score-cli.bash, completions/score-cli.zsh, completions/score-cli.fish",
            "命令行补全脚本 / shell completion scripts",
            ".TP", "rubrics/", "随工具提供的评分表、扶持政策和目标考核 / the shipped rubrics",
            ".SH \"SEE ALSO 另见\"",
            "README.md, docs/rubric-format.md, docs/schedule-format.md, docs/output-json.md",
        ]
        return out.joined(separator: "\n") + "\n"
    }

    private static func command(_ command: ToolInfo.Command) -> [String] {
        let arguments = (command.arguments ?? []).filter(\.shouldDisplay)
        var out = [".SS \"score-cli \(command.commandName)\"", escape(command.abstract ?? ""), ".PP", ".B score-cli \(command.commandName)"]
        out += arguments.filter { !isBuiltIn($0) }.map(synopsis)
        out += section(nil, command.discussion)
        for argument in arguments {
            out.append(".TP")
            out.append(label(argument))
            var help = isBuiltIn(argument) ? builtInHelp(argument) : argument.abstract ?? ""
            if let value = argument.defaultValue, !value.isEmpty { help += "（默认 / default: \(value)）" }
            out.append(escape(help))
        }
        return out
    }

    /// `-h, --help` and `--version`, which ArgumentParser adds with English help.
    private static func isBuiltIn(_ argument: ToolInfo.Argument) -> Bool {
        argument.kind == "flag" && ["help", "version"].contains(argument.preferredName?.name)
    }

    private static func builtInHelp(_ argument: ToolInfo.Argument) -> String {
        argument.preferredName?.name == "help" ? "显示帮助 / show help information" : "显示版本 / show the version"
    }

    /// `[\-\-format \fIformat\fR]`, `\fIfiles\fR ...`.
    private static func synopsis(_ argument: ToolInfo.Argument) -> String {
        var text: String
        switch argument.kind {
        case "positional": text = "\\fI\(argument.valueName ?? "")\\fR"
        case "flag": text = escape(argument.preferredName?.spelled ?? "")
        default: text = escape(argument.preferredName?.spelled ?? "") + " \\fI\(argument.valueName ?? "")\\fR"
        }
        if argument.isRepeating { text += " ..." }
        return argument.isOptional ? "[\(text)]" : text
    }

    /// `\fB\-f\fR, \fB\-\-format\fR \fIformat\fR` for a definition list.
    private static func label(_ argument: ToolInfo.Argument) -> String {
        if argument.kind == "positional" { return "\\fI\(argument.valueName ?? "")\\fR" + (argument.isRepeating ? " ..." : "") }
        let names = (argument.names ?? []).sorted { $0.spelled.count < $1.spelled.count }
        let spelled = names.map { "\\fB" + escape($0.spelled) + "\\fR" }.joined(separator: ", ")
        return argument.kind == "flag" ? spelled : spelled + " \\fI\(argument.valueName ?? "")\\fR"
    }

    /// A discussion as written in the source: its line breaks and indentation kept (examples are
    /// indented), under `title` when given.
    private static func section(_ title: String?, _ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        var out = title.map { [".SH \"\($0)\""] } ?? [".PP"]
        out.append(".nf")
        out += text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }
        out.append(".fi")
        return out
    }

    /// Text safe in a man page line: backslashes and hyphens escaped, a line that would start with
    /// `.` or `'` (a request to groff) kept as text, and a break point (`\:`) after Chinese
    /// punctuation, since groff finds no place to break a run of Chinese without spaces.
    static func escape(_ text: String) -> String {
        var escaped = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        for mark in ["，", "、", "。", "；", "：", "）", "」"] { escaped = escaped.replacingOccurrences(of: mark, with: mark + "\\:") }
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }
}
