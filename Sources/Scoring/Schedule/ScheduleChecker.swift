/// The checks a schedule must pass to load: every reference resolves (inputs, measures,
/// interpretations, discrepancies), facts have the types their amounts need, no measure refers to
/// itself through another, no derived value is computed from itself, and the validity window is not
/// inverted.
struct ScheduleChecker {
    let schedule: Schedule
    let file: String
    private var found: [FileProblem] = []

    init(schedule: Schedule, file: String) {
        self.schedule = schedule
        self.file = file
    }

    func problems() -> [FileProblem] {
        var checker = self
        checker.run()
        return checker.found
    }

    private mutating func report(_ path: String, _ message: String) {
        found.append(FileProblem(file: file, location: nearestLocation(path, in: schedule.locations), field: path, message: message))
    }

    private mutating func run() {
        let header = schedule.header
        if let window = header.effective, let from = window.from, let to = window.to, to < from {
            report("effective", "有效期起始 \(from) 晚于截止 \(to)")
        }
        checkInterpretation(header.effective?.interpretation, at: "effective")
        var seen: Set<String> = []
        for id in schedule.catalog.inputs.map(\.id) + schedule.catalog.derived.map(\.id) where !seen.insert(id).inserted {
            report("inputs", "输入 id「\(id)」重复")
        }
        seen = []
        for id in schedule.measures.map(\.id) where !seen.insert(id).inserted {
            report("measures", "项目 id「\(id)」重复")
        }
        for (index, derived) in schedule.catalog.derived.enumerated() {
            for id in derived.inputs { checkInput(id, at: "derived[\(index)]", numeric: true) }
        }
        checkDerivedChains()
        for (index, exclusion) in schedule.exclusions.enumerated() {
            checkCondition(exclusion.when, at: "exclusions[\(index)]")
            checkInterpretation(exclusion.interpretation, at: "exclusions[\(index)]")
        }
        for (index, measure) in schedule.measures.enumerated() {
            checkMeasure(measure, at: "measures[\(index)]")
        }
        let groups: [(String, [String], String?)] =
            schedule.yearlyCaps.enumerated().map { ("yearly_caps[\($0)]", $1.measures, $1.interpretation) }
            + schedule.countLimits.enumerated().map { ("count_limits[\($0)]", $1.measures, $1.interpretation) }
            + schedule.highestOnly.enumerated().map { ("highest_only[\($0)]", $1.measures, $1.interpretation) }
            + (schedule.pool.map { [("pool", $0.measures, $0.interpretation)] } ?? [])
        for (path, measures, interpretation) in groups {
            for id in measures where schedule.measure(id) == nil { report(path, "引用了未定义的项目「\(id)」") }
            checkInterpretation(interpretation, at: path)
        }
        for (index, limit) in schedule.countLimits.enumerated() where limit.max < 1 {
            report("count_limits[\(index)].max", "个数上限须至少为 1")
        }
        checkInterpretation(schedule.sameMatter?.interpretation, at: "same_matter")
    }

    private mutating func checkMeasure(_ measure: Measure, at path: String) {
        for (index, condition) in measure.eligible.enumerated() {
            checkCondition(condition.when, at: "\(path).eligible[\(index)]")
            checkInterpretation(condition.interpretation, at: "\(path).eligible[\(index)]")
        }
        checkAmount(measure.amount, at: "\(path).amount", visiting: [measure.id])
        for id in measure.interpretations { checkInterpretation(id, at: path) }
        checkInterpretation(measure.instalments?.interpretation, at: "\(path).instalments")
        let discrepancies = Set(schedule.header.discrepancies.map(\.id))
        for id in measure.discrepancies where !discrepancies.contains(id) {
            report(path, "引用了未定义的不一致之处「\(id)」（须在 discrepancies 中列出）")
        }
        if let instalments = measure.instalments, instalments.count < 2 {
            report("\(path).instalments.count", "分期次数须至少为 2")
        }
    }

    private mutating func checkAmount(_ amount: AmountRule, at path: String, visiting: [String]) {
        switch amount {
        case .fixed, .undefined: break
        case .percent(let of, let rate):
            checkInput(of, at: path, numeric: true)
            if rate.isNegative { report(path, "比例不能为负") }
        case .perUnit(let of, _), .matching(let of, _):
            checkInput(of, at: path, numeric: true)
        case .brackets(let of, let brackets):
            checkInput(of, at: path, numeric: true)
            if brackets.isEmpty { report(path, "brackets 不能为空") }
        case .cases(let cases):
            if cases.isEmpty { report(path, "cases 不能为空") }
            for (index, item) in cases.enumerated() {
                if let when = item.when { checkCondition(when, at: "\(path).cases[\(index)]") }
                checkInterpretation(item.interpretation, at: "\(path).cases[\(index)]")
                checkAmount(item.amount, at: "\(path).cases[\(index)].amount", visiting: visiting)
            }
        case .percentOfMeasure(let id, _):
            guard let other = schedule.measure(id) else {
                report(path, "引用了未定义的项目「\(id)」")
                return
            }
            guard !visiting.contains(id) else {
                report(path, "项目金额循环引用：\((visiting + [id]).joined(separator: " → "))")
                return
            }
            // One level, as the policies write it (按对应制定标准支持金额的30%): a chain of measures
            // each a share of the next would cost a computation per path through it.
            if let next = other.amount.measuresReferred.first {
                if visiting.contains(next) || next == id {
                    report(path, "项目金额循环引用：\((visiting + [id, next]).joined(separator: " → "))")
                } else {
                    report(path, "项目「\(id)」的金额本身按项目「\(next)」计算；按另一项目金额计算只能引用一层")
                }
                return
            }
            checkAmount(other.amount, at: path, visiting: visiting + [id])
        case .minimum(let parts), .sum(let parts):
            for (index, part) in parts.enumerated() { checkAmount(part, at: "\(path)[\(index)]", visiting: visiting) }
        case .upTo(let inner):
            checkAmount(inner, at: path, visiting: visiting)
        case .range(let low, let high):
            checkAmount(low, at: path, visiting: visiting)
            checkAmount(high, at: path, visiting: visiting)
        }
    }

