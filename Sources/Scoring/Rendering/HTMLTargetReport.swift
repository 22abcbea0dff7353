extension TargetReport {
    /// The checklist result as one printable HTML page: each indicator's target, actual value,
    /// met or not and by how much, with the text it comes from.
    public func renderHTML() -> String {
        ScoreReport.renderHTML([], targets: [self])
    }

    /// This checklist's result as a `<section>`.
    func appendHTML(to page: inout HTMLPage) {
        page.open("section", class: "report")
        page.element("h1", checklist.title)
        page.element("p", "\(checklist.document) · 目标考核清单 \(checklist.id) 第 \(checklist.version) 版", class: "meta")
        page.element("p", "单位：\(unit)\(period.map { "　期间：\($0)" } ?? "")")
        page.open("p", class: "headline")
        page.text("结论：")
        page.element("strong", "\(results.filter(\.met).count)/\(results.count)")
        page.text(" 项完成\(allMet ? "，全部完成" : "")")
        page.close("p")

        page.element("h2", "指标")
        page.open("table")
        page.open("thead")
        page.open("tr")
        for (title, numeric) in [("指标", false), ("名称", false), ("目标", true), ("实际", true), ("结果", false), ("差距", true)] {
            page.element("th", title, class: numeric ? "n" : nil)
        }
        page.close("tr")
        page.close("thead")
        for result in results {
            let unitText = result.indicator.unit ?? ""
            page.open("tbody", class: "item")
            page.open("tr", class: "item")
            page.element("td", result.indicator.id, class: "nowrap")
            page.element("td", result.indicator.title)
            page.element("td", result.targetText, class: "n")
            page.element("td", result.actual.displayText() + unitText, class: "n")
            page.element("td", result.met ? "完成" : "未完成", class: result.met ? "nowrap" : "error nowrap")
            let sign = result.margin.isNegative ? "" : "+"
            page.element("td", sign + result.margin.displayText() + (unitText == "%" ? " 个百分点" : unitText), class: "n")
            page.close("tr")
            page.open("tr", class: "rule")
            page.element("td", "")
            page.open("td", attributes: [("colspan", "5")])
            page.text("\(result.indicator.quantity)；依据：「\(result.indicator.cite.text)」")
            page.element("span", "（\(result.indicator.cite.reference(defaultDocument: checklist.document))）", class: "cite")
            page.close("td")
            page.close("tr")
            page.close("tbody")
        }
        page.close("table")
        appendInterpretations(interpretations, to: &page)
        page.element("p", "目标考核清单 \(checklist.id) 第 \(checklist.version) 版 sha256 \(checklist.sha256)", class: "hash")
        page.close("section")
    }
}
