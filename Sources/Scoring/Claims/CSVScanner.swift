/// Finds CSV records in bytes that arrive in blocks, as Excel and WPS save them: UTF-8 with or
/// without a byte-order mark, CRLF, LF or CR line ends, fields quoted with `"` and quotes doubled
/// inside them.
///
/// It works on bytes and never builds a string, so a file of millions of rows is split into records
/// at memory speed and only the cells a claim needs are decoded. A record that does not end in a
/// block is carried over to the next one, so where the blocks are cut never changes the records.
/// Each record keeps the line it starts on, so every later error can name its row.
public struct CSVScanner: Sendable {
    /// The line the next record starts on.
    private var line = 1
    /// Bytes already consumed before the current carry, for messages about byte offsets.
    private var consumed = 0
    private var carry: [UInt8] = []
    private var atStartOfFile = true
    private let file: String

    /// The longest record read: an Excel cell holds at most 32,767 characters, so a longer row is a
    /// missing line end or an unclosed quote, and refusing it keeps time and memory bounded.
    public static let maximumRecordBytes = 1 << 20

    public init(file: String) {
        self.file = file
    }

    /// The whole records found so far, given `block` as the next bytes of the file.
    ///
    /// - Parameter isLast: whether `block` ends the file; a last record without a line end is then complete.
    /// - Throws: ``FileProblems`` for a NUL byte (not a text file) or, at the end, a quote never closed.
    public mutating func scan(_ block: some Collection<UInt8>, isLast: Bool) throws(FileProblems) -> CSVRecords {
        var bytes = carry
        carry = []
        bytes.append(contentsOf: block)
        if atStartOfFile {
            if bytes.count < 3 && !isLast { carry = bytes; return CSVRecords(bytes: []) }
            atStartOfFile = false
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                bytes.removeFirst(3)
                consumed += 3
            }
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw FileProblems([FileProblem(file: file, location: nil, field: "", message: "文件含有 NUL 字节（第 \(consumed + nul + 1) 字节），不是文本文件")])
        }
        var records = CSVRecords(bytes: bytes)
        let end = records.split(firstLine: &line, isLast: isLast)
        if let long = records.firstRecord(longerThan: Self.maximumRecordBytes) {
            throw tooLong(line: records.lines[long])
        }
        if end < bytes.count && bytes.count - end > Self.maximumRecordBytes {
            throw tooLong(line: line)
        }
        if end < bytes.count {
            if isLast {
                throw FileProblems([
                    FileProblem(
                        file: file, location: SourceLocation(line: line, column: 1), field: "",
                        message: "引号没有闭合：从第 \(line) 行开始的带引号字段直到文件末尾都没有结束")
                ])
            }
            carry = Array(bytes[end...])
        }
        consumed += end
        return records
    }

    private func tooLong(line: Int) -> FileProblems {
        FileProblems([
            FileProblem(
                file: file, location: SourceLocation(line: line, column: 1), field: "",
                message: "第 \(line) 行超过 1 MB：申请表的一行不会这样长（是否缺少换行，或引号没有闭合？）")
        ])
    }
}

/// Whole CSV records over one block of bytes: each record's line and its fields as byte ranges.
public struct CSVRecords: Sendable {
    /// One cell: its bytes are `bytes[start..<end]`; a quoted cell still has its quotes and doubled quotes there.
    struct Field: Sendable {
        var start: Int32
        var end: Int32
        var quoted: Bool
    }

    let bytes: [UInt8]
    private(set) var fields: [Field] = []
    /// `fields[firstField[i]..<firstField[i + 1]]` are record i's fields.
    private(set) var firstField: [Int32] = [0]
    /// The line each record starts on.
    private(set) var lines: [Int] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// How many records.
    public var count: Int { lines.count }

    /// How many fields record `index` has.
    func fieldCount(_ index: Int) -> Int { Int(firstField[index + 1] - firstField[index]) }

    /// The first record whose bytes, from its first field to its last, are more than `limit`.
    func firstRecord(longerThan limit: Int) -> Int? {
        (0..<count).first { index in
            let first = fields[Int(firstField[index])]
            let last = fields[Int(firstField[index + 1]) - 1]
            return Int(last.end) - Int(first.start) > limit
        }
    }

    /// Field `column` (0-based) of record `index`.
    func field(_ index: Int, _ column: Int) -> Field { fields[Int(firstField[index]) + column] }

    /// The text of a field, unquoted, or `nil` when it is not valid UTF-8.
    func text(_ field: Field) -> String? {
        let start = Int(field.start)
        let end = Int(field.end)
        guard field.quoted else {
            return bytes.withUnsafeBufferPointer { Self.string(UnsafeBufferPointer(rebasing: $0[start..<end])) }
        }
        var unquoted: [UInt8] = []
        unquoted.reserveCapacity(end - start)
        var index = start + 1
        var inQuotes = true
        while index < end {
            let byte = bytes[index]
            if inQuotes && byte == UInt8(ascii: "\"") {
                if index + 1 < end && bytes[index + 1] == UInt8(ascii: "\"") {
                    unquoted.append(byte)
                    index += 2
                    continue
                }
                inQuotes = false
                index += 1
                continue
            }
            unquoted.append(byte)
            index += 1
        }
        return unquoted.withUnsafeBufferPointer { Self.string($0) }
    }

