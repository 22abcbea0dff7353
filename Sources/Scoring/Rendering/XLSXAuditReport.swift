extension AuditReport {
    /// The audit as an .xlsx workbook. Sheets: 差异 (one row per difference, with the claimed and
    /// computed figures and the gap) and 汇总 (per unit or applicant, then the total). Claims'
    /// figures are amounts in 元; self-assessments' are points.
    public func workbook() throws(XLSXLimitExceeded) -> [UInt8] {
        let points = kind == "自评表"
        func figure(_ value: Rational?) -> XLSXCell {
            guard let value else { return .empty }
            return points ? .number(value) : .amount(value)
        }
        var differencesSheet = XLSXSheet(name: "差异", header: ["对象", "位置", "级别", "代码", "申报", "核定", "差额", "规则", "依据", "说明"])
        for difference in differences {
            differencesSheet.rows.append([
                .text(difference.subject), .text(difference.location), .text(difference.severity.chineseName), .text(difference.code),
                figure(difference.claimed), figure(difference.computed), figure(difference.gap), .text(difference.rules.joined(separator: "、")),
                .text(difference.citation), .text(difference.message),
            ])
        }
        var summarySheet = XLSXSheet(name: "汇总", header: [points ? "单位" : "申请单位", "核实项数", "有差异项数", "差额合计"])
        for entry in summary {
            summarySheet.rows.append([.text(entry.subject), .integer(entry.checked), .integer(entry.differing), figure(entry.gap)])
        }
        summarySheet.rows.append([
            .text("合计"), .integer(summary.map(\.checked).reduce(0, +)), .integer(summary.map(\.differing).reduce(0, +)),
            figure((try? Rational.sum(summary.map(\.gap))) ?? .zero),
        ])
        return try XLSXWorkbook(sheets: [differencesSheet, summarySheet]).bytes()
    }
}
