/// Decides claims under one schedule, in date order, keeping the running totals that caps and
/// limits across claims need (the ledger).
///
/// Claims are processed by date, then claim id, whatever their order in the file, so yearly caps,
/// count limits and "highest only" groups give the same result for the same claims. Awards granted
/// before the batch (a prior-awards file) are recorded first and count against the same limits.
///
/// Deciding a claim has two halves: ``assess(_:file:)`` reads only the claim and the schedule, so
/// many claims can be assessed at once on several threads; ``settle(_:)`` applies the rules across
/// claims and must see the claims one at a time, in order.
public struct SubsidyCalculator: Sendable {
    public let schedule: Schedule
    private var ledger: Ledger
    /// Per measure, by position: what every claim for it uses, worked out once.
    private let plans: [MeasurePlan]

    /// What every claim for one measure uses, worked out once and shared by reference, so that
    /// assessing a claim copies nothing of the measure.
    private final class MeasurePlan: Sendable {
        let measure: Measure
        let citation: String
        let discrepancies: [String]
        /// `符合条件：企业；年度进出口额超过 1 亿人民币`.
        let eligible: String
        /// The interpretations a claim cites once every condition was evaluated: the measure's own,
        /// then each condition's.
        let interpretationsWhenEvaluated: [String]
        /// The schedule's exclusions, prepared (the same for every measure), each with the reason a
        /// claim it excludes is given.
        let exclusions: [(test: CompiledCondition, reason: String, interpretation: String?)]
        /// The measure's conditions, prepared, by position.
        let conditions: [CompiledCondition]
        /// For each condition, `不符合：企业（`, and the facts a failing claim is shown.
        let failures: [(start: String, facts: [ShownFact])]
        let amount: CompiledAmount
        /// The amount and its whole working (`金额：20万元`), when they are the same for every claim.
        let constantAmount: (outcome: AmountEvaluator.Outcome, working: String)?

        init(_ measure: Measure, in schedule: Schedule) {
            self.measure = measure
            citation = measure.cite.reference(defaultDocument: schedule.header.document)
            discrepancies = SubsidyCalculator.discrepancyNotes(measure, schedule)
            eligible = "符合条件：" + (measure.eligible.isEmpty ? "本项无附加条件" : measure.eligible.map(\.label).joined(separator: "；"))
            interpretationsWhenEvaluated = measure.interpretations + measure.eligible.compactMap(\.interpretation)
            let catalog = schedule.catalog
            exclusions = schedule.exclusions.map { exclusion in
                (CompiledCondition(exclusion.when, catalog: catalog), "不适用：\(exclusion.label)（「\(exclusion.cite.text)」）", exclusion.interpretation)
            }
            conditions = measure.eligible.map { CompiledCondition($0.when, catalog: catalog) }
            failures = measure.eligible.map { condition in
                ("不符合：\(condition.label)（", condition.when.inputs.map { ShownFact($0, in: catalog) })
            }
            amount = CompiledAmount(measure.amount, schedule)
            if amount.readsNoFacts {
                var working = WorkingText("金额：")
                let facts = Facts(catalog: catalog, values: [:], notes: [:], region: nil)
                constantAmount = (try? AmountEvaluator.evaluate(amount, facts, working: &working)).map { ($0, working.text) }
            } else {
                constantAmount = nil
            }
        }
    }

    public init(schedule: Schedule) {
        self.schedule = schedule
        ledger = Ledger(schedule: schedule)
        plans = schedule.measures.map { MeasurePlan($0, in: schedule) }
    }

    /// Counts an award granted before this batch against yearly caps, count limits, groups and the pool.
    public mutating func record(_ award: PriorAward) {
        guard let index = schedule.measureIndex[award.measure] else { return }
        let applicant = ledger.applicants.number(of: award.applicant)
        ledger.add(award.amount, measure: index, applicant: applicant, year: award.date.year, matter: award.matter, round: award.round)
    }

    /// The number of each applicant seen so far (in prior awards and settled claims).
    var applicantNumbers: ApplicantNumbers { ledger.applicants }

    /// The pool used so far.
    public var poolUsed: Rational { ledger.poolUsed }