    /// The bytes as a string, or `nil` when they are not valid UTF-8.
    ///
    /// Decoding repairs invalid bytes, so the bytes were valid exactly when decoding left them
    /// unchanged; this is much faster than the generic `String(validating:as:)`.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        let unchanged = text.utf8.withContiguousStorageIfAvailable { sameBytes($0, bytes) }
        return (unchanged ?? text.utf8.elementsEqual(bytes)) ? text : nil
    }

    /// The text of a field without the spaces, tabs and full-width spaces spreadsheets pad cells
    /// with, or `nil` when it is not valid UTF-8.
    func trimmedText(_ field: Field) -> String? {
        guard !field.quoted else { return text(field)?.trimmingSpaces() }
        var start = Int(field.start)
        var end = Int(field.end)
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        func isFullWidthSpace(at index: Int) -> Bool {
            index + 3 <= end && bytes[index] == 0xE3 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80
        }
        while start < end {
            if isSpace(bytes[start]) { start += 1 } else if isFullWidthSpace(at: start) { start += 3 } else { break }
        }
        while end > start {
            if isSpace(bytes[end - 1]) { end -= 1 } else if end - 3 >= start && isFullWidthSpace(at: end - 3) { end -= 3 } else { break }
        }
        return bytes.withUnsafeBufferPointer { Self.string(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// All fields of record `index` as text; an invalid UTF-8 field becomes `nil`.
    func texts(_ index: Int) -> [String?] {
        (0..<fieldCount(index)).map { text(field(index, $0)) }
    }

    /// Splits the bytes into records, returning where the last whole record ends.
    ///
    /// A quote opens only at the start of a field; after it closes, anything up to the next comma
    /// belongs to the same field, as spreadsheets read it. A line with nothing on it is skipped.
    fileprivate mutating func split(firstLine line: inout Int, isLast: Bool) -> Int {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var committed = 0
        var committedLine = line
        var pendingFields: [Field] = []
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            var recordLine = line
            var currentLine = line
            var fieldStart = 0
            var quoted = false
            pendingFields.removeAll(keepingCapacity: true)
            func endRecord(at end: Int) {
                pendingFields.append(Field(start: Int32(fieldStart), end: Int32(end), quoted: quoted))
                let blank = pendingFields.count == 1 && pendingFields[0].start == pendingFields[0].end
                if !blank {
                    fields.append(contentsOf: pendingFields)
                    firstField.append(Int32(fields.count))
                    lines.append(recordLine)
                }
                pendingFields.removeAll(keepingCapacity: true)
            }
            scanning: while index < count {
                // At the start of a field.
                fieldStart = index
                quoted = false
                if buffer[index] == quote {
                    quoted = true
                    index += 1
                    var closed = false
                    while index < count {
                        let byte = buffer[index]
                        if byte == quote {
                            if index + 1 < count && buffer[index + 1] == quote {
                                index += 2
                                continue
                            }
                            if index + 1 == count && !isLast { break }
                            closed = true
                            index += 1
                            break
                        }
                        if byte == lf || (byte == cr && !(index + 1 < count && buffer[index + 1] == lf)) { currentLine += 1 }
                        index += 1
                    }
                    if !closed { break scanning }
                }
                // The rest of the field, up to a comma or a line end.
                while index < count {
                    let byte = buffer[index]
                    if byte == comma || byte == lf || byte == cr { break }
                    index += 1
                }
                guard index < count else {
                    if isLast {
                        endRecord(at: index)
                        committed = index
                        committedLine = currentLine
                    }
                    break scanning
                }
                let byte = buffer[index]
                if byte == comma {
                    pendingFields.append(Field(start: Int32(fieldStart), end: Int32(index), quoted: quoted))
                    index += 1
                    if index == count && isLast {
                        fieldStart = index
                        quoted = false
                        endRecord(at: index)
                        committed = index
                        committedLine = currentLine
                    }
                    continue
                }
                if byte == cr {
                    if index + 1 == count && !isLast { break scanning }
                    endRecord(at: index)
                    index += (index + 1 < count && buffer[index + 1] == lf) ? 2 : 1
                } else {
                    endRecord(at: index)
                    index += 1
                }
                currentLine += 1
                recordLine = currentLine
                committed = index
                committedLine = currentLine
            }
        }
        // Records past `committed` were not whole: drop any fields they left behind.
        line = committedLine
        return committed
    }
}
