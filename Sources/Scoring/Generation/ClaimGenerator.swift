/// Writes a claims CSV for a subsidy schedule, for benchmarks of the subsidy engine.
///
/// Deterministic for a seed, and streamed in chunks, so ten million claims need no more memory
/// than ten. The facts are chosen to give the engine real work: numbers sit at, just below and just
/// above the schedule's own thresholds and around the sizes where ceilings and yearly caps start to
/// bind; some applicants claim far more often than others, so caps, count limits, highest-only
/// groups and the same-matter rule bind; about 0.5% of claims fall just before and 0.5% just after
/// the validity window; and a given share of rows carry one planted error each (an impossible date,
/// an unreadable amount, an unknown measure or a missing applicant).
///
/// ```swift
/// let generator = ClaimGenerator(schedule: schedule, seed: 1)
/// generator.write(count: 1_000_000) { chunk in output.append(chunk) }
/// ```
public struct ClaimGenerator: Sendable {
    public let schedule: Schedule
    public let seed: UInt64
    /// How many applicants claim; `nil` means ``defaultApplicants(forCount:)``.
    public let applicants: Int?
    /// Rows with one planted error, per thousand rows (0...1000).
    public let invalidPerMille: Int
    /// The measure id planted in rows with an unknown measure.
    public let unknownMeasure: String

    private let plans: [MeasurePlan]
    private let dates: DateSpread
    /// Derived values by id, to estimate amounts.
    private let derived: [String: DerivedPlan]
    private let columns: [String: Int]
    private let roundColumn: Int?

    /// - Parameters:
    ///   - applicants: at least 1; `nil` for ``defaultApplicants(forCount:)``.
    ///   - invalidPerMille: clamped to 0...1000.
    public init(schedule: Schedule, seed: UInt64 = 1, applicants: Int? = nil, invalidPerMille: Int = 1) {
        self.schedule = schedule
        self.seed = seed
        self.applicants = applicants.map { max(1, $0) }
        self.invalidPerMille = min(max(invalidPerMille, 0), 1000)
        unknownMeasure = ["X99", "X999", "X9999"].first { schedule.measure($0) == nil } ?? "X99-未知"
        let builder = PlanBuilder(schedule: schedule)
        plans = schedule.measures.map(builder.plan)
        derived = builder.allDerived()
        columns = builder.columns
        roundColumn = builder.columns["round"]
        dates = DateSpread(window: schedule.header.effective)
    }

    /// About eight claims per applicant, at most 100,000 applicants.
    public static func defaultApplicants(forCount count: Int) -> Int { max(1, min(count / 8, 100_000)) }

    /// `claim_id,applicant,date,measure,` then every fact of the schedule, then the amounts and matter.
    public var header: String {
        (["claim_id", "applicant", "date", "measure"] + schedule.catalog.inputs.map(\.id)
            + ["claimed_amount", "approved_amount", "matter"]).joined(separator: ",")
    }

    /// The whole CSV as one string: for tests and small batches.
    public func csv(count: Int) -> String {
        var text = ""
        write(count: count) { text += $0 }
        return text
    }

