extension SubsidyReport {
    /// The decided batch as one printable HTML page: the programme total against its pool, per
    /// applicant what was granted and what the caps took (and which caps), then every claim with
    /// its result, amount, reasons and clause, and the interpretations that applied.
    ///
    /// Needs ``results``: a report from a streamed run keeps only the totals.
    public func renderHTML() -> String {
        var page = HTMLPage(title: "\(schedule.title)：审核结果")
        page.open("section", class: "report")
        page.element("h1", schedule.title)
        page.element("p", "\(schedule.document) · 扶持政策 \(schedule.id) 第 \(schedule.version) 版", class: "meta")
        page.element("p", "申请文件：\(file)　读取 \(rowsRead) 行，处理 \(rowsRead - rowsRejected) 行，未处理 \(rowsRejected) 行")
        appendTotals(to: &page)
        appendApplicants(to: &page)
        appendClaims(to: &page)
        if !problems.isEmpty {
            page.element("h2", "未处理的行（\(problems.count) 处问题）")
            page.open("ul")
            for problem in problems { page.element("li", problem.description) }
            page.close("ul")
        }
        appendInterpretations(interpretations, to: &page)
        page.element("p", "扶持政策 \(schedule.id) 第 \(schedule.version) 版 sha256 \(schedule.sha256)", class: "hash")
        page.close("section")
        return page.finished()
    }

    /// 合计给予 in large print, what caps took, and the pool: its amount, used and left, as a bar.
    private func appendTotals(to page: inout HTMLPage) {
        page.open("p", class: "headline")
        page.text("合计给予 ")
        page.element("strong", totalGranted.yuanText)
        page.text(" 元")
        page.close("p")
        page.element("p", "因上限与不重复未给 \(totalForgone.yuanText) 元")
        if ceilings > 0 { page.element("p", "其中 \(ceilings) 项为上限金额，实际金额待主管部门核定", class: "warning") }
        guard let pool else {
            page.element("p", "本政策未规定专项资金总额。", class: "meta")
            return
        }
        let remaining = (try? pool.amount - poolUsed) ?? .zero
        page.element("h2", "专项资金")
        page.element("p", "专项资金（\(pool.measures.joined(separator: "、"))）\(pool.amount.wanText)：已用 \(poolUsed.yuanText) 元，剩余 \(remaining.yuanText) 元（\(pool.cite.text)）")
        let bar = HTMLBarChart.Bar(label: "专项资金", value: poolUsed, track: pool.amount, caption: "已用 \(poolUsed.wanText) / \(pool.amount.wanText)")
        page.open("div", class: "chart")
        page.raw(HTMLBarChart(bars: [bar], description: "专项资金已用与总额").svg())
        page.close("div")
    }

    /// Per applicant: granted, forgone and the caps that bound, as a table and a chart.
    private func appendApplicants(to page: inout HTMLPage) {
        page.element("h2", "按申请单位汇总")
        let bindings = bindingsByApplicant
        // A long list charts the applicants granted most (the table below lists them all).
        let charted = applicants.count <= ScoreSummary.chartedUnits ? applicants
            : Array(applicants.sorted { $0.granted != $1.granted ? $0.granted > $1.granted : $0.applicant < $1.applicant }.prefix(ScoreSummary.chartedUnits))
        if charted.count < applicants.count { page.element("p", "图中为给予金额最多的 \(charted.count) 个申请单位；全部见下表。", class: "meta") }
        let bars = charted.map { applicant in
            HTMLBarChart.Bar(
                label: applicant.applicant, value: applicant.granted, track: (try? applicant.granted + applicant.forgone) ?? applicant.granted,
                caption: "给予 \(applicant.granted.wanText)" + (applicant.forgone > .zero ? "，未给 \(applicant.forgone.wanText)" : ""))
        }
        page.open("div", class: "chart")
        page.raw(HTMLBarChart(bars: bars, description: "各申请单位给予金额（深色）与上限前金额（浅色）").svg())
        page.close("div")
        let columns = [
            HTMLColumn(title: "申请单位"), HTMLColumn(title: "申请数", numeric: true), HTMLColumn(title: "给予（元）", numeric: true),
            HTMLColumn(title: "未给（元）", numeric: true), HTMLColumn(title: "不符合", numeric: true), HTMLColumn(title: "需决定", numeric: true),
            HTMLColumn(title: "约束（次数，减少金额）"),
        ]
        let rows = applicants.map { applicant in
            [applicant.applicant, "\(applicant.claims)", applicant.granted.yuanText, applicant.forgone.yuanText, "\(applicant.ineligible)",
                "\(applicant.needsDecision)", (bindings[applicant.applicant] ?? []).map(\.summary).joined(separator: "；")]
        }
        page.table(columns, rows: rows, class: "summary")
        page.element("p", "未给：年度上限、个数上限、就高不重复和专项资金减去的金额；单项上限在测算金额之内，不计入未给。", class: "meta small")
    }

