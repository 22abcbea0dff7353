/// CSV that opens correctly in Excel and WPS, and safely.
///
/// UTF-8 with a byte-order mark (without it Excel reads Chinese as mojibake), CRLF line ends, every
/// field quoted when needed, and any cell starting with `=`, `+`, `-`, `@`, tab or CR prefixed with
/// `'` so that a spreadsheet never runs it as a formula. Plain numbers are left as numbers.
struct CSVWriter {
    private(set) var text = "\u{FEFF}"

    mutating func row(_ cells: [String]) {
        text += Self.line(cells)
    }

    /// One record and its CRLF.
    static func line(_ cells: [String]) -> String {
        var out = ""
        out.reserveCapacity(512)
        for (index, cell) in cells.enumerated() {
            if index > 0 { out += "," }
            out += field(cell)
        }
        return out + "\r\n"
    }

    /// The text of one field, built plainly as strings: the form the bytes of ``CSVRecordWriter``
    /// are tested against, so it keeps its own checks rather than sharing that writer's.
    static func field(_ raw: String) -> String {
        var cell = raw
        if let first = cell.utf8.first,
            first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@")
                || first == UInt8(ascii: "\t") || first == UInt8(ascii: "\r"),
            Rational(decimalText: cell) == nil
        {
            cell = "'" + cell
        }
        guard cell.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") })
        else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension CSVWriter {
    /// The text a cell had before ``field(_:)`` neutralised it: `'=SUM(1)` → `=SUM(1)`. For reading
    /// back files this tool wrote (last run's `subsidy -f csv` as this run's ledger), so an
    /// applicant named `=HYPERLINK(…)` is the same applicant in both.
    static func restored(_ cell: String) -> String {
        let bytes = cell.utf8
        guard bytes.first == UInt8(ascii: "'"), let second = bytes.dropFirst().first, startsFormula(second) else { return cell }
        return String(cell.dropFirst())
    }
}

extension String {
    /// `self` with every occurrence of `target` replaced; pure Swift, so the library needs no Foundation here.
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

extension CSVWriter {
    /// Appends the record `write` makes to `out`, built in a buffer on the stack that holds all but
    /// the longest rows; a record that does not fit is written again in a buffer four times larger,
    /// so no one has to work out a record's length before writing it.
    ///
    /// `write` is given `source` rather than capturing it, so that the source is only borrowed: a
    /// captured claim result was copied, every string of it retained and released, for each row.
    @inline(__always)
    static func appendRecord<Source>(of source: Source, to out: inout [UInt8], _ write: (inout CSVRecordWriter, Source) -> Void) {
        var capacity = 1024
        while true {
            let written = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
                var record = CSVRecordWriter(buffer)
                write(&record, source)
                guard !record.overflowed else { return false }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<record.count]))
                return true
            }
            if written { return }
            capacity *= 4
        }
    }

    /// `=`, `+`, `-`, `@`, tab or CR: a first byte that may make a spreadsheet run the cell.
    static func startsFormula(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
            || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    /// A `,`, `"`, LF or CR: a byte that makes its field quoted.
    static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// Whether any of the eight bytes of `word` ``isSpecial(_:)``: for fields of 4 to 15 bytes.
    ///
    /// All four are below `-` (0x2D), and Chinese text is all bytes of 0x80 and above, so the word is
    /// first asked whether any byte is below 0x2D; only such words (with ASCII spaces and punctuation)
    /// are asked for the four bytes themselves.
    @inline(__always)
    static func hasSpecialByte(_ word: UInt64) -> Bool {
        // The classic test for a byte below n (n ≤ 128): exact, never a false negative.
        guard (word &- 0x2D2D_2D2D_2D2D_2D2D) & ~word & 0x8080_8080_8080_8080 != 0 else { return false }
        return hasByte(word, UInt8(ascii: ",")) || hasByte(word, UInt8(ascii: "\"")) || hasByte(word, UInt8(ascii: "\n"))
            || hasByte(word, UInt8(ascii: "\r"))
    }

    /// Copies `length` bytes (sixteen or more) from `source` to `target`, sixteen a step, the last step
    /// overlapping the one before, and says whether any of them ``isSpecial(_:)``.
    ///
    /// One vector comparison per kind of byte tests sixteen bytes; a reason of 150 bytes is ten steps.
    /// Rows of a large batch are mostly long Chinese reasons, so this is most of writing them.
    static func copyFindingSpecial(sixteenOrMore source: UnsafeRawPointer, to target: UnsafeMutableRawPointer, length: Int) -> Bool {
        // Compared with whole vectors: a vector with a scalar compiles to a loop over the lanes (see ByteSearch).
        let comma = SIMD16<UInt8>(repeating: UInt8(ascii: ","))
        let quote = SIMD16<UInt8>(repeating: UInt8(ascii: "\""))
        let lineFeed = SIMD16<UInt8>(repeating: UInt8(ascii: "\n"))
        let carriageReturn = SIMD16<UInt8>(repeating: UInt8(ascii: "\r"))
        var hits = SIMDMask<SIMD16<Int8>>(repeating: false)
        var offset = 0
        while true {
            if offset > length - 16 { offset = length - 16 }
            let bytes = source.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
            target.storeBytes(of: bytes, toByteOffset: offset, as: SIMD16<UInt8>.self)
            hits .|= (bytes .== comma) .| (bytes .== quote) .| (bytes .== lineFeed) .| (bytes .== carriageReturn)
            if offset == length - 16 { break }
            offset += 16
        }
        let halves = unsafeBitCast(hits, to: SIMD2<UInt64>.self)
        return halves[0] | halves[1] != 0
    }

    /// Whether any of the eight bytes of `word` is `byte`: the zero-byte test on `word ^ byte…byte`,
    /// whose only false positives lie next to a true zero, so its answer for the word is exact.
    private static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let difference = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (difference &- 0x0101_0101_0101_0101) & ~difference & 0x8080_8080_8080_8080 != 0
    }
}

