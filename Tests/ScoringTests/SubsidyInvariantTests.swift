import Testing

@testable import Scoring

/// Properties every schedule keeps on generated batches: no amount above its ceiling, no yearly
/// total above its cap, no count limit or pool exceeded, and the same results whatever the row order.
@Suite("Subsidies: invariants over generated batches")
struct SubsidyInvariantTests {
    static let scheduleFiles = packageFiles(in: "rubrics/schedules", extensions: ["yaml"])

    /// A small deterministic generator (xorshift64*), so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return Int((state &* 2_685_821_657_736_338_717) >> 33) % max(bound, 1)
        }
    }

    /// A CSV of `count` claims spread over a few applicants and every measure, with random facts.
    static func batch(_ schedule: Schedule, count: Int, seed: UInt64) -> String {
        var random = Generator(state: seed)
        let inputs = schedule.catalog.inputs
        var lines = ["claim_id,applicant,date,measure," + inputs.map(\.id).joined(separator: ",") + ",approved_amount,matter"]
        let window = schedule.header.effective
        let firstYear = window?.from?.year ?? 2022
        let lastYear = window?.to?.year ?? firstYear
        for index in 0..<count {
            let measure = schedule.measures[random.next(schedule.measures.count)]
            let year = firstYear + random.next(lastYear - firstYear + 1)
            var date = "\(year)-\(String(format2(1 + random.next(12))))-\(String(format2(1 + random.next(28))))"
            if let from = window?.from, let to = window?.to, random.next(10) > 0 {
                // Mostly inside the window; sometimes outside, to exercise validity.
                let days = [from, to]
                date = days[random.next(2)].description
            }
            var cells: [String] = []
            for input in inputs {
                switch input.type {
                case .boolean: cells.append(random.next(4) == 0 ? "false" : "true")
                case .choice: cells.append(input.choices?[random.next(input.choices?.count ?? 1)] ?? "")
                case .money: cells.append(["0", "50000", "30万", "99.99万", "100万", "500万", "1000万", "1.2亿", "3亿", "5000万"][random.next(10)])
                case .count: cells.append("\(random.next(12))")
                case .percent: cells.append("\(random.next(101))")
                case .number: cells.append(["0", "1", "6.5", "1999", "2000", "2500", "7.1", "100"][random.next(8)])
                case .points: cells.append("0")
                }
            }
            let approved = measure.amount.isDiscretionary && random.next(2) == 0 ? ["10万", "50万", "300万"][random.next(3)] : ""
            let matter = random.next(5) == 0 ? "M\(random.next(3))" : ""
            lines.append("C\(index),单位\(random.next(6)),\(date),\(measure.id),\(cells.joined(separator: ",")),\(approved),\(matter)")
        }
        return lines.joined(separator: "\n")
    }

    static func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    static func run(_ schedule: Schedule, _ csv: String) throws -> SubsidyReport {
        var calculator = SubsidyCalculator(schedule: schedule)
        return calculator.run(try ClaimBatch.read(bytes: Array(csv.utf8), file: "generated.csv", schedule: schedule), file: "generated.csv")
    }

    @Test(arguments: scheduleFiles)
    func caps_limits_and_order_hold(_ path: String) throws {
        let schedule = try Schedule.load(bytes: try packageFile(path), file: path)
        for seed in UInt64(1)...UInt64(20) {
            let csv = Self.batch(schedule, count: 150, seed: seed &* 7919)
            let report = try Self.run(schedule, csv)
            #expect(report.results.count + report.rowsRejected == report.rowsRead, "every row accounted for")
            for result in report.results {
                #expect(!result.amount.isNegative)
                #expect(result.amount <= result.computed)
                if let ceiling = schedule.measure(result.claim.measure)?.ceiling {
                    #expect(result.amount <= ceiling.amount, "\(result.claim.id) above its ceiling")
                }
                if result.status != .granted { #expect(result.amount == .zero) }
            }
            for cap in schedule.yearlyCaps {
                var totals: [String: Rational] = [:]
                for result in report.results where cap.measures.contains(result.claim.measure) {
                    let key = "\(result.claim.applicant)|\(result.claim.date.year)"
                    totals[key] = try (totals[key] ?? .zero) + result.amount
                }
                for (key, total) in totals { #expect(total <= cap.amount, "\(cap.id) exceeded for \(key)") }
            }
            for limit in schedule.countLimits where limit.per != .round {
                var counts: [String: Int] = [:]
                for result in report.results where limit.measures.contains(result.claim.measure) && result.amount > .zero {
                    let key = limit.per == .applicant ? result.claim.applicant : "\(result.claim.applicant)|\(result.claim.date.year)"
                    counts[key, default: 0] += 1
                }
                for (key, count) in counts { #expect(count <= limit.max, "\(limit.id) exceeded for \(key)") }
            }
            if let pool = schedule.pool {
                let used = try Rational.sum(report.results.filter { pool.measures.contains($0.claim.measure) }.map(\.amount))
                #expect(used <= pool.amount)
            }
            // Reversing the rows changes nothing.
            var rows = csv.split(separator: "\n").map(String.init)
            let header = rows.removeFirst()
            let reversed = try Self.run(schedule, ([header] + rows.reversed()).joined(separator: "\n"))
            let before = report.results.map { "\($0.claim.id) \($0.status) \($0.amount)" }.sorted()
            let after = reversed.results.map { "\($0.claim.id) \($0.status) \($0.amount)" }.sorted()
            #expect(before == after)
        }
    }
}
