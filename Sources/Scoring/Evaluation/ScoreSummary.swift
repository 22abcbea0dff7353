/// Several units' results side by side, ranked by total, and rated by quota when asked.
///
/// Ranking is by exact total, highest first (``Ranking``). Units with equal totals share a rank
/// (1, 2, 2, 4) and are listed by unit name, so the order never depends on the order the files were
/// given in. With quotas (`--top 优秀=10 --next 表扬=10`) each unit gets a rating by its rank, and
/// every tie that runs past the end of a rating's places is stated under the table
/// (``RatingQuotas``, ``RatingOutcome``).
public struct ScoreSummary: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var rank: Int
        /// Whether another unit has the same total.
        public var tied: Bool
        public var report: ScoreReport
        /// The unit's rating, when the summary rates by quota.
        public var rating: RatingOutcome.Rating?
    }

    public var rows: [Row]
    /// The ratings by quota, when quotas were given.
    public var ratings: RatingOutcome?

    public init(reports: [ScoreReport], quotas: RatingQuotas? = nil) {
        let ranking = Ranking(reports, score: \.total) { a, b in a.unit != b.unit ? a.unit < b.unit : a.file < b.file }
        let ratings = quotas?.assign(ranking) { $0.unit }
        rows = ranking.places.enumerated().map { index, place in
            Row(rank: place.rank, tied: place.tied, report: place.entry, rating: ratings?.ratings[index])
        }
        self.ratings = ratings
    }

    /// The item ids, in table order, of the first report (all share one rubric in practice).
    private var itemIDs: [String] { rows.first?.report.sections.flatMap { $0.items.map(\.id) } ?? [] }

    /// A row's cells, under columns for `itemIDs` (``itemIDs``, worked out once per table).
    private func cells(_ row: Row, itemIDs: [String]) -> [String] {
        let report = row.report
        var (errors, warnings) = (0, 0)
        for finding in report.findings {
            if finding.severity == .error { errors += 1 } else if finding.severity == .warning { warnings += 1 }
        }
        var cells = ["\(row.rank)\(row.tied ? "=" : "")"]
        cells.reserveCapacity(8 + itemIDs.count)
        if ratings != nil { cells.append(row.rating?.text ?? "") }
        cells.append(report.unit)
        cells.append(report.display(report.total))
        cells.append(report.claimedTotal?.displayText() ?? "")
        for id in itemIDs { cells.append(itemCell(report, id)) }
        cells.append("\(errors)")
        cells.append("\(warnings)")
        cells.append(report.file)
        return cells
    }

    /// The points of the report's (first) item `id`, `缺项` if it is missing, or nothing if it has none.
    private func itemCell(_ report: ScoreReport, _ id: String) -> String {
        for section in report.sections {
            if let item = section.items.first(where: { $0.id == id }) { return item.missing ? "缺项" : report.display(item.points) }
        }
        return ""
    }

    private var header: [String] { ["名次"] + (ratings == nil ? [] : ["等次"]) + ["单位", "总分", "自评总分"] + itemIDs + ["错误", "警告", "文件"] }

    /// Under the table, when rated: the quotas, how boundary ties were settled, the numbers given,
    /// and the interpretations behind them.
    private var ratingLines: [String] {
        guard let ratings else { return [] }
        return ratings.lines + appliedInterpretationLines(ratings.quotas.interpretations)
    }

    public func renderText() -> String {
        var table = TextTable([.right] + (ratings == nil ? [] : [.left]) + [.left, .right, .right] + itemIDs.map { _ in .right } + [.right, .right, .left])
        table.add(header)
        let itemIDs = self.itemIDs
        for row in rows { table.add(cells(row, itemIDs: itemIDs)) }
        var text = "汇总（按总分从高到低；“=”表示并列，并列者按单位名称排列）\n" + table.rendered() + "\n"
        if let first = rows.first?.report {
            text += "满分 \(first.maximum.displayText())，评分表 \(first.rubric.id) 第 \(first.rubric.version) 版\n"
        }
        if !ratingLines.isEmpty { text += "\n" + ratingLines.joined(separator: "\n") + "\n" }
        return text
    }

    public func renderMarkdown() -> String {
        var out = "## 汇总\n\n| " + header.joined(separator: " | ") + " |\n|" + header.map { _ in "---" }.joined(separator: "|") + "|\n"
        let itemIDs = self.itemIDs
        for row in rows { out += "| " + cells(row, itemIDs: itemIDs).map(markdownCell).joined(separator: " | ") + " |\n" }
        if let ratings {
            out += "\n**" + markdownCell(ratings.lines[0]) + "**\n\n"
            out += ratings.lines.dropFirst().map { "- " + markdownCell(String($0.dropFirst(2))) + "\n" }.joined()
            out += "\n采用的解释：\n\n"
            out += ratings.quotas.interpretations.map { "- **\($0.id)** \(markdownCell($0.question)) 采用：\(markdownCell($0.reading))\n" }.joined()
        }
        return out
    }

    public func renderCSV() -> String {
        var csv = CSVWriter()
        let rated = ratings != nil
        let itemIDs = self.itemIDs
        csv.row(["rank", "tied"] + (rated ? ["rating", "rating_note"] : []) + ["unit", "total", "claimed_total"] + itemIDs + ["errors", "warnings", "file"])
        for row in rows {
            var values = cells(row, itemIDs: itemIDs)
            values[0] = "\(row.rank)"
            values.insert(row.tied ? "true" : "false", at: 1)
            if let ratings { values.insert(ratings.statement(forRank: row.rank) ?? "", at: 3) }
            values[rated ? 5 : 3] = row.report.number(row.report.total)
            csv.row(values)
        }
        return csv.text
    }

    public var json: JSONValue {
        .array(
            rows.enumerated().map { index, row in
                .object(
                    [("rank", .number("\(row.rank)")), ("tied", .bool(row.tied))] + (ratings?.jsonFields(forPlace: index) ?? []) + [
                        ("unit", .string(row.report.unit)), ("total", .number(row.report.total, places: row.report.rounding.places)),
                        ("claimed_total", .number(row.report.claimedTotal)), ("file", .string(row.report.file)),
                    ])
            })
    }
}
