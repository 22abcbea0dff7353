/// Several units' results side by side, ranked by total.
///
/// Ranking is by exact total, highest first. Units with equal totals share a rank (1, 2, 2, 4) and
/// are listed by unit name, so the order never depends on the order the files were given in.
public struct ScoreSummary: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var rank: Int
        /// Whether another unit has the same total.
        public var tied: Bool
        public var report: ScoreReport
    }

    public var rows: [Row]

    public init(reports: [ScoreReport]) {
        let sorted = reports.sorted { a, b in
            if a.total != b.total { return a.total > b.total }
            if a.unit != b.unit { return a.unit < b.unit }
            return a.file < b.file
        }
        var rows: [Row] = []
        for (index, report) in sorted.enumerated() {
            let rank = index > 0 && sorted[index - 1].total == report.total ? rows[index - 1].rank : index + 1
            // Equal totals sit next to each other once sorted.
            let tied = (index > 0 && sorted[index - 1].total == report.total)
                || (index + 1 < sorted.count && sorted[index + 1].total == report.total)
            rows.append(Row(rank: rank, tied: tied, report: report))
        }
        self.rows = rows
    }

    /// The item ids, in table order, of the first report (all share one rubric in practice).
    private var itemIDs: [String] { rows.first?.report.sections.flatMap { $0.items.map(\.id) } ?? [] }

    private func cells(_ row: Row) -> [String] {
        let report = row.report
        let items = report.sections.flatMap(\.items)
        let errors = report.findings.filter { $0.severity == .error }.count
        let warnings = report.findings.filter { $0.severity == .warning }.count
        return ["\(row.rank)\(row.tied ? "=" : "")", report.unit, report.display(report.total),
            report.claimedTotal?.displayText() ?? ""]
            + itemIDs.map { id in items.first { $0.id == id }.map { $0.missing ? "缺项" : report.display($0.points) } ?? "" }
            + ["\(errors)", "\(warnings)", report.file]
    }

    private var header: [String] { ["名次", "单位", "总分", "自评总分"] + itemIDs + ["错误", "警告", "文件"] }

    public func renderText() -> String {
        var table = TextTable([.right, .left, .right, .right] + itemIDs.map { _ in .right } + [.right, .right, .left])
        table.add(header)
        for row in rows { table.add(cells(row)) }
        var text = "汇总（按总分从高到低；“=”表示并列，并列者按单位名称排列）\n" + table.rendered() + "\n"
        if let first = rows.first?.report {
            text += "满分 \(first.maximum.displayText())，评分表 \(first.rubric.id) 第 \(first.rubric.version) 版\n"
        }
        return text
    }

    public func renderMarkdown() -> String {
        var out = "## 汇总\n\n| " + header.joined(separator: " | ") + " |\n|" + header.map { _ in "---" }.joined(separator: "|") + "|\n"
        for row in rows { out += "| " + cells(row).map(markdownCell).joined(separator: " | ") + " |\n" }
        return out
    }

    public func renderCSV() -> String {
        var csv = CSVWriter()
        csv.row(["rank", "tied", "unit", "total", "claimed_total"] + itemIDs + ["errors", "warnings", "file"])
        for row in rows {
            var values = cells(row)
            values[0] = "\(row.rank)"
            values.insert(row.tied ? "true" : "false", at: 1)
            values[3] = row.report.number(row.report.total)
            csv.row(values)
        }
        return csv.text
    }

    public var json: JSONValue {
        .array(
            rows.map { row in
                .object([
                    ("rank", .number("\(row.rank)")), ("tied", .bool(row.tied)), ("unit", .string(row.report.unit)),
                    ("total", .number(row.report.total, places: row.report.rounding.places)),
                    ("claimed_total", .number(row.report.claimedTotal)), ("file", .string(row.report.file)),
                ])
            })
    }
}