    /// The longest chain of derived values computed from derived values that is accepted.
    static let maximumDerivedChain = 32

    /// Derived values computed from themselves (directly or through others), which would never
    /// finish computing, and chains of derived values deeper than ``maximumDerivedChain``. Each value
    /// is visited once, and the search never goes deeper than the limit.
    private mutating func checkDerivedChains() {
        let derived = schedule.catalog.derived
        let position = Dictionary(derived.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var state = [UInt8](repeating: 0, count: derived.count)  // 0 not seen, 1 on the current chain, 2 done
        var depth = [Int](repeating: 0, count: derived.count)
        var loops: [(Int, [Int])] = []
        var tooDeep: Int?
        func visit(_ chain: [Int]) {
            guard let index = chain.last else { return }
            state[index] = 1
            var deepest = 0
            for id in derived[index].inputs {
                guard let next = position[id] else { continue }
                switch state[next] {
                case 1:
                    if let start = chain.firstIndex(of: next) { loops.append((next, Array(chain[start...]) + [next])) }
                case 2:
                    deepest = max(deepest, depth[next] + 1)
                default:
                    guard chain.count <= Self.maximumDerivedChain else {
                        tooDeep = tooDeep ?? chain[0]
                        continue
                    }
                    visit(chain + [next])
                    deepest = max(deepest, depth[next] + 1)
                }
            }
            depth[index] = deepest
            if deepest > Self.maximumDerivedChain { tooDeep = tooDeep ?? index }
            state[index] = 2
        }
        for index in derived.indices where state[index] == 0 { visit([index]) }
        for (index, loop) in loops {
            report("derived[\(index)]", "计算值循环引用：\(loop.map { derived[$0].id }.joined(separator: " → "))")
        }
        if let index = tooDeep {
            report("derived[\(index)]", "计算值层层引用其他计算值，超过 \(Self.maximumDerivedChain) 层")
        }
    }

    private mutating func checkInput(_ id: String, at path: String, numeric: Bool) {
        if schedule.catalog.derivedValue(id) != nil { return }
        guard let input = schedule.catalog.input(id) else {
            report(path, "引用了未定义的输入「\(id)」")
            return
        }
        if numeric, ![.count, .number, .percent, .money].contains(input.type) {
            report(path, "输入「\(id)」的类型是 \(input.type.rawValue)，此处需要数值或金额")
        }
    }

    private mutating func checkCondition(_ condition: Condition, at path: String) {
        switch condition {
        case .equals(let id, let value):
            guard let input = schedule.catalog.input(id) else {
                if schedule.catalog.derivedValue(id) == nil { report(path, "引用了未定义的输入「\(id)」") }
                return
            }
            if input.type == .choice, !(input.choices ?? []).contains(value) {
                report(path, "条件值「\(value)」不在输入「\(id)」的 choices 中")
            }
            if input.type == .boolean, value != "true", value != "false" {
                report(path, "输入「\(id)」是是/否，条件值应为 true 或 false")
            }
        case .within(let id, _):
            checkInput(id, at: path, numeric: true)
        case .all(let conditions), .any(let conditions):
            for condition in conditions { checkCondition(condition, at: path) }
        case .not(let condition):
            checkCondition(condition, at: path)
        }
    }

    private mutating func checkInterpretation(_ id: String?, at path: String) {
        guard let id, schedule.header.interpretation(id) == nil else { return }
        report(path, "引用了未定义的解释「\(id)」（须在 interpretations 中列出）")
    }
}

/// The location of `path`, or of its nearest decoded parent.
func nearestLocation(_ path: String, in locations: [String: SourceLocation]) -> SourceLocation? {
    var probe = path
    var location = locations[probe]
    while location == nil, let cut = probe.lastIndex(where: { $0 == "." || $0 == "[" }) {
        probe = String(probe[..<cut])
        location = locations[probe]
    }
    return location
}

extension AmountRule {
    /// The measures whose amounts this amount is a share of (`percent_of_measure`), anywhere inside.
    var measuresReferred: [String] {
        switch self {
        case .percentOfMeasure(let measure, _): [measure]
        case .fixed, .undefined, .percent, .perUnit, .matching, .brackets: []
        case .cases(let cases): cases.flatMap(\.amount.measuresReferred)
        case .minimum(let parts), .sum(let parts): parts.flatMap(\.measuresReferred)
        case .upTo(let inner): inner.measuresReferred
        case .range(let low, let high): low.measuresReferred + high.measuresReferred
        }
    }
}