    /// Decides all claims of a batch, in date order, after any prior awards already recorded.
    public mutating func run(_ batch: ClaimBatch, file: String) -> SubsidyReport {
        var tally = SubsidyTally(schedule: schedule, file: file, keepsResults: true)
        tally.noteRows(read: batch.rowsRead, rejected: batch.rejectedLines.count, problems: batch.problems)
        var order = DecisionOrder(file: file)
        for claim in batch.claims.sorted(by: { $0.precedes($1) || (!$1.precedes($0) && $0.line < $1.line) }) {
            if let problem = order.repeatedID(claim) {
                tally.reject(problem)
                continue
            }
            do {
                var assessed = try assess(claim, file: file)
                settle(&assessed)
                tally.add(assessed.result, applicant: assessed.applicant, measure: assessed.measure)
            } catch {
                tally.reject(error)
            }
        }
        return tally.report(poolUsed: ledger.poolUsed)
    }

    /// Decides one claim and records what it was granted.
    ///
    /// - Throws: a ``FileProblem`` naming the row and column of a fact the measure needs that the
    ///   claim leaves blank.
    public mutating func decide(_ claim: Claim, file: String) throws(FileProblem) -> ClaimResult {
        var assessed = try assess(claim, file: file)
        settle(&assessed)
        return assessed.result
    }

    /// A claim decided as far as the claim alone allows; rules across claims come in ``settle(_:)``.
    public struct Assessed: Sendable {
        public var result: ClaimResult
        /// The measure's position in the schedule, when the claim reached the rules across claims.
        var pendingMeasure: Int?
        /// The measure's position in the schedule.
        var measure: Int
        /// The applicant's number in the ledger: given before settling by whoever reads the claims in
        /// order (``BlockAssessor``), or by ``settle(_:)`` when -1.
        var applicant = -1
    }

    /// Steps 1–5 of deciding a claim: validity, exclusions, conditions, the amount and the measure's
    /// own ceiling. Reads nothing but the claim and the schedule.
    ///
    /// - Throws: a ``FileProblem`` naming the row and column of a fact the measure needs that the
    ///   claim leaves blank.
    public func assess(_ claim: Claim, file: String) throws(FileProblem) -> Assessed {
        do {
            return try assess(taking: claim, file: file)
        } catch {
            throw error.problem
        }
    }

    /// A claim that could not be assessed, handed back with the reason.
    struct Unassessed: Error {
        var claim: Claim
        var problem: FileProblem
    }

    /// ``assess(_:file:)`` for a claim the caller gives up: the result holds it without copying it
    /// (a copy retains each of its texts, a million times a run).
    func assess(taking claim: consuming Claim, file: String) throws(Unassessed) -> Assessed {
        guard let measureIndex = schedule.measureIndex[claim.measure] else {
            let problem = FileProblem(file: file, location: SourceLocation(line: claim.line, column: 1), field: "measure", message: "本政策没有项目「\(claim.measure)」")
            throw Unassessed(claim: claim, problem: problem)
        }
        let plan = plans[measureIndex]
        // Made where it is returned and changed in place: Swift copied a result built in the same
        // function as the steps (a retain and a release of each of its texts, a million times a run).
        var assessed = Assessed(
            result: ClaimResult(
                claim: claim, measureTitle: plan.measure.title, status: .granted, amount: .zero, computed: .zero, isCeiling: false,
                boundBy: [], reasons: [], citation: plan.citation,
                interpretations: plan.measure.interpretations, discrepancies: plan.discrepancies, findings: []),
            pendingMeasure: nil, measure: measureIndex)
        do {
            if try assess(plan, file: file, into: &assessed.result) { assessed.pendingMeasure = measureIndex }
        } catch {
            throw Unassessed(claim: assessed.result.claim, problem: error)
        }
        return assessed
    }

