import Testing

@testable import Scoring

/// Large batches read a well-formed row directly, and any other row cell by cell with a problem per
/// bad cell. The direct reading must give exactly the claim the cell-by-cell reading gives, or none.
@Suite("Claims: the direct reading of a well-formed row agrees with the cell-by-cell reading")
struct WellFormedRowTests {
    /// For each row: the direct reading, and the cell-by-cell reading.
    static func readings(_ csv: [UInt8], _ schedule: Schedule) throws -> [(direct: Claim?, full: ClaimRowReader.Outcome)] {
        var reader = ClaimStreamReader(schedule: schedule, file: "claims.csv")
        let rows = try reader.scan(csv, isLast: true)
        return rows.range.map { index in
            let line = rows.records.lines[index]
            return (reader.wellFormedClaim(rows.records, index, line: line), reader.claimOrProblems(rows.records, index, line: line))
        }
    }

    /// Checks every row; returns how many the direct reading took and how many it left.
    static func check(_ csv: [UInt8], _ schedule: Schedule, _ name: String) throws -> (direct: Int, left: Int) {
        var counts = (direct: 0, left: 0)
        for (direct, full) in try readings(csv, schedule) {
            guard let direct else {
                counts.left += 1
                continue
            }
            counts.direct += 1
            guard case .claim(let claim) = full else {
                Issue.record("\(name) line \(direct.line): read directly, but the full reading rejects it")
                continue
            }
            #expect(claim == direct, "\(name) line \(direct.line)")
        }
        return counts
    }

    @Test(arguments: RowAccountingTests.batches)
    func everyShippedBatch(_ batch: (path: String, schedule: String)) throws {
        let counts = try Self.check(try packageFile(batch.path), try RowAccountingTests.schedule(batch.schedule), batch.path)
        #expect(counts.direct > 0, "\(batch.path)")
    }

    @Test func aGeneratedBatchWithManyBadRows() throws {
        let schedule = try RowAccountingTests.schedule("trade-consumption-2022")
        let csv = Array(ClaimGenerator(schedule: schedule, seed: 5, invalidPerMille: 100).csv(count: 3000).utf8)
        let counts = try Self.check(csv, schedule, "generated")
        #expect(counts.direct > 2000)
        #expect(counts.left > 100)
    }

    /// Rows at the edges of what is well formed: padded cells, Chinese amounts, quotes, blanks,
    /// and each kind of bad cell. Each is read the same both ways, or left to the full reading.
    @Test func rowsAtTheEdges() throws {
        let schedule = try RowAccountingTests.schedule("ciie-trade-2021")
        let header = "claim_id,applicant,date,measure,applicant_type,recognised,first_time_aeo,event_cost,store_cost,first_year_rent,claimed_amount,approved_amount,matter"
        let rows = [
            "A,甲,2021-12-30,P2,企业,,true,,,,,,",
            " B ,\u{3000}乙\u{3000},2021/12/30,P7,企业,是,,30万,,,\"1,200,000\",20万元,展会",
            "C,\"丙,\"\"引号\"\"\",2021年12月30日,P7,企业,true,,1.2亿,,,,,",
            ",丁,2021-12-30,P2,企业,,true,,,,,,",
            "E,,2021-12-30,P2,企业,,true,,,,,,",
            "F,己,2022-02-30,P2,企业,,true,,,,,,",
            "G,庚,2021-12-30,P99,企业,,true,,,,,,",
            "H,辛,2021-12-30,P7,企业,true,,1.5x,,,,,",
            "I,壬,2021-12-30,P7,企业,true,,10,,,-5,,",
            "J,癸,2021-12-30,P7,企业,true,,10,,,,,,extra",
            "K,子,2021-12-30,P7,企业,true,,10,,,,,,",
        ]
        // The last row's applicant is not valid UTF-8.
        let csv = Array((([header] + rows).joined(separator: "\n") + "\nL,").utf8) + [0xFF] + Array(",2021-12-30,P2,企业,,true,,,,,,\n".utf8)
        let readings = try Self.readings(csv, schedule)
        #expect(readings.count == rows.count + 1)
        let direct = readings.map { $0.direct?.id }
        #expect(direct == ["A", "B", "C", nil, nil, nil, nil, nil, nil, nil, nil, nil])
        _ = try Self.check(csv, schedule, "edges")
        // Row K has a blank cell past the header's columns: left to the full reading, which takes it.
        if case .claim(let claim) = readings[10].full { #expect(claim.id == "K") } else { Issue.record("row K rejected") }
    }
}
