/// Checks rubric authors want before shipping: tiers that overlap or leave gaps (including gaps only
/// non-integer values fall into, such as 99.5% between 80-99% and 100%), tiers no value can reach,
/// caps below a tier's points, items whose rules cannot reach their 满分, printed percentages that
/// merely repeat point totals, quotes missing from the source, and validity gaps between versions.
///
/// Findings the rubric acknowledges (`lint_acknowledged`, with a reason) are reported as such and do
/// not count against it.
public struct LintFinding: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var location: SourceLocation?
    /// The rule, item or field concerned (`S6.3`, `sections[1].items[2]`).
    public var subject: String
    public var severity: Finding.Severity
    /// A stable code: `tier.gap`, `tier.gap-non-integer`, `tier.overlap`, `tier.unreachable`,
    /// `cap.below-tier`, `item.max-unreachable`, `weight.equals-points`, `quote.not-in-source`,
    /// `quote.source-is-rubric`, `validity.gap`, `validity.overlap`.
    public var code: String
    public var message: String
    /// The reason the rubric gives for accepting this finding, if it acknowledges it.
    public var acknowledged: String?

    public var description: String {
        var text = file
        if let location { text += ":\(location.line):\(location.column)" }
        let state = acknowledged.map { "（已确认：\($0)）" } ?? ""
        return "\(text): \(acknowledged == nil ? severity.rawValue : "acknowledged") \(code) \(subject)：\(message)\(state)"
    }
}

/// A finding a rubric accepts, with the reason.
public struct LintAcknowledgement: Sendable, Hashable, Decodable {
    public var code: String
    /// The rule, item or field the finding concerns, as lint names it.
    public var subject: String
    public var reason: String

    enum CodingKeys: String, CodingKey { case code, subject, reason }
}

public enum RubricLint {
    /// Every finding for one rubric; `source` is the text its quotes must occur in, when available.
    public static func check(_ rubric: Rubric, file: String, source: String?) -> [LintFinding] {
        var findings: [LintFinding] = []
        switch rubric {
        case .scorecard(let scorecard): findings = ScorecardLint(scorecard: scorecard, file: file).findings()
        case .schedule(let schedule): findings = ScheduleLint(schedule: schedule, file: file).findings()
        case .targets: findings = []
        }
        if let source {
            for citation in rubric.citationsNotFound(in: source) {
                let field = citation.quoteLocation.map { "（\($0.field)）" } ?? ""
                findings.append(
                    LintFinding(
                        file: file, location: citation.quoteLocation?.location, subject: citation.clause, severity: .error,
                        code: "quote.not-in-source", message: "引文「\(citation.text)」不在原文 \(rubric.header.source.file) 中\(field)"))
            }
        }
        return acknowledge(findings, by: rubric.header.acknowledgements)
    }

    /// The finding for a rubric whose `source.file` is the rubric file itself: every quote would be
    /// found in it, so none could be checked against the gazette.
    public static func sourceIsTheRubric(_ rubric: Rubric, file: String) -> LintFinding {
        let locations: [String: SourceLocation]
        switch rubric {
        case .scorecard(let scorecard): locations = scorecard.locations
        case .schedule(let schedule): locations = schedule.locations
        case .targets: locations = [:]
        }
        return LintFinding(
            file: file, location: locations["source"], subject: "source.file", severity: .error, code: "quote.source-is-rubric",
            message: "原文文件「\(rubric.header.source.file)」就是本文件，引文无从核对（应指向公报原文）")
    }

    /// Validity gaps and overlaps between rubrics of one series (successive versions of a policy).
    public static func checkSeries(_ rubrics: [(file: String, rubric: Rubric)]) -> [LintFinding] {
        var findings: [LintFinding] = []
        let bySeries = Dictionary(grouping: rubrics.filter { $0.rubric.header.series != nil }) { $0.rubric.header.series ?? "" }
        for (series, members) in bySeries.sorted(by: { $0.key < $1.key }) {
            let dated = members.compactMap { member -> (file: String, rubric: Rubric, from: CalendarDate, to: CalendarDate)? in
                guard let window = member.rubric.header.effective, let from = window.from, let to = window.to else { return nil }
                return (member.file, member.rubric, from, to)
            }.sorted { $0.from < $1.from }
            for (earlier, later) in zip(dated, dated.dropFirst()) {
                let subject = "\(earlier.rubric.header.id) → \(later.rubric.header.id)"
                var finding: LintFinding?
                if later.from <= earlier.to {
                    finding = LintFinding(
                        file: later.file, location: nil, subject: subject, severity: .warning, code: "validity.overlap",
                        message: "「\(series)」的两个版本有效期重叠：\(earlier.from)–\(earlier.to) 与 \(later.from)–\(later.to)")
                } else if let next = earlier.to.nextDay, next < later.from {
                    finding = LintFinding(
                        file: later.file, location: nil, subject: subject, severity: .warning, code: "validity.gap",
                        message: "「\(series)」的两个版本之间有空档：\(next) 至 \(later.from) 前一日没有政策适用")
                }
                if let finding {
                    findings += acknowledge([finding], by: later.rubric.header.acknowledgements + earlier.rubric.header.acknowledgements)
                }
            }
        }
        return findings
    }

    private static func acknowledge(_ findings: [LintFinding], by acknowledgements: [LintAcknowledgement]) -> [LintFinding] {
        findings.map { finding in
            var finding = finding
            finding.acknowledged = acknowledgements.first { $0.code == finding.code && $0.subject == finding.subject }?.reason
            return finding
        }
    }
}

extension CalendarDate {
    /// The following day.
    var nextDay: CalendarDate? {
        if let date = CalendarDate(year: year, month: month, day: day + 1) { return date }
        if let date = CalendarDate(year: year, month: month + 1, day: 1) { return date }
        return CalendarDate(year: year + 1, month: 1, day: 1)
    }
}
