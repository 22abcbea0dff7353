/// The running totals that rules across claims need: what each applicant has been granted per
/// yearly cap and year, per count limit, per highest-only group, per matter, and from the pool.
///
/// It grows with the number of applicants (and years and matters), never with the number of
/// claims, so a batch of ten million claims from a hundred thousand companies keeps it small. Each
/// applicant's name is kept once (``ApplicantNumbers``); the totals refer to it by number.
struct Ledger: Sendable {
    /// A running total of one rule for one applicant in one period (a year, or 0 when the rule has none).
    private struct Key: Hashable, Sendable {
        var rule: Int32
        var applicant: Int32
        var period: Int32

        init(rule: Int, applicant: Int, period: Int) {
            self.rule = Int32(truncatingIfNeeded: rule)
            self.applicant = Int32(truncatingIfNeeded: applicant)
            self.period = Int32(truncatingIfNeeded: period)
        }
    }

    private struct MatterKey: Hashable, Sendable {
        var applicant: Int
        var matter: ExactText
    }

    /// The rules across claims that one measure counts toward, by position in the schedule.
    ///
    /// A class, so that reading a measure's rules for each claim retains one object, not three lists.
    private final class Rules: Sendable {
        let groups: [Int]
        let limits: [Int]
        let caps: [Int]
        let inPool: Bool
        /// Whether a count limit counts per round (届), so the claim's round matters.
        let countsRounds: Bool

        init(_ measure: Measure, in schedule: Schedule) {
            groups = schedule.highestOnly.indices.filter { schedule.highestOnly[$0].measures.contains(measure.id) }
            limits = schedule.countLimits.indices.filter { schedule.countLimits[$0].measures.contains(measure.id) }
            caps = schedule.yearlyCaps.indices.filter { schedule.yearlyCaps[$0].measures.contains(measure.id) }
            inPool = schedule.pool?.measures.contains(measure.id) ?? false
            countsRounds = limits.contains { schedule.countLimits[$0].per == .round }
        }
    }

    private let schedule: Schedule
    private let rules: [Rules]
    /// Whether the schedule funds one matter once, read once rather than for every grant.
    private let hasSameMatterRule: Bool
    private var yearly: [Key: Rational] = [:]
    private var counts: [Key: Int] = [:]
    private var roundCounts: [String: Int] = [:]
    private var groups: [Key: Rational] = [:]
    private var matters: [MatterKey: Rational] = [:]
    private(set) var poolUsed: Rational = .zero
    /// Each applicant seen, and its number.
    var applicants = ApplicantNumbers()

    init(schedule: Schedule) {
        self.schedule = schedule
        rules = schedule.measures.map { Rules($0, in: schedule) }
        hasSameMatterRule = schedule.sameMatter != nil
    }

    /// Whether claims for `measure` count per round (届): only then is a claim's round looked up.
    func countsRounds(measure: Int) -> Bool { rules[measure].countsRounds }

    private func funded(_ limit: Int, applicant: Int, year: Int, round: Rational?) -> Int {
        let rule = schedule.countLimits[limit]
        switch rule.per {
        case .applicant: return counts[Key(rule: limit, applicant: applicant, period: 0)] ?? 0
        case .applicantYear: return counts[Key(rule: limit, applicant: applicant, period: year)] ?? 0
        case .round: return roundCounts["\(limit)\u{1F}\(round?.description ?? "?")"] ?? 0
        }
    }

