import Testing

@testable import Scoring

/// The CSV scanner finds the records a plain byte-by-byte reading of the rules finds, with the same
/// lines and the same errors, however the file is cut into blocks: the fast paths (sixteen bytes at a
/// time, fields written straight into their array) change nothing but the speed.
@Suite("CSV scanner: the same records as a byte-by-byte reading, at every block size")
struct CSVScannerTests {
    /// One record as bytes: the line it starts on and each field's bytes, quotes and all.
    struct Record: Equatable, CustomStringConvertible {
        var line: Int
        var fields: [[UInt8]]

        var description: String { "\(line): " + fields.map { String(decoding: $0, as: UTF8.self).debugDescription }.joined(separator: " | ") }
    }

    /// The records of a whole file read one byte at a time by the rules, or the error the file gets.
    ///
    /// A quote opens only at the start of a field and two quotes inside are one; a line end inside
    /// quotes counts as a line (CRLF once); a line with nothing on it is no record; the last record
    /// needs no line end.
    static func byteByByte(_ file: [UInt8]) -> Result<[Record], FileProblems> {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let bytes = file.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(file.dropFirst(3)) : file
        var records: [Record] = []
        var fields: [[UInt8]] = []
        var index = 0
        var line = 1
        var recordLine = 1
        func endRecord() {
            if fields != [[]] { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }
        while true {
            let start = index
            if index < bytes.count && bytes[index] == quote {
                index += 1
                while true {
                    guard index < bytes.count else {
                        return .failure(
                            FileProblems([
                                FileProblem(
                                    file: "f.csv", location: SourceLocation(line: recordLine, column: 1), field: "",
                                    message: "引号没有闭合：从第 \(recordLine) 行开始的带引号字段直到文件末尾都没有结束")
                            ]))
                    }
                    let byte = bytes[index]
                    if byte == quote {
                        if index + 1 < bytes.count && bytes[index + 1] == quote {
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    if byte == lf || (byte == cr && !(index + 1 < bytes.count && bytes[index + 1] == lf)) { line += 1 }
                    index += 1
                }
            }
            while index < bytes.count && ![comma, lf, cr].contains(bytes[index]) { index += 1 }
            fields.append(Array(bytes[start..<index]))
            guard index < bytes.count else {
                endRecord()
                return .success(records)
            }
            if bytes[index] == comma {
                index += 1
                continue
            }
            index += bytes[index] == cr && index + 1 < bytes.count && bytes[index + 1] == lf ? 2 : 1
            endRecord()
            line += 1
            recordLine = line
        }
    }

    /// The records the scanner finds in `file` fed `block` bytes at a time, or the error it throws.
    static func scanned(_ file: [UInt8], block: Int) -> Result<[Record], FileProblems> {
        var scanner = CSVScanner(file: "f.csv")
        var records: [Record] = []
        var start = 0
        do {
            while true {
                let end = min(start + block, file.count)
                let found = try scanner.scan(file[start..<end], isLast: end == file.count)
                for index in 0..<found.count {
                    let fields = (0..<found.fieldCount(index)).map { column in
                        let field = found.field(index, column)
                        return Array(found.bytes[Int(field.start)..<Int(field.end)])
                    }
                    records.append(Record(line: found.lines[index], fields: fields))
                }
                if end == file.count { return .success(records) }
                start = end
            }
        } catch {
            return .failure(error)
        }
    }

    /// A file made of the pieces CSV files are made of, in a random order: quotes alone and doubled,
    /// commas, the three line ends, Chinese text, runs longer than sixteen bytes, and runs of empty fields.
    static func trickyFile(_ random: inout SplitMix64) -> [UInt8] {
        let pieces: [[UInt8]] = [
            [0x22], [0x22, 0x22], [0x2C], [0x2C, 0x2C, 0x2C, 0x2C, 0x2C, 0x2C, 0x2C, 0x2C, 0x2C], [0x0A], [0x0D], [0x0D, 0x0A],
            Array("a".utf8), Array("上海虹桥".utf8), Array("claim-000123456789-with-a-long-name".utf8), Array(" \t".utf8),
        ]
        var file: [UInt8] = random.chance(10) ? [0xEF, 0xBB, 0xBF] : []
        for _ in 0..<random.int(0...(random.chance(30) ? 300 : 30)) { file += random.pick(pieces) }
        return file
    }

    @Test func theScannerAgreesWithAByteByByteReadingAtEveryBlockSize() {
        var random = SplitMix64(seed: 2024)
        var quotedFiles = 0
        for _ in 0..<600 {
            let file = Self.trickyFile(&random)
            let expected = Self.byteByByte(file)
            if case .success(let records) = expected, records.contains(where: { $0.fields.contains { $0.first == 0x22 } }) { quotedFiles += 1 }
            for block in [1, 2, 3, 5, 15, 16, 17, 33, 64, 4096] {
                let actual = Self.scanned(file, block: block)
                #expect(actual == expected, "block \(block), file \(String(decoding: file, as: UTF8.self).debugDescription)")
                if actual != expected { return }
            }
        }
        #expect(quotedFiles > 100, "the files have quoted fields to read")
    }

    /// The cases where a block boundary falls on the byte that decides: CR then LF, a quote that may
    /// be doubled, a comma before the end of the file.
    @Test(arguments: [
        ("a,b\r\nc", [Record(line: 1, fields: [Array("a".utf8), Array("b".utf8)]), Record(line: 2, fields: [Array("c".utf8)])]),
        ("\"x\"\"\",y\n", [Record(line: 1, fields: [Array("\"x\"\"\"".utf8), Array("y".utf8)])]),
        ("\"a\r\nb\"\r\n\r\nc,", [Record(line: 1, fields: [Array("\"a\r\nb\"".utf8)]), Record(line: 4, fields: [Array("c".utf8), []])]),
        ("a\"b\",c\rd", [Record(line: 1, fields: [Array("a\"b\"".utf8), Array("c".utf8)]), Record(line: 2, fields: [Array("d".utf8)])]),
        ("\n\n,\n", [Record(line: 3, fields: [[], []])]),
    ])
    func blockBoundariesOnTheByteThatDecides(_ text: String, _ records: [Record]) {
        let file = Array(text.utf8)
        for block in 1...file.count {
            #expect(Self.scanned(file, block: block) == .success(records), "block \(block)")
        }
    }

    /// Nothing but empty fields: more fields than the first guess of their number holds.
    @Test func aFileOfEmptyFieldsOutgrowsTheFirstGuessOfItsSize() throws {
        let row = String(repeating: ",", count: 999)
        let file = Array((row + "\n" + row).utf8)
        var scanner = CSVScanner(file: "f.csv")
        let records = try scanner.scan(file, isLast: true)
        #expect(records.count == 2)
        #expect(records.fieldCount(0) == 1000 && records.fieldCount(1) == 1000)
        #expect((0..<1000).allSatisfy { column in
            let field = records.field(1, column)
            return field.start == field.end && Int(field.start) == 1000 + column
        })
    }

    /// A NUL byte is found wherever it is, and named by its place in the file (after a BOM, too).
    @Test(arguments: [0, 1, 15, 16, 17, 31, 32, 100, 4095])
    func aNulByteIsNamedByItsPlace(_ place: Int) {
        var file = [UInt8]([0xEF, 0xBB, 0xBF]) + Array(repeating: UInt8(ascii: "a"), count: 5000)
        file[3 + place] = 0
        for block in [1, 7, 4096, file.count] {
            #expect(Self.scanned(file, block: block).failure?.problems.map(\.message) == ["文件含有 NUL 字节（第 \(place + 4) 字节），不是文本文件"])
        }
    }

    /// Sixteen bytes at a time finds exactly the bytes looked for, up to the end and never past it.
    @Test func positionsAreTheBytesLookedFor() {
        var random = SplitMix64(seed: 16)
        let alphabet: [UInt8] = [0x2C, 0x0A, 0x0D, 0x22, 0x61, 0x00, 0xE4, 0xFF, 0x2D, 0x0B, 0x0E, 0x23]
        for _ in 0..<200 {
            let bytes = (0..<random.int(0...40)).map { _ in random.pick(alphabet) }
            bytes.withUnsafeBufferPointer { buffer in
                for index in 0...bytes.count {
                    var expected: UInt32 = 0
                    for offset in 0..<16 where index + offset < bytes.count && [0x2C, 0x0A, 0x0D, 0x22].contains(bytes[index + offset]) {
                        expected |= 1 << offset
                    }
                    #expect(ByteSearch.positions(of: 0x2C, 0x0A, 0x0D, 0x22, in: buffer, at: index) == expected)
                    let first = bytes[index...].firstIndex { $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } ?? bytes.count
                    #expect(ByteSearch.firstIndex(of: 0x22, 0x0A, 0x0D, in: buffer, from: index) == first)
                }
                #expect(ByteSearch.firstZero(in: buffer) == bytes.firstIndex(of: 0))
            }
        }
    }
}

extension Result {
    fileprivate var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