/// One CSV record written byte by byte into a buffer: the fields of ``CSVWriter/line(_:)``, with the
/// same formula guard and quoting, for the rows of a large batch, where making a string or an array
/// for each field cost more than deciding the claim.
///
/// A field is copied as it is, and looked at while it is copied; only when it turns out to hold a
/// byte that needs quotes, which few do, is it written again, quoted. A write that does not fit is
/// dropped and marks the record ``overflowed``; ``CSVWriter/appendRecord(of:to:_:)`` then writes the
/// whole record again in a larger buffer.
struct CSVRecordWriter: ~Copyable {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0
    /// Whether some write did not fit, so the bytes written are not the record.
    private(set) var overflowed = false

    fileprivate init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// The end of one field, before the next.
    mutating func comma() {
        append(UInt8(ascii: ","))
    }

    /// CRLF, the end of the record.
    mutating func endRecord() {
        append(UInt8(ascii: "\r"))
        append(UInt8(ascii: "\n"))
    }

    /// One field, as ``CSVWriter/field(_:)`` writes it.
    @inline(__always)
    mutating func field(_ cell: String) {
        withUTF8(cell) { bytes in
            let start = count
            let special = copyFindingSpecial(bytes)
            guard special || startsFormula(at: start) else { return }
            count = start
            appendGuarded(bytes, quoted: special)
        }
    }

    /// `parts` joined by `separator` as one field, as ``field(_:)`` writes `parts.joined(separator:)`.
    ///
    /// The parts are copied straight in; only when the joined text turns out to need quotes or to
    /// start like a formula, which few do, is it made, and written again.
    @inline(__always)
    mutating func field(joining parts: some Collection<String>, separator: StaticString) {
        let separatorBytes = UnsafeBufferPointer(start: separator.utf8Start, count: separator.utf8CodeUnitCount)
        let start = count
        var special = false
        var isFirst = true
        for part in parts {
            if !isFirst, copyFindingSpecial(separatorBytes) { special = true }
            isFirst = false
            if withUTF8(part, { copyFindingSpecial($0) }) { special = true }
        }
        if startsFormula(at: start) {
            // Only the whole text can tell a formula from a number: made for this rare case only.
            count = start
            withUTF8(parts.joined(separator: separator.description)) { appendGuarded($0, quoted: special) }
        } else if special {
            count = start
            append(UInt8(ascii: "\""))
            isFirst = true
            for part in parts {
                if !isFirst { appendEscaped(separatorBytes) }
                isFirst = false
                withUTF8(part) { appendEscaped($0) }
            }
            append(UInt8(ascii: "\""))
        }
    }

