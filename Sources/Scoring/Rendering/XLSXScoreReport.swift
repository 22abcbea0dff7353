extension ScoreReport {
    /// This unit's result as an .xlsx workbook (see ``workbook(_:targets:quotas:)``).
    public func workbook() throws(XLSXLimitExceeded) -> [UInt8] {
        try Self.workbook([self], targets: [])
    }

    /// The results of one `score` run as an .xlsx workbook. Sheets: 结果 (one row per scoring
    /// rule, with its item's figures), 汇总 (one row per unit, ranked by total, with its rating
    /// when rated by quota), 发现 (findings),
    /// 目标 (target checklists, when any), 解释 (the interpretations that applied). Points are
    /// numbers; a value with no finite decimal is rounded as the rubric says, like the CSV.
    ///
    /// - Throws: ``XLSXLimitExceeded`` when a sheet would pass a spreadsheet's row limit.
    public static func workbook(_ reports: [ScoreReport], targets: [TargetReport], quotas: RatingQuotas? = nil) throws(XLSXLimitExceeded) -> [UInt8] {
        var sheets: [XLSXSheet] = []
        if !reports.isEmpty {
            sheets.append(resultsSheet(reports))
            sheets.append(summarySheet(ScoreSummary(reports: reports, quotas: quotas)))
            var findings = XLSXSheet(name: "发现", header: ["单位", "级别", "代码", "位置", "说明", "文件"])
            for report in reports {
                for finding in report.findings {
                    findings.rows.append([.text(report.unit), .text(finding.severity.chineseName), .text(finding.code),
                        .text(finding.location ?? ""), .text(finding.message), .text(report.file)])
                }
            }
            sheets.append(findings)
        }
        if !targets.isEmpty { sheets.append(targetSheet(targets)) }
        let ratingInterpretations = reports.isEmpty ? [] : [quotas?.interpretations ?? []]
        sheets.append(interpretationSheet(reports.map(\.interpretations) + targets.map(\.interpretations) + ratingInterpretations))
        return try XLSXWorkbook(sheets: sheets).bytes()
    }

    /// One row per scoring rule (and per cap or gate that changed an item's sum), with the item's figures.
    private static func resultsSheet(_ reports: [ScoreReport]) -> XLSXSheet {
        var sheet = XLSXSheet(
            name: "结果", header: ["单位", "一级指标", "指标编号", "指标", "得分", "满分", "自评", "规则", "规则得分", "规则满分", "说明", "出处"])
        for report in reports {
            for section in report.sections {
                for item in section.items {
                    let itemCells: [XLSXCell] = [
                        .text(report.unit), .text(section.title), .text(item.id), .text(item.title),
                        item.missing ? .text("缺项") : report.cell(item.points), .number(item.maximum),
                        item.claimed.map { .number($0) } ?? .empty,
                    ]
                    for rule in item.rules {
                        sheet.rows.append(itemCells + [.text(rule.id), report.cell(rule.points), rule.maximum.map { .number($0) } ?? .empty,
                            .text(rule.explanation), .text(rule.citation)])
                    }
                    for adjustment in item.adjustments {
                        sheet.rows.append(itemCells + [.empty, .empty, .empty, .text(adjustment), .text(item.citation)])
                    }
                    if item.rules.isEmpty && item.adjustments.isEmpty {
                        sheet.rows.append(itemCells + [.empty, .empty, .empty, .empty, .text(item.citation)])
                    }
                }
            }
        }
        return sheet
    }

    /// One row per unit, ranked by total as ``ScoreSummary`` ranks them, with each item's points.
    private static func summarySheet(_ summary: ScoreSummary) -> XLSXSheet {
        let itemIDs = summary.rows.first?.report.sections.flatMap { $0.items.map(\.id) } ?? []
        let rated = summary.ratings != nil
        var sheet = XLSXSheet(
            name: "汇总",
            header: ["名次", "并列"] + (rated ? ["等次"] : []) + ["单位", "期间", "总分", "满分", "自评总分"] + itemIDs
                + ["结论", "错误", "警告", "文件", "评分表", "版本", "文号", "sha256"])
        for row in summary.rows {
            let report = row.report
            let items = report.sections.flatMap(\.items)
            var cells: [XLSXCell] = [.integer(row.rank), .text(row.tied ? "是" : "")]
            if rated { cells.append(.text(row.rating?.text ?? "")) }
            cells += [
                .text(report.unit), .text(report.period ?? ""), report.cell(report.total),
                .number(report.maximum), report.claimedTotal.map { .number($0) } ?? .empty,
            ]
            cells += itemIDs.map { id in
                guard let item = items.first(where: { $0.id == id }) else { return .empty }
                return item.missing ? .text("缺项") : report.cell(item.points)
            }
            cells += [
                .text(report.verdict.map { $0.passed ? "达标" : "未达标" } ?? ""),
                .integer(report.findings.filter { $0.severity == .error }.count),
                .integer(report.findings.filter { $0.severity == .warning }.count),
                .text(report.file), .text(report.rubric.id), .text(report.rubric.version), .text(report.rubric.document),
                .text(report.rubric.sha256),
            ]
            sheet.rows.append(cells)
        }
        return sheet
    }

    private static func targetSheet(_ targets: [TargetReport]) -> XLSXSheet {
        var sheet = XLSXSheet(
            name: "目标", header: ["单位", "期间", "指标", "名称", "目标", "实际", "计量单位", "结果", "差距", "依据", "清单", "sha256"])
        for target in targets {
            for result in target.results {
                sheet.rows.append([
                    .text(target.unit), .text(target.period ?? ""), .text(result.indicator.id), .text(result.indicator.title),
                    .text(result.targetText), .number(result.actual), .text(result.indicator.unit ?? ""), .text(result.met ? "完成" : "未完成"),
                    .number(result.margin), .text(result.indicator.cite.reference(defaultDocument: target.checklist.document)),
                    .text(target.checklist.id), .text(target.checklist.sha256),
                ])
            }
        }
        return sheet
    }

    /// Each interpretation once, in the order first met, with how many of the results it decided part of.
    private static func interpretationSheet(_ perResult: [[Interpretation]]) -> XLSXSheet {
        var order: [Interpretation] = []
        var uses: [String: Int] = [:]
        for interpretations in perResult {
            for interpretation in interpretations {
                if uses[interpretation.id] == nil { order.append(interpretation) }
                uses[interpretation.id, default: 0] += 1
            }
        }
        var sheet = XLSXSheet(name: "解释", header: ["编号", "问题", "采用", "不采用", "理由", "适用单位数"])
        for interpretation in order {
            sheet.rows.append([
                .text(interpretation.id), .text(interpretation.question), .text(interpretation.reading), .text(interpretation.alternative),
                .text(interpretation.reason), .integer(uses[interpretation.id] ?? 0),
            ])
        }
        return sheet
    }

    /// Points as a number: exact, or rounded as the rubric says when they have no finite decimal.
    func cell(_ value: Rational) -> XLSXCell {
        .number(value, places: rounding.places, rounding: rounding.mode)
    }
}
