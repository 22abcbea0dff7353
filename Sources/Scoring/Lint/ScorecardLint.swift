/// Lint checks for scorecards; see ``RubricLint``.
struct ScorecardLint {
    let scorecard: Scorecard
    let file: String

    func findings() -> [LintFinding] {
        var found: [LintFinding] = []
        let region = scorecard.region?.chosen
        for (s, section) in scorecard.sections.enumerated() {
            let sectionPath = "sections[\(s)]"
            if let weight = section.printedWeight, weight.hasSuffix("%"),
                let percent = Rational(decimalText: weight.dropLast()), percent == section.max
            {
                found.append(finding(sectionPath, subject: section.id, .warning, "weight.equals-points",
                    "「\(section.title)」旁印的 \(weight) 与其分值 \(section.max.displayText()) 相同：是标签还是权重？须在解释中说明"))
            }
            for (i, item) in section.items.enumerated() {
                let itemPath = "\(sectionPath).items[\(i)]"
                if let most = try? RuleRange.of(item: item, in: scorecard).maximum, most < item.max {
                    found.append(finding(itemPath, subject: item.id, .warning, "item.max-unreachable",
                        "按规则本项最多只能得 \(most.displayText()) 分，达不到满分 \(item.max.displayText())"))
                }
                for (r, rule) in item.rules.enumerated() {
                    found += lint(rule, path: "\(itemPath).rules[\(r)]", item: item, region: region)
                }
            }
        }
        return found
    }

    private func lint(_ rule: ScoringRule, path: String, item: Item, region: String?) -> [LintFinding] {
        var found: [LintFinding] = []
        switch rule.kind {
        case .tiers(let input, let tiers, let otherwise):
            let analysis = TierAnalysis(tiers: tiers.map(\.interval), domain: domain(of: input), region: region)
            found += tierFindings(analysis, labels: tiers.map { $0.label ?? $0.interval.describe(region: region, unit: nil) },
                path: path, subject: rule.id, gapsHandled: otherwise != nil)
            let ceilings = [rule.cap].compactMap { $0 }
                + item.caps.filter { $0.rules?.contains(rule.id) ?? true }.map(\.points)
            if let ceiling = ceilings.min() {
                for tier in tiers where tier.points > ceiling {
                    found.append(finding(path, subject: rule.id, .warning, "cap.below-tier",
                        "档次「\(tier.label ?? "")」\(tier.points.displayText()) 分高于上限 \(ceiling.displayText()) 分，永远得不到全额"))
                }
            }
        case .sum(let parts):
            for (index, part) in parts.enumerated() {
                found += lint(part, path: "\(path).parts[\(index)]", item: item, region: region)
            }
        default:
            break
        }
        return found
    }

    private func domain(of input: String) -> TierAnalysis.Domain {
        if let derived = scorecard.catalog.derivedValue(input) {
            return derived.percent && !derived.isDifference
                ? TierAnalysis.Domain(lower: .zero, upper: .hundred, integers: false)
                : TierAnalysis.Domain(lower: derived.isDifference ? nil : .zero, upper: nil, integers: false)
        }
        return inputDomain(scorecard.catalog.input(input))
    }

    private func finding(_ path: String, subject: String, _ severity: Finding.Severity, _ code: String, _ message: String) -> LintFinding {
        LintFinding(file: file, location: nearestLocation(path, in: scorecard.locations), subject: subject, severity: severity, code: code, message: message)
    }

    private func tierFindings(_ analysis: TierAnalysis, labels: [String], path: String, subject: String, gapsHandled: Bool) -> [LintFinding] {
        tierLintFindings(analysis, labels: labels, gapsHandled: gapsHandled) { severity, code, message in
            finding(path, subject: subject, severity, code, message)
        }
    }
}

/// The values an input of this definition can take.
func inputDomain(_ input: InputDefinition?) -> TierAnalysis.Domain {
    guard let input else { return TierAnalysis.Domain(lower: nil, upper: nil, integers: false) }
    switch input.type {
    case .count: return TierAnalysis.Domain(lower: input.minimum ?? .zero, upper: input.maximum, integers: true)
    case .percent: return TierAnalysis.Domain(lower: input.minimum ?? .zero, upper: input.maximum ?? .hundred, integers: false)
    case .money: return TierAnalysis.Domain(lower: input.minimum ?? .zero, upper: input.maximum, integers: false)
    default: return TierAnalysis.Domain(lower: input.minimum, upper: input.maximum, integers: false)
    }
}

/// Lint findings for one tier analysis: overlaps and unreachable tiers always, gaps unless an
/// `otherwise` handles them.
func tierLintFindings(
    _ analysis: TierAnalysis, labels: [String], gapsHandled: Bool,
    make: (Finding.Severity, String, String) -> LintFinding
) -> [LintFinding] {
    var found: [LintFinding] = []
    if !gapsHandled {
        for gap in analysis.gaps {
            if gap.containsInteger {
                found.append(make(.error, "tier.gap", "\(gap.description) 的值（如 \(gap.example.displayText())）不属于任何档次"))
            } else {
                found.append(make(.error, "tier.gap-non-integer",
                    "只有非整数落入的空档 \(gap.description)（如 \(gap.example.displayText())）不属于任何档次：须说明取整或区间读法"))
            }
        }
    }
    for overlap in analysis.overlaps {
        found.append(make(.error, "tier.overlap",
            "档次「\(labels[overlap.first])」与「\(labels[overlap.second])」重叠（如 \(overlap.example.displayText()) 同属两档）"))
    }
    for index in analysis.unreachable {
        found.append(make(.error, "tier.unreachable", "档次「\(labels[index])」永远不会被用到"))
    }
    return found
}
