/// A simple table (a listing of rubrics, say) in each output format.
public enum Listing {
    /// Aligned columns, Chinese counted as double width.
    public static func text(header: [String], rows: [[String]]) -> String {
        var table = TextTable(header.map { _ in .left })
        table.add(header)
        rows.forEach { table.add($0) }
        return table.rendered() + "\n"
    }

    public static func markdown(header: [String], rows: [[String]]) -> String {
        var out = "| " + header.joined(separator: " | ") + " |\n|" + header.map { _ in "---" }.joined(separator: "|") + "|\n"
        for row in rows { out += "| " + row.map(markdownCell).joined(separator: " | ") + " |\n" }
        return out
    }

    /// CSV for Excel and WPS (BOM, CRLF, formula cells neutralised).
    public static func csv(header: [String], rows: [[String]]) -> String {
        var writer = CSVWriter()
        writer.row(header)
        rows.forEach { writer.row($0) }
        return writer.text
    }
}
