extension Schedule {
    /// A claims file to fill in (YAML, with comments): every fixed column and every fact with its
    /// Chinese label, type and allowed values, and the measures to choose from.
    public func renderTemplate() -> String {
        var lines = [
            "# \(header.title)（\(header.document)）— 申请填写模板",
            "# 扶持政策 \(header.id) 第 \(header.version) 版；每条申请一项，按项目填写所需事实，其余留空。",
        ]
        if let window = header.effective {
            lines.append("# 有效期：\(window.from?.description ?? "…") 至 \(window.to?.description ?? "…")")
        }
        lines.append("# 可选项目（measure）：")
        for measure in measures { lines.append("#   \(measure.id)  \(measure.title)（\(measure.cite.clause)）") }
        lines += [
            "claims:",
            "  - claim_id:          # 申请编号，不可重复",
            "    applicant:         # 申请单位",
            "    date:              # 所涉事项日期，如 2022-03-01",
            "    measure:           # 上列项目之一",
        ]
        for input in catalog.inputs {
            var comment = "\(input.label)；\(input.type.chineseName)"
            if let choices = input.choices { comment += "；可选：" + choices.joined(separator: " / ") }
            if let unit = input.unit { comment += "；单位：\(unit)" }
            if let help = input.help { comment += "；\(help)" }
            lines.append("    \(input.id):   # \(comment)")
        }
        lines += [
            "    claimed_amount:    # 申请金额（可选）",
            "    approved_amount:   # 核定金额：“最高不超过”“原文未给出金额”的项目由主管部门填写",
            "    matter:            # 事项（可选）：同一事项的多条申请只按最高一项给予",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The header row of a claims CSV for this schedule, for Excel users.
    public func renderCSVTemplate() -> String {
        var writer = CSVWriter()
        writer.row(["claim_id", "applicant", "date", "measure"] + catalog.inputs.map(\.id) + ["claimed_amount", "approved_amount", "matter"])
        return writer.text
    }
}
