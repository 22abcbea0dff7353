extension SubsidyReport {
    /// The decided batch as an .xlsx workbook. Sheets: 结果 (one row per claim, in processing
    /// order), 汇总 (per applicant, then the total), 发现, 解释, 说明 (the schedule, its hash, the
    /// rows read and the pool), and 未处理的行 when rows could not be read. Amounts are numbers
    /// shown in 元; dates are dates.
    ///
    /// Needs ``results``: a report from a streamed run keeps only the totals.
    ///
    /// - Throws: ``XLSXLimitExceeded`` when the claims pass a spreadsheet's row limit.
    public func workbook() throws(XLSXLimitExceeded) -> [UInt8] {
        var sheets = [resultsSheet, applicantSheet, findingsSheet, interpretationSheet, aboutSheet]
        if !problems.isEmpty {
            var rejected = XLSXSheet(name: "未处理的行", header: ["行", "列", "字段", "问题", "文件"])
            for problem in problems {
                rejected.rows.append([
                    problem.location.map { .integer($0.line) } ?? .empty, problem.location.map { .integer($0.column) } ?? .empty,
                    .text(problem.field), .text(problem.message), .text(problem.file),
                ])
            }
            sheets.append(rejected)
        }
        return try XLSXWorkbook(sheets: sheets).bytes()
    }

    private var resultsSheet: XLSXSheet {
        var sheet = XLSXSheet(
            name: "结果",
            header: ["申请编号", "申请单位", "日期", "项目", "项目名称", "结果", "金额", "上限金额待核定", "测算金额", "未给金额", "约束", "理由", "出处",
                "解释", "与政策解读不一致", "申请金额", "核定金额", "事项", "行"])
        for result in results {
            let claim = result.claim
            sheet.rows.append([
                .text(claim.id), .text(claim.applicant), .date(claim.date), .text(claim.measure), .text(result.measureTitle),
                .text(result.status.chineseName), result.status == .granted ? .amount(result.amount) : .empty,
                .text(result.isCeiling ? "是" : ""), .amount(result.computed), .amount(result.forgone),
                .text(result.boundBy.map(SubsidyWriter.bindingName).joined(separator: "；")), .text(result.reasons.joined(separator: "\n")),
                .text(result.citation), .text(result.interpretations.joined(separator: "、")), .text(result.discrepancies.joined(separator: "\n")),
                claim.claimedAmount.map { .amount($0) } ?? .empty, claim.approvedAmount.map { .amount($0) } ?? .empty,
                .text(claim.matter ?? ""), .integer(claim.line),
            ])
        }
        return sheet
    }

    /// Per applicant, then a 合计 row: granted and forgone in 元, with the caps that bound.
    private var applicantSheet: XLSXSheet {
        var sheet = XLSXSheet(name: "汇总", header: ["申请单位", "申请数", "给予", "因上限与不重复未给", "不符合", "需决定", "上限金额待核定", "约束（次数，减少金额）"])
        let bindings = bindingsByApplicant
        for applicant in applicants {
            sheet.rows.append([
                .text(applicant.applicant), .integer(applicant.claims), .amount(applicant.granted), .amount(applicant.forgone),
                .integer(applicant.ineligible), .integer(applicant.needsDecision), .integer(applicant.ceilings),
                .text((bindings[applicant.applicant] ?? []).map(\.summary).joined(separator: "；")),
            ])
        }
        sheet.rows.append([
            .text("合计"), .integer(applicants.map(\.claims).reduce(0, +)), .amount(totalGranted), .amount(totalForgone),
            .integer(applicants.map(\.ineligible).reduce(0, +)), .integer(applicants.map(\.needsDecision).reduce(0, +)), .integer(ceilings), .empty,
        ])
        return sheet
    }

    private var findingsSheet: XLSXSheet {
        var sheet = XLSXSheet(name: "发现", header: ["申请编号", "申请单位", "级别", "代码", "说明"])
        for result in results {
            for finding in result.findings {
                sheet.rows.append([.text(result.claim.id), .text(result.claim.applicant), .text(finding.severity.chineseName), .text(finding.code), .text(finding.message)])
            }
        }
        return sheet
    }

    private var interpretationSheet: XLSXSheet {
        var sheet = XLSXSheet(name: "解释", header: ["编号", "问题", "采用", "不采用", "理由"])
        for interpretation in interpretations {
            sheet.rows.append([.text(interpretation.id), .text(interpretation.question), .text(interpretation.reading), .text(interpretation.alternative), .text(interpretation.reason)])
        }
        return sheet
    }

    /// The schedule and its hash, the file and its rows, the totals and the pool, one per row.
    private var aboutSheet: XLSXSheet {
        var sheet = XLSXSheet(name: "说明", header: ["项目", "内容"])
        sheet.rows = [
            [.text("政策"), .text(schedule.title)], [.text("文号"), .text(schedule.document)],
            [.text("扶持政策"), .text(schedule.id)], [.text("版本"), .text(schedule.version)], [.text("sha256"), .text(schedule.sha256)],
            [.text("申请文件"), .text(file)], [.text("读取行数"), .integer(rowsRead)], [.text("处理行数"), .integer(rowsRead - rowsRejected)],
            [.text("未处理行数"), .integer(rowsRejected)], [.text("合计给予"), .amount(totalGranted)], [.text("因上限与不重复未给"), .amount(totalForgone)],
        ]
        if let pool {
            sheet.rows += [
                [.text("专项资金（\(pool.measures.joined(separator: "、"))）"), .amount(pool.amount)], [.text("专项资金已用"), .amount(poolUsed)],
                [.text("专项资金剩余"), .amount((try? pool.amount - poolUsed) ?? .zero)], [.text("专项资金依据"), .text(pool.cite.text)],
            ]
        }
        return sheet
    }
}