    /// Every claim in processing order, with its reasons, findings and clause beneath it.
    private func appendClaims(to page: inout HTMLPage) {
        page.element("h2", "逐项审核结果（按日期，同日按申请编号）")
        page.open("table")
        page.open("thead")
        page.open("tr")
        for (title, numeric) in [("申请编号", false), ("申请单位", false), ("日期", false), ("项目", false), ("结果", false), ("金额（元）", true), ("约束", false)] {
            page.element("th", title, class: numeric ? "n" : nil)
        }
        page.close("tr")
        page.close("thead")
        for result in results {
            page.open("tbody", class: "item")
            page.open("tr", class: "item")
            page.element("td", result.claim.id, class: "nowrap")
            page.element("td", result.claim.applicant, class: "nowrap")
            page.element("td", result.claim.date.description, class: "nowrap")
            page.element("td", result.claim.measure, class: "nowrap")
            page.element("td", result.status.chineseName, class: "nowrap")
            page.element("td", SubsidyWriter.shownAmount(result), class: "n")
            page.element("td", result.boundBy.map(SubsidyWriter.bindingName).joined(separator: "、"))
            page.close("tr")
            page.open("tr", class: "rule")
            page.open("td", class: "detail", attributes: [("colspan", "7")])
            var first = true
            func line(_ text: String, class name: String? = nil) {
                if !first { page.raw("<br>") }
                first = false
                if let name { page.element("span", text, class: name) } else { page.text(text) }
            }
            line(result.measureTitle)
            for reason in result.reasons { line(reason) }
            for discrepancy in result.discrepancies { line("与政策解读不一致 \(discrepancy)", class: "warning") }
            for finding in result.findings {
                line("\(finding.severity.chineseName) \(finding.code)：\(finding.message)", class: finding.severity == .error ? "error" : "warning")
            }
            line("出处：\(result.citation)", class: "cite")
            page.close("td")
            page.close("tr")
            page.close("tbody")
        }
        page.close("table")
    }

    /// Per applicant, the ceilings, caps and limits that reduced its claims: how often each bound
    /// and how much it took, in the order they first bound.
    var bindingsByApplicant: [String: [BindingTotal]] {
        var totals: [String: [BindingTotal]] = [:]
        for result in results where result.status == .granted {
            for binding in result.boundBy {
                let taken = (try? binding.before - binding.after) ?? .zero
                let name = SubsidyWriter.bindingName(binding)
                var list = totals[result.claim.applicant, default: []]
                if let index = list.firstIndex(where: { $0.name == name }) {
                    list[index].count += 1
                    list[index].taken = (try? list[index].taken + taken) ?? list[index].taken
                } else {
                    list.append(BindingTotal(name: name, count: 1, taken: taken))
                }
                totals[result.claim.applicant] = list
            }
        }
        return totals
    }
}

/// How often one ceiling, cap or limit bound an applicant's claims, and how much it took.
struct BindingTotal: Sendable, Hashable {
    /// `年度上限 Q2-年度`, as the text report names it.
    var name: String
    var count: Int
    var taken: Rational

    /// `年度上限 Q2-年度 ×2（−35万元）`.
    var summary: String { "\(name) ×\(count)（−\(taken.wanText)）" }
}
