import Testing

@testable import Scoring
@testable import score_cli

/// The benchmark generator: the same bytes for the same seed, rows in the order the engine decides
/// them, and batches that make every rule across claims bind.
@Suite("Claim generator: deterministic batches that exercise the engine")
struct ClaimGeneratorTests {
    static let scheduleFiles = packageFiles(in: "rubrics/schedules", extensions: ["yaml"])

    static func schedule(_ id: String) throws -> Schedule {
        let path = "rubrics/schedules/\(id).yaml"
        return try Schedule.load(bytes: try packageFile(path), file: path)
    }

    /// Reads and decides a generated batch.
    static func decide(_ schedule: Schedule, _ csv: String) throws -> (batch: ClaimBatch, report: SubsidyReport) {
        let batch = try ClaimBatch.read(bytes: Array(csv.utf8), file: "generated.csv", schedule: schedule)
        var calculator = SubsidyCalculator(schedule: schedule)
        return (batch, calculator.run(batch, file: "generated.csv"))
    }

    /// The rows of a generated CSV (header first), split into cells.
    static func rows(_ csv: String) -> [[Substring]] {
        csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    }

    /// The file lines (header = line 1) that carry a planted error, recognised by their text.
    static func plantedLines(_ csv: String, generator: ClaimGenerator) -> Set<Int> {
        let rows = rows(csv)
        guard let claimed = rows.first?.firstIndex(of: "claimed_amount") else { return [] }
        var lines: Set<Int> = []
        for (index, cells) in rows.enumerated().dropFirst() {
            if cells[1].isEmpty || CalendarDate(text: cells[2]) == nil || cells[3] == generator.unknownMeasure
                || cells[claimed] == "12万元x"
            {
                lines.insert(index + 1)
            }
        }
        return lines
    }

    @Test func theSameSeedGivesTheSameBytesAndAnotherSeedDoesNot() throws {
        let schedule = try Self.schedule("trade-consumption-2022")
        let first = ClaimGenerator(schedule: schedule, seed: 42).csv(count: 5_000)
        let again = ClaimGenerator(schedule: schedule, seed: 42).csv(count: 5_000)
        let other = ClaimGenerator(schedule: schedule, seed: 43).csv(count: 5_000)
        #expect(first == again)
        #expect(first != other)
        // The chunk size changes only how the text is handed over.
        var chunks: [String] = []
        ClaimGenerator(schedule: schedule, seed: 42).write(count: 5_000, linesPerChunk: 7) { chunks.append($0) }
        #expect(chunks.joined() == first)
        #expect(chunks.count == 1 + (5_000 + 6) / 7)
    }

    @Test func plantingErrorsChangesOnlyThePlantedRows() throws {
        let schedule = try Self.schedule("quality-brand-ip-2021")
        let clean = ClaimGenerator(schedule: schedule, seed: 9, invalidPerMille: 0).csv(count: 5_000)
        let generator = ClaimGenerator(schedule: schedule, seed: 9, invalidPerMille: 50)
        let dirty = generator.csv(count: 5_000)
        let differing = zip(clean.split(separator: "\n"), dirty.split(separator: "\n")).enumerated()
            .filter { $0.element.0 != $0.element.1 }.map { $0.offset + 1 }
        #expect(Set(differing) == Self.plantedLines(dirty, generator: generator))
        #expect(differing.count == 250)
    }

