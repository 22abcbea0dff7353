import Testing

@testable import Scoring
@testable import score_cli

/// Every row of a claims file is accounted for: it is either decided (a result in the output) or
/// rejected (with at least one problem naming its line), never lost and never counted twice.
@Suite("Row accounting: processed + rejected = read, for every example batch", .timeLimit(.minutes(1)))
struct RowAccountingTests {
    /// Every claims batch shipped under examples/, with the schedule it is decided under.
    static let batches: [(path: String, schedule: String)] =
        packageFiles(in: "examples/subsidies", extensions: ["csv"]).map { path in
            (path, String(path.split(separator: "/").last?.dropLast(4) ?? ""))
        } + [("examples/audit/claims-planted.csv", "trade-consumption-2022")]

    static func schedule(_ id: String) throws -> Schedule {
        try Schedule.load(bytes: try packageFile("rubrics/schedules/\(id).yaml"), file: "\(id).yaml")
    }

    /// The number of records in CSV bytes (not lines: a quoted cell may hold a line break).
    static func records(_ bytes: [UInt8]) throws -> Int {
        var scanner = CSVScanner(file: "count.csv")
        return try scanner.scan(bytes, isLast: true).count
    }

    @Test func everyExampleBatchIsCovered() {
        #expect(Self.batches.count == 6)
        #expect(Self.batches.contains { $0.path == "examples/subsidies/trade-consumption-2022.csv" })
    }

    /// Read whole: every data row is read, and each is either a claim or a rejected line.
    @Test(arguments: batches.indices)
    func readingAccountsForEveryRow(_ index: Int) throws {
        let (path, id) = Self.batches[index]
        let bytes = try packageFile(path)
        let batch = try ClaimBatch.read(bytes: bytes, file: path, schedule: try Self.schedule(id))
        #expect(batch.rowsRead == (try Self.records(bytes)) - 1, "\(path): the header is not a row")
        #expect(batch.claims.count + batch.rejectedLines.count == batch.rowsRead, "\(path)")
        #expect(Set(batch.claims.map(\.line)).isDisjoint(with: batch.rejectedLines), "\(path)")
        #expect(Set(batch.problems.compactMap(\.location?.line)) == batch.rejectedLines, "\(path)")
    }

    /// Decided whole: results + rejected = read, and each rejected row has a problem with its line.
    @Test(arguments: batches.indices)
    func decidingAccountsForEveryRow(_ index: Int) throws {
        let (path, id) = Self.batches[index]
        let rules = try Self.schedule(id)
        let batch = try ClaimBatch.read(bytes: try packageFile(path), file: path, schedule: rules)
        var calculator = SubsidyCalculator(schedule: rules)
        let report = calculator.run(batch, file: path)
        #expect(report.rowsRead == batch.rowsRead, "\(path)")
        #expect(report.results.count + report.rowsRejected == report.rowsRead, "\(path)")
        #expect(Set(report.problems.compactMap(\.location?.line)).count == report.rowsRejected, "\(path)")
        #expect(Set(report.results.map(\.claim.line)).count == report.results.count, "\(path): no claim decided twice")
        #expect(report.applicants.map(\.claims).reduce(0, +) == report.results.count, "\(path): the summary counts every decided claim")
    }

    /// Streamed in date order, in blocks, on several threads: the same counts, and one output row per processed row.
    @Test(arguments: batches.indices)
    func streamingAccountsForEveryRow(_ index: Int) throws {
        let (path, id) = Self.batches[index]
        let rules = try Self.schedule(id)
        let csv = try SubsidyStreamTests.inDateOrder(try packageFile(path), schedule: rules)
        var whole = SubsidyCalculator(schedule: rules)
        let expected = whole.run(try ClaimBatch.read(bytes: csv, file: "claims.csv", schedule: rules), file: "claims.csv")
        for (block, workers) in [(64, 2), (4096, 3)] {
            var stream = SubsidyStream(calculator: SubsidyCalculator(schedule: rules), file: "claims.csv", format: .csv, workers: workers)
            var out = Array(stream.begin().utf8)
            var start = 0
            while start < csv.count {
                out += try stream.feed(csv[start..<min(start + block, csv.count)], isLast: false)
                start += block
            }
            out += try stream.feed([UInt8](), isLast: true)
            let (end, report) = stream.finish()
            out += end.utf8
            #expect(report.rowsRead == expected.rowsRead, "\(path) block \(block)")
            #expect(report.rowsRejected == expected.rowsRejected, "\(path) block \(block)")
            #expect((try Self.records(out)) - 1 == report.rowsRead - report.rowsRejected, "\(path) block \(block): one CSV row per processed row")
        }
    }

    /// Through the command line: the summary line adds up, the CSV has one row per processed row,
    /// and standard error has the problems of exactly the rejected rows.
    @Test(arguments: batches.indices)
    func theCommandLineAccountsForEveryRow(_ index: Int) throws {
        let (path, id) = Self.batches[index]
        let bytes = try packageFile(path)
        let read = (try Self.records(bytes)) - 1
        let text = try run(["subsidy", path, "--schedule", id])
        let summary = try #require(text.output.split(separator: "\n").first { $0.hasPrefix("读取 ") })
        let numbers = summary.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        #expect(numbers.count == 3, "\(path): \(summary)")
        #expect(numbers.first == read, "\(path)")
        #expect(numbers.count == 3 && numbers[1] + numbers[2] == numbers[0], "\(path)")
        let csv = try run(["subsidy", path, "--schedule", id, "-f", "csv"])
        #expect((try Self.records(Array(csv.output.utf8))) - 1 == numbers[1], "\(path)")
        let rejectedLines = Set(csv.errors.compactMap { line in line.split(separator: ":").dropFirst().first.flatMap { Int($0) } })
        #expect(rejectedLines.count == numbers[2], "\(path)")
        #expect(csv.errors == text.errors, "\(path)")
        #expect(csv.status == (numbers[2] > 0 ? 65 : text.status), "\(path)")
    }

    /// A generated batch with one bad row in ten, for every shipped schedule: streamed, the counts add up.
    @Test(arguments: ["ciie-trade-2021", "trade-consumption-2022", "quality-brand-ip-2021", "district-quality-award-2021", "private-investment-2023"])
    func aGeneratedBatchWithManyBadRowsAccountsForEveryRow(_ id: String) throws {
        let rules = try Self.schedule(id)
        let csv = Array(ClaimGenerator(schedule: rules, seed: 5, invalidPerMille: 100).csv(count: 2000).utf8)
        var stream = SubsidyStream(calculator: SubsidyCalculator(schedule: rules), file: "claims.csv", format: .csv, workers: 2)
        var out = Array(stream.begin().utf8)
        var start = 0
        while start < csv.count {
            out += try stream.feed(csv[start..<min(start + 8192, csv.count)], isLast: false)
            start += 8192
        }
        out += try stream.feed([UInt8](), isLast: true)
        let (end, report) = stream.finish()
        out += end.utf8
        #expect(report.rowsRead == 2000)
        #expect(report.rowsRejected > 100, "about one row in ten is bad")
        #expect((try Self.records(out)) - 1 + report.rowsRejected == report.rowsRead)
        #expect(Set(report.problems.compactMap(\.location?.line)).count == report.rowsRejected)
    }
}
