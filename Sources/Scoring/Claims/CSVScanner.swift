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
        var bytes: [UInt8]
        if carry.isEmpty {
            bytes = Array(block)
        } else {
            bytes = carry
            carry = []
            bytes.append(contentsOf: block)
        }
        // A byte-order mark is skipped where it is, rather than moving the whole file three bytes down.
        var start = 0
        if atStartOfFile {
            if bytes.count < 3 && !isLast { carry = bytes; return CSVRecords(bytes: []) }
            atStartOfFile = false
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        }
        if let nul = bytes.withUnsafeBufferPointer({ ByteSearch.firstZero(in: $0) }) {
            throw FileProblems([FileProblem(file: file, location: nil, field: "", message: "文件含有 NUL 字节（第 \(consumed + nul + 1) 字节），不是文本文件")])
        }
        var records = CSVRecords(bytes: bytes)
        let (end, firstTooLong) = records.split(from: start, firstLine: &line, isLast: isLast, longest: Self.maximumRecordBytes)
        if let firstTooLong {
            throw tooLong(line: records.lines[firstTooLong])
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
    /// One cell: its bytes are `bytes[start..<end]`; a quoted cell still has its quotes and doubled
    /// quotes there. A quote opens only at the start of a cell, so a cell is quoted exactly when its
    /// first byte is a quote (``CSVRecords/isQuoted(_:)``), and needs no flag saying so.
    struct Field: Sendable {
        var start: Int32
        var end: Int32
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

    /// Field `column` (0-based) of record `index`.
    func field(_ index: Int, _ column: Int) -> Field { fields[Int(firstField[index]) + column] }

    /// Calls `body` with the fields of record `index` and the bytes they point into, as buffers, so a
    /// reader of millions of rows pays for no copy of either.
    func withRecord<Result>(_ index: Int, _ body: (UnsafeBufferPointer<Field>, UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let range = Int(firstField[index])..<Int(firstField[index + 1])
        return fields.withUnsafeBufferPointer { fields in
            bytes.withUnsafeBufferPointer { bytes in body(UnsafeBufferPointer(rebasing: fields[range]), bytes) }
        }
    }

    /// Whether a field is quoted: whether it starts with a quote.
    func isQuoted(_ field: Field) -> Bool { field.start < field.end && bytes[Int(field.start)] == UInt8(ascii: "\"") }

    /// The text of a field, unquoted, or `nil` when it is not valid UTF-8.
    func text(_ field: Field) -> String? {
        let start = Int(field.start)
        let end = Int(field.end)
        guard isQuoted(field) else {
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
        guard !isQuoted(field) else { return text(field)?.trimmingSpaces() }
        return bytes.withUnsafeBufferPointer { Self.string(UnsafeBufferPointer(rebasing: $0[Self.trimmedRange(field, in: $0)])) }
    }

    /// Where the bytes of an unquoted field's ``trimmedText(_:)`` are, found without decoding them:
    /// the field without the spaces, tabs and full-width spaces around it. `bytes` are ``bytes``.
    @inline(__always)
    static func trimmedRange(_ field: Field, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = Int(field.start)
        var end = Int(field.end)
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        // Nearly every cell starts and ends with neither a space, a tab nor a byte of a full-width space.
        if start < end, !isSpace(bytes[start]), bytes[start] != 0xE3, !isSpace(bytes[end - 1]), bytes[end - 1] != 0x80 {
            return start..<end
        }
        func isFullWidthSpace(at index: Int) -> Bool {
            index + 3 <= end && bytes[index] == 0xE3 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80
        }
        while start < end {
            if isSpace(bytes[start]) { start += 1 } else if isFullWidthSpace(at: start) { start += 3 } else { break }
        }
        while end > start {
            if isSpace(bytes[end - 1]) { end -= 1 } else if end - 3 >= start && isFullWidthSpace(at: end - 3) { end -= 3 } else { break }
        }
        return start..<end
    }

    /// All fields of record `index` as text; an invalid UTF-8 field becomes `nil`.
    func texts(_ index: Int) -> [String?] {
        (0..<fieldCount(index)).map { text(field(index, $0)) }
    }

    /// Splits the bytes from `start` on into records, returning where the last whole record ends and
    /// the first record longer than `longest` bytes.
    ///
    /// A quote opens only at the start of a field; after it closes, anything up to the next comma
    /// belongs to the same field, as spreadsheets read it. A line with nothing on it is skipped.
    ///
    /// The fields are written straight into the array that keeps them. When it turns out too small,
    /// the split stops, and goes on in an array twice the size.
    fileprivate mutating func split(from start: Int, firstLine line: inout Int, isLast: Bool, longest: Int) -> (end: Int, firstTooLong: Int?) {
        precondition(bytes.count < Int(Int32.max), "a block of 2 GB or more")
        var split = Split(firstLine: line, isLast: isLast, longest: longest)
        var fields: [Field] = []
        var capacity = bytes.count / 4 + 16
        bytes.withUnsafeBufferPointer { buffer in
            split.start(at: start, in: buffer)
            var finished = false
            while !finished {
                let earlier = fields
                fields = Array(unsafeUninitializedCapacity: capacity) { room, initialized in
                    var store = FieldStore(room, copying: earlier)
                    finished = split.run(in: buffer, store: &store)
                    initialized = finished ? split.wholeRecordFields : store.count
                }
                capacity *= 2
            }
        }
        self.fields = fields
        firstField = split.firstField
        lines = split.lines
        line = split.endLine
        return (split.end, split.firstTooLong)
    }
}

/// One pass over a block's bytes that finds its whole records.
///
/// The bytes that matter (commas, line ends, quotes) are found sixteen at a time as bits, and each
/// bit is one step: a comma ends a field, a line end ends a record, a quote at the start of a field
/// opens it. Nothing is done for the bytes in between.
private struct Split {
    /// `fields[firstField[i]..<firstField[i + 1]]` are record i's fields.
    private(set) var firstField: [Int32] = [0]
    /// The line each record starts on.
    private(set) var lines: [Int] = []
    /// Where the last whole record ends, and the line after it.
    private(set) var end = 0
    private(set) var endLine: Int
    private(set) var firstTooLong: Int?
    /// How many fields the whole records have: the fields after them belong to a record the bytes cut off.
    private(set) var wholeRecordFields = 0

    private let isLast: Bool
    private let longest: Int
    private var cursor = Cursor()
    private var currentLine: Int
    private var recordLine: Int
    private var recordStart = 0

    init(firstLine: Int, isLast: Bool, longest: Int) {
        endLine = firstLine
        currentLine = firstLine
        recordLine = firstLine
        self.isLast = isLast
        self.longest = longest
    }

    /// Starts at `index`, at the start of a record.
    mutating func start(at index: Int, in buffer: UnsafeBufferPointer<UInt8>) {
        cursor = Cursor(in: buffer, at: index, fieldStart: index)
        recordStart = index
        end = index
    }

    /// Splits on from where it stopped, writing fields into `store`; `false` when `store` filled up first.
    mutating func run(in buffer: UnsafeBufferPointer<UInt8>, store: inout FieldStore) -> Bool {
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let count = buffer.count
        while true {
            let position: Int
            (cursor, store.next, position) = cursor.fieldsUpToLineEndOrQuote(in: buffer, writingAt: store.next, before: store.limit)
            guard position >= 0 else { return false }
            guard position < count else { break }
            let byte = buffer[position]
            if byte == quote {
                // A quote opens only at the start of a field; elsewhere it is part of the text.
                guard position == cursor.fieldStart else {
                    cursor.passOver()
                    continue
                }
                guard let after = Self.endOfQuotes(openedAt: position, in: buffer, isLast: isLast, line: &currentLine) else {
                    return stop()
                }
                cursor = Cursor(in: buffer, at: after, fieldStart: position)
                continue
            }
            // A line end: CR, LF or CRLF.
            guard store.next < store.limit else { return false }
            var next = position + 1
            if byte == cr {
                if next == count {
                    guard isLast else { return stop() }  // The next block may start with LF.
                } else if buffer[next] == lf {
                    next += 1
                }
            }
            cursor.passOver()
            endRecord(at: position, store: &store)
            currentLine += 1
            recordLine = currentLine
            recordStart = next
            cursor = next == position + 1 ? cursor.startingField(at: next) : Cursor(in: buffer, at: next, fieldStart: next)
        }
        // No comma, line end or quote after the last field's start: the field runs to the end of the
        // bytes, and ends the last record when the bytes end the file.
        guard isLast else { return stop() }
        guard store.next < store.limit else { return false }
        endRecord(at: count, store: &store)
        end = count
        endLine = currentLine
        return true
    }

    /// Ends the record whose last field ends at `index`; a line with nothing on it is no record.
    private mutating func endRecord(at index: Int, store: inout FieldStore) {
        guard cursor.fieldStart < index || store.count > wholeRecordFields else { return }
        store.append(CSVRecords.Field(start: Int32(truncatingIfNeeded: cursor.fieldStart), end: Int32(truncatingIfNeeded: index)))
        if firstTooLong == nil && index - recordStart > longest { firstTooLong = lines.count }
        firstField.append(Int32(truncatingIfNeeded: store.count))
        lines.append(recordLine)
        wholeRecordFields = store.count
    }

    /// Stops before the record the bytes cut off.
    private mutating func stop() -> Bool {
        end = recordStart
        endLine = recordLine
        return true
    }

    /// The index just after the quote that closes the field whose opening quote is at `open`, adding
    /// the line ends inside to `line`; `nil` when the bytes end first.
    ///
    /// Two quotes together are one quote in the text. A quote that is the last byte of a block that
    /// does not end the file may be the first of two, so it closes nothing yet.
    private static func endOfQuotes(openedAt open: Int, in buffer: UnsafeBufferPointer<UInt8>, isLast: Bool, line: inout Int) -> Int? {
        let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let count = buffer.count
        var index = open + 1
        while true {
            index = ByteSearch.firstIndex(of: quote, lf, cr, in: buffer, from: index)
            guard index < count else { return nil }
            let byte = buffer[index]
            if byte == quote {
                if index + 1 < count {
                    if buffer[index + 1] == quote {
                        index += 2
                        continue
                    }
                } else if !isLast {
                    return nil
                }
                return index + 1
            }
            // CRLF counts once, at its LF.
            if byte == lf || index + 1 == count || buffer[index + 1] != lf { line += 1 }
            index += 1
        }
    }
}

/// Where a split is: the start of the current field, and the commas, line ends and quotes after it
/// not yet dealt with, as bits.
private struct Cursor {
    private(set) var fieldStart = 0
    /// Bit `i` of `found` stands for the byte at `chunk + i`.
    private var chunk = 0
    private var found: UInt32 = 0

    init() {}

    /// A cursor in the field starting at `fieldStart`, looking from `index` on.
    init(in buffer: UnsafeBufferPointer<UInt8>, at index: Int, fieldStart: Int) {
        self.fieldStart = fieldStart
        chunk = index
        found = Self.structural(in: buffer, at: index)
    }

    /// The same cursor, in a field that starts at `index`.
    func startingField(at index: Int) -> Cursor {
        var cursor = self
        cursor.fieldStart = index
        return cursor
    }

    /// Writes a field for each comma from here on, from `next` on, up to the next line end or quote.
    /// Returns the cursor after the last comma, where the next field would be written, and the line
    /// end's or quote's index: `buffer.count` when there is none, and -1 when the fields reached
    /// `limit` first. The line end or quote stays found until ``passOver()``.
    ///
    /// Most bytes that matter in a claims file are commas, so this is the loop that counts. Its state
    /// comes and goes as values, so that it stays in registers while the loop runs.
    @inline(never)
    func fieldsUpToLineEndOrQuote(
        in buffer: UnsafeBufferPointer<UInt8>, writingAt next: UnsafeMutablePointer<CSVRecords.Field>,
        before limit: UnsafeMutablePointer<CSVRecords.Field>
    ) -> (Cursor, UnsafeMutablePointer<CSVRecords.Field>, Int) {
        let comma = UInt8(ascii: ",")
        var cursor = self
        var next = next
        while true {
            while cursor.found == 0 {
                cursor.chunk &+= 16
                guard cursor.chunk < buffer.count else { return (cursor, next, buffer.count) }
                cursor.found = Self.structural(in: buffer, at: cursor.chunk)
            }
            let position = cursor.chunk &+ cursor.found.trailingZeroBitCount
            guard buffer[position] == comma else { return (cursor, next, position) }
            guard next < limit else { return (cursor, next, -1) }
            cursor.found &= cursor.found &- 1
            next.initialize(to: CSVRecords.Field(start: Int32(truncatingIfNeeded: cursor.fieldStart), end: Int32(truncatingIfNeeded: position)))
            next += 1
            cursor.fieldStart = position &+ 1
        }
    }

    /// Forgets the line end or quote ``fieldsUpToLineEndOrQuote(in:writingAt:before:)`` stopped at.
    mutating func passOver() {
        found &= found &- 1
    }

    @inline(__always)
    private static func structural(in buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        ByteSearch.positions(of: UInt8(ascii: ","), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\""), in: buffer, at: index)
    }
}

/// Room for fields: the part of an array not yet initialised, filled from the front.
private struct FieldStore {
    private let start: UnsafeMutablePointer<CSVRecords.Field>
    /// Where the next field goes.
    var next: UnsafeMutablePointer<CSVRecords.Field>
    /// The end of the room.
    let limit: UnsafeMutablePointer<CSVRecords.Field>

    /// The room in `room`, starting with a copy of `earlier`.
    init(_ room: UnsafeMutableBufferPointer<CSVRecords.Field>, copying earlier: [CSVRecords.Field]) {
        start = room.baseAddress!
        limit = start + room.count
        next = start
        earlier.withUnsafeBufferPointer { earlier in
            if let base = earlier.baseAddress { start.initialize(from: base, count: earlier.count) }
        }
        next += earlier.count
    }

    var count: Int { next - start }

    /// Appends `field`; there must be room.
    mutating func append(_ field: CSVRecords.Field) {
        precondition(next < limit)
        next.initialize(to: field)
        next += 1
    }
}