    /// Text that never needs quotes or the formula guard (a status, `true`), as it is.
    @inline(__always)
    mutating func unquoted(_ text: String) {
        withUTF8(text) { _ = copyFindingSpecial($0) }
    }

    /// A number or date as `write` puts it, as it is: the same bytes as the text those types give.
    mutating func number(_ write: (inout DigitWriter) -> Void) {
        guard buffer.count - count >= DigitWriter.capacity else {
            overflowed = true
            return
        }
        var writer = DigitWriter(UnsafeMutableBufferPointer(rebasing: buffer[count..<count + DigitWriter.capacity]))
        write(&writer)
        count += writer.count
    }

    /// Whether the field written from `start` on begins with a byte that can start a formula.
    private func startsFormula(at start: Int) -> Bool {
        count > start && CSVWriter.startsFormula(buffer[start])
    }

    /// A field that needs quotes or may be a formula, as ``CSVWriter/field(_:)`` writes it: quoted
    /// with its `"` doubled when `quoted`, and after a `'` when it starts a formula and is no number.
    private mutating func appendGuarded(_ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool) {
        let prefixed = bytes.first.map(CSVWriter.startsFormula) == true && Rational(decimalBytes: bytes) == nil
        if quoted { append(UInt8(ascii: "\"")) }
        if prefixed { append(UInt8(ascii: "'")) }
        if quoted {
            appendEscaped(bytes)
            append(UInt8(ascii: "\""))
        } else {
            _ = copyFindingSpecial(bytes)
        }
    }

    /// Copies `bytes` to the end of the record, and says whether any of them ``CSVWriter/isSpecial(_:)``,
    /// looking at them as they are copied: sixteen at a time, the last sixteen overlapping the ones
    /// before; shorter fields eight or four at a time, the same way.
    @inline(__always)
    private mutating func copyFindingSpecial(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = bytes.count
        guard length <= buffer.count - count else {
            overflowed = true
            return false
        }
        guard let base = bytes.baseAddress, let end = buffer.baseAddress else { return false }
        let source = UnsafeRawPointer(base)
        let target = UnsafeMutableRawPointer(end + count)
        count += length
        if length >= 16 {
            return CSVWriter.copyFindingSpecial(sixteenOrMore: source, to: target, length: length)
        }
        if length >= 8 {
            let first = source.loadUnaligned(as: UInt64.self)
            let last = source.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
            target.storeBytes(of: first, as: UInt64.self)
            target.storeBytes(of: last, toByteOffset: length - 8, as: UInt64.self)
            return CSVWriter.hasSpecialByte(first) || CSVWriter.hasSpecialByte(last)
        }
        if length >= 4 {
            let first = source.loadUnaligned(as: UInt32.self)
            let last = source.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
            target.storeBytes(of: first, as: UInt32.self)
            target.storeBytes(of: last, toByteOffset: length - 4, as: UInt32.self)
            return CSVWriter.hasSpecialByte(UInt64(first) | UInt64(last) &<< 32)
        }
        var special = false
        for offset in 0..<length {
            let byte = base[offset]
            target.storeBytes(of: byte, toByteOffset: offset, as: UInt8.self)
            if CSVWriter.isSpecial(byte) { special = true }
        }
        return special
    }

    private mutating func append(_ byte: UInt8) {
        guard count < buffer.count else {
            overflowed = true
            return
        }
        buffer[count] = byte
        count += 1
    }

    /// The bytes of a quoted field, with each `"` doubled: copied a run at a time up to each quote.
    private mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        let quote = UInt8(ascii: "\"")
        var start = 0
        while start < bytes.count {
            let end = ByteSearch.firstIndex(of: quote, quote, quote, in: bytes, from: start)
            _ = copyFindingSpecial(UnsafeBufferPointer(rebasing: bytes[start..<end]))
            guard end < bytes.count else { return }
            append(quote)
            append(quote)
            start = end + 1
        }
    }
}

/// The UTF-8 bytes of `text`, in place when the string holds them contiguously, as native strings do.
///
/// Asking `isContiguousUTF8` first, rather than falling back after `withContiguousStorageIfAvailable`
/// says no, is what lets the compiler leave the string's storage unretained: that was 40
/// instructions a field.
@inline(__always)
private func withUTF8<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    guard text.isContiguousUTF8 else { return Array(text.utf8).withUnsafeBufferPointer(body) }
    return text.utf8.withContiguousStorageIfAvailable(body)!
}