    /// Steps 1–5 for the claim in `result`, written into it; whether the claim goes on to the rules
    /// across claims (it does not when it is ineligible or needs a decision).
    private func assess(_ plan: MeasurePlan, file: String, into result: inout ClaimResult) throws(FileProblem) -> Bool {
        let facts = Facts(catalog: schedule.catalog, values: result.claim.values, notes: [:], region: nil)
        let line = result.claim.line
        result.reasons.reserveCapacity(4)
        func missing(_ error: EvaluationError) throws(FileProblem) -> String {
            switch error {
            case .missingInput(let id):
                if let note = schedule.catalog.ifMissing(id) { return "缺少「\(facts.label(id))」：\(note)" }
                throw FileProblem(
                    file: file, location: SourceLocation(line: line, column: 1), field: id,
                    message: "项目 \(plan.measure.id) 需要「\(facts.label(id))」，此行未填写")
            case .undefined(_, let working): return "\(working)，无法计算"
            case .noMatchingCase(let message): return message
            case .overflow(let overflow): return overflow.description
            case .outOfRange(_, let message): return message
            case .regionNotChosen: return "未选定地区"
            }
        }

        // 1. The policy in force on the claim's date.
        if let window = schedule.header.effective, !window.contains(result.claim.date) {
            result.status = .ineligible
            result.reasons.append("日期 \(result.claim.date) 不在本政策有效期（\(window.from?.description ?? "…") 至 \(window.to?.description ?? "…")）内，不适用")
            if let interpretation = window.interpretation { result.interpretations.append(interpretation) }
            return false
        }
        // 2. Applicants the document excludes.
        for exclusion in plan.exclusions {
            do {
                if try facts.holds(exclusion.test) {
                    result.status = .ineligible
                    result.reasons.append(exclusion.reason)
                    if let interpretation = exclusion.interpretation { result.interpretations.append(interpretation) }
                    return false
                }
            } catch {
                let reason = try missing(error)
                result.status = .needsDecision
                result.reasons.append(reason)
                return false
            }
        }
        // 3. The measure's own conditions: every failing one is listed.
        var failed: [String] = []
        var undecided: [String] = []
        /// The positions of the conditions that could not be evaluated.
        var undecidedConditions: [Int] = []
        for index in plan.conditions.indices {
            do {
                if !(try facts.holds(plan.conditions[index])) {
                    failed.append(failureReason(plan.failures[index], facts))
                }
            } catch {
                undecided.append(try missing(error))
                undecidedConditions.append(index)
            }
        }
        if undecided.isEmpty {
            result.interpretations = plan.interpretationsWhenEvaluated
        } else {
            // Only the interpretations of the conditions that were evaluated.
            result.interpretations = plan.measure.interpretations
            for (index, condition) in plan.measure.eligible.enumerated() where !undecidedConditions.contains(index) {
                if let interpretation = condition.interpretation { result.interpretations.append(interpretation) }
            }
        }
        if !failed.isEmpty {
            result.status = .ineligible
            result.reasons = failed
            return false
        }
        if !undecided.isEmpty {
            result.status = .needsDecision
            result.reasons = undecided
            return false
        }
        result.reasons.append(plan.eligible)

        // 4. The amount.
        let outcome: AmountEvaluator.Outcome
        let working: String
        if let constant = plan.constantAmount {
            (outcome, working) = constant
        } else {
            var text = WorkingText("金额：")
            do {
                outcome = try AmountEvaluator.evaluate(plan.amount, facts, working: &text)
            } catch {
                let reason = try missing(error)
                if case .noMatchingCase = error {
                    result.status = .ineligible
                } else {
                    result.status = .needsDecision
                }
                result.reasons.append(reason)
                return false
            }
            working = text.text
        }
        if !outcome.interpretations.isEmpty { result.interpretations += outcome.interpretations }
        result.reasons.append(working)
        var amount = outcome.value
        if let reason = outcome.undefinedReason {
            guard let approved = result.claim.approvedAmount else {
                result.status = .needsDecision
                result.reasons.append("原文未给出金额，需由主管部门决定（\(reason)）")
                return false
            }
            amount = approved
            result.reasons.append("按核定金额 \(approved.wanText)（原文未给出金额）")
        } else if outcome.isCeiling {
            if let approved = result.claim.approvedAmount {
                if approved > outcome.value {
                    result.findings.append(
                        Finding(severity: .error, code: "approved.above-ceiling",
                            message: "核定金额 \(approved.wanText) 超过上限 \(outcome.value.wanText)，按上限计", location: result.claim.id))
                    result.boundBy.append(Binding(kind: .discretionaryCeiling, rule: plan.measure.id, before: approved, after: outcome.value, text: plan.measure.cite.text))
                } else if let floor = outcome.floor, approved < floor {
                    result.findings.append(
                        Finding(severity: .error, code: "approved.below-range",
                            message: "核定金额 \(approved.wanText) 低于范围下限 \(floor.wanText)", location: result.claim.id))
                    amount = approved
                } else {
                    amount = approved
                    var reason = WorkingText("按核定金额 ")
                    reason.append(wan: approved)
                    reason.append("（上限 ")
                    reason.append(wan: outcome.value)
                    reason.append("）")
                    result.reasons.append(reason.text)
                }
            } else {
                result.isCeiling = true
                var reason = WorkingText("未填写核定金额：显示上限 ")
                reason.append(wan: outcome.value)
                reason.append("，实际金额由主管部门在上限内核定")
                result.reasons.append(reason.text)
            }
        }
        // 5. The measure's own ceiling.
        if let ceiling = plan.measure.ceiling, amount > ceiling.amount {
            result.boundBy.append(Binding(kind: .measureCeiling, rule: plan.measure.id, before: amount, after: ceiling.amount, text: ceiling.cite.text))
            result.reasons.append("超过「\(ceiling.cite.text)」，按 \(ceiling.amount.wanText)")
            amount = ceiling.amount
        }
        if !amount.isInteger, let rounded = try? amount.rounded(places: 2), rounded != amount {
            result.reasons.append("\(amount.displayText(places: 4)) 元按四舍五入保留到分：\(rounded.yuanText) 元")
            amount = rounded
        }
        result.computed = amount
        result.amount = amount
        if let claimed = result.claim.claimedAmount, claimed > amount, result.boundBy.isEmpty || !result.isCeiling {
            result.findings.append(
                Finding(severity: .warning, code: "claim.above-entitlement",
                    message: "申请金额 \(claimed.wanText) 高于按规定可得的 \(amount.wanText)", location: result.claim.id))
        }
        return true
    }

