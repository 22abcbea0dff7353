import ArgumentParser
import Foundation
import Scoring

/// `score-cli generate --schedule ID --count N`: a claims CSV for benchmarks, the same for the same seed.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "按扶持政策生成模拟申请（CSV），用于性能测试 / Generate a claims CSV for benchmarks.",
        discussion: """
            同一种子生成的文件逐字节相同。事实取值集中在政策自身的门槛（恰好、略低、略高）
            和上限开始起作用之处；少数申请单位申请特别频繁，使年度累计上限、个数上限、
            就高不重复和同一事项规则都起作用；约 0.5% 的申请早于有效期、0.5% 晚于有效期；
            按 --invalid-per-mille 插入有错的行（不存在的日期、无法识别的金额、未知项目、
            缺少申请单位）。写入文件时先写临时文件，完成后改名。
            The same seed gives the same bytes. Facts cluster at the schedule's own
            thresholds; a few applicants claim far more often, so caps and limits bind;
            about 1% of claims fall outside the validity window; and the given share of
            rows carry one planted error each. A file appears only when complete.
            示例 / examples:
              score-cli generate -s trade-consumption-2022 --count 1000000 -o 申请.csv
              score-cli generate -s quality-brand-ip-2021 --count 20000 --seed 7
            """)

    @Option(name: .shortAndLong, help: "扶持政策 id 或文件路径 / schedule id or path")
    var schedule: String

    @Option(name: .shortAndLong, help: "申请条数 / number of claims")
    var count: Int

    @Option(help: "随机种子（默认 1）/ seed")
    var seed: UInt64 = 1

    @Option(help: "申请单位数（默认 条数/8，1 到 100000 之间）/ number of applicants (default count/8, at most 100000)")
    var applicants: Int?

    @Option(name: .customLong("invalid-per-mille"), help: "每千行中有错的行数（0–1000，默认 1）/ planted bad rows per thousand")
    var invalidPerMille: Int = 1

    @Option(name: .shortAndLong, help: "写入文件（默认标准输出）/ write to this file instead of standard output")
    var output: String?

    func validate() throws {
        guard count >= 0 else { throw ValidationError("--count 不能为负数（实为 \(count)）/ must be 0 or more") }
        if let applicants, applicants < 1 {
            throw ValidationError("--applicants 至少为 1（实为 \(applicants)）/ must be at least 1")
        }
        guard (0...1000).contains(invalidPerMille) else {
            throw ValidationError("--invalid-per-mille 应在 0 到 1000 之间（实为 \(invalidPerMille)）/ must be within 0...1000")
        }
    }

    func run() throws {
        do throws(CLIFailure) {
            let rules = try RubricLibrary.schedule(schedule)
            let generator = ClaimGenerator(schedule: rules, seed: seed, applicants: applicants, invalidPerMille: invalidPerMille)
            var sink = try ClaimsOutput(path: output)
            do throws(CLIFailure) {
                try generator.write(count: count) { chunk throws(CLIFailure) in try sink.append(chunk) }
                try sink.finish()
            } catch {
                sink.abandon()
                throw error
            }
        } catch {
            try CommandResult(error).deliver()
        }
    }
}

/// Streams text out in blocks of about a megabyte: to standard output, or to a temporary file beside
/// `path` that is renamed over it at the end, so a half-written file never appears under its name.
private struct ClaimsOutput {
    private let path: String?
    private let temporaryPath: String?
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(path: String?) throws(CLIFailure) {
        guard let path, path != "-" else {
            self.path = nil
            temporaryPath = nil
            handle = FileHandle.standardOutput
            return
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary)
        else {
            throw CLIFailure(
                lines: ["\(path): 无法写入：目录不存在或没有写入权限 / cannot write: no such directory, or permission denied"],
                exitCode: ExitStatus.cannotWrite)
        }
        self.path = path
        temporaryPath = temporary
        self.handle = handle
        buffer.reserveCapacity(1 << 21)
    }

    mutating func append(_ text: String) throws(CLIFailure) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private mutating func flush() throws(CLIFailure) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: Data(buffer))
        } catch {
            throw failure("写入失败 / write failed: \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and puts the file in place.
    mutating func finish() throws(CLIFailure) {
        try flush()
        guard let path, let temporaryPath else { return }
        do {
            try handle.close()
        } catch {
            throw failure("无法关闭 / cannot close: \(error.localizedDescription)")
        }
        guard rename(temporaryPath, path) == 0 else {
            throw failure("无法改名为目标文件 / cannot rename into place (errno \(errno))")
        }
    }

    /// Removes the temporary file after a failure.
    func abandon() {
        guard let temporaryPath else { return }
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }

    private func failure(_ message: String) -> CLIFailure {
        CLIFailure(lines: ["\(path ?? "标准输出"): \(message)"], exitCode: ExitStatus.cannotWrite)
    }
}
