extension AuditReport {
    /// The audit as one printable HTML page: every difference with its code, the claimed and
    /// computed figures, the rule and its clause; then the summary per unit or applicant.
    public func renderHTML() -> String {
        let subjects = kind == "自评表" ? "单位" : "申请单位"
        var page = HTMLPage(title: "核实：\(kind)")
        page.open("section", class: "report")
        page.element("h1", "核实：\(kind)")
        page.open("p", class: "headline")
        page.text("共 \(checked.count) 个\(subjects)，")
        page.element("strong", "\(differences.count)")
        page.text(" 处差异")
        page.close("p")

        if !differences.isEmpty {
            page.element("h2", "差异")
            page.open("table")
            page.open("thead")
            page.open("tr")
            for (title, numeric) in [("对象", false), ("位置", false), ("级别", false), ("代码", false), ("申报", true), ("核定", true)] {
                page.element("th", title, class: numeric ? "n" : nil)
            }
            page.close("tr")
            page.close("thead")
            for difference in differences {
                page.open("tbody", class: "item")
                page.open("tr", class: "item")
                page.element("td", difference.subject, class: "nowrap")
                page.element("td", difference.location, class: "nowrap")
                page.element("td", difference.severity.chineseName, class: difference.severity == .error ? "error nowrap" : "nowrap")
                page.open("td")
                page.element("code", difference.code)
                page.close("td")
                page.element("td", difference.claimed.map(figure) ?? "", class: "n")
                page.element("td", difference.computed.map(figure) ?? "", class: "n")
                page.close("tr")
                page.open("tr", class: "rule")
                page.open("td", class: "detail", attributes: [("colspan", "6")])
                page.text(difference.message)
                page.raw("<br>")
                let rules = difference.rules.isEmpty ? "" : "（\(difference.rules.joined(separator: "、"))）"
                page.element("span", "依据：\(difference.citation)\(rules)", class: "cite")
                page.close("td")
                page.close("tr")
                page.close("tbody")
            }
            page.close("table")
        }

        page.element("h2", "汇总")
        var rows = summary.map { entry in [entry.subject, "\(entry.checked)", "\(entry.differing)", figure(entry.gap)] }
        let totalGap = (try? Rational.sum(summary.map(\.gap))) ?? .zero
        rows.append(["合计", "\(summary.map(\.checked).reduce(0, +))", "\(summary.map(\.differing).reduce(0, +))", figure(totalGap)])
        page.table(
            [HTMLColumn(title: "对象"), HTMLColumn(title: "核实项数", numeric: true), HTMLColumn(title: "有差异项数", numeric: true),
                HTMLColumn(title: kind == "自评表" ? "差额合计（分）" : "差额合计（元）", numeric: true)],
            rows: rows)
        page.close("section")
        return page.finished()
    }

    /// Points as exact decimals for self-assessments; 元 with two decimals for claims.
    private func figure(_ value: Rational) -> String {
        kind == "自评表" ? value.displayText() : value.yuanText
    }
}