    /// Reduces `amount` by every rule across claims that binds, recording each binding and reason.
    mutating func apply(
        _ proposed: Rational, measure: Int, applicant: Int, round: Rational?, result: inout ClaimResult
    ) -> Rational {
        var amount = proposed
        let year = result.claim.date.year
        let rules = rules[measure]
        func bind(_ kind: Binding.Kind, _ rule: String, _ after: Rational, _ text: String, _ reason: String, _ interpretation: String?) {
            result.boundBy.append(Binding(kind: kind, rule: rule, before: amount, after: after, text: text))
            result.reasons.append(reason)
            if let interpretation { result.interpretations.append(interpretation) }
            amount = after
        }
        // One matter, funded once at its highest: top up to the highest amount, never beyond.
        if let rule = schedule.sameMatter, let matter = result.claim.matter, amount > .zero {
            let already = matters[MatterKey(applicant: applicant, matter: ExactText(matter))] ?? .zero
            if already > .zero {
                let topUp = max((try? amount - already) ?? .zero, .zero)
                bind(.sameMatter, "same_matter", topUp, rule.cite.text,
                    "同一事项「\(matter)」已获 \(already.wanText)，就高不重复：本次 \(topUp.wanText)（「\(rule.cite.text)」）", rule.interpretation)
            }
        }
        for index in rules.groups where amount > .zero {
            let group = schedule.highestOnly[index]
            let already = groups[Key(rule: index, applicant: applicant, period: 0)] ?? .zero
            if already > .zero {
                let topUp = max((try? amount - already) ?? .zero, .zero)
                bind(.highestOnly, group.id, topUp, group.cite.text,
                    "同组（\(group.measures.joined(separator: "、"))）已获 \(already.wanText)，按最高奖励额不重复享受：本次 \(topUp.wanText)（「\(group.cite.text)」）",
                    group.interpretation)
            }
        }
        for index in rules.limits where amount > .zero {
            let limit = schedule.countLimits[index]
            let funded = funded(index, applicant: applicant, year: year, round: round)
            if funded >= limit.max {
                let scope = limit.per == .applicantYear ? "\(year) 年" : (limit.per == .round ? "本轮" : "")
                bind(.countLimit, limit.id, .zero, limit.cite.text,
                    "\(scope)已资助 \(funded) 个，达到上限 \(limit.max) 个，本项不再资助（「\(limit.cite.text)」）", limit.interpretation)
            }
        }
        for index in rules.caps where amount > .zero {
            let cap = schedule.yearlyCaps[index]
            let already = yearly[Key(rule: index, applicant: applicant, period: year)] ?? .zero
            let room = max((try? cap.amount - already) ?? .zero, .zero)
            if amount > room {
                bind(.yearlyCap, cap.id, room, cap.cite.text,
                    "\(year) 年已获 \(already.wanText)，年度累计上限 \(cap.amount.wanText)，本次按 \(room.wanText)（「\(cap.cite.text)」）",
                    cap.interpretation)
            }
        }
        if let pool = schedule.pool, rules.inPool, amount > .zero {
            let room = max((try? pool.amount - poolUsed) ?? .zero, .zero)
            if amount > room {
                bind(.pool, "pool", room, pool.cite.text,
                    "专项资金 \(pool.amount.wanText) 已用 \(poolUsed.wanText)，本次按剩余 \(room.wanText)（「\(pool.cite.text)」）", pool.interpretation)
            }
        }
        return amount
    }

    /// Records a grant against every rule it counts toward.
    mutating func add(_ amount: Rational, measure: Int, applicant: Int, year: Int, matter: String?, round: Rational?) {
        guard amount > .zero else { return }
        let rules = rules[measure]
        func increase(_ total: inout Rational) { total = (try? total + amount) ?? total }
        if let matter, hasSameMatterRule {
            increase(&matters[MatterKey(applicant: applicant, matter: ExactText(matter)), default: .zero])
        }
        for index in rules.groups {
            increase(&groups[Key(rule: index, applicant: applicant, period: 0), default: .zero])
        }
        for index in rules.limits {
            switch schedule.countLimits[index].per {
            case .applicant: counts[Key(rule: index, applicant: applicant, period: 0), default: 0] += 1
            case .applicantYear: counts[Key(rule: index, applicant: applicant, period: year), default: 0] += 1
            case .round: roundCounts["\(index)\u{1F}\(round?.description ?? "?")", default: 0] += 1
            }
        }
        for index in rules.caps {
            increase(&yearly[Key(rule: index, applicant: applicant, period: year), default: .zero])
        }
        if rules.inPool { increase(&poolUsed) }
    }
}