    /// Step 6: the rules across claims (same matter, highest only, count limits, yearly caps, the
    /// pool), then records the grant. Claims must be settled in date order.
    public mutating func settle(_ assessed: inout Assessed) {
        if assessed.applicant < 0 { assessed.applicant = ledger.applicants.number(of: assessed.result.claim.applicant) }
        let applicant = assessed.applicant
        guard let measureIndex = assessed.pendingMeasure else { return }
        assessed.pendingMeasure = nil
        let plan = plans[measureIndex]
        // The claim's fields are read where they are: copying the claim would retain its texts, which
        // were made on another thread, and this runs on the one thread that settles every claim.
        let round = ledger.countsRounds(measure: measureIndex) ? assessed.result.claim.values["round"]?.number : nil
        let amount = ledger.apply(assessed.result.computed, measure: measureIndex, applicant: applicant, round: round, result: &assessed.result)
        assessed.result.amount = amount
        if let instalments = plan.measure.instalments {
            assessed.result.reasons.append("分 \(instalments.count) 期拨付（「\(instalments.cite.text)」）；各期金额原文未作规定")
            if let interpretation = instalments.interpretation { assessed.result.interpretations.append(interpretation) }
        }
        if let recurring = plan.measure.recurring {
            assessed.result.reasons.append("按年度给予，本条为一个年度的金额（「\(recurring.text)」）")
        }
        ledger.add(amount, measure: measureIndex, applicant: applicant, year: assessed.result.claim.date.year, matter: assessed.result.claim.matter, round: round)
    }

    fileprivate static func discrepancyNotes(_ measure: Measure, _ schedule: Schedule) -> [String] {
        measure.discrepancies.compactMap { id in
            schedule.header.discrepancies.first { $0.id == id }.map { discrepancy in
                "\(id)：政策解读称「\(discrepancy.interpretationText.text)」，正文为「\(discrepancy.official.text)」；按正文计算。\(discrepancy.note)"
            }
        }
    }

    /// `不符合：企业（申请主体类型 「事业单位」）`: the condition's label, then each fact it reads as
    /// `本年度进出口额 8000万元`, or a derived value's working.
    private func failureReason(_ failure: (start: String, facts: [ShownFact]), _ facts: Facts) -> String {
        var reason = WorkingText(failure.start)
        for (index, fact) in failure.facts.enumerated() {
            if index > 0 { reason.append("，") }
            if let derived = fact.derived, let working = try? facts.ratio(derived).working {
                reason.append(working)
            } else {
                fact.appendLabelled(facts, to: &reason)
            }
        }
        reason.append("）")
        return reason.text
    }
}

/// An award granted before the batch, from a prior-awards file.
public struct PriorAward: Sendable, Hashable {
    public var claimID: String
    public var applicant: String
    public var date: CalendarDate
    public var measure: String
    public var amount: Rational
    public var matter: String?
    /// The round (届) it was granted in, for count limits per round.
    public var round: Rational?

    public init(claimID: String, applicant: String, date: CalendarDate, measure: String, amount: Rational, matter: String?, round: Rational? = nil) {
        self.claimID = claimID
        self.applicant = applicant
        self.date = date
        self.measure = measure
        self.amount = amount
        self.matter = matter
        self.round = round
    }
}
