import Scoring

// Deterministic generators for the property tests (PropertyTests.swift): a seeded PRNG of our own
// (no package dependency), random scorecard rubrics written as YAML text, and self-assessments for them.
//
// Every generated case is a pure function of one 64-bit seed, so a failure message that prints the
// seed reproduces the case exactly (see `PropertyCase`).

/// SplitMix64 (Steele, Lea & Flood 2014): tiny, fast, and good enough to walk a test space.
struct SplitMix64 {
    private(set) var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range` (tiny modulo bias is irrelevant here).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    mutating func bool() -> Bool { next() & 1 == 1 }

    /// True `percent` times in a hundred.
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }

    /// Fisher–Yates.
    mutating func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for index in stride(from: values.count - 1, to: 0, by: -1) {
            values.swapAt(index, int(0...index))
        }
    }

    /// A seed for case `index` of a property, derived from the property's base seed, so each case
    /// can be rerun alone.
    static func caseSeed(base: UInt64, index: Int) -> UInt64 {
        var mixer = SplitMix64(seed: base ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        return mixer.next()
    }
}

// MARK: - A tiny YAML writer

/// A YAML tree written in block style; enough for rubrics and self-assessments.
indirect enum YAMLNode {
    case map([(String, YAMLNode)])
    case list([YAMLNode])
    /// Written as is: numbers, `true`/`false`, plain identifiers.
    case plain(String)
    /// Written double-quoted.
    case text(String)

    static func number(_ value: Rational) -> YAMLNode { .plain(value.exactDecimalText ?? "\(value)") }

    func yaml() -> String { lines(indent: 0).joined(separator: "\n") + "\n" }

    private var isScalar: Bool {
        switch self {
        case .plain, .text: true
        case .map(let pairs): pairs.isEmpty
        case .list(let items): items.isEmpty
        }
    }

    private var scalarText: String {
        switch self {
        case .plain(let text): text
        case .text(let text): "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .map: "{}"
        case .list: "[]"
        }
    }

    private func lines(indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        switch self {
        case .plain, .text: return [pad + scalarText]
        case .map(let pairs):
            if pairs.isEmpty { return [pad + "{}"] }
            var out: [String] = []
            for (key, value) in pairs {
                if value.isScalar {
                    out.append("\(pad)\(key): \(value.scalarText)")
                } else {
                    out.append("\(pad)\(key):")
                    out += value.lines(indent: indent + 2)
                }
            }
            return out
        case .list(let items):
            if items.isEmpty { return [pad + "[]"] }
            var out: [String] = []
            for item in items {
                if item.isScalar {
                    out.append("\(pad)- \(item.scalarText)")
                } else {
                    var inner = item.lines(indent: indent + 2)
                    inner[0] = pad + "- " + inner[0].dropFirst(indent + 2)
                    out += inner
                }
            }
            return out
        }
    }
}

// MARK: - Generated scorecards

/// One input of a generated rubric, with what the generator knows about it.
struct GeneratedInput {
    enum Kind {
        case boolean
        /// A count, optionally with a declared maximum.
        case count(maximum: Int?)
        /// A percentage, 0…100, in halves.
        case percent
        /// A decimal within inclusive bounds, in halves.
        case number(minimum: Int, maximum: Int)
        case choice([String])
        /// Discretionary points, in halves, within [minimum, maximum] (maximum `nil`: up to minimum + 10).
        case points(minimum: Rational, maximum: Rational?)
    }

    var id: String
    var kind: Kind
    /// +1: a larger value (or `true`) is more favourable; −1: a smaller value (or `false`) is;
    /// 0: the rubric does not order the values (choices, conditions) or the input is not varied.
    var direction: Int
    /// For numerators of a ratio: the ratio's denominator inputs (the sum of the numerators may not exceed theirs).
    var boundedBy: [String] = []
    /// For denominators of a ratio read by a rule without `if_undefined`: their sum must stay at least 1.
    var denominatorGroup: [String] = []
}

/// A generated scorecard: the YAML text and the facts the generator used to write it.
struct GeneratedScorecard {
    var yaml: String
    var inputs: [GeneratedInput]
    /// Items that may be declared missing (缺项).
    var missable: [String]
    /// The base total plus the bonus sections' points: no total can exceed it.
    var totalMaximum: Rational
}

/// The most points something can give: `nil` when only a cap bounds it.
typealias MaxPoints = Rational?

/// Writes random but valid scorecards using every rule kind (`yes_no`, `choice`, `discretionary`,
/// `tiers`, `per_step`, `deduction`, `shortfall`, `conditions`, `sum`), with rule caps,
/// `not_applicable`, `if_undefined`, derived ratios, item caps over all or some rules, gates over all or
/// some rules, bonus sections and missing items. Points are whole or halves; steps of 3 make
/// thirds, so results that are not finite decimals are exercised too.
struct ScorecardGenerator {
    var random: SplitMix64
    private var inputs: [GeneratedInput] = []
    private var derived: [YAMLNode] = []
    private var constraints: [YAMLNode] = []
    private var counter = 0

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    private mutating func fresh(_ prefix: String) -> String {
        counter += 1
        return "\(prefix)\(counter)"
    }

    private mutating func cite() -> YAMLNode {
        .map([("clause", .text("第\(random.int(1...20))条")), ("text", .text("评分标准原文\(random.int(1...999))"))])
    }

    /// Whole points or halves, 0…`most`.
    private mutating func points(_ most: Int = 6) -> Rational {
        (try? Rational(numerator: Int64(random.int(0...(most * 2))), denominator: 2)) ?? .zero
    }

    private static func half(_ halves: Int) -> Rational { (try? Rational(numerator: Int64(halves), denominator: 2)) ?? .zero }

    private mutating func addInput(_ id: String, label: String, kind: GeneratedInput.Kind, direction: Int) -> YAMLNode {
        inputs.append(GeneratedInput(id: id, kind: kind, direction: direction))
        var pairs: [(String, YAMLNode)] = [("id", .plain(id)), ("label", .text(label))]
        switch kind {
        case .boolean: pairs.append(("type", .plain("boolean")))
        case .count(let maximum):
            pairs.append(("type", .plain("count")))
            pairs.append(("unit", .text("件")))
            if let maximum { pairs.append(("maximum", .plain("\(maximum)"))) }
        case .percent:
            pairs.append(("type", .plain("percent")))
            pairs.append(("unit", .text("%")))
        case .number(let minimum, let maximum):
            pairs += [("type", .plain("number")), ("minimum", .plain("\(minimum)")), ("maximum", .plain("\(maximum)"))]
        case .choice(let choices):
            pairs.append(("type", .plain("choice")))
            pairs.append(("choices", .list(choices.map { .text($0) })))
        case .points:
            pairs.append(("type", .plain("points")))
        }
        return .map(pairs)
    }

    private var inputNodes: [YAMLNode] = []

    private mutating func newInput(_ prefix: String, _ kind: GeneratedInput.Kind, direction: Int) -> String {
        let id = fresh(prefix)
        inputNodes.append(addInput(id, label: "输入\(id)", kind: kind, direction: direction))
        return id
    }

    /// A numeric input (or a derived ratio) for a tiers or shortfall rule, its values' range, and
    /// whether it is a derived ratio.
    private mutating func numericSource(direction: Int) -> (id: String, low: Rational, high: Rational, isRatio: Bool, integral: Bool) {
        switch random.int(0...3) {
        case 0:
            let maximum: Int? = random.chance(50) ? random.int(5...30) : nil
            let id = newInput("c", .count(maximum: maximum), direction: direction)
            return (id, .zero, Rational(maximum ?? 30), false, true)
        case 1:
            let id = newInput("p", .percent, direction: direction)
            return (id, .zero, .hundred, false, false)
        case 2:
            let low = random.int(-5...5)
            let high = low + random.int(5...40)
            let id = newInput("n", .number(minimum: low, maximum: high), direction: direction)
            return (id, Rational(low), Rational(high), false, false)
        default:
            let id = fresh("rate")
            let top = (0..<random.int(1...2)).map { _ in newInput("num", .count(maximum: nil), direction: direction) }
            let bottom = (0..<random.int(1...2)).map { _ in newInput("den", .count(maximum: nil), direction: 0) }
            for name in top {
                if let index = inputs.firstIndex(where: { $0.id == name }) { inputs[index].boundedBy = bottom }
            }
            derived.append(.map([
                ("id", .plain(id)), ("label", .text("比率\(id)")),
                ("numerator", .list(top.map { .plain($0) })), ("denominator", .list(bottom.map { .plain($0) })),
                ("percent", .plain("true")), ("cite", cite()),
            ]))
            constraints.append(.map([
                ("id", .plain("within-\(id)")), ("sum", .list(top.map { .plain($0) })),
                ("at_most_sum_of", .list(bottom.map { .plain($0) })), ("message", .text("分子不能大于分母")),
            ]))
            return (id, .zero, .hundred, true, false)
        }
    }

    /// Marks a ratio's denominators as needing a non-zero sum (the rule reading it has no `if_undefined`).
    private mutating func requireDefined(_ ratio: String) {
        guard let node = derivedNode(ratio), case .map(let pairs) = node,
            let bottom = pairs.first(where: { $0.0 == "denominator" })?.1, case .list(let names) = bottom
        else { return }
        let ids = names.compactMap { node -> String? in if case .plain(let id) = node { return id } else { return nil } }
        for id in ids {
            if let index = inputs.firstIndex(where: { $0.id == id }) { inputs[index].denominatorGroup = ids }
        }
    }

    private func derivedNode(_ id: String) -> YAMLNode? {
        derived.first { node in
            if case .map(let pairs) = node, case .plain(let name)? = pairs.first?.1 { return name == id }
            return false
        }
    }

    /// A fixed or (sometimes) discretionary outcome.
    private mutating func outcome(_ extra: [(String, YAMLNode)] = [], allowDiscretionary: Bool = true) -> (YAMLNode, MaxPoints) {
        if allowDiscretionary, random.chance(20) {
            let minimum = points(2)
            let maximum: Rational? = random.chance(80) ? ((try? minimum + points(6)) ?? minimum) : nil
            let id = newInput("pts", .points(minimum: minimum, maximum: maximum), direction: 0)
            var range: [(String, YAMLNode)] = [("input", .plain(id)), ("min", .number(minimum))]
            if let maximum { range.append(("max", .number(maximum))) }
            return (.map(extra + [("discretionary", .map(range))]), maximum)
        }
        let value = points()
        return (.map(extra + [("points", .number(value))]), value)
    }

    /// A condition over fresh inputs (not ordered: their direction is 0).
    private mutating func condition(depth: Int = 0) -> YAMLNode {
        switch depth < 2 ? random.int(0...5) : random.int(0...2) {
        case 0:
            return .map([("input", .plain(newInput("b", .boolean, direction: 0))), ("is", .plain(random.bool() ? "true" : "false"))])
        case 1:
            let id = newInput("c", .count(maximum: nil), direction: 0)
            return .map([("input", .plain(id)), (random.pick(["at_least", "more_than", "at_most", "less_than"]), .plain("\(random.int(0...10))"))])
        case 2:
            let choices = ["甲", "乙", "丙"]
            let id = newInput("ch", .choice(choices), direction: 0)
            return .map([("input", .plain(id)), ("equals", .text(random.pick(choices)))])
        case 3:
            return .map([("all", .list((0..<random.int(1...3)).map { _ in condition(depth: depth + 1) }))])
        case 4:
            return .map([("any", .list((0..<random.int(1...3)).map { _ in condition(depth: depth + 1) }))])
        default:
            return .map([("not", condition(depth: depth + 1))])
        }
    }

    private static func maxOf(_ values: [MaxPoints]) -> MaxPoints {
        var most = Rational.zero
        for value in values {
            guard let value else { return nil }
            most = max(most, value)
        }
        return most
    }

    private static func sumOf(_ values: [MaxPoints]) -> MaxPoints {
        var total = Rational.zero
        for value in values {
            guard let value, let next = try? total + value else { return nil }
            total = next
        }
        return total
    }

    /// One rule: its YAML and the most it can give.
    private mutating func rule(_ id: String, inSum: Bool = false) -> (YAMLNode, MaxPoints) {
        var pairs: [(String, YAMLNode)] = [("id", .plain(id))]
        if !inSum || random.chance(50) { pairs.append(("cite", cite())) }
        var most: MaxPoints
        var readsRatio: String?
        switch random.int(0...(inSum ? 7 : 8)) {
        case 0:
            let yes = points()
            let no = random.chance(70) ? Rational.zero : points()
            let input = newInput("b", .boolean, direction: yes > no ? 1 : (yes < no ? -1 : 0))
            pairs += [("kind", .plain("yes_no")), ("input", .plain(input)), ("if_yes", .number(yes)), ("if_no", .number(no))]
            most = max(yes, no)
        case 1:
            let choices = (0..<random.int(2...4)).map { "选项\($0)" }
            let input = newInput("ch", .choice(choices), direction: 0)
            var outcomes: [YAMLNode] = []
            var maxima: [MaxPoints] = []
            for choice in choices {
                let (node, value) = outcome([("value", .text(choice))])
                outcomes.append(node)
                maxima.append(value)
            }
            pairs += [("kind", .plain("choice")), ("input", .plain(input)), ("outcomes", .list(outcomes))]
            most = Self.maxOf(maxima)
        case 2:
            let minimum = points(2)
            let maximum: Rational? = random.chance(75) ? ((try? minimum + points(8)) ?? minimum) : nil
            let input = newInput("pts", .points(minimum: minimum, maximum: maximum), direction: 1)
            var range: [(String, YAMLNode)] = [("input", .plain(input)), ("min", .number(minimum))]
            if let maximum { range.append(("max", .number(maximum))) }
            pairs += [("kind", .plain("discretionary")), ("discretionary", .map(range))]
            most = maximum
        case 3:
            (pairs, most, readsRatio) = tiers(pairs)
        case 4:
            var terms: [YAMLNode] = []
            var maxima: [MaxPoints] = []
            for _ in 0..<random.int(1...2) {
                let integral = random.chance(70)
                let every = random.pick(integral ? ["1", "2", "3", "5"] : ["0.5", "1", "2.5", "3"])
                let step = Rational(decimalText: every) ?? .one
                let each = points(3)
                let input: String
                var limit: Rational?
                if integral {
                    let maximum: Int? = random.chance(70) ? random.int(3...25) : nil
                    input = newInput("c", .count(maximum: maximum), direction: 1)
                    limit = maximum.map { Rational($0) }
                } else {
                    let high = random.int(3...20)
                    input = newInput("n", .number(minimum: 0, maximum: high), direction: 1)
                    limit = Rational(high)
                }
                terms.append(.map([("input", .plain(input)), ("every", .plain(every)), ("points", .number(each))]))
                if let limit, let steps = try? (limit / step).ceiling, let value = try? steps * each {
                    maxima.append(value)
                } else {
                    maxima.append(nil)
                }
            }
            pairs += [("kind", .plain("per_step")), ("steps", .list(terms)), ("partial_step", .plain(random.pick(["floor", "ceiling", "proportional"])))]
            most = Self.sumOf(maxima)
        case 5:
            let base = points(10)
            let per = (try? points(3) + Self.half(1)) ?? .one
            let input = newInput("c", .count(maximum: random.chance(30) ? random.int(3...20) : nil), direction: -1)
            pairs += [("kind", .plain("deduction")), ("input", .plain(input)), ("base", .number(base)), ("per_occurrence", .number(per))]
            most = base
        case 6:
            let atLeast = random.bool()
            let source = numericSource(direction: atLeast ? 1 : -1)
            if source.isRatio { readsRatio = source.id }
            let full = points(10)
            let span = Int(source.high.numerator / source.high.denominator) - Int(source.low.numerator / source.low.denominator)
            let threshold = source.low.isNegative ? Rational(random.int(-5...max(-4, span / 2))) : Rational(random.int(0...max(1, span)))
            pairs += [
                ("kind", .plain("shortfall")), ("input", .plain(source.id)), ("full_points", .number(full)),
                ("threshold", .map([(atLeast ? "at_least" : "at_most", .number(threshold))])),
                ("every", .plain(random.pick(["1", "2", "3", "0.5", "5"]))), ("deduct", .number((try? points(2) + Self.half(1)) ?? .one)),
                ("partial_step", .plain(random.pick(["floor", "ceiling", "proportional"]))),
            ]
            most = full
        case 7:
            var cases: [YAMLNode] = []
            var maxima: [MaxPoints] = []
            for _ in 0..<random.int(1...3) {
                let (node, value) = outcome([("when", condition())])
                cases.append(node)
                maxima.append(value)
            }
            let (otherwise, value) = outcome()
            maxima.append(value)
            pairs += [("kind", .plain("conditions")), ("cases", .list(cases)), ("otherwise", otherwise)]
            most = Self.maxOf(maxima)
        default:
            var parts: [YAMLNode] = []
            var maxima: [MaxPoints] = []
            for index in 0..<random.int(2...3) {
                let (node, value) = rule("\(id).\(index + 1)", inSum: true)
                parts.append(node)
                maxima.append(value)
            }
            if !pairs.contains(where: { $0.0 == "cite" }) { pairs.append(("cite", cite())) }
            pairs += [("kind", .plain("sum")), ("parts", .list(parts))]
            most = Self.sumOf(maxima)
        }
        if let ratio = readsRatio {
            if random.chance(50) {
                let value = points()
                pairs.append(("if_undefined", .map([("points", .number(value))])))
                most = most.map { max($0, value) }
            } else {
                requireDefined(ratio)
            }
        }
        if random.chance(10) {
            let (node, value) = outcome([("when", .map([("input", .plain(newInput("b", .boolean, direction: 0))), ("is", .plain("true"))]))])
            pairs.append(("not_applicable", node))
            most = Self.maxOf([most, value])
        }
        if random.chance(most == nil ? 40 : 12) {
            let cap = points(8)
            pairs.append(("cap", .number(cap)))
            most = most.map { min($0, cap) } ?? cap
        }
        return (.map(pairs), most)
    }

    /// Contiguous tiers over a count, percentage, number or ratio. When the rule is ordered
    /// (direction ±1), points never fall as the value moves the favourable way, and there are no gaps.
    private mutating func tiers(_ start: [(String, YAMLNode)]) -> ([(String, YAMLNode)], MaxPoints, String?) {
        var pairs = start
        let direction = random.pick([1, 1, -1, 0])
        let source = numericSource(direction: direction)
        let lowInt = Int(source.low.numerator)
        let highInt = Int((source.high.numerator + source.high.denominator - 1) / source.high.denominator)
        let count = random.int(1...5)
        // Boundaries b0 < b1 < … inside the input's range.
        var bounds: Set<Int> = []
        let firstAtLow = direction == -1 || random.chance(40)
        if firstAtLow { bounds.insert(lowInt) }
        while bounds.count < count { bounds.insert(random.int(lowInt...max(lowInt + 1, highInt))) }
        let sorted = bounds.sorted()
        let closedLow = random.bool()  // [lo, hi) vs (lo, hi]
        var tierPoints = (0..<sorted.count).map { _ in points(8) }
        switch direction {
        case 1: tierPoints.sort()
        case -1: tierPoints.sort(by: >)
        default: break
        }
        var tiers: [YAMLNode] = []
        for (index, bound) in sorted.enumerated() {
            var tier: [(String, YAMLNode)] = []
            if index == 0, firstAtLow, direction == -1 || closedLow {
                tier.append(("at_least", .plain("\(bound)")))
            } else {
                tier.append((closedLow ? "at_least" : "more_than", .plain("\(bound)")))
            }
            if index + 1 < sorted.count {
                tier.append((closedLow ? "less_than" : "at_most", .plain("\(sorted[index + 1])")))
            }
            // Unordered rules sometimes leave a gap (a tier that stops early).
            if direction == 0, index + 1 < sorted.count, random.chance(20), sorted[index + 1] - bound > 1 {
                tier[tier.count - 1] = ("less_than", .plain("\(sorted[index + 1] - 1)"))
            }
            tier.append(("points", .number(tierPoints[index])))
            tiers.append(.map(tier))
        }
        var maxima: [MaxPoints] = tierPoints.map { $0 }
        pairs += [("kind", .plain("tiers")), ("input", .plain(source.id)), ("tiers", .list(tiers))]
        // What lies outside every tier: below b0 (or at b0 when the first tier excludes it).
        if random.chance(50) {
            let bottom = direction == 1 ? (tierPoints.first ?? .zero) : (direction == -1 ? .zero : Rational(8))
            let value = direction == -1 ? Rational.zero : (try? Rational(numerator: Int64(random.int(0...Int(bottom.numerator * 2 / bottom.denominator))), denominator: 2)) ?? .zero
            pairs.append(("otherwise", .map([("points", .number(value))])))
            maxima.append(value)
        } else {
            maxima.append(.zero)
        }
        return (pairs, Self.maxOf(maxima), source.isRatio ? source.id : nil)
    }

    /// An item: rules, caps, gates, and its 满分 at or above what the rules can give.
    private mutating func item(_ id: String, allowMissable: Bool, missable: inout [String]) -> (YAMLNode, Rational) {
        var rules: [YAMLNode] = []
        var ruleIDs: [String] = []
        var maxima: [MaxPoints] = []
        for index in 0..<random.int(1...4) {
            let ruleID = "\(id).\(index + 1)"
            let (node, most) = rule(ruleID)
            rules.append(node)
            ruleIDs.append(ruleID)
            maxima.append(most)
        }
        var pairs: [(String, YAMLNode)] = [("id", .plain(id)), ("title", .text("指标\(id)")), ("cite", cite())]
        var caps: [YAMLNode] = []
        // The item's most: unbounded rules must sit under a cap. Caps are disjoint or nested here.
        var itemMost = Rational.zero
        var capped: Set<Int> = []
        let unbounded = maxima.indices.filter { maxima[$0] == nil }
        if !unbounded.isEmpty || random.chance(35) {
            // One group cap over a subset (always containing the unbounded rules), or over all rules.
            var group = Set(unbounded)
            if random.chance(50) {
                for index in maxima.indices where random.bool() { group.insert(index) }
            } else {
                group = Set(maxima.indices)
            }
            if group.isEmpty { group = [0] }
            let bounded = Self.sumOf(group.sorted().map { maxima[$0] })
            let cap = bounded.map { most in random.chance(60) && most > .zero ? Self.half(random.int(0...Int(most.numerator * 2 / most.denominator))) : points(10) } ?? points(10)
            var node: [(String, YAMLNode)] = [("points", .number(cap))]
            if group.count < maxima.count || random.bool() {
                node.append(("rules", .list(group.sorted().map { .plain(ruleIDs[$0]) })))
            }
            node.append(("cite", cite()))
            caps.append(.map(node))
            capped = group
            itemMost = (try? itemMost + (bounded.map { min($0, cap) } ?? cap)) ?? itemMost
            // Sometimes a second cap on some of the same rules (最高得N分 on a part of a capped item).
            if group.count > 1, random.chance(25) {
                var inner = group.filter { _ in random.bool() }
                if inner.isEmpty { inner = [group.sorted()[0]] }
                let innerMost = Self.sumOf(inner.sorted().map { maxima[$0] })
                let innerCap = points(6)
                caps.append(.map([("points", .number(innerCap)), ("rules", .list(inner.sorted().map { .plain(ruleIDs[$0]) })), ("cite", cite())]))
                // The loader counts each cap's group on its own, so the 满分 must cover both.
                itemMost = (try? itemMost + (innerMost.map { min($0, innerCap) } ?? innerCap)) ?? itemMost
            }
        }
        for index in maxima.indices where !capped.contains(index) {
            itemMost = (try? itemMost + (maxima[index] ?? .zero)) ?? itemMost
        }
        if !caps.isEmpty { pairs.append(("caps", .list(caps))) }
        pairs.append(("rules", .list(rules)))
        if random.chance(20) {
            let input = newInput("gate", .boolean, direction: 1)
            var gate: [(String, YAMLNode)] = [("id", .plain("G\(id)")), ("input", .plain(input)), ("cite", cite())]
            if random.bool() {
                let some = ruleIDs.filter { _ in random.bool() }
                gate.append(("rules", .list((some.isEmpty ? [ruleIDs[0]] : some).map { .plain($0) })))
            }
            pairs.append(("gates", .list([.map(gate)])))
        }
        if allowMissable, random.chance(15) {
            pairs.append(("may_be_missing", .plain("true")))
            missable.append(id)
        }
        let slack = random.chance(50) ? Rational.zero : points(3)
        let maximum = (try? itemMost + slack) ?? itemMost
        pairs.insert(("max", .number(maximum)), at: 2)
        return (.map(pairs), maximum)
    }

    /// A whole rubric.
    mutating func scorecard(id: String) -> GeneratedScorecard {
        var sections: [YAMLNode] = []
        var total = Rational.zero
        var bonusTotal = Rational.zero
        var missable: [String] = []
        let sectionCount = random.int(1...3)
        for s in 0..<sectionCount {
            let bonus = s > 0 && random.chance(30)
            var items: [YAMLNode] = []
            var sectionMax = Rational.zero
            for i in 0..<random.int(1...3) {
                let (node, maximum) = item("S\(s + 1)I\(i + 1)", allowMissable: !bonus, missable: &missable)
                items.append(node)
                sectionMax = (try? sectionMax + maximum) ?? sectionMax
            }
            var pairs: [(String, YAMLNode)] = [("id", .plain("S\(s + 1)")), ("title", .text("一级指标\(s + 1)")), ("max", .number(sectionMax))]
            if bonus {
                pairs.append(("bonus", .plain("true")))
                bonusTotal = (try? bonusTotal + sectionMax) ?? bonusTotal
            } else {
                total = (try? total + sectionMax) ?? total
            }
            pairs.append(("items", .list(items)))
            sections.append(.map(pairs))
        }
        var top: [(String, YAMLNode)] = [
            ("schema_version", .plain("1")), ("kind", .plain("scorecard")), ("id", .plain(id)), ("version", .text("1")),
            ("title", .text("生成的评分表 \(id)")), ("document", .text("测试〔2024〕1号")),
            ("source", .map([("file", .plain("none.txt")), ("title", .text("生成"))])),
            ("total", .number(total)),
        ]
        if random.chance(30) {
            top.append(("rounding", .map([("places", .plain("\(random.int(0...4))")), ("mode", .plain(random.pick(RoundingMode.allCases).rawValue))])))
        }
        if !missable.isEmpty {
            top.append(("missing_items", .map([("formula", .plain("rescale_base")), ("cite", cite())])))
        }
        top.append(("inputs", .list(inputNodes)))
        if !derived.isEmpty { top.append(("derived", .list(derived))) }
        if !constraints.isEmpty { top.append(("constraints", .list(constraints))) }
        top.append(("sections", .list(sections)))
        let maximum = (try? total + bonusTotal) ?? total
        return GeneratedScorecard(yaml: YAMLNode.map(top).yaml(), inputs: inputs, missable: missable, totalMaximum: maximum)
    }
}

// MARK: - Generated self-assessments

/// Values for every input of a generated rubric, kept as exact numbers so they can be nudged.
struct GeneratedValues {
    var values: [String: GeneratedValue]
    var missing: [String]

    enum GeneratedValue: Equatable {
        case flag(Bool)
        case number(Rational)
        case choice(String)

        var text: String {
            switch self {
            case .flag(let yes): yes ? "true" : "false"
            case .number(let value): value.exactDecimalText ?? "\(value)"
            case .choice(let text): text
            }
        }
    }

    /// Any valid set of values: every bound and constraint of the rubric holds.
    static func random(for rubric: GeneratedScorecard, _ random: inout SplitMix64) -> GeneratedValues {
        var values: [String: GeneratedValue] = [:]
        for input in rubric.inputs {
            values[input.id] = value(input, &random)
        }
        // Ratios: numerators within their denominators, denominators not all zero when they must not be.
        for input in rubric.inputs where !input.denominatorGroup.isEmpty {
            let sum = input.denominatorGroup.compactMap { values[$0]?.number }.reduce(Int64(0)) { $0 + $1.numerator }
            if sum == 0 { values[input.denominatorGroup[0]] = .number(Rational(random.int(1...10))) }
        }
        var handled: Set<[String]> = []
        for input in rubric.inputs where !input.boundedBy.isEmpty {
            let group = rubric.inputs.filter { $0.boundedBy == input.boundedBy }.map(\.id)
            guard handled.insert(group).inserted else { continue }
            var room = input.boundedBy.compactMap { values[$0]?.number }.reduce(Int64(0)) { $0 + $1.numerator }
            for id in group {
                let share = random.chance(30) ? Int(room) : random.int(0...Int(room))
                values[id] = .number(Rational(share))
                room -= Int64(share)
            }
        }
        let missing = rubric.missable.filter { _ in random.chance(30) }
        return GeneratedValues(values: values, missing: missing)
    }

    private static func value(_ input: GeneratedInput, _ random: inout SplitMix64) -> GeneratedValue {
        switch input.kind {
        case .boolean: return .flag(random.bool())
        case .count(let maximum): return .number(Rational(random.int(0...(maximum ?? 30))))
        case .percent: return .number(halves(0, 200, &random))
        case .number(let minimum, let maximum): return .number(halves(minimum * 2, maximum * 2, &random))
        case .choice(let choices): return .choice(random.pick(choices))
        case .points(let minimum, let maximum):
            let low = Int(minimum.numerator * 2 / minimum.denominator)
            let high = maximum.map { Int($0.numerator * 2 / $0.denominator) } ?? low + 20
            return .number(halves(low, high, &random))
        }
    }

    private static func halves(_ low: Int, _ high: Int, _ random: inout SplitMix64) -> Rational {
        // Ends are common in real forms and are where off-by-one errors live.
        let pick = random.chance(20) ? random.pick([low, high]) : random.int(low...high)
        return (try? Rational(numerator: Int64(pick), denominator: 2)) ?? .zero
    }

    /// The self-assessment as YAML.
    func yaml(rubric id: String) -> String {
        var inputs: [(String, YAMLNode)] = []
        for key in values.keys.sorted() {
            guard let value = values[key] else { continue }
            switch value {
            case .choice(let text): inputs.append((key, .text(text)))
            default: inputs.append((key, .plain(value.text)))
            }
        }
        var top: [(String, YAMLNode)] = [("rubric", .plain(id)), ("unit", .text("生成单位")), ("inputs", .map(inputs))]
        if !missing.isEmpty { top.append(("missing_items", .list(missing.map { .plain($0) }))) }
        return YAMLNode.map(top).yaml()
    }

    /// The same values with one input moved the favourable way (more of a +1 input, less of a −1
    /// input, `true` for a +1 boolean), within its bounds and constraints; `nil` when none can move.
    func nudged(_ rubric: GeneratedScorecard, _ random: inout SplitMix64) -> (GeneratedValues, String)? {
        var candidates = rubric.inputs.filter { $0.direction != 0 }
        random.shuffle(&candidates)
        for input in candidates {
            guard let current = values[input.id] else { continue }
            var next: GeneratedValue?
            switch (input.kind, current) {
            case (.boolean, .flag(let yes)):
                let favourable = input.direction > 0
                if yes != favourable { next = .flag(favourable) }
            case (_, .number(let value)):
                let (low, high) = bounds(input, rubric)
                let step = Rational(random.int(1...6))
                let halfStep: Rational
                switch input.kind {
                case .count: halfStep = step
                default: halfStep = (try? step / Rational(2)) ?? step
                }
                if input.direction > 0, let high, value < high {
                    next = .number(min(high, (try? value + halfStep) ?? high))
                } else if input.direction < 0, value > low {
                    next = .number(max(low, (try? value - halfStep) ?? low))
                }
            default: break
            }
            if let next {
                var moved = self
                moved.values[input.id] = next
                return (moved, "\(input.id): \(current.text) → \(next.text)")
            }
        }
        return nil
    }

    /// The range an input may move in, given the other values (a numerator within its denominators).
    private func bounds(_ input: GeneratedInput, _ rubric: GeneratedScorecard) -> (Rational, Rational?) {
        switch input.kind {
        case .count(let maximum):
            if !input.boundedBy.isEmpty {
                let room = input.boundedBy.compactMap { values[$0]?.number }.reduce(Int64(0)) { $0 + $1.numerator }
                let others = rubric.inputs.filter { $0.boundedBy == input.boundedBy && $0.id != input.id }
                    .compactMap { values[$0.id]?.number }.reduce(Int64(0)) { $0 + $1.numerator }
                return (.zero, Rational(integer: room - others))
            }
            return (.zero, maximum.map { Rational($0) })
        case .percent: return (.zero, .hundred)
        case .number(let minimum, let maximum): return (Rational(minimum), Rational(maximum))
        case .points(let minimum, let maximum): return (minimum, maximum ?? ((try? minimum + Rational(10)) ?? minimum))
        default: return (.zero, nil)
        }
    }
}

extension GeneratedValues.GeneratedValue {
    var number: Rational? {
        if case .number(let value) = self { return value }
        return nil
    }
}