    /// Calls `sink` with the header line, then with chunks of `linesPerChunk` rows, each line ending
    /// in `\n`. A negative count writes the header only.
    public func write<Failure: Error>(count: Int, linesPerChunk: Int = 4096, to sink: (String) throws(Failure) -> Void) throws(Failure) {
        try sink(header + "\n")
        guard count > 0, !plans.isEmpty else { return }
        var rows = RowWriter(generator: self, count: count)
        var chunk = ""
        chunk.reserveCapacity(max(linesPerChunk, 1) * 160)
        for index in 0..<count {
            rows.append(row: index, to: &chunk)
            if (index + 1) % max(linesPerChunk, 1) == 0 {
                try sink(chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        if !chunk.isEmpty { try sink(chunk) }
    }

    /// Builds the rows one by one, keeping the random state and the buffers between them.
    private struct RowWriter {
        let generator: ClaimGenerator
        let count: Int
        var random: XorShiftRandom
        let names: [String]
        let heavy: Int
        let idWidth: Int
        /// Rows before, inside and after the validity window.
        let before: Int
        let inside: Int
        let after: Int
        /// The planted errors come from their own stream, one at a random row in each stretch of
        /// 1000 / rate rows, so the facts do not depend on the rate and the count is exact.
        var defects: XorShiftRandom
        var defectStretch = 0
        var nextDefect = Int.max
        var numbers: [Int64]
        var cells: [String]
        var dayShown = Int.min
        var dateText = ""
        var dateMonth = 1

        init(generator: ClaimGenerator, count: Int) {
            self.generator = generator
            self.count = count
            random = XorShiftRandom(seed: generator.seed)
            let applicants = generator.applicants ?? ClaimGenerator.defaultApplicants(forCount: count)
            names = (0..<applicants).map(ApplicantNames.name)
            heavy = max(1, applicants / 10)
            idWidth = max(7, String(count).count)
            before = generator.dates.hasStart ? count / 200 : 0
            after = generator.dates.hasEnd ? count / 200 : 0
            inside = count - before - after
            defects = XorShiftRandom(seed: generator.seed ^ 0x5DEE_CE66_D1CE_5EED)
            let width = generator.schedule.catalog.inputs.count
            numbers = Array(repeating: 0, count: width)
            cells = Array(repeating: "", count: width)
            scheduleNextDefect()
        }

        /// The day of row `index`: spread evenly, the first and last 0.5% in the 30 days outside the window.
        func day(of index: Int) -> Int {
            let dates = generator.dates
            if index < before { return dates.from - 30 + index * 30 / max(before, 1) }
            if index < before + inside { return dates.from + (index - before) * (dates.to - dates.from + 1) / max(inside, 1) }
            return dates.to + 1 + (index - before - inside) * 30 / max(after, 1)
        }

        /// Picks the row of the next planted error, somewhere in the next stretch of rows.
        private mutating func scheduleNextDefect() {
            let rate = generator.invalidPerMille
            guard rate > 0 else { return }
            let start = defectStretch * 1000 / rate
            let end = (defectStretch + 1) * 1000 / rate
            nextDefect = start + defects.below(max(end - start, 1))
            defectStretch += 1
        }

        mutating func append(row index: Int, to out: inout String) {
            var defect: Defect? = nil
            if index == nextDefect {
                defect = Defect.allCases[defects.below(Defect.allCases.count)]
                scheduleNextDefect()
            }
            let day = day(of: index)
            if day != dayShown {
                let (year, month, dayOfMonth) = CivilDays.date(day)
                dayShown = day
                dateMonth = month
                dateText = CivilDays.text(year, month, dayOfMonth)
            }
            let plan = generator.plans[random.below(generator.plans.count)]
            let variant = plan.variants[random.below(plan.variants.count)]
            let applicant = random.chance(500) ? random.below(heavy) : random.below(names.count)

            // claim_id, applicant, date, measure
            out += "C"
            let number = String(index + 1)
            for _ in number.count..<idWidth { out += "0" }
            out += number
            out += ","
            if defect != .missingApplicant { out += names[applicant] }
            out += ","
            if defect == .impossibleDate {
                // The day after the month's last: 2022-02-30, 2022-04-31, 2022-12-32.
                out += String(dateText.prefix(8)) + (dateMonth == 2 ? "30" : [4, 6, 9, 11].contains(dateMonth) ? "31" : "32")
            } else {
                out += dateText
            }
            out += ","
            out += defect == .unknownMeasure ? generator.unknownMeasure : plan.measure.id

            // The facts the measure reads; the others stay blank.
            fill(variant, round: plan.needsRound ? generator.dates.round(ofDay: day) : nil)
            for cell in cells {
                out += ","
                out += cell
            }
            for fact in variant.facts { cells[fact.column] = "" }
            if plan.needsRound, let column = generator.roundColumn { cells[column] = "" }

            // claimed_amount, approved_amount, matter
            out += ","
            var claimed = ""
            if random.chance(250), let amount = estimate(plan, variant), amount > 0 {
                let asked = random.chance(700) ? amount : Fixed.percent(amount, random.between(110, 200))
                claimed = Fixed.money(asked, asWan: random.chance(300))
            }
            out += defect == .unreadableAmount ? "12万元x" : claimed
            out += ","
            if plan.isDiscretionary, random.chance(500) {
                out += Fixed.money(approved(plan, variant), asWan: random.chance(300))
            }
            out += ","
            if random.chance(200) { out += "M\(1 + random.below(3))" }
            out += "\n"
        }

        /// Fills `cells` with the facts of one claim of `variant`.
        private mutating func fill(_ variant: ClaimVariant, round: Int?) {
            for fact in variant.facts {
                switch fact.type {
                case .boolean:
                    let value = fact.wanted.map { random.chance(variant.missPerMille) ? !$0 : $0 } ?? random.chance(800)
                    let chinese = random.chance(200)
                    cells[fact.column] = value ? (chinese ? "是" : "true") : (chinese ? "否" : "false")
                case .choice:
                    let pool = fact.allowed.count < fact.choices.count && !random.chance(variant.missPerMille) ? fact.allowed : fact.choices
                    cells[fact.column] = pool.isEmpty ? "" : pool[random.below(pool.count)]
                default:
                    numbers[fact.column] = fact.number.sample(&random)
                }
            }
            for plan in variant.derived { plan.solve(&numbers, &random) }
            for fact in variant.facts where fact.type != .boolean && fact.type != .choice {
                let value = numbers[fact.column]
                switch fact.type {
                case .money: cells[fact.column] = Fixed.money(value, asWan: random.chance(150))
                case .count: cells[fact.column] = String(value / 100)
                default: cells[fact.column] = Fixed.decimal(value)
                }
                // A fact that may be missing (an exchange rate) sometimes is: "needs a decision".
                if fact.mayBeBlank, random.chance(20) { cells[fact.column] = "" }
            }
            if let round, let column = generator.roundColumn { cells[column] = String(round) }
        }

        /// What the measure would give for these facts, in fen, as far as can be told without the engine.
        private func estimate(_ plan: MeasurePlan, _ variant: ClaimVariant) -> Int64? {
            let value = generator.estimate(plan.measure.amount, numbers, targetCase: variant.targetCase, depth: 0).map { max($0, 0) }
            guard let value else { return plan.measure.ceiling.flatMap { Fixed.hundredths($0.amount) } }
            if let ceiling = plan.measure.ceiling.flatMap({ Fixed.hundredths($0.amount) }) { return min(value, ceiling) }
            return value
        }

        /// Finance's decision: within the ceiling, sometimes above it; a round sum when the text gives none.
        private mutating func approved(_ plan: MeasurePlan, _ variant: ClaimVariant) -> Int64 {
            guard let ceiling = estimate(plan, variant), ceiling > 0 else {
                return random.between(10, 1000) * 100_000
            }
            if random.chance(80) { return Fixed.percent(ceiling, random.between(101, 150)) }
            let within = Fixed.percent(ceiling, random.between(40, 100))
            return within >= 10_000 ? within - within % 10_000 : within
        }
    }

    /// Estimates an amount in fen from the facts in `numbers` (hundredths), or `nil` when it cannot.
    fileprivate func estimate(_ rule: AmountRule, _ numbers: [Int64], targetCase: Int?, depth: Int) -> Int64? {
        guard depth < 8 else { return nil }
        func value(_ id: String) -> Int64? {
            if let column = columns[id] { return numbers[column] }
            return derived[id]?.value(numbers)
        }
        switch rule {
        case .fixed(let amount):
            return Fixed.hundredths(amount)
        case .percent(let of, let rate):
            return value(of).flatMap { Fixed.scaled($0, by: rate, over: 100) }
        case .perUnit(let of, let amount):
            guard let count = value(of), let each = Fixed.hundredths(amount) else { return nil }
            return Fixed.mulDiv(count, each, 100)
        case .matching(let of, let ratio):
            return value(of).flatMap { Fixed.scaled($0, by: ratio, over: 1) }
        case .brackets(let of, let brackets):
            guard let base = value(of) else { return nil }
            return brackets.first { Fixed.contains($0.interval, base) }.flatMap { Fixed.hundredths($0.amount) }
        case .cases(let cases):
            if let targetCase, cases.indices.contains(targetCase) {
                return estimate(cases[targetCase].amount, numbers, targetCase: nil, depth: depth + 1)
            }
            return cases.compactMap { estimate($0.amount, numbers, targetCase: nil, depth: depth + 1) }.max()
        case .percentOfMeasure(let id, let rate):
            guard let other = schedule.measure(id),
                var base = estimate(other.amount, numbers, targetCase: targetCase, depth: depth + 1)
            else { return nil }
            if let ceiling = other.ceiling.flatMap({ Fixed.hundredths($0.amount) }) { base = min(base, ceiling) }
            return Fixed.scaled(base, by: rate, over: 100)
        case .minimum(let parts):
            let values = parts.map { estimate($0, numbers, targetCase: targetCase, depth: depth + 1) }
            return values.contains(nil) ? nil : values.compactMap { $0 }.min()
        case .sum(let parts):
            var total: Int64 = 0
            for part in parts {
                guard let value = estimate(part, numbers, targetCase: targetCase, depth: depth + 1) else { return nil }
                total = total.addingReportingOverflow(value).overflow ? total : total + value
            }
            return total
        case .upTo(let inner):
            return estimate(inner, numbers, targetCase: targetCase, depth: depth + 1)
        case .range(_, let high):
            return estimate(high, numbers, targetCase: targetCase, depth: depth + 1)
        case .undefined:
            return nil
        }
    }
}

// MARK: - Plans

/// How claims for one measure are filled in: one variant per case of its amount, so every tier
/// (国家级 / 市级, 一等奖 / 二等奖 …) is claimed.
private struct MeasurePlan: Sendable {
    var measure: Measure
    var variants: [ClaimVariant]
    var isDiscretionary: Bool
    /// Whether a count limit per round counts this measure, so the `round` fact is filled.
    var needsRound: Bool
}

private struct ClaimVariant: Sendable {
    /// The facts to fill, in column order.
    var facts: [FactPlan]
    /// Derived values the conditions test, solved for after the facts are drawn.
    var derived: [DerivedPlan]
    /// How often each yes/no or choice fact misses what the conditions want: together about one
    /// claim in seven, whatever the number of conditions.
    var missPerMille: Int
    /// The case of the amount this variant aims at.
    var targetCase: Int?
}

private struct FactPlan: Sendable {
    var column: Int
    var type: InputType
    /// For a boolean, the value that lets the claim through; `nil` when no condition tests it.
    var wanted: Bool?
    /// For a choice, the values that let the claim through.
    var allowed: [String]
    var choices: [String]
    var number: NumberPlan
    /// The fact has `if_missing`, so leaving it blank is allowed.
    var mayBeBlank: Bool
}

/// Where to draw a number from, in hundredths of its unit (fen for money).
private struct NumberPlan: Sendable {
    /// The bounds the schedule uses for this fact, and the sizes at which ceilings and caps bind.
    var thresholds: [Int64] = []
    /// The range the conditions want, if any.
    var lower: Int64?
    var lowerInclusive = true
    var upper: Int64?
    var upperInclusive = true
    /// The input's own limits.
    var floor: Int64 = 0
    var ceiling: Int64?
    /// 100 for whole counts, else 1 (one fen, 0.01).
    var step: Int64 = 1
    /// A typical size when nothing else says.
    var scale: Int64 = 100
    /// How far from the typical size values range without thresholds, in percent of it.
    var spreadLow: Int64 = 20
    var spreadHigh: Int64 = 300
    var allowsNegative = false
    var kind: InputType = .number

    var hasPreference: Bool { lower != nil || upper != nil }

    mutating func add(threshold: Int64) {
        if !thresholds.contains(threshold) { thresholds.append(threshold) }
    }

    /// Narrows the wanted range to values within `interval` too.
    mutating func narrow(to interval: Interval) {
        if let bound = interval.lower, let value = bound.value.allValues.first.flatMap(Fixed.hundredths) {
            if lower.map({ value > $0 || (value == $0 && !bound.inclusive) }) ?? true {
                lower = value
                lowerInclusive = bound.inclusive
            }
        }
        if let bound = interval.upper, let value = bound.value.allValues.first.flatMap(Fixed.hundredths) {
            if upper.map({ value < $0 || (value == $0 && !bound.inclusive) }) ?? true {
                upper = value
                upperInclusive = bound.inclusive
            }
        }
    }

    /// A value: one time in six at, just below or just above a threshold; otherwise a typical value,
    /// mostly inside the wanted range.
    func sample(_ random: inout XorShiftRandom) -> Int64 {
        var value: Int64
        if !thresholds.isEmpty, random.chance(160) {
            let threshold = thresholds[random.below(thresholds.count)]
            let side = random.below(3)
            value = side == 0 ? threshold : (side == 1 ? threshold - step : threshold + step)
        } else if hasPreference {
            value = random.chance(40) ? outside(&random) : inside(&random)
        } else {
            value = around(&random)
        }
        if !allowsNegative { value = max(value, floor) }
        if let ceiling { value = min(value, ceiling) }
        return value - value % step
    }

    /// Near a threshold, or near the typical size when there is none.
    private func around(_ random: inout XorShiftRandom) -> Int64 {
        let base = thresholds.isEmpty ? scale : thresholds[random.below(thresholds.count)]
        return rounded(Fixed.percent(max(base, step * 10), random.between(spreadLow, spreadHigh)), &random)
    }

    private func inside(_ random: inout XorShiftRandom) -> Int64 {
        let low = lower.map { lowerInclusive ? $0 : $0 + step }
        let high = upper.map { upperInclusive ? $0 : $0 - step }
        switch (low, high) {
        case (let low?, let high?):
            return max(low, rounded(random.between(low, max(low, high)), &random))
        case (let low?, nil):
            let above = thresholds.filter { $0 > low }
            let size = above.isEmpty ? max(scale, low, step * 10) : above[random.below(above.count)]
            // The bound plus a round offset: 1.19亿, not 1.19亿 and one fen.
            let offset = rounded(Fixed.percent(size, random.between(5, 200)), &random)
            return (lower ?? low) + max(offset, step)
        case (nil, let high?):
            return max(floor, rounded(random.between(min(floor, high), high), &random))
        case (nil, nil):
            return around(&random)
        }
    }

    private func outside(_ random: inout XorShiftRandom) -> Int64 {
        let belowPossible = lower.map { $0 > floor || allowsNegative } ?? false
        if let lower, belowPossible, upper == nil || random.chance(500) {
            if allowsNegative, lower <= 0 { return -rounded(Fixed.percent(max(scale, step), random.between(5, 100)), &random) }
            let top = lowerInclusive ? lower - step : lower
            return rounded(random.between(min(Fixed.percent(lower, 30), top), top), &random)
        }
        if let upper {
            let start = upperInclusive ? upper + step : upper
            return start + rounded(Fixed.percent(max(upper, step * 10), random.between(1, 100)), &random)
        }
        return inside(&random)
    }

    /// Typical values look like real figures: money mostly in whole yuan or hundreds of yuan, larger
    /// numbers to one decimal place. Rounds down, so a value below a bound stays below it.
    private func rounded(_ value: Int64, _ random: inout XorShiftRandom) -> Int64 {
        switch kind {
        case .money:
            let roll = random.below(10)
            if roll < 4 { return value }
            let unit: Int64 = roll < 7 ? 100 : 10_000
            return value >= unit ? value - value % unit : value
        case .number where scale >= 1000:
            return value >= 10 ? value - value % 10 : value
        default:
            return value
        }
    }
}

/// A derived value (年度新增额 = 本年 − 上年; 公共充电桩比例 = 充电桩 / 泊位) whose conditions the
/// generator aims at: the other facts are drawn first, then `free` is solved for a drawn target.
private struct DerivedPlan: Sendable {
    var isDifference: Bool
    var percent: Bool
    /// Minuend then subtrahends, or numerators.
    var first: [Int]
    /// Denominators (empty for a difference).
    var second: [Int]
    var free: Int
    var freeStep: Int64
    var target: NumberPlan

    /// The value in hundredths (percent points for a percentage).
    func value(_ numbers: [Int64]) -> Int64? {
        if isDifference {
            guard let minuend = first.first else { return nil }
            return first.dropFirst().reduce(numbers[minuend]) { $0 - numbers[$1] }
        }
        let top = first.reduce(Int64(0)) { $0 + numbers[$1] }
        let bottom = second.reduce(Int64(0)) { $0 + numbers[$1] }
        guard bottom > 0 else { return nil }
        return Fixed.mulDiv(top, percent ? 10_000 : 100, bottom)
    }

    func solve(_ numbers: inout [Int64], _ random: inout XorShiftRandom) {
        let goal = target.sample(&random)
        if isDifference {
            guard let minuend = first.first else { return }
            let others = first.dropFirst().filter { $0 != free }.reduce(Int64(0)) { $0 + numbers[$1] }
            let solved = numbers[minuend] - others - goal
            numbers[free] = max(0, solved - solved % freeStep)
            return
        }
        var bottom = second.reduce(Int64(0)) { $0 + numbers[$1] }
        if bottom <= 0, let column = second.first {
            numbers[column] = 100
            bottom = second.reduce(Int64(0)) { $0 + numbers[$1] }
        }
        let others = first.filter { $0 != free }.reduce(Int64(0)) { $0 + numbers[$1] }
        // Rounded up, so a target exactly at an `at_least` bound still reaches it.
        let needed = Fixed.mulDivUp(max(goal, 0), bottom, percent ? 10_000 : 100) ?? 0
        let solved = max(0, needed - others)
        numbers[free] = (solved + freeStep - 1) / freeStep * freeStep
    }
}

/// Reads a schedule into plans: for each measure, which facts to fill and what its conditions want.
private struct PlanBuilder {
    let schedule: Schedule
    let columns: [String: Int]

    init(schedule: Schedule) {
        self.schedule = schedule
        columns = Dictionary(schedule.catalog.inputs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func plan(_ measure: Measure) -> MeasurePlan {
        let cases = firstCases(measure.amount, visiting: [measure.id])
        var variants = (cases.map { Array(0..<$0) } ?? [])
            .compactMap { variant(measure, targetCase: $0) }
        if variants.isEmpty, let fallback = variant(measure, targetCase: nil, keepConflicts: true) { variants = [fallback] }
        let needsRound = schedule.countLimits.contains { $0.per == .round && $0.measures.contains(measure.id) }
        return MeasurePlan(measure: measure, variants: variants, isDiscretionary: measure.amount.isDiscretionary, needsRound: needsRound)
    }

    /// Every derived value that can be estimated from facts.
    func allDerived() -> [String: DerivedPlan] {
        var plans: [String: DerivedPlan] = [:]
        for derived in schedule.catalog.derived {
            plans[derived.id] = derivedPlan(derived, wishes: Wishes(catalog: schedule.catalog))
        }
        return plans
    }

    /// The cases of the first `cases` amount, where the claims are spread over the tiers.
    private func firstCases(_ rule: AmountRule, visiting: Set<String>) -> Int? {
        switch rule {
        case .cases(let cases): return cases.count
        case .minimum(let parts), .sum(let parts): return parts.lazy.compactMap { firstCases($0, visiting: visiting) }.first
        case .upTo(let inner): return firstCases(inner, visiting: visiting)
        case .range(let low, let high): return firstCases(low, visiting: visiting) ?? firstCases(high, visiting: visiting)
        case .percentOfMeasure(let id, _):
            guard !visiting.contains(id), let other = schedule.measure(id) else { return nil }
            return firstCases(other.amount, visiting: visiting.union([id]))
        default: return nil
        }
    }

    private func variant(_ measure: Measure, targetCase: Int?, keepConflicts: Bool = false) -> ClaimVariant? {
        var wishes = Wishes(catalog: schedule.catalog)
        for condition in measure.eligible { wishes.want(condition.when, holds: true) }
        for exclusion in schedule.exclusions { wishes.want(exclusion.when, holds: false) }
        var limits = measure.ceiling.flatMap { Fixed.hundredths($0.amount) }.map { [$0] } ?? []
        limits += schedule.yearlyCaps.filter { $0.measures.contains(measure.id) }.compactMap { Fixed.hundredths($0.amount) }
        var target = targetCase
        wishes.gather(measure.amount, limits: limits, targetCase: &target, schedule: schedule, visiting: [measure.id])

        var ids = measure.eligible.flatMap(\.when.inputs) + schedule.exclusions.flatMap(\.when.inputs)
        ids += amountInputs(measure.amount, visiting: [measure.id])
        var base: Set<String> = []
        var derivedUsed: Set<String> = []
        expand(ids, base: &base, derived: &derivedUsed)

        var facts: [FactPlan] = []
        for (column, input) in schedule.catalog.inputs.enumerated() where base.contains(input.id) {
            let choices = (input.choices ?? []).filter(Self.isPlainCell)
            let avoided = wishes.avoided[input.id] ?? []
            let allowed = (wishes.allowed[input.id].map { choices.filter($0.contains) } ?? choices).filter { !avoided.contains($0) }
            if input.type == .choice, allowed.isEmpty, !keepConflicts { return nil }
            var number = wishes.numbers[input.id] ?? NumberPlan()
            number.kind = input.type
            number.step = input.type == .count ? 100 : 1
            number.floor = max(0, input.minimum.flatMap(Fixed.hundredths) ?? 0)
            number.ceiling = input.type == .percent ? min(10_000, input.maximum.flatMap(Fixed.hundredths) ?? 10_000) : input.maximum.flatMap(Fixed.hundredths)
            number.scale = Self.scale(of: input)
            if (input.unit ?? "").contains("/") {
                // A rate (元/美元) stays near its usual value.
                number.spreadLow = 90
                number.spreadHigh = 110
            }
            facts.append(
                FactPlan(
                    column: column, type: input.type, wanted: wishes.flags[input.id], allowed: allowed.isEmpty ? choices : allowed,
                    choices: choices, number: number, mayBeBlank: input.ifMissing != nil))
        }
        let derived = schedule.catalog.derived.filter { derivedUsed.contains($0.id) }.compactMap { derivedPlan($0, wishes: wishes) }
        // Denominators must not be zero, or the ratio is undefined rather than tested.
        for plan in derived where !plan.isDifference {
            for index in facts.indices where plan.second.contains(facts[index].column) {
                facts[index].number.floor = max(facts[index].number.floor, facts[index].number.step)
            }
        }
        let tested = facts.filter { fact in
            fact.wanted != nil || (fact.type == .choice && fact.allowed.count < fact.choices.count)
        }.count
        return ClaimVariant(facts: facts, derived: derived, missPerMille: max(5, 150 / max(tested, 1)), targetCase: targetCase)
    }

    private func derivedPlan(_ derived: DerivedInput, wishes: Wishes) -> DerivedPlan? {
        let first = derived.numerator.compactMap { columns[$0] }
        let second = derived.denominator.compactMap { columns[$0] }
        guard first.count == derived.numerator.count, second.count == derived.denominator.count,
            first.count >= (derived.isDifference ? 2 : 1)
        else { return nil }
        let free = derived.isDifference ? first[1] : first[0]
        var target = wishes.numbers[derived.id] ?? NumberPlan()
        let isMoney = schedule.catalog.inputs[first[0]].type == .money
        target.allowsNegative = derived.isDifference
        target.kind = derived.isDifference ? schedule.catalog.inputs[free].type : .number
        target.floor = 0
        target.scale = derived.isDifference ? (isMoney ? 100_000_000 : 10_000) : (derived.percent ? 5_000 : 100)
        let step: Int64 = schedule.catalog.inputs[free].type == .count ? 100 : 1
        return DerivedPlan(
            isDifference: derived.isDifference, percent: derived.percent, first: first, second: second, free: free, freeStep: step,
            target: target)
    }

    /// Every fact the amount reads, including the amount of a measure it takes a percentage of.
    private func amountInputs(_ rule: AmountRule, visiting: Set<String>) -> [String] {
        switch rule {
        case .percentOfMeasure(let id, _):
            guard !visiting.contains(id), let other = schedule.measure(id) else { return [] }
            return amountInputs(other.amount, visiting: visiting.union([id]))
        case .cases(let cases):
            return cases.flatMap { ($0.when?.inputs ?? []) + amountInputs($0.amount, visiting: visiting) }
        case .minimum(let parts), .sum(let parts):
            return parts.flatMap { amountInputs($0, visiting: visiting) }
        case .upTo(let inner):
            return amountInputs(inner, visiting: visiting)
        case .range(let low, let high):
            return amountInputs(low, visiting: visiting) + amountInputs(high, visiting: visiting)
        default:
            return rule.inputs
        }
    }

    /// Splits ids into facts and derived values, following derived values down to their facts.
    private func expand(_ ids: [String], base: inout Set<String>, derived: inout Set<String>) {
        for id in ids {
            if columns[id] != nil {
                base.insert(id)
            } else if let value = schedule.catalog.derivedValue(id), derived.insert(id).inserted {
                expand(value.inputs, base: &base, derived: &derived)
            }
        }
    }

    /// The size of a typical value when the schedule gives no bound, in hundredths.
    private static func scale(of input: InputDefinition) -> Int64 {
        switch input.type {
        case .money: 50_000_000  // 50万元
        case .count: 1_000  // 10
        case .percent: 5_000  // 50%
        // A rate such as 元/美元 is a small number; areas and lengths are larger.
        default: (input.unit ?? "").contains("/") ? 700 : 10_000
        }
    }

    /// Text that can stand in a CSV cell without quotes.
    static func isPlainCell(_ text: String) -> Bool {
        !text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
    }
}

/// What the conditions of one kind of claim ask of each fact.
private struct Wishes {
    let catalog: InputCatalog
    var flags: [String: Bool] = [:]
    var allowed: [String: Set<String>] = [:]
    var avoided: [String: Set<String>] = [:]
    var numbers: [String: NumberPlan] = [:]

    init(catalog: InputCatalog) { self.catalog = catalog }

    /// Records what makes `condition` hold (or fail, for exclusions).
    mutating func want(_ condition: Condition, holds: Bool) {
        switch condition {
        case .equals(let id, let value):
            let type = catalog.input(id)?.type
            if type == .boolean {
                flags[id] = (value == "true") == holds
            } else if type == .choice {
                if holds {
                    allowed[id] = (allowed[id] ?? Set(catalog.input(id)?.choices ?? [])).intersection([value])
                } else {
                    avoided[id, default: []].insert(value)
                }
            } else if let number = Rational(decimalText: value).flatMap(Fixed.hundredths) {
                numbers[id, default: NumberPlan()].add(threshold: number)
                if holds {
                    numbers[id]?.lower = number
                    numbers[id]?.upper = number
                }
            }
        case .within(let id, let interval):
            note(interval, for: id)
            if holds { numbers[id, default: NumberPlan()].narrow(to: interval) }
        case .all(let parts):
            if holds {
                for part in parts { want(part, holds: true) }
            } else {
                // Enough that one fails: the last (as in "a unit, and not in good standing").
                for part in parts.dropLast() { noteThresholds(part) }
                if let last = parts.last { want(last, holds: false) }
            }
        case .any(let parts):
            if holds {
                if let first = parts.first { want(first, holds: true) }
                for part in parts.dropFirst() { noteThresholds(part) }
            } else {
                for part in parts { want(part, holds: false) }
            }
        case .not(let inner):
            want(inner, holds: !holds)
        }
    }

    mutating func noteThresholds(_ condition: Condition) {
        switch condition {
        case .equals(let id, let value):
            if catalog.input(id)?.type != .boolean, catalog.input(id)?.type != .choice,
                let number = Rational(decimalText: value).flatMap(Fixed.hundredths)
            {
                numbers[id, default: NumberPlan()].add(threshold: number)
            }
        case .within(let id, let interval): note(interval, for: id)
        case .all(let parts), .any(let parts): parts.forEach { noteThresholds($0) }
        case .not(let inner): noteThresholds(inner)
        }
    }

    private mutating func note(_ interval: Interval, for id: String) {
        for bound in [interval.lower, interval.upper].compactMap({ $0 }) {
            for value in bound.value.allValues.compactMap(Fixed.hundredths) {
                numbers[id, default: NumberPlan()].add(threshold: value)
            }
        }
    }

    /// Thresholds from the amount: bracket bounds, and the base at which a percentage reaches a
    /// ceiling, a cap or the fixed sum beside it in a `min_of` (50% of 投入 reaches 50万 at 100万).
    /// Aims at the conditions of one case of the first `cases`.
    mutating func gather(_ rule: AmountRule, limits: [Int64], targetCase: inout Int?, schedule: Schedule, visiting: Set<String>) {
        switch rule {
        case .fixed, .undefined:
            break
        case .percent(let of, let rate):
            for limit in limits {
                if let base = Fixed.scaled(limit, by: Rational.hundred, over: 1).flatMap({ Fixed.divided($0, by: rate) }) {
                    numbers[of, default: NumberPlan()].add(threshold: base)
                }
            }
        case .perUnit(let of, let amount):
            for limit in limits {
                if let each = Fixed.hundredths(amount), each > 0, let base = Fixed.mulDiv(limit, 100, each) {
                    numbers[of, default: NumberPlan()].add(threshold: base)
                }
            }
        case .matching(let of, let ratio):
            for limit in limits {
                if let base = Fixed.divided(limit, by: ratio) { numbers[of, default: NumberPlan()].add(threshold: base) }
            }
        case .brackets(let of, let brackets):
            for bracket in brackets { note(bracket.interval, for: of) }
        case .cases(let cases):
            let aim = targetCase
            targetCase = nil
            for (index, item) in cases.enumerated() {
                if let when = item.when {
                    if index == aim { want(when, holds: true) } else { noteThresholds(when) }
                }
                var none: Int? = nil
                gather(item.amount, limits: limits, targetCase: &none, schedule: schedule, visiting: visiting)
            }
        case .percentOfMeasure(let id, let rate):
            guard !visiting.contains(id), let other = schedule.measure(id) else { return }
            var scaled = limits.compactMap { Fixed.scaled($0, by: Rational.hundred, over: 1).flatMap { Fixed.divided($0, by: rate) } }
            if let ceiling = other.ceiling.flatMap({ Fixed.hundredths($0.amount) }) { scaled.append(ceiling) }
            gather(other.amount, limits: scaled, targetCase: &targetCase, schedule: schedule, visiting: visiting.union([id]))
        case .minimum(let parts):
            let fixed = parts.compactMap { part -> Int64? in
                if case .fixed(let amount) = part { return Fixed.hundredths(amount) }
                return nil
            }
            for part in parts { gather(part, limits: limits + fixed, targetCase: &targetCase, schedule: schedule, visiting: visiting) }
        case .sum(let parts):
            for part in parts { gather(part, limits: limits, targetCase: &targetCase, schedule: schedule, visiting: visiting) }
        case .upTo(let inner):
            gather(inner, limits: limits, targetCase: &targetCase, schedule: schedule, visiting: visiting)
        case .range(let low, let high):
            gather(low, limits: limits, targetCase: &targetCase, schedule: schedule, visiting: visiting)
            gather(high, limits: limits, targetCase: &targetCase, schedule: schedule, visiting: visiting)
        }
    }
}

// MARK: - Rows

/// The planted errors, each a different way a row cannot be read.
private enum Defect: CaseIterable {
    /// 2022-02-30, 2022-04-31, 2022-12-32: a date that does not exist, in the row's own month.
    case impossibleDate
    /// `12万元x` as the claimed amount.
    case unreadableAmount
    /// A measure the schedule does not have.
    case unknownMeasure
    /// An empty applicant cell.
    case missingApplicant
}

/// The dates claims are spread over, as day numbers (days since 1970-01-01).
private struct DateSpread: Sendable {
    var from: Int
    var to: Int
    /// Whether the schedule states a start, so claims just before it are out of force.
    var hasStart: Bool
    var hasEnd: Bool
    var firstYear: Int

    /// The schedule's validity window; 2022-01-01 to 2024-12-31 where it is not stated.
    init(window: DateWindow?) {
        let start = window?.from.map { CivilDays.day($0.year, $0.month, $0.day) }
        let end = window?.to.map { CivilDays.day($0.year, $0.month, $0.day) }
        switch (start, end) {
        case (let start?, let end?): (from, to) = (start, max(start, end))
        case (let start?, nil): (from, to) = (start, start + 3 * 365)
        case (nil, let end?): (from, to) = (end - 3 * 365, end)
        case (nil, nil): (from, to) = (CivilDays.day(2022, 1, 1), CivilDays.day(2024, 12, 31))
        }
        hasStart = start != nil
        hasEnd = end != nil
        firstYear = CivilDays.date(from).year
    }

    /// The round (届) of a claim on `day`: a new one every three years from the window's start.
    func round(ofDay day: Int) -> Int { max(1, 1 + (CivilDays.date(day).year - firstYear) / 3) }
}

/// Converting between calendar dates and day numbers (Howard Hinnant's days-from-civil).
private enum CivilDays {
    static func day(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func date(_ number: Int) -> (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `2022-03-01`.
    static func text(_ year: Int, _ month: Int, _ day: Int) -> String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}

/// Company names built from the applicant's number: 上海 + district + trade name + trade + company form.
private enum ApplicantNames {
    static let districts = ["长宁", "虹桥", "天山", "新华", "华阳", "江苏路", "北新泾", "程家桥", "周家桥", "仙霞", "古北", "中山公园", "临空", "愚园", "武夷", "延安"]
    static let firsts = ["华", "鼎", "远", "申", "恒", "嘉", "瑞", "德", "宏", "锦", "佳", "同", "明", "安", "博", "润"]
    static let seconds = ["信", "盛", "航", "通", "泰", "禾", "丰", "康", "达", "程", "和", "创", "志", "诚", "雅", "泽"]
    static let trades = ["商贸", "科技", "餐饮", "文化", "供应链", "实业", "信息", "医药", "贸易", "物流", "咨询", "电子商务", "品牌管理", "网络科技", "国际贸易", "检测"]
    static let forms = ["有限公司", "有限责任公司", "股份有限公司", "集团有限公司"]
    static let combinations = 1 << 18

    /// A different name for every index; beyond 262,144 the same names with a branch number.
    static func name(_ index: Int) -> String {
        // An odd multiplier permutes 0..<2^18, so neighbouring indexes do not share a district or trade.
        let mixed = (index % combinations) * 2_654_435_761 % combinations
        let base = "上海" + districts[mixed % 16] + firsts[mixed / 16 % 16] + seconds[mixed / 256 % 16]
            + trades[mixed / 4096 % 16] + forms[mixed / 65_536 % 4]
        return index < combinations ? base : base + "第\(index / combinations + 1)分公司"
    }
}

/// Small deterministic pseudo-random numbers (xorshift64*), seeded through splitmix64 so that
/// neighbouring seeds give unrelated streams. Not for anything but test data.
private struct XorShiftRandom {
    private var state: UInt64

    init(seed: UInt64) {
        var z = seed &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        state = z == 0 ? 0x2545_F491_4F6C_DD1D : z
    }

    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 2_685_821_657_736_338_717
    }

    /// A number in 0..<bound (0 when bound ≤ 1).
    mutating func below(_ bound: Int) -> Int {
        bound <= 1 ? 0 : Int((next() >> 11) % UInt64(bound))
    }

    /// True `perMille` times in a thousand.
    mutating func chance(_ perMille: Int) -> Bool { below(1000) < perMille }

    /// A number in low...high (low when high < low).
    mutating func between(_ low: Int64, _ high: Int64) -> Int64 {
        guard high > low else { return low }
        return low + Int64((next() >> 11) % UInt64(high - low + 1))
    }
}

/// Whole-number arithmetic on hundredths (fen for money), without overflow traps.
private enum Fixed {
    /// `value` × 100, rounded down; `nil` if it does not fit.
    static func hundredths(_ value: Rational) -> Int64? {
        guard value.denominator > 0 else { return nil }
        return mulDiv(value.numerator, 100, value.denominator)
    }

    static func mulDiv(_ a: Int64, _ b: Int64, _ c: Int64) -> Int64? {
        guard c != 0 else { return nil }
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : product / c
    }

    static func mulDivUp(_ a: Int64, _ b: Int64, _ c: Int64) -> Int64? {
        guard c > 0 else { return nil }
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow else { return nil }
        return product >= 0 ? (product + c - 1) / c : product / c
    }

    /// `value` × `factor` / `over`.
    static func scaled(_ value: Int64, by factor: Rational, over: Int64) -> Int64? {
        mulDiv(value, factor.numerator, factor.denominator).flatMap { over == 0 ? nil : $0 / over }
    }

    /// `value` / `divisor`.
    static func divided(_ value: Int64, by divisor: Rational) -> Int64? {
        guard divisor.numerator > 0 else { return nil }
        return mulDiv(value, divisor.denominator, divisor.numerator)
    }

    /// `percent`% of `value`, without overflowing on large values.
    static func percent(_ value: Int64, _ percent: Int64) -> Int64 {
        value / 100 * percent + value % 100 * percent / 100
    }

    /// `1234567.89`, or `120万` / `120.5万` when asked and the amount is a whole number of hundreds.
    static func money(_ amount: Int64, asWan: Bool) -> String {
        let fen = max(amount, 0)
        if asWan, fen >= 10_000, fen % 10_000 == 0 { return decimal(fen / 10_000) + "万" }
        let cents = fen % 100
        return "\(fen / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// `2000`, `1999.99`, `6.5` from hundredths.
    static func decimal(_ value: Int64) -> String {
        let sign = value < 0 ? "-" : ""
        let magnitude = value < 0 ? -value : value
        let whole = magnitude / 100
        let cents = magnitude % 100
        if cents == 0 { return sign + String(whole) }
        if cents % 10 == 0 { return sign + "\(whole).\(cents / 10)" }
        return sign + "\(whole).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// Whether `value` (hundredths) lies in `interval`, taking the first value of a regional bound.
    static func contains(_ interval: Interval, _ value: Int64) -> Bool {
        if let lower = interval.lower, let bound = lower.value.allValues.first.flatMap(hundredths) {
            if lower.inclusive ? value < bound : value <= bound { return false }
        }
        if let upper = interval.upper, let bound = upper.value.allValues.first.flatMap(hundredths) {
            if upper.inclusive ? value > bound : value >= bound { return false }
        }
        return true
    }
}
