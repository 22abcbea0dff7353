extension ScoreReport {
    /// The report as one printable HTML page: the unit, the rubric and its document number, a bar
    /// chart of points against 满分 per item, every rule with its explanation and clause, the
    /// points lost and why, the findings, the interpretations that applied, and the rubric's hash.
    public func renderHTML() -> String {
        Self.renderHTML([self], targets: [])
    }

    /// The results of one `score` run as one HTML page. Several units (or any rated by quota)
    /// begin with the summary: the ranked table, the ratings and a chart of totals; then each
    /// unit's report, and each target checklist, on a page of its own.
    public static func renderHTML(_ reports: [ScoreReport], targets: [TargetReport], quotas: RatingQuotas? = nil) -> String {
        let summarised = reports.count > 1 || (quotas != nil && !reports.isEmpty)
        let title = summarised ? "评分汇总：\(reports[0].rubric.title)" : reports.first.map { "\($0.unit)：\($0.rubric.title)" }
        var page = HTMLPage(title: title ?? targets.first.map { "\($0.unit)：\($0.checklist.title)" } ?? "评分结果")
        if summarised { ScoreSummary(reports: reports, quotas: quotas).appendHTML(to: &page) }
        for report in reports { report.appendHTML(to: &page) }
        for target in targets { target.appendHTML(to: &page) }
        return page.finished()
    }

    /// This unit's report as a `<section>`.
    func appendHTML(to page: inout HTMLPage) {
        page.open("section", class: "report")
        page.element("h1", rubric.title)
        page.element("p", "\(rubric.document) · 评分表 \(rubric.id) 第 \(rubric.version) 版", class: "meta")
        var who = "单位：\(unit)"
        if let period { who += "　期间：\(period)" }
        if let region { who += "　地区：\(region)" }
        page.element("p", who)
        appendHeadline(to: &page)

        page.element("h2", "各项得分（得分/满分）")
        page.open("div", class: "chart")
        page.raw(itemChart.svg())
        page.close("div")

        page.element("h2", "评分明细")
        appendItemTable(to: &page)
        appendLostPoints(to: &page)
        appendFindings(to: &page)
        appendInterpretations(interpretations, to: &page)
        page.element("p", "评分表 \(rubric.id) 第 \(rubric.version) 版 sha256 \(rubric.sha256) · 自评文件 \(file)", class: "hash")
        page.close("section")
    }

    /// 总分 100/100 in large print, with the claimed total, any 缺项 rescaling and the verdict.
    private func appendHeadline(to page: inout HTMLPage) {
        page.open("p", class: "headline")
        page.text("总分 ")
        page.element("strong", display(total))
        page.text("/\(maximum.displayText())")
        if bonusPoints > .zero || sections.contains(where: \.bonus) {
            page.text("（基本分 \(display(basePoints))，加分 \(display(bonusPoints))）")
        }
        if let claimedTotal { page.text("　自评 \(claimedTotal.displayText())") }
        page.close("p")
        if let rescaling { page.element("p", "缺项折算：\(rescaling.explanation)（\(rescaling.citation)）") }
        if let verdict {
            page.element("p", "结论：\(verdict.passed ? "达标" : "未达标")：\(verdict.reasons.joined(separator: "；"))", class: verdict.passed ? nil : "error")
        }
    }

    /// One bar per item: points against 满分, all on one scale so heavier items have longer tracks.
    var itemChart: HTMLBarChart {
        let bars = sections.flatMap { section in
            section.items.map { item in
                HTMLBarChart.Bar(
                    label: "\(item.id) \(item.title)", value: item.missing ? .zero : item.points, track: item.maximum,
                    caption: item.missing ? "缺项" : fraction(item.points, item.maximum), missing: item.missing)
            }
        }
        return HTMLBarChart(bars: bars, description: "\(unit) 各项得分与满分")
    }

    /// Sections, items and each item's rules, as the source table lays them out.
    private func appendItemTable(to page: inout HTMLPage) {
        page.open("table", class: "items")
        page.open("thead")
        page.open("tr")
        for (title, numeric) in [("指标", false), ("名称 / 评分说明", false), ("得分", true), ("满分", true), ("自评", true)] {
            page.element("th", title, class: numeric ? "n" : nil)
        }
        page.close("tr")
        page.close("thead")
        for (index, section) in sections.enumerated() {
            // The section's heading shares its first item's group, so a page never ends on a heading.
            func heading(_ page: inout HTMLPage) {
                page.open("tr", class: "section")
                let weight = section.printedWeight.map { "（\($0)）" } ?? ""
                page.element("td", "\(chineseOrdinal(index + 1))、\(section.title)\(weight)\(section.bonus ? "［加分项］" : "")", attributes: [("colspan", "2")])
                page.element("td", display(section.points), class: "n")
                page.element("td", section.maximum.displayText(), class: "n")
                page.element("td", "")
                page.close("tr")
            }
            if section.items.isEmpty {
                page.open("tbody")
                heading(&page)
                page.close("tbody")
            }
            for (position, item) in section.items.enumerated() {
                page.open("tbody", class: "item")
                if position == 0 { heading(&page) }
                page.open("tr", class: "item")
                page.element("td", item.id, class: "nowrap")
                page.element("td", item.title)
                page.element("td", item.missing ? "缺项" : display(item.points), class: "n")
                page.element("td", item.maximum.displayText(), class: "n")
                page.element("td", item.claimed?.displayText() ?? "", class: "n")
                page.close("tr")
                for rule in item.rules {
                    page.open("tr", class: "rule")
                    page.element("td", rule.id, class: "nowrap")
                    page.open("td")
                    page.text(rule.explanation)
                    page.element("span", "（\(rule.citation)）", class: "cite")
                    page.close("td")
                    page.element("td", display(rule.points), class: "n")
                    page.element("td", rule.maximum?.displayText() ?? "", class: "n")
                    page.element("td", "")
                    page.close("tr")
                }
                for adjustment in item.adjustments {
                    page.open("tr", class: "rule")
                    page.element("td", "")
                    page.element("td", "→ \(adjustment)", attributes: [("colspan", "4")])
                    page.close("tr")
                }
                page.close("tbody")
            }
        }
        page.close("table")
    }

    /// Where points were lost, and the rules that lost them.
    private func appendLostPoints(to page: inout HTMLPage) {
        let lost = lostPoints
        guard !lost.isEmpty else { return }
        let sum = (try? Rational.sum(lost.map(\.points))) ?? .zero
        page.element("h2", "失分（共 \(display(sum)) 分）")
        page.open("table")
        page.open("thead")
        page.open("tr")
        page.element("th", "指标")
        page.element("th", "名称")
        page.element("th", "失分", class: "n")
        page.element("th", "原因")
        page.close("tr")
        page.close("thead")
        page.open("tbody")
        for item in lost {
            page.open("tr")
            page.element("td", item.item, class: "nowrap")
            page.element("td", item.title)
            page.element("td", "−\(display(item.points))", class: "n")
            page.open("td")
            for (index, rule) in item.rules.enumerated() {
                if index > 0 { page.raw("<br>") }
                page.text("\(rule.id)：\(rule.explanation)")
            }
            page.close("td")
            page.close("tr")
        }
        page.close("tbody")
        page.close("table")
    }

    private func appendFindings(to page: inout HTMLPage) {
        page.element("h2", findings.isEmpty ? "发现：无" : "发现（\(findings.count) 条）")
        guard !findings.isEmpty else { return }
        appendFindingsTable(findings, to: &page)
    }
}

