/// Lint checks for subsidy schedules: amount brackets that overlap, leave gaps or cannot be reached.
struct ScheduleLint {
    let schedule: Schedule
    let file: String

    func findings() -> [LintFinding] {
        var found: [LintFinding] = []
        for (index, measure) in schedule.measures.enumerated() {
            found += lint(measure.amount, path: "measures[\(index)].amount", subject: measure.id)
        }
        return found
    }

    private func lint(_ amount: AmountRule, path: String, subject: String) -> [LintFinding] {
        switch amount {
        case .brackets(let of, let brackets):
            let domain = schedule.catalog.derivedValue(of) != nil
                ? TierAnalysis.Domain(lower: nil, upper: nil, integers: false) : inputDomain(schedule.catalog.input(of))
            let analysis = TierAnalysis(tiers: brackets.map(\.interval), domain: domain, region: nil)
            let labels = brackets.map { $0.label ?? $0.interval.describeMoney() }
            return tierLintFindings(analysis, labels: labels, gapsHandled: false) { severity, code, message in
                LintFinding(file: file, location: nearestLocation(path, in: schedule.locations), subject: subject,
                    severity: severity, code: code, message: message)
            }
        case .cases(let cases):
            return cases.enumerated().flatMap { lint($1.amount, path: "\(path).cases[\($0)].amount", subject: subject) }
        case .minimum(let parts), .sum(let parts):
            return parts.enumerated().flatMap { lint($1, path: "\(path)[\($0)]", subject: subject) }
        case .upTo(let inner):
            return lint(inner, path: path, subject: subject)
        default:
            return []
        }
    }
}
