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
    /// Appends one field to a record being built as bytes: the same guard and quoting as
    /// ``field(_:)``, without building the field as a string first.
    static func append(_ cell: String, to out: inout [UInt8]) {
        var utf8 = cell
        utf8.withUTF8 { bytes in
            if let first = bytes.first, startsFormula(first), Rational(decimalText: cell) == nil {
                appendQuotedIfNeeded(bytes, prefix: true, to: &out)
            } else {
                appendQuotedIfNeeded(bytes, prefix: false, to: &out)
            }
        }
    }

    /// Appends `parts` joined by `separator` as one field, exactly as `append(parts.joined(separator:))`.
    static func append(joining parts: [String], separator: String, to out: inout [UInt8]) {
        guard parts.count > 1 else {
            append(parts.first ?? "", to: &out)
            return
        }
        let firstByte = parts[0].utf8.first ?? separator.utf8.first
        if let firstByte, startsFormula(firstByte) {
            append(parts.joined(separator: separator), to: &out)
            return
        }
        var separator = separator
        separator.withUTF8 { separator in
            var quoted = needsQuotes(separator)
            for var part in parts where !quoted {
                quoted = part.withUTF8(needsQuotes)
            }
            if quoted { out.append(UInt8(ascii: "\"")) }
            for (index, var part) in parts.enumerated() {
                if index > 0 { appendEscaped(separator, quoted: quoted, to: &out) }
                part.withUTF8 { appendEscaped($0, quoted: quoted, to: &out) }
            }
            if quoted { out.append(UInt8(ascii: "\"")) }
        }
    }

    static func startsFormula(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
            || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    /// Whether the bytes hold a `,`, `"`, LF or CR.
    ///
    /// All four are below `-` (0x2D), and Chinese text is all bytes of 0x80 and above, so eight bytes
    /// at a time are first asked whether any is below 0x2D; only such words are looked at byte by byte.
    /// Rows of a large batch are mostly Chinese reasons, so this is most of writing them. (Splitting
    /// records uses ``ByteSearch``, sixteen bytes a step; for cells, most of them short, this was
    /// measured faster: 2,000 fewer instructions a claim.)
    private static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func special(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        }
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                // The classic test for a byte below n (n ≤ 128): exact, never a false negative.
                let below = (word &- 0x2D2D_2D2D_2D2D_2D2D) & ~word & 0x8080_8080_8080_8080
                if below != 0 {
                    for offset in index..<index + 8 where special(bytes[offset]) { return true }
                }
                index += 8
            }
        }
        while index < bytes.count {
            if special(bytes[index]) { return true }
            index += 1
        }
        return false
    }

    private static func appendQuotedIfNeeded(_ bytes: UnsafeBufferPointer<UInt8>, prefix: Bool, to out: inout [UInt8]) {
        let quoted = needsQuotes(bytes)
        if quoted { out.append(UInt8(ascii: "\"")) }
        if prefix { out.append(UInt8(ascii: "'")) }
        appendEscaped(bytes, quoted: quoted, to: &out)
        if quoted { out.append(UInt8(ascii: "\"")) }
    }

    /// The bytes, with each `"` doubled when the field is quoted.
    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, to out: inout [UInt8]) {
        guard quoted, bytes.contains(UInt8(ascii: "\"")) else {
            out.append(contentsOf: bytes)
            return
        }
        for byte in bytes {
            out.append(byte)
            if byte == UInt8(ascii: "\"") { out.append(byte) }
        }
    }
}
