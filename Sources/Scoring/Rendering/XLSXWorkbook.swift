/// A minimal Office Open XML workbook (.xlsx): sheets of rows under a bold, frozen header row,
/// numbers stored as numbers, amounts shown in 元 (`#,##0.00"元"`), dates as dates, text as
/// inline strings. Enough for Excel, WPS and LibreOffice to open, sort and filter the results;
/// written by hand so the package needs no dependency and the bytes are the same on every run.
struct XLSXWorkbook {
    var sheets: [XLSXSheet]

    /// The most rows a sheet can have (Excel's limit, and LibreOffice's since 7.4), header included.
    static let maximumRows = 1_048_576

    /// The .xlsx file.
    ///
    /// - Throws: ``XLSXLimitExceeded`` when a sheet has more rows than a spreadsheet can hold, or
    ///   the file would be larger than a ZIP can record.
    func bytes() throws(XLSXLimitExceeded) -> [UInt8] {
        for sheet in sheets where sheet.rows.count + 1 > Self.maximumRows {
            throw XLSXLimitExceeded(
                message: "工作表「\(sheet.name)」有 \(sheet.rows.count) 行，超过 xlsx 每表 \(Self.maximumRows - 1) 行数据的上限；请用 -f csv / too many rows for xlsx: use csv")
        }
        var archive = XLSXZipArchive()
        try archive.add("[Content_Types].xml", Array(contentTypes.utf8))
        try archive.add("_rels/.rels", Array(Self.packageRelationships.utf8))
        try archive.add("xl/workbook.xml", Array(workbook.utf8))
        try archive.add("xl/_rels/workbook.xml.rels", Array(workbookRelationships.utf8))
        try archive.add("xl/styles.xml", Array(Self.styles.utf8))
        for (index, sheet) in sheets.enumerated() {
            try archive.add("xl/worksheets/sheet\(index + 1).xml", writing: sheet.write)
        }
        return try archive.finished()
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private var contentTypes: String {
        var xml = Self.declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for index in sheets.indices {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xml + "</Types>"
    }

    private static let packageRelationships = declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    private var workbook: String {
        var xml = Self.declaration + "<workbook xmlns=\"\(Self.mainNamespace)\" xmlns:r=\"\(Self.relationshipNamespace)\">"
        xml += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, sheet) in sheets.enumerated() {
            xml += "<sheet name=\"\(escapeXML(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return xml + "</sheets></workbook>"
    }

    private var workbookRelationships: String {
        var xml = Self.declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in sheets.indices {
            xml += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(Self.relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    /// Four cell formats, numbered as ``XLSXCell/Kind`` uses them: 0 plain, 1 bold (the header),
    /// 2 amounts in 元 with thousands separators and two decimals, 3 dates as 2022-03-01.
    private static let styles = declaration + "<styleSheet xmlns=\"\(mainNamespace)\">"
        + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"#,##0.00&quot;元&quot;\"/><numFmt numFmtId=\"165\" formatCode=\"yyyy\\-mm\\-dd\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"
}

/// One worksheet: a header row, frozen so it stays in view, and rows of cells beneath it.
struct XLSXSheet {
    /// At most 31 characters, none of `[ ] : * ? / \` (the names used here are fixed Chinese words).
    var name: String
    var header: [String]
    var rows: [[XLSXCell]] = []

    /// Rows looked at to size the columns: enough to see the usual widths, few enough to stay fast
    /// on a sheet of a million rows.
    static let rowsMeasured = 2000
    static let widestColumn = 60

    /// Appends the worksheet part.
    func write(into out: inout [UInt8]) {
        var xml = XLSXWorkbook.declaration + "<worksheet xmlns=\"\(XLSXWorkbook.mainNamespace)\" xmlns:r=\"\(XLSXWorkbook.relationshipNamespace)\">"
        xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        xml += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/><cols>"
        for (index, width) in columnWidths.enumerated() {
            xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
        }
        xml += "</cols><sheetData>"
        xml += row(1, header.map { XLSXCell.text($0) }, style: 1)
        out += xml.utf8
        for (index, cells) in rows.enumerated() {
            out += row(index + 2, cells, style: nil).utf8
        }
        out += "</sheetData></worksheet>".utf8
    }

    /// `<row>` with each non-empty cell; `style` overrides the cells' own (the header is bold).
    private func row(_ number: Int, _ cells: [XLSXCell], style: Int?) -> String {
        var xml = "<row r=\"\(number)\">"
        for (column, cell) in cells.enumerated() where cell.kind != .empty {
            let reference = Self.columnName(column) + String(number)
            let style = style ?? cell.kind.style
            let styleAttribute = style == 0 ? "" : " s=\"\(style)\""
            switch cell.kind {
            case .text:
                xml += "<c r=\"\(reference)\" t=\"inlineStr\"\(styleAttribute)><is><t xml:space=\"preserve\">\(escapeXML(cell.value))</t></is></c>"
            case .number, .amount, .date:
                xml += "<c r=\"\(reference)\"\(styleAttribute)><v>\(cell.value)</v></c>"
            case .empty:
                break
            }
        }
        return xml + "</row>"
    }

    /// Each column as wide as its widest cell among the header and the first rows (two units per
    /// Chinese character), within 6…60.
    private var columnWidths: [Int] {
        var widths = header.map { displayWidth(of: $0) }
        for cells in rows.prefix(Self.rowsMeasured) {
            for (column, cell) in cells.enumerated() {
                if column >= widths.count { widths.append(0) }
                widths[column] = max(widths[column], cell.shownWidth)
            }
        }
        return widths.map { min(max($0 + 2, 6), Self.widestColumn) }
    }

    /// `A`, `B`, … `Z`, `AA`, … for the 0-based column number.
    static func columnName(_ column: Int) -> String {
        var number = column + 1
        var name = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(ascii: "A") + UInt8(remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }
}

/// One cell: text, a number, an amount in 元, a date, or nothing. Numbers are kept as the exact
/// decimal text of the ``Rational`` they come from, never passed through floating point.
struct XLSXCell: Hashable {
    enum Kind: Hashable {
        case empty, text, number, amount, date

        /// The cell format in styles.xml.
        var style: Int {
            switch self {
            case .amount: 2
            case .date: 3
            case .empty, .text, .number: 0
            }
        }
    }

    let kind: Kind
    /// The text, or the number as it goes into `<v>`.
    let value: String

    static let empty = XLSXCell(kind: .empty, value: "")

    /// A spreadsheet cell holds at most 32,767 characters; longer text is cut and marked.
    static let maximumText = 32_767

    /// Text, or nothing when `text` is empty.
    static func text(_ text: String) -> XLSXCell {
        guard !text.isEmpty else { return .empty }
        guard text.utf16.count > maximumText else { return XLSXCell(kind: .text, value: text) }
        var cut = ""
        for character in text {
            if cut.utf16.count + character.utf16.count > maximumText - 8 { break }
            cut.append(character)
        }
        return XLSXCell(kind: .text, value: cut + "…（已截断）")
    }

    /// The exact decimal, or `value` rounded to `places` when it has no finite decimal expansion
    /// (7700/91 → 84.615 with three places), as the report shows it.
    static func number(_ value: Rational, places: Int = 6, rounding mode: RoundingMode = .halfAwayFromZero) -> XLSXCell {
        XLSXCell(kind: .number, value: value.exactDecimalText ?? ((try? value.fixedText(places: places, rounding: mode)) ?? "0"))
    }

    static func integer(_ value: Int) -> XLSXCell {
        XLSXCell(kind: .number, value: String(value))
    }

    /// An amount in 元, shown as `125,000.00元`.
    static func amount(_ value: Rational) -> XLSXCell {
        XLSXCell(kind: .amount, value: value.exactDecimalText ?? ((try? value.fixedText(places: 2)) ?? "0"))
    }

    /// A date, stored as the spreadsheet's day number (days since 1899-12-30) and shown as 2022-03-01.
    static func date(_ date: CalendarDate) -> XLSXCell {
        XLSXCell(kind: .date, value: String(daysSinceCivilEpoch(date) - daysSinceCivilEpoch(year: 1899, month: 12, day: 30)))
    }

    /// About how many character widths the cell shows.
    var shownWidth: Int {
        switch kind {
        case .empty: 0
        case .text: displayWidth(of: value)
        case .number: value.utf8.count
        case .amount: value.utf8.count + value.utf8.count / 3 + 4
        case .date: 10
        }
    }
}

/// Days from 1970-01-01 to the date in the proleptic Gregorian calendar (H. Hinnant's
/// `days_from_civil`), so dates become spreadsheet day numbers with integer arithmetic only.
func daysSinceCivilEpoch(_ date: CalendarDate) -> Int {
    daysSinceCivilEpoch(year: date.year, month: date.month, day: date.day)
}

func daysSinceCivilEpoch(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
}

/// Text for XML content and attributes: `& < > "` escaped, and the characters XML 1.0 does not
/// allow (control characters other than tab and line ends, U+FFFE, U+FFFF) replaced by U+FFFD,
/// so any input text gives a well-formed part.
func escapeXML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "\t", "\n": out.unicodeScalars.append(scalar)
        // A bare CR would be read back as LF; the reference keeps it.
        case "\r": out += "&#13;"
        default:
            if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                out += "\u{FFFD}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out
}
