/// Recomputes self-assessments and claims and lists every place where the claimed figure departs
/// from the rules, with the rule and its clause.
public enum Audit {
    /// The differences in one scored self-assessment.
    public static func differences(in report: ScoreReport) -> [AuditDifference] {
        var found: [AuditDifference] = []
        let unit = report.unit
        for item in report.sections.flatMap(\.items) {
            guard let claimed = item.claimed else { continue }
            let rules = item.rules.map(\.id)
            let why = item.rules.map { "\($0.id) \($0.explanation)" }.joined(separator: "；")
            if claimed > item.maximum {
                found.append(
                    AuditDifference(
                        subject: unit, location: item.id, severity: .error, code: "claim.above-max", claimed: claimed,
                        computed: item.points, rules: rules, citation: item.citation,
                        message: "「\(item.title)」自评 \(claimed.displayText()) 分，超过满分 \(item.maximum.displayText()) 分；按规则为 \(report.display(item.points)) 分（\(why)）"))
            } else if claimed != item.points {
                found.append(
                    AuditDifference(
                        subject: unit, location: item.id, severity: .error, code: "claim.differs", claimed: claimed,
                        computed: item.points, rules: rules, citation: item.citation,
                        message: "「\(item.title)」自评 \(claimed.displayText()) 分，按规则为 \(report.display(item.points)) 分（\(why)\(item.adjustments.isEmpty ? "" : "；" + item.adjustments.joined(separator: "；"))）"))
            }
        }
        if let claimedTotal = report.claimedTotal {
            if let sum = report.claimedItemSum, sum != claimedTotal {
                found.append(
                    AuditDifference(
                        subject: unit, location: "总分", severity: .error, code: "claim.total-not-sum", claimed: claimedTotal,
                        computed: sum, rules: [], citation: report.rubric.document,
                        message: "自评总分 \(claimedTotal.displayText()) 不等于各项自评分之和 \(sum.displayText())；按规则总分为 \(report.display(report.total))"))
            } else if claimedTotal != report.total, found.isEmpty {
                // Item differences already explain a differing total; list the total only when nothing else does.
                found.append(
                    AuditDifference(
                        subject: unit, location: "总分", severity: .error, code: "claim.total-differs", claimed: claimedTotal,
                        computed: report.total, rules: [], citation: report.rubric.document,
                        message: "自评总分 \(claimedTotal.displayText())，按规则为 \(report.display(report.total))"))
            }
        }
        for finding in report.findings where ["input.out-of-range", "note.missing"].contains(finding.code) {
            found.append(
                AuditDifference(
                    subject: unit, location: finding.location ?? "", severity: finding.code == "note.missing" ? .warning : .error,
                    code: finding.code, claimed: nil, computed: nil, rules: [], citation: report.rubric.document, message: finding.message))
        }
        return found
    }

    /// The differences between claimed and decided amounts in a batch of claims.
    public static func differences(in report: SubsidyReport) -> [AuditDifference] {
        var found: [AuditDifference] = []
        for result in report.results {
            guard let claimed = result.claim.claimedAmount else { continue }
            func add(_ severity: Finding.Severity, _ code: String, _ message: String, rules: [String] = []) {
                found.append(
                    AuditDifference(
                        subject: result.claim.applicant, location: result.claim.id, severity: severity, code: code,
                        claimed: claimed, computed: result.amount, rules: [result.claim.measure] + rules, citation: result.citation,
                        message: message + "（" + result.reasons.joined(separator: "；") + "）"))
            }
            switch result.status {
            case .ineligible:
                guard claimed > .zero else { continue }
                if result.reasons.first?.contains("有效期") == true {
                    add(.error, "claim.not-in-force", "申请 \(claimed.wanText)，但所涉日期 \(result.claim.date) 不在政策有效期内")
                } else {
                    add(.error, "claim.ineligible", "申请 \(claimed.wanText)，但不符合条件")
                }
            case .needsDecision:
                add(.warning, "claim.needs-decision", "申请 \(claimed.wanText)；原文未给出金额或缺少必要事实，需主管部门决定")
            case .granted:
                guard claimed != result.amount else { continue }
                let crossRules = result.boundBy.filter { ![.measureCeiling, .discretionaryCeiling].contains($0.kind) }
                if claimed > result.computed {
                    if result.boundBy.contains(where: { $0.kind == .measureCeiling }) || result.isCeiling {
                        add(.error, "claim.above-ceiling", "申请 \(claimed.wanText)，超过上限；按规定最多 \(result.computed.wanText)")
                    } else {
                        add(.error, "claim.wrong-amount", "申请 \(claimed.wanText)，按规定应为 \(result.computed.wanText)")
                    }
                }
                if claimed > result.amount, let binding = crossRules.last {
                    let code: String
                    switch binding.kind {
                    case .yearlyCap: code = "claim.yearly-cap-ignored"
                    case .countLimit: code = "claim.count-limit-ignored"
                    case .highestOnly, .sameMatter: code = "claim.stacking"
                    default: code = "claim.pool-exceeded"
                    }
                    add(.error, code, "申请 \(min(claimed, result.computed).wanText)，受「\(binding.text)」限制只能给予 \(result.amount.wanText)", rules: [binding.rule])
                } else if claimed < result.amount {
                    add(.info, "claim.below-entitlement", "申请 \(claimed.wanText)，少于按规定可得的 \(result.amount.wanText)")
                }
            }
        }
        return found
    }
}
