import Testing

@testable import Scoring

/// A streamed batch prints exactly what the whole batch prints, whatever the block size and the
/// number of threads: on every shipped example (put in date order) and on a generated batch.
@Suite("Subsidies: streaming gives the same bytes however the work is split")
struct SubsidyStreamTests {
    static let examples = packageFiles(in: "examples/subsidies", extensions: ["csv"])

    /// Block sizes from one byte (every record cut in pieces) to the whole file.
    static let splits: [(block: Int, workers: Int)] = [(1, 1), (7, 2), (100, 3), (4096, 2), (1 << 20, 1), (1 << 20, 4)]

    static func schedule(for example: String) throws -> Schedule {
        let id = String(example.split(separator: "/").last?.dropLast(4) ?? "")
        return try Schedule.load(bytes: try packageFile("rubrics/schedules/\(id).yaml"), file: "\(id).yaml")
    }

    /// The CSV with its rows sorted by date, then claim id, as a stream needs them.
    static func inDateOrder(_ csv: [UInt8], schedule: Schedule) throws -> [UInt8] {
        var scanner = CSVScanner(file: "example.csv")
        let records = try scanner.scan(csv, isLast: true)
        let batch = try ClaimBatch.read(bytes: csv, file: "example.csv", schedule: schedule)
        let byLine = Dictionary(uniqueKeysWithValues: batch.claims.map { ($0.line, $0) })
        var lines = String(decoding: csv, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        #expect(records.count == lines.count, "no example has a line break inside a quoted cell")
        let header = lines[0]
        let rows = (2...lines.count).compactMap { line in byLine[line].map { ($0, lines[line - 1]) } }
        let sorted = rows.sorted { $0.0.precedes($1.0) }.map(\.1)
        return Array(([header] + sorted).joined(separator: "\n").utf8) + [UInt8(ascii: "\n")]
    }

    /// What the whole batch prints.
    static func whole(_ csv: [UInt8], _ schedule: Schedule, _ format: SubsidyFormat) throws -> String {
        var calculator = SubsidyCalculator(schedule: schedule)
        return calculator.run(try ClaimBatch.read(bytes: csv, file: "claims.csv", schedule: schedule), file: "claims.csv").rendered(format)
    }

    /// What a stream prints, fed `block` bytes at a time on `workers` threads, its pieces written one
    /// after another as the command writes them (or joined by ``SubsidyStream/feed(_:isLast:)``).
    static func streamed(_ csv: [UInt8], _ schedule: Schedule, _ format: SubsidyFormat, block: Int, workers: Int, inPieces: Bool = true) throws -> String {
        var stream = SubsidyStream(calculator: SubsidyCalculator(schedule: schedule), file: "claims.csv", format: format, workers: workers)
        var out = Array(stream.begin().utf8)
        func feed(_ bytes: [UInt8], isLast: Bool) throws {
            if inPieces {
                for piece in try stream.feedInPieces(bytes, isLast: isLast) { out += piece }
            } else {
                out += try stream.feed(bytes, isLast: isLast)
            }
        }
        var start = 0
        while start < csv.count {
            let end = min(start + block, csv.count)
            try feed(Array(csv[start..<end]), isLast: false)
            start = end
        }
        try feed([], isLast: true)
        out += stream.finish().output.utf8
        return String(decoding: out, as: UTF8.self)
    }

    @Test(arguments: examples)
    func everyExampleStreamsToTheSameBytes(_ path: String) throws {
        let schedule = try Self.schedule(for: path)
        let csv = try Self.inDateOrder(try packageFile(path), schedule: schedule)
        for format in SubsidyFormat.allCases {
            let expected = try Self.whole(csv, schedule, format)
            for (block, workers) in Self.splits {
                let actual = try Self.streamed(csv, schedule, format, block: block, workers: workers)
                #expect(actual == expected, "\(path) \(format) block \(block) workers \(workers)")
            }
            let joined = try Self.streamed(csv, schedule, format, block: 4096, workers: 3, inPieces: false)
            #expect(joined == expected, "\(path) \(format) joined")
        }
    }

    @Test func aGeneratedBatchStreamsToTheSameBytesAndAmountsStayExact() throws {
        let schedule = try Self.schedule(for: "trade-consumption-2022.csv")
        let csv = Array(ClaimGenerator(schedule: schedule, seed: 11).csv(count: 3000).utf8)
        let expected = try Self.whole(csv, schedule, .csv)
        for (block, workers) in [(333, 2), (4096, 3), (65536, 1)] {
            #expect(try Self.streamed(csv, schedule, .csv, block: block, workers: workers) == expected)
        }
        // Every amount in the output is a whole number of 分, written exactly with two decimals.
        let amounts = expected.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[4] }
        #expect(amounts.count > 2900)
        #expect(amounts.allSatisfy { $0.wholeMatch(of: /[0-9]+\.[0-9]{2}/) != nil })
    }

    /// Bad rows, claims missing a fact, and repeated claim ids, between the claims of every part:
    /// each row still lands where the whole batch puts it.
    @Test func badAndRepeatedRowsAmongTheClaimsStreamToTheSameBytes() throws {
        let schedule = try Self.schedule(for: "trade-consumption-2022.csv")
        let generated = ClaimGenerator(schedule: schedule, seed: 3, invalidPerMille: 150).csv(count: 1500)
        var lines = generated.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        // Every 37th row twice in a row: the same claim id on the same date, rejected the second time.
        var withRepeats = [lines[0]]
        for (index, line) in lines.dropFirst().enumerated() {
            withRepeats.append(line)
            if index % 37 == 5 { withRepeats.append(line) }
        }
        let csv = Array((withRepeats.joined(separator: "\n") + "\n").utf8)
        for format in [SubsidyFormat.csv, .json, .text] {
            let expected = try Self.whole(csv, schedule, format)
            for (block, workers) in [(1, 2), (500, 3), (4096, 2), (1 << 20, 4)] {
                #expect(try Self.streamed(csv, schedule, format, block: block, workers: workers) == expected, "\(format) block \(block) workers \(workers)")
            }
        }
    }

    @Test func aClaimOutOfDateOrderStopsTheStream() throws {
        let schedule = try Self.schedule(for: "ciie-trade-2021.csv")
        let csv = """
            claim_id,applicant,date,measure,event_cost
            B,上海甲贸易有限公司,2021-12-30,P7,30万
            A,上海乙贸易有限公司,2021-12-29,P7,30万

            """
        var stream = SubsidyStream(calculator: SubsidyCalculator(schedule: schedule), file: "claims.csv", format: .csv)
        #expect {
            _ = try stream.feed(Array(csv.utf8), isLast: true)
        } throws: { error in
            guard case SubsidyStream.Stop.outOfOrder(let line) = error else { return false }
            return line == 3
        }
    }

    @Test func theSameClaimIDTwiceOnOneDateIsRejectedOnce() throws {
        let schedule = try Self.schedule(for: "ciie-trade-2021.csv")
        let csv = Array("""
            claim_id,applicant,date,measure,applicant_type,recognised,event_cost
            A,上海甲贸易有限公司,2021-12-29,P7,企业,true,30万
            A,上海甲贸易有限公司,2021-12-29,P7,企业,true,30万

            """.utf8)
        var stream = SubsidyStream(calculator: SubsidyCalculator(schedule: schedule), file: "claims.csv", format: .csv)
        _ = try stream.feed(csv, isLast: true)
        let report = stream.finish().report
        #expect(report.rowsRead == 2)
        #expect(report.rowsRejected == 1)
        #expect(report.problems.map(\.message) == ["申请编号「A」与第 2 行重复"])
    }
}
