/// The running totals that rules across claims need: what each applicant has been granted per
/// yearly cap and year, per count limit, per highest-only group, per matter, and from the pool.
struct Ledger: Sendable {
    private var yearly: [String: Rational] = [:]
    private var counts: [String: Int] = [:]
    private var groups: [String: Rational] = [:]
    private var matters: [String: Rational] = [:]
    private(set) var poolUsed: Rational = .zero

    private static func key(_ parts: String...) -> String { parts.joined(separator: "\u{1F}") }

    private func countKey(_ limit: CountLimit, applicant: String, year: Int, round: Rational?) -> String {
        switch limit.per {
        case .applicant: Self.key(limit.id, applicant)
        case .applicantYear: Self.key(limit.id, applicant, String(year))
        case .round: Self.key(limit.id, round?.description ?? "?")
        }
    }

    /// Reduces `amount` by every rule across claims that binds, recording each binding and reason.
    mutating func apply(
        _ proposed: Rational, measure: Measure, claim: Claim, schedule: Schedule, result: inout ClaimResult
    ) -> Rational {
        var amount = proposed
        let applicant = claim.applicant
        let year = claim.date.year
        func bind(_ kind: Binding.Kind, _ rule: String, _ after: Rational, _ text: String, _ reason: String, _ interpretation: String?) {
            result.boundBy.append(Binding(kind: kind, rule: rule, before: amount, after: after, text: text))
            result.reasons.append(reason)
            if let interpretation { result.interpretations.append(interpretation) }
            amount = after
        }
        // One matter, funded once at its highest: top up to the highest amount, never beyond.
        if let rule = schedule.sameMatter, let matter = claim.matter, amount > .zero {
            let already = matters[Self.key(applicant, matter)] ?? .zero
            if already > .zero {
                let topUp = max((try? amount - already) ?? .zero, .zero)
                bind(.sameMatter, "same_matter", topUp, rule.cite.text,
                    "同一事项「\(matter)」已获 \(already.wanText)，就高不重复：本次 \(topUp.wanText)（「\(rule.cite.text)」）", rule.interpretation)
            }
        }
        for group in schedule.highestOnly where group.measures.contains(measure.id) && amount > .zero {
            let already = groups[Self.key(group.id, applicant)] ?? .zero
            if already > .zero {
                let topUp = max((try? amount - already) ?? .zero, .zero)
                bind(.highestOnly, group.id, topUp, group.cite.text,
                    "同组（\(group.measures.joined(separator: "、"))）已获 \(already.wanText)，按最高奖励额不重复享受：本次 \(topUp.wanText)（「\(group.cite.text)」）",
                    group.interpretation)
            }
        }
        for limit in schedule.countLimits where limit.measures.contains(measure.id) && amount > .zero {
            let funded = counts[countKey(limit, applicant: applicant, year: year, round: claim.values["round"]?.number)] ?? 0
            if funded >= limit.max {
                let scope = limit.per == .applicantYear ? "\(year) 年" : (limit.per == .round ? "本轮" : "")
                bind(.countLimit, limit.id, .zero, limit.cite.text,
                    "\(scope)已资助 \(funded) 个，达到上限 \(limit.max) 个，本项不再资助（「\(limit.cite.text)」）", limit.interpretation)
            }
        }
        for cap in schedule.yearlyCaps where cap.measures.contains(measure.id) && amount > .zero {
            let already = yearly[Self.key(cap.id, applicant, String(year))] ?? .zero
            let room = max((try? cap.amount - already) ?? .zero, .zero)
            if amount > room {
                bind(.yearlyCap, cap.id, room, cap.cite.text,
                    "\(year) 年已获 \(already.wanText)，年度累计上限 \(cap.amount.wanText)，本次按 \(room.wanText)（「\(cap.cite.text)」）",
                    cap.interpretation)
            }
        }
        if let pool = schedule.pool, pool.measures.contains(measure.id), amount > .zero {
            let room = max((try? pool.amount - poolUsed) ?? .zero, .zero)
            if amount > room {
                bind(.pool, "pool", room, pool.cite.text,
                    "专项资金 \(pool.amount.wanText) 已用 \(poolUsed.wanText)，本次按剩余 \(room.wanText)（「\(pool.cite.text)」）", pool.interpretation)
            }
        }
        return amount
    }

    /// Records a grant against every rule it counts toward.
    mutating func add(_ amount: Rational, measure: String, applicant: String, year: Int, matter: String?, round: Rational?,
        schedule: Schedule)
    {
        guard amount > .zero else { return }
        if let matter, schedule.sameMatter != nil {
            let key = Self.key(applicant, matter)
            matters[key] = (try? (matters[key] ?? .zero) + amount) ?? matters[key]
        }
        for group in schedule.highestOnly where group.measures.contains(measure) {
            let key = Self.key(group.id, applicant)
            groups[key] = (try? (groups[key] ?? .zero) + amount) ?? groups[key]
        }
        for limit in schedule.countLimits where limit.measures.contains(measure) {
            counts[countKey(limit, applicant: applicant, year: year, round: round), default: 0] += 1
        }
        for cap in schedule.yearlyCaps where cap.measures.contains(measure) {
            let key = Self.key(cap.id, applicant, String(year))
            yearly[key] = (try? (yearly[key] ?? .zero) + amount) ?? yearly[key]
        }
        if let pool = schedule.pool, pool.measures.contains(measure) {
            poolUsed = (try? poolUsed + amount) ?? poolUsed
        }
    }
}
