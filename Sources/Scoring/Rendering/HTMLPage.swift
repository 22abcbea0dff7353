/// One self-contained HTML page, built piece by piece: inline CSS laid out for A4, no scripts, no
/// network, no external assets, so the file can be mailed, archived and printed as it is.
///
/// Every text goes through ``escapeHTML(_:)``: unit names, explanations and file names come from
/// input files and must never become markup. Only ``raw(_:)`` takes markup, for the SVG that
/// ``HTMLBarChart`` builds from escaped text.
struct HTMLPage {
    private(set) var markup: String

    /// Starts a page with its `<head>`: the title, the character set and the print stylesheet.
    init(title: String) {
        markup = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        markup += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        markup += "<title>\(escapeHTML(title))</title>\n<style>\n\(Self.styleSheet)</style>\n</head>\n<body>\n"
    }

    /// `<tag class="…">`.
    mutating func open(_ tag: String, class name: String? = nil, attributes: [(String, String)] = []) {
        markup += "<\(tag)"
        if let name { markup += " class=\"\(escapeHTML(name))\"" }
        for (key, value) in attributes { markup += " \(key)=\"\(escapeHTML(value))\"" }
        markup += ">"
    }

    /// `</tag>`, with a line end after block elements so the source reads line by line.
    mutating func close(_ tag: String) {
        markup += "</\(tag)>"
        if !["span", "strong", "td", "th", "dt", "code"].contains(tag) { markup += "\n" }
    }

    /// `<tag class="…">text</tag>`.
    mutating func element(_ tag: String, _ text: String, class name: String? = nil, attributes: [(String, String)] = []) {
        open(tag, class: name, attributes: attributes)
        markup += escapeHTML(text)
        close(tag)
    }

    /// Escaped text at the current place.
    mutating func text(_ text: String) {
        markup += escapeHTML(text)
    }

    /// Markup built elsewhere from escaped text (the SVG charts).
    mutating func raw(_ trusted: String) {
        markup += trusted
    }

    /// A table with a header row (repeated on every printed page) and one row per entry; numeric
    /// columns are right-aligned.
    mutating func table(_ columns: [HTMLColumn], rows: [[String]], class name: String? = nil) {
        open("table", class: name)
        open("thead")
        open("tr")
        for column in columns { element("th", column.title, class: column.numeric ? "n" : nil) }
        close("tr")
        close("thead")
        open("tbody")
        for row in rows {
            open("tr")
            for (index, cell) in row.enumerated() {
                element("td", cell, class: index < columns.count && columns[index].numeric ? "n" : nil)
            }
            close("tr")
        }
        close("tbody")
        close("table")
    }

    /// The finished document.
    func finished() -> String {
        markup + "</body>\n</html>\n"
    }

    /// A4 portrait with printer-friendly margins; tables repeat their header on each page and
    /// never split a row; each report after the first starts on a new page. Fonts are the ones
    /// installed for Chinese (Noto/Source Han on Linux, YaHei on Windows, PingFang on macOS).
    static let styleSheet = """
        @page { size: A4; margin: 14mm 13mm 16mm; }
        html { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
          font-size: 9.5pt; line-height: 1.45; color: #111; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; }
        @media screen { body { max-width: 184mm; margin: 10mm auto; padding: 0 4mm; } }
        body > section + section { break-before: page; }
        h1 { font-size: 15pt; line-height: 1.3; margin: 0 0 1.5mm; }
        h2 { font-size: 11.5pt; margin: 6mm 0 2mm; padding-bottom: 0.8mm; border-bottom: 0.6pt solid #888; break-after: avoid; }
        p { margin: 1mm 0; }
        .meta { color: #444; }
        .headline { font-size: 13pt; margin: 3mm 0 1mm; }
        .headline strong { font-size: 17pt; }
        table { border-collapse: collapse; width: 100%; margin: 1mm 0 2mm; }
        thead { display: table-header-group; }
        tr, tbody.item { break-inside: avoid; }
        th { text-align: left; font-weight: bold; white-space: nowrap; border-bottom: 0.8pt solid #555; padding: 0.8mm 1.2mm; background: #f0f0f0; }
        td { border-bottom: 0.4pt solid #ccc; padding: 0.8mm 1.2mm; vertical-align: top; }
        .n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .nowrap { white-space: nowrap; }
        tr.section td { font-weight: bold; background: #e9eef6; border-bottom: 0.6pt solid #889; }
        tr.item td { font-weight: bold; border-bottom: none; }
        tr.rule td { font-size: 8.5pt; color: #333; border-bottom: none; }
        tr.note td { font-size: 8.5pt; color: #333; }
        td.detail { padding-left: 6mm; }
        tbody.item tr:last-child td { border-bottom: 0.4pt solid #ccc; }
        .cite { color: #666; }
        .error { color: #a40000; font-weight: bold; }
        .warning { color: #8a5a00; }
        .small { font-size: 8pt; }
        table.summary { font-size: 8pt; }
        table.summary td, table.summary th { padding: 0.6mm 0.8mm; }
        dl { margin: 1mm 0; }
        dt { font-weight: bold; margin-top: 1.5mm; break-after: avoid; }
        dd { margin: 0 0 0 6mm; }
        .chart { margin: 2mm 0; break-inside: avoid; }
        .chart svg { max-width: 100%; height: auto; }
        .hash { margin-top: 6mm; font-size: 8pt; color: #555; word-break: break-all; }
        code { font-family: "Noto Sans Mono CJK SC", monospace; font-size: 8.5pt; }

        """
}

/// A column of an ``HTMLPage`` table.
struct HTMLColumn {
    var title: String
    /// Right-aligned, never wrapped.
    var numeric: Bool = false
}

/// `text` with the five characters that are special in HTML replaced by references, and control
/// characters (not allowed in HTML text) replaced by U+FFFD, so input text is always shown as text.
func escapeHTML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
        default:
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                out += "\u{FFFD}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out
}
