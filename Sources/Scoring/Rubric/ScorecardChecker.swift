/// The checks a scorecard must pass to load: every reference resolves, every input has the right
/// type for the rule that reads it, the points add up, and no item can score outside 0–满分.
///
/// These are what make the engine's guarantees hold for any input, so they are errors, not warnings.
struct ScorecardChecker {
    let scorecard: Scorecard
    let file: String
    private var found: [FileProblem] = []

    init(scorecard: Scorecard, file: String) {
        self.scorecard = scorecard
        self.file = file
    }

    func problems() -> [FileProblem] {
        var checker = self
        checker.run()
        return checker.found
    }

    private mutating func report(_ path: String, _ message: String) {
        found.append(FileProblem(file: file, location: nearestLocation(path, in: scorecard.locations), field: path, message: message))
    }

    private var interpretationIDs: Set<String> { Set(scorecard.header.interpretations.map(\.id)) }

    private mutating func run() {
        if let window = scorecard.header.effective, let from = window.from, let to = window.to, to < from {
            report("effective", "有效期起始 \(from) 晚于截止 \(to)")
        }
        checkUniqueIDs()
        checkInterpretationReference(scorecard.region?.interpretation, at: "region")
        checkInterpretationReference(scorecard.passMark?.interpretation, at: "pass_mark")
        checkInterpretationReference(scorecard.missingItems?.interpretation, at: "missing_items")
        if let region = scorecard.region, !region.options.contains(region.chosen) {
            report("region.chosen", "所选地区「\(region.chosen)」不在 options 中")
        }
        for (index, derived) in scorecard.derived.enumerated() {
            for id in derived.numerator + derived.denominator {
                checkInput(id, at: "derived[\(index)]", allowed: [.count, .number])
            }
        }
        for (index, constraint) in scorecard.constraints.enumerated() {
            for id in constraint.sum + constraint.atMostSumOf {
                checkInput(id, at: "constraints[\(index)]", allowed: [.count, .number, .percent])
            }
            for condition in [constraint.condition, constraint.consequence].compactMap({ $0 }) {
                checkCondition(condition, at: "constraints[\(index)]")
            }
        }
        for (index, prerequisite) in scorecard.prerequisites.enumerated() {
            checkInput(prerequisite.input, at: "prerequisites[\(index)]", allowed: [.boolean])
            checkInterpretationReference(prerequisite.interpretation, at: "prerequisites[\(index)]")
        }
        checkSums()
        for (s, section) in scorecard.sections.enumerated() {
            for id in section.interpretations { checkInterpretationReference(id, at: "sections[\(s)]") }
            for (i, item) in section.items.enumerated() {
                checkItem(item, at: "sections[\(s)].items[\(i)]")
            }
        }
        if scorecard.items.contains(where: \.mayBeMissing), scorecard.missingItems == nil {
            report("missing_items", "有可缺项的指标（may_be_missing），但没有给出缺项折算规则 missing_items")
        }
    }

    private mutating func checkUniqueIDs() {
        func duplicates(_ ids: [String]) -> [String] {
            var seen: Set<String> = []
            return ids.filter { !seen.insert($0).inserted }
        }
        let inputIDs = scorecard.inputs.map(\.id) + scorecard.derived.map(\.id)
        for id in duplicates(inputIDs) { report("inputs", "输入 id「\(id)」重复") }
        for id in duplicates(scorecard.sections.map(\.id) + scorecard.items.map(\.id)) {
            report("sections", "指标 id「\(id)」重复")
        }
        let ruleIDs = scorecard.items.flatMap { $0.rules.flatMap(\.allIDs) }
        for id in duplicates(ruleIDs) { report("sections", "规则 id「\(id)」重复") }
        for id in duplicates(scorecard.header.interpretations.map(\.id)) {
            report("interpretations", "解释 id「\(id)」重复")
        }
    }

    private mutating func checkInterpretationReference(_ id: String?, at path: String) {
        guard let id, !interpretationIDs.contains(id) else { return }
        report(path, "引用了未定义的解释「\(id)」（须在 interpretations 中列出）")
    }

    /// Checks that `id` names an input (or derived value) of one of the allowed types.
    private mutating func checkInput(_ id: String, at path: String, allowed: Set<InputType>, derivedAllowed: Bool = false) {
        if scorecard.derived.contains(where: { $0.id == id }) {
            if !derivedAllowed { report(path, "计算值「\(id)」不能用在这里") }
            return
        }
        guard let input = scorecard.input(id) else {
            report(path, "引用了未定义的输入「\(id)」")
            return
        }
        if !allowed.contains(input.type) {
            let names = allowed.map(\.rawValue).sorted().joined(separator: "/")
            report(path, "输入「\(id)」的类型是 \(input.type.rawValue)，此处需要 \(names)")
        }
    }

