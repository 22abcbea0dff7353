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

extension String {
    /// `self` with every occurrence of `target` replaced; pure Swift, so the library needs no Foundation here.
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