extension ScoreSummary {
    /// Units drawn in the chart of totals: about a printed page of bars.
    static let chartedUnits = 40

    /// The ranked table and a chart of totals, as the first `<section>` of a batch.
    func appendHTML(to page: inout HTMLPage) {
        guard let first = rows.first?.report else { return }
        page.open("section", class: "summary")
        page.element("h1", "汇总：\(first.rubric.title)")
        page.element("p", "\(first.rubric.document) · 评分表 \(first.rubric.id) 第 \(first.rubric.version) 版 · 共 \(rows.count) 个单位 · 满分 \(first.maximum.displayText())", class: "meta")
        page.element("h2", rows.count > Self.chartedUnits ? "总分（前 \(Self.chartedUnits) 名；全部名次见下表）" : "总分")
        let bars = rows.prefix(Self.chartedUnits).map { row in
            HTMLBarChart.Bar(
                label: "\(row.rank)\(row.tied ? "=" : "") \(row.report.unit)", value: row.report.total, track: row.report.maximum,
                caption: row.report.display(row.report.total))
        }
        page.open("div", class: "chart")
        page.raw(HTMLBarChart(bars: bars, description: "各单位总分").svg())
        page.close("div")
        page.element("h2", "名次（按总分从高到低；“=”表示并列，并列者按单位名称排列）")
        let itemIDs = first.sections.flatMap { $0.items.map(\.id) }
        let columns = [HTMLColumn(title: "名次", numeric: true)] + (ratings == nil ? [] : [HTMLColumn(title: "等次")])
            + [HTMLColumn(title: "单位"), HTMLColumn(title: "总分", numeric: true), HTMLColumn(title: "自评", numeric: true)]
            + itemIDs.map { HTMLColumn(title: $0, numeric: true) } + [HTMLColumn(title: "错误", numeric: true), HTMLColumn(title: "警告", numeric: true)]
        let tableRows = rows.map { row in
            let report = row.report
            let items = report.sections.flatMap(\.items)
            return ["\(row.rank)\(row.tied ? "=" : "")"] + (ratings == nil ? [] : [row.rating?.text ?? ""])
                + [report.unit, report.display(report.total), report.claimedTotal?.displayText() ?? ""]
                + itemIDs.map { id in items.first { $0.id == id }.map { $0.missing ? "缺项" : report.display($0.points) } ?? "" }
                + ["\(report.findings.filter { $0.severity == .error }.count)", "\(report.findings.filter { $0.severity == .warning }.count)"]
        }
        page.table(columns, rows: tableRows, class: "summary")
        if let ratings {
            page.element("h2", "等次")
            for line in ratings.lines { page.element("p", line.trimmingLeadingSpaces()) }
            appendInterpretations(ratings.quotas.interpretations, to: &page)
        }
        page.element("p", "各单位的评分明细见后页；每个单位的自评文件见其页末。", class: "meta")
        page.close("section")
    }
}

