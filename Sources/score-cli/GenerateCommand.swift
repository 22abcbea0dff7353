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
            let sink = try OutputFile(destination: output, streamsStandardOutput: true)
            do throws(CLIFailure) {
                try generator.write(count: count) { chunk throws(CLIFailure) in try sink.write(chunk) }
                try sink.commit()
            } catch {
                sink.discard()
                throw error
            }
        } catch {
            try CommandResult(error).deliver()
        }
    }
}