    private mutating func checkSums() {
        let base = scorecard.sections.filter { !$0.bonus }
        do {
            let sum = try Rational.sum(base.map(\.max))
            if sum != scorecard.total {
                report("total", "各一级指标分值之和为 \(sum)，与总分 \(scorecard.total) 不符")
            }
            for (s, section) in scorecard.sections.enumerated() {
                let itemSum = try Rational.sum(section.items.map(\.max))
                if itemSum != section.max {
                    report("sections[\(s)].max", "「\(section.title)」各二级指标满分之和为 \(itemSum)，与分值 \(section.max) 不符")
                }
            }
        } catch {
            report("total", error.description)
        }
    }

    private mutating func checkItem(_ item: Item, at path: String) {
        if item.max.isNegative { report("\(path).max", "满分不能为负") }
        let ruleIDs = Set(item.rules.map(\.id))
        for (index, rule) in item.rules.enumerated() {
            checkRule(rule, at: "\(path).rules[\(index)]", inheritedCite: nil)
        }
        for (index, cap) in item.caps.enumerated() {
            checkInterpretationReference(cap.interpretation, at: "\(path).caps[\(index)]")
            for id in cap.rules ?? [] where !ruleIDs.contains(id) {
                report("\(path).caps[\(index)].rules", "上限引用了本项没有的规则「\(id)」")
            }
        }
        let capGroups = item.capsInOrder
        for (index, inner) in capGroups.enumerated() {
            for outer in capGroups[(index + 1)...] where !inner.rules.isDisjoint(with: outer.rules) && !inner.rules.isSubset(of: outer.rules) {
                let shown = { (rules: Set<String>) in rules.sorted().joined(separator: "、") }
                report("\(path).caps", "上限的规则组（\(shown(inner.rules))）与（\(shown(outer.rules))）部分重叠：各上限须互不相交，或一个包含另一个")
            }
        }
        for (index, gate) in item.gates.enumerated() {
            checkInput(gate.input, at: "\(path).gates[\(index)]", allowed: [.boolean])
            checkInterpretationReference(gate.interpretation, at: "\(path).gates[\(index)]")
            for id in gate.rules ?? [] where !ruleIDs.contains(id) {
                report("\(path).gates[\(index)].rules", "门槛引用了本项没有的规则「\(id)」")
            }
        }
        do {
            let range = try RuleRange.of(item: item, in: scorecard)
            if let most = range.maximum, most > item.max {
                report(path, "按规则本项最多可得 \(most) 分，超过满分 \(item.max)：须加上限（caps）")
            } else if range.maximum == nil {
                report(path, "本项有无上限的规则（如酌情加分、每件加分），须加上限（caps）")
            }
            if range.minimum.isNegative {
                report(path, "本项可能得负分（\(range.minimum)）")
            }
        } catch {
            report(path, error.description)
        }
    }