    @Test(arguments: scheduleFiles)
    func rowsAreInDateThenClaimIDOrderAndNeedNoQuoting(_ path: String) throws {
        let schedule = try Schedule.load(bytes: try packageFile(path), file: path)
        let csv = ClaimGenerator(schedule: schedule, seed: 3, invalidPerMille: 20).csv(count: 3_000)
        #expect(!csv.hasPrefix("\u{FEFF}"))
        #expect(csv.hasSuffix("\n"))
        #expect(!csv.contains("\r") && !csv.contains("\""))
        let rows = Self.rows(csv)
        let header = ["claim_id", "applicant", "date", "measure"] + schedule.catalog.inputs.map(\.id) + ["claimed_amount", "approved_amount", "matter"]
        #expect(rows.first?.map(String.init) == header)
        #expect(rows.count == 3_001)
        var previous: (date: CalendarDate, id: Substring)? = nil
        var previousID: Substring = ""
        for cells in rows.dropFirst() {
            #expect(cells.count == header.count)
            #expect(cells[0].count == 8 && cells[0].hasPrefix("C") && cells[0] > previousID, "claim ids are C + 7 digits, rising")
            previousID = cells[0]
            // A planted impossible date is not a date; every real one keeps the order.
            guard let date = CalendarDate(text: cells[2]) else { continue }
            if let previous { #expect(previous.date < date || (previous.date == date && previous.id < cells[0])) }
            previous = (date, cells[0])
        }
    }

    @Test func aTradeConsumptionBatchMakesEveryCheckWork() throws {
        let schedule = try Self.schedule("trade-consumption-2022")
        let generator = ClaimGenerator(schedule: schedule, seed: 1)
        let count = 20_000
        let csv = generator.csv(count: count)
        let (batch, report) = try Self.decide(schedule, csv)
        #expect(report.rowsRead == count)

        // Every measure is claimed.
        let measures = Set(Self.rows(csv).dropFirst().map { String($0[3]) })
        for measure in schedule.measures { #expect(measures.contains(measure.id), "\(measure.id) never claimed") }

        // About 1‰ of rows are planted errors, and they are exactly the rows rejected.
        let planted = Self.plantedLines(csv, generator: generator)
        #expect((10...40).contains(planted.count), "\(planted.count) planted errors in \(count) rows")
        #expect(batch.rejectedLines == planted)
        #expect(report.rowsRejected == planted.count)

        // A realistic share is not eligible, and rules across claims bind.
        let ineligible = report.results.filter { $0.status == .ineligible }.count
        #expect(ineligible * 20 >= report.results.count, "only \(ineligible) of \(report.results.count) not eligible")
        #expect(ineligible * 10 <= report.results.count * 4, "\(ineligible) of \(report.results.count) not eligible")
        let bindings = Set(report.results.flatMap { $0.boundBy.map(\.kind) })
        #expect(bindings.contains(.yearlyCap))
        #expect(bindings.contains(.sameMatter))
        #expect(bindings.contains(.measureCeiling))
        #expect(bindings.contains(.discretionaryCeiling))
        #expect(report.results.contains { $0.status == .needsDecision })

        // Claims just outside the validity window are there, and none of them is eligible.
        let window = try #require(schedule.header.effective)
        let outside = report.results.filter { !window.contains($0.claim.date) }
        #expect(outside.count >= count / 200)
        #expect(outside.allSatisfy { $0.status == .ineligible })
        #expect(outside.contains { $0.claim.date < (window.from ?? $0.claim.date) })
        #expect(outside.contains { $0.claim.date > (window.to ?? $0.claim.date) })
    }

    /// trade-consumption-2022 has no count limit or highest-only group; quality-brand-ip-2021 has both.
    @Test func aQualityBrandBatchBindsCountLimitsAndHighestOnlyGroups() throws {
        let schedule = try Self.schedule("quality-brand-ip-2021")
        let generator = ClaimGenerator(schedule: schedule, seed: 1)
        let csv = generator.csv(count: 20_000)
        let (batch, report) = try Self.decide(schedule, csv)
        #expect(batch.rejectedLines == Self.plantedLines(csv, generator: generator))
        let bindings = Set(report.results.flatMap { $0.boundBy.map(\.kind) })
        for kind in [Binding.Kind.countLimit, .highestOnly, .sameMatter, .yearlyCap] {
            #expect(bindings.contains(kind), "\(kind) never binds")
        }
        let limits = Set(report.results.flatMap { $0.boundBy.filter { $0.kind == .countLimit }.map(\.rule) })
        #expect(limits.count >= 3, "count limits that bound: \(limits.sorted())")
    }

    @Test func aQualityAwardBatchFillsTheRoundSoQuotasPerRoundBind() throws {
        let schedule = try Self.schedule("district-quality-award-2021")
        let (_, report) = try Self.decide(schedule, ClaimGenerator(schedule: schedule, seed: 1).csv(count: 2_000))
        let limits = Set(report.results.flatMap { $0.boundBy.filter { $0.kind == .countLimit }.map(\.rule) })
        #expect(limits.count == schedule.countLimits.count, "count limits that bound: \(limits.sorted())")
    }

    @Test(arguments: scheduleFiles)
    func everyShippedScheduleReadsBackWithOnlyThePlantedRowsRejected(_ path: String) throws {
        let schedule = try Schedule.load(bytes: try packageFile(path), file: path)
        let generator = ClaimGenerator(schedule: schedule, seed: 11, invalidPerMille: 10)
        let csv = generator.csv(count: 2_000)
        let (batch, report) = try Self.decide(schedule, csv)
        let planted = Self.plantedLines(csv, generator: generator)
        #expect(report.rowsRead == 2_000)
        #expect(planted.count == 20)
        #expect(batch.rejectedLines == planted, "\(batch.problems.prefix(3).map(\.description))")
        #expect(report.rowsRejected == planted.count, "\(report.problems.prefix(3).map(\.description))")
        #expect(report.results.contains { $0.status == .granted })
        #expect(report.results.contains { $0.status == .ineligible })
    }

    @Test func theInvalidRateRunsFromNoneToEveryRow() throws {
        let schedule = try Self.schedule("ciie-trade-2021")
        let clean = ClaimGenerator(schedule: schedule, seed: 5, invalidPerMille: 0)
        #expect(Self.plantedLines(clean.csv(count: 1_000), generator: clean).isEmpty)
        let broken = ClaimGenerator(schedule: schedule, seed: 5, invalidPerMille: 1000)
        let csv = broken.csv(count: 1_000)
        #expect(Self.plantedLines(csv, generator: broken).count == 1_000)
        #expect(try Self.decide(schedule, csv).report.rowsRejected == 1_000)
        // Each kind of error is planted.
        let rows = Self.rows(csv).dropFirst()
        #expect(rows.contains { $0[1].isEmpty })
        #expect(rows.contains { $0[3] == "X99" })
        #expect(rows.contains { $0.contains("12万元x") })
        #expect(rows.contains { CalendarDate(text: $0[2]) == nil })
    }

    @Test func applicantsAreNamedDistinctlyAndSomeClaimMuchMoreOften() throws {
        let schedule = try Self.schedule("trade-consumption-2022")
        let csv = ClaimGenerator(schedule: schedule, seed: 2, invalidPerMille: 0).csv(count: 8_000)
        var claims: [Substring: Int] = [:]
        for cells in Self.rows(csv).dropFirst() { claims[cells[1], default: 0] += 1 }
        #expect(claims.count > 800 && claims.count <= ClaimGenerator.defaultApplicants(forCount: 8_000))
        #expect(claims.keys.allSatisfy { $0.hasPrefix("上海") && $0.hasSuffix("公司") })
        #expect((claims.values.max() ?? 0) >= 8 * 4, "the busiest applicant claims several times the average")
    }

    @Test(arguments: [
        (["--count=-1"], "--count"), (["--count", "5", "--applicants", "0"], "--applicants"),
        (["--count", "5", "--invalid-per-mille", "1001"], "--invalid-per-mille"),
    ])
    func aBadGenerateCommandLineExits64(_ extra: [String], _ option: String) {
        let arguments = ["generate", "--schedule", "trade-consumption-2022"] + extra
        #expect(throws: (any Error).self) { try ScoreCLI.parseAsRoot(arguments) }
        do {
            _ = try ScoreCLI.parseAsRoot(arguments)
        } catch {
            #expect(ScoreCLI.exitCode(for: error).rawValue == 64)
            #expect(ScoreCLI.message(for: error).hasPrefix(option + " "), "\(ScoreCLI.message(for: error))")
        }
    }
}