/// Findings as a table: severity (errors in red), code, where, and the message.
func appendFindingsTable(_ findings: [Finding], to page: inout HTMLPage) {
    page.open("table")
    page.open("thead")
    page.open("tr")
    for title in ["级别", "代码", "位置", "说明"] { page.element("th", title) }
    page.close("tr")
    page.close("thead")
    page.open("tbody")
    for finding in findings {
        page.open("tr")
        page.element("td", finding.severity.chineseName, class: finding.severity == .error ? "error nowrap" : "nowrap")
        page.open("td")
        page.element("code", finding.code)
        page.close("td")
        page.element("td", finding.location ?? "", class: "nowrap")
        page.element("td", finding.message)
        page.close("tr")
    }
    page.close("tbody")
    page.close("table")
}

/// The interpretations that decided part of a result: the question the source leaves open and
/// the reading taken.
func appendInterpretations(_ interpretations: [Interpretation], to page: inout HTMLPage) {
    guard !interpretations.isEmpty else { return }
    page.element("h2", "采用的解释（原文有歧义之处）")
    page.open("dl")
    for interpretation in interpretations {
        page.element("dt", "\(interpretation.id) \(interpretation.question)")
        page.element("dd", "采用：\(interpretation.reading)")
    }
    page.close("dl")
}

extension String {
    /// The text without the spaces that indent it in the text report.
    func trimmingLeadingSpaces() -> String {
        String(drop { $0 == " " })
    }
}