    private mutating func checkRule(_ rule: ScoringRule, at path: String, inheritedCite: Citation?) {
        if rule.cite == nil, inheritedCite == nil { report(path, "规则「\(rule.id)」缺少出处 cite") }
        for id in rule.interpretations { checkInterpretationReference(id, at: path) }
        for outcome in [rule.notApplicable, rule.ifUndefined].compactMap({ $0 }) {
            checkOutcome(outcome, at: path)
        }
        if rule.ifUndefined != nil, !rule.kind.inputs.contains(where: { id in scorecard.derived.contains { $0.id == id } }) {
            report("\(path).if_undefined", "if_undefined 只用于读取计算值（derived）的规则")
        }
        let numeric: Set<InputType> = [.count, .number, .percent]
        switch rule.kind {
        case .yesNo(let input, _, _):
            checkInput(input, at: path, allowed: [.boolean])
        case .choice(let input, let outcomes):
            checkInput(input, at: path, allowed: [.choice])
            let values = outcomes.compactMap(\.value)
            if let choices = scorecard.input(input)?.choices {
                for value in values where !choices.contains(value) {
                    report(path, "选项「\(value)」不在输入「\(input)」的 choices 中")
                }
                for choice in choices where !values.contains(choice) {
                    report(path, "输入「\(input)」的选项「\(choice)」没有对应的得分")
                }
            }
            for outcome in outcomes { checkOutcome(outcome, at: path) }
        case .discretionary(let points):
            checkDiscretionary(points, at: path)
        case .tiers(let input, let tiers, let otherwise):
            checkInput(input, at: path, allowed: numeric, derivedAllowed: true)
            for tier in tiers { checkInterpretationReference(tier.interpretation, at: path) }
            if let otherwise { checkOutcome(otherwise, at: path) }
        case .perStep(let terms, _):
            for term in terms {
                checkInput(term.input, at: path, allowed: numeric)
                if term.every <= .zero { report(path, "every 须大于 0") }
            }
        case .deduction(let input, _, let per):
            checkInput(input, at: path, allowed: [.count])
            if per <= .zero { report(path, "per_occurrence 须大于 0") }
        case .shortfall(let shortfall):
            checkInput(shortfall.input, at: path, allowed: numeric, derivedAllowed: true)
            if shortfall.every <= .zero { report(path, "every 须大于 0") }
        case .conditions(let cases, let otherwise):
            for outcome in cases + [otherwise] { checkOutcome(outcome, at: path) }
        case .sum(let parts):
            for (index, part) in parts.enumerated() {
                checkRule(part, at: "\(path).parts[\(index)]", inheritedCite: rule.cite ?? inheritedCite)
            }
        }
        if rule.kind.usesRegion, scorecard.region == nil {
            report(path, "规则按地区取值，但评分表没有选定地区（region）")
        }
    }

    private mutating func checkOutcome(_ outcome: Outcome, at path: String) {
        checkInterpretationReference(outcome.interpretation, at: path)
        if let discretionary = outcome.discretionary { checkDiscretionary(discretionary, at: path) }
        if let condition = outcome.when { checkCondition(condition, at: path) }
    }

    private mutating func checkDiscretionary(_ points: DiscretionaryPoints, at path: String) {
        checkInput(points.input, at: path, allowed: [.points])
        if points.minimum.isNegative { report(path, "酌定分值下限不能为负") }
        if let maximum = points.maximum, maximum < points.minimum { report(path, "酌定分值上限小于下限") }
    }

    private mutating func checkCondition(_ condition: Condition, at path: String) {
        switch condition {
        case .equals(let id, let value):
            checkInput(id, at: path, allowed: Set(InputType.allCases.filter { $0 != .points }))
            guard let input = scorecard.input(id) else { return }
            switch input.type {
            case .boolean where value != "true" && value != "false":
                report(path, "输入「\(id)」是是/否，条件值应为 true 或 false")
            case .choice where !(input.choices ?? []).contains(value):
                report(path, "条件值「\(value)」不在输入「\(id)」的 choices 中")
            case .count, .number, .percent:
                if Rational(decimalText: value) == nil { report(path, "条件值「\(value)」不是数字") }
            default: break
            }
        case .within(let id, _):
            checkInput(id, at: path, allowed: [.count, .number, .percent, .points], derivedAllowed: true)
        case .all(let conditions), .any(let conditions):
            for condition in conditions { checkCondition(condition, at: path) }
        case .not(let condition):
            checkCondition(condition, at: path)
        }
    }
}

extension ScoringRule {
    /// This rule's id and those of its parts.
    var allIDs: [String] {
        if case .sum(let parts) = kind { return [id] + parts.flatMap(\.allIDs) }
        return [id]
    }
}

extension RuleKind {
    /// Every input the rule reads (not counting `not_applicable` conditions).
    var inputs: [String] {
        switch self {
        case .yesNo(let input, _, _), .choice(let input, _), .tiers(let input, _, _), .deduction(let input, _, _):
            return [input]
        case .discretionary(let points): return [points.input]
        case .perStep(let terms, _): return terms.map(\.input)
        case .shortfall(let shortfall): return [shortfall.input]
        case .conditions(let cases, _): return cases.compactMap(\.when).flatMap(\.inputs)
        case .sum(let parts): return parts.flatMap(\.kind.inputs)
        }
    }

    /// Whether any threshold depends on the region.
    var usesRegion: Bool {
        func regional(_ interval: Interval) -> Bool {
            [interval.lower, interval.upper].contains { bound in
                if case .byRegion = bound?.value { return true }
                return false
            }
        }
        switch self {
        case .tiers(_, let tiers, _): return tiers.contains { regional($0.interval) }
        case .shortfall(let shortfall): return regional(shortfall.threshold)
        case .sum(let parts): return parts.contains { $0.kind.usesRegion }
        default: return false
        }
    }
}
