/// A plain-text table whose columns line up in a terminal even with Chinese text.
///
/// Chinese characters take two columns on screen; padding by `count` would misalign every row
/// that mixes them with ASCII, so widths are measured with ``displayWidth(of:)``.
struct TextTable {
    enum Alignment { case left, right }

    var alignments: [Alignment]
    var rows: [[String]] = []

    init(_ alignments: [Alignment]) { self.alignments = alignments }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// The widest a column is padded to: a longer cell runs over, so one very long name cannot
    /// add its width in spaces to every other row.
    static let maximumPaddedWidth = 80

    private static let spaces = String(repeating: " ", count: maximumPaddedWidth)

    /// Appends `count` spaces (at most ``maximumPaddedWidth``).
    private static func pad(_ out: inout String, _ count: Int) {
        guard count > 0 else { return }
        out += spaces[..<spaces.utf8.index(spaces.startIndex, offsetBy: min(count, maximumPaddedWidth))]
    }

    func rendered(indent: String = "", gap: String = "  ") -> String {
        let cellWidths = rows.map { row in row.map(displayWidth(of:)) }
        var widths = [Int](repeating: 0, count: alignments.count)
        for row in cellWidths {
            for (index, width) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], min(width, Self.maximumPaddedWidth))
            }
        }
        var out = ""
        for (number, row) in rows.enumerated() {
            if number > 0 { out += "\n" }
            out += indent
            for (index, cell) in row.enumerated() {
                if index > 0 { out += gap }
                let padding = max(0, widths[index] - cellWidths[number][index])
                switch alignments[index] {
                case .left:
                    out += cell
                    if index < row.count - 1 { Self.pad(&out, padding) }
                case .right:
                    Self.pad(&out, padding)
                    out += cell
                }
            }
        }
        return out
    }
}

/// How many terminal columns `text` takes: two for East Asian wide and full-width characters,
/// none for combining marks, one for the rest.
func displayWidth(of text: String) -> Int {
    var width = 0
    for scalar in text.unicodeScalars {
        let v = scalar.value
        if (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) || v == 0xFE0F {
            continue
        }
        let wide =
            (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
        width += wide ? 2 : 1
    }
    return width
}
