extension Scorecard {
    /// Scores a self-assessment.
    ///
    /// - Throws: ``FileProblems`` naming every value of the self-assessment that is missing, of the
    ///   wrong type, outside its range or inconsistent, with its line. Nothing is guessed: a result is
    ///   produced only from complete, valid input.
    /// - Returns: the scores with explanations, the findings (claimed figures that differ, missing
    ///   notes) and the interpretations that applied.
    public func score(_ assessment: SelfAssessment) throws(FileProblems) -> ScoreReport {
        try PreparedScorecard(self).score(assessment)
    }

    /// Scores a self-assessment for an audit: a claimed figure above 满分 and a discretionary value
    /// outside its range are kept as findings (`claim.above-max`, `input.out-of-range`) instead of
    /// stopping the scoring, so every difference can be listed. Missing or unreadable values still throw.
    public func scoreForAudit(_ assessment: SelfAssessment) throws(FileProblems) -> ScoreReport {
        try PreparedScorecard(self).scoreForAudit(assessment)
    }
}

/// A scorecard ready to score many self-assessments.
///
/// Part of scoring depends on the scorecard alone: each item's and rule's clause as cited in
/// explanations, each rule's ceiling, the order in which an item's caps apply, the items by id.
/// ``Scorecard/score(_:)`` works that out for the one file it scores; prepared once, it serves a
/// folder of ten thousand files without being worked out ten thousand times. The results are the
/// same either way.
public struct PreparedScorecard: Sendable {
    public let scorecard: Scorecard
    /// The items of each section, in table order, with what scoring them needs.
    fileprivate let sections: [[PreparedItem]]
    /// Every item by id (the first, should an id repeat).
    fileprivate let items: [String: Item]

    public init(_ scorecard: Scorecard) {
        self.scorecard = scorecard
        sections = scorecard.sections.map { section in section.items.map { PreparedItem($0, in: scorecard) } }
        items = Dictionary(scorecard.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Scores a self-assessment, as ``Scorecard/score(_:)``.
    public func score(_ assessment: SelfAssessment) throws(FileProblems) -> ScoreReport {
        var scoring = ScoringRun(prepared: self, assessment: assessment, auditing: false)
        return try scoring.run()
    }

    /// Scores a self-assessment for an audit, as ``Scorecard/scoreForAudit(_:)``.
    public func scoreForAudit(_ assessment: SelfAssessment) throws(FileProblems) -> ScoreReport {
        var scoring = ScoringRun(prepared: self, assessment: assessment, auditing: true)
        return try scoring.run()
    }
}

/// An item with its clause, each rule with its clause and ceiling, and its caps in the order they apply.
private struct PreparedItem: Sendable {
    struct Rule: Sendable {
        let rule: ScoringRule
        /// `长府办〔2022〕6号 附件·办件数量·评分标准 1`: the rule's clause, or the item's.
        let citation: String
        /// The most the rule can give, when the source sets a ceiling.
        let maximum: Rational?
    }

    let item: Item
    let citation: String
    let rules: [Rule]
    let capsInOrder: [(cap: Cap, rules: Set<String>)]

    init(_ item: Item, in scorecard: Scorecard) {
        self.item = item
        citation = item.cite.reference(defaultDocument: scorecard.header.document)
        rules = item.rules.map { rule in
            Rule(
                rule: rule, citation: (rule.cite ?? item.cite).reference(defaultDocument: scorecard.header.document),
                maximum: try? RuleRange.of(rule: rule, in: scorecard).maximum)
        }
        capsInOrder = item.capsInOrder
    }
}

/// One scoring of one self-assessment; collects problems so that all are reported at once.
private struct ScoringRun {
    let prepared: PreparedScorecard
    let scorecard: Scorecard
    let assessment: SelfAssessment
    let auditing: Bool
    var problems: [FileProblem] = []
    var findings: [Finding] = []
    var applied: Set<String> = []

    init(prepared: PreparedScorecard, assessment: SelfAssessment, auditing: Bool) {
        self.prepared = prepared
        scorecard = prepared.scorecard
        self.assessment = assessment
        self.auditing = auditing
    }

    private mutating func problem(_ field: String, _ location: SourceLocation?, _ message: String) {
        problems.append(FileProblem(file: assessment.file, location: location, field: field, message: message))
    }

    mutating func run() throws(FileProblems) -> ScoreReport {
        if assessment.rubric != scorecard.header.id {
            problem("rubric", assessment.location["rubric"], "自评表对应的评分表是「\(assessment.rubric)」，不是「\(scorecard.header.id)」")
        }
        let region = checkedRegion()
        let values = typedValues()
        let claims = typedClaims()
        let missing = checkedMissingItems()
        let facts = Facts(catalog: scorecard.catalog, values: values, notes: assessment.notes, region: region)
        checkConstraints(facts)
        checkNotes(values)

        var sections: [SectionScore] = []
        var neededBy: [String: [String]] = [:]
        for (section, preparedItems) in zip(scorecard.sections, prepared.sections) {
            var items: [ItemScore] = []
            items.reserveCapacity(preparedItems.count)
            for item in preparedItems {
                let id = item.item.id
                items.append(score(item, facts: facts, claimed: claims[id], missing: missing.contains(id), neededBy: &neededBy))
            }
            let points = (try? Rational.sum(items.map(\.points))) ?? .zero
            sections.append(
                SectionScore(
                    id: section.id, title: section.title, printedWeight: section.printedWeight, maximum: section.max,
                    points: points, bonus: section.bonus, items: items))
            applied.formUnion(section.interpretations)
        }
        for prerequisite in scorecard.prerequisites where values[prerequisite.input] == nil {
            neededBy[prerequisite.input, default: []].append(prerequisite.id)
        }
        for (input, rules) in neededBy.sorted(by: { $0.key < $1.key }) where assessment.inputs[input] == nil {
            let label = scorecard.input(input)?.label ?? input
            problem("inputs.\(input)", assessment.location["inputs"], "缺少输入「\(label)」（规则 \(rules.joined(separator: "、")) 需要）")
        }
        guard problems.isEmpty else { throw FileProblems(problems) }
        return finish(sections: sections, facts: facts, missing: missing, region: region)
    }

    // MARK: Checking the self-assessment's values

    private mutating func checkedRegion() -> String? {
        guard let chosen = assessment.region else { return scorecard.region?.chosen }
        guard let region = scorecard.region else {
            problem("region", assessment.location["region"], "此评分表不分地区，不能指定 region")
            return nil
        }
        guard region.options.contains(chosen) else {
            problem("region", assessment.location["region"], "地区应为 \(region.options.joined(separator: "、")) 之一，实为「\(chosen)」")
            return region.chosen
        }
        return chosen
    }

    /// The inputs typed against the rubric. Each input's problem has a field of its own, so the
    /// order they are taken in does not show: ``FileProblems`` lists problems by line and field.
    private mutating func typedValues() -> InputValues {
        var values = InputValues(minimumCapacity: assessment.inputs.count)
        for (id, entry) in assessment.inputs {
            var field: String { "inputs.\(id)" }
            guard let definition = scorecard.input(id) else {
                if scorecard.derived.contains(where: { $0.id == id }) {
                    problem(field, entry.location, "「\(id)」由评分表计算得出，不需填写")
                } else {
                    let near = scorecard.inputs.map(\.id).filter { $0.hasPrefix(String(id.prefix(3))) }.prefix(3)
                    let hint = near.isEmpty ? "" : "（是否指 \(near.joined(separator: "、"))？）"
                    problem(field, entry.location, "评分表没有这个输入\(hint)")
                }
                continue
            }
            guard entry.isScalar else {
                problem(field, entry.location, "「\(definition.label)」应为单个值")
                continue
            }
            switch InputValue.parse(entry.text, as: definition) {
            case .success(let value): values[id] = value
            case .failure(let rejection): problem(field, entry.location, "「\(definition.label)」\(rejection.message)")
            }
        }
        return values
    }

    /// The claimed points by item id; like ``typedValues()``, each claim's problem has a field of its own.
    private mutating func typedClaims() -> [String: Rational] {
        var claims: [String: Rational] = [:]
        claims.reserveCapacity(assessment.claimed.count)
        for (id, entry) in assessment.claimed {
            var field: String { "claimed.\(id)" }
            guard let item = prepared.items[id] else {
                let ids = scorecard.items.map(\.id).joined(separator: "、")
                problem(field, entry.location, "评分表没有这个指标（指标：\(ids)）")
                continue
            }
            guard entry.isScalar, let value = Rational(decimalText: entry.text) else {
                problem(field, entry.location, "「\(item.title)」的自评分应为数值，实为「\(entry.text)」")
                continue
            }
            if auditing, !value.isNegative {
                claims[id] = value
                continue
            }
            guard !value.isNegative, value <= item.max else {
                problem(field, entry.location, "「\(item.title)」自评 \(value.displayText()) 分，超出 0–\(item.max.displayText()) 分（满分 \(item.max.displayText())）")
                continue
            }
            claims[id] = value
        }
        if let total = assessment.claimedTotal {
            if !total.isScalar || Rational(decimalText: total.text) == nil {
                problem("claimed_total", total.location, "自评总分应为数值，实为「\(total.text)」")
            }
        }
        return claims
    }

    private mutating func checkedMissingItems() -> Set<String> {
        var missing: Set<String> = []
        for entry in assessment.missingItems {
            guard let item = prepared.items[entry.text] else {
                problem("missing_items", entry.location, "评分表没有指标「\(entry.text)」")
                continue
            }
            guard item.mayBeMissing else {
                problem("missing_items", entry.location, "「\(item.title)」不能作为缺项")
                continue
            }
            missing.insert(item.id)
        }
        return missing
    }

    private mutating func checkConstraints(_ facts: Facts) {
        for constraint in scorecard.constraints {
            let first = constraint.inputs[0]
            if let condition = constraint.condition, let consequence = constraint.consequence {
                if (try? facts.holds(condition)) == true, (try? facts.holds(consequence)) == false {
                    problem("inputs.\(first)", assessment.inputs[first]?.location, constraint.message)
                }
                continue
            }
            guard let left = try? Rational.sum(constraint.sum.map(facts.number)),
                let right = try? Rational.sum(constraint.atMostSumOf.map(facts.number))
            else { continue }
            if left > right {
                let shown = (constraint.sum + constraint.atMostSumOf).map { "\(facts.label($0)) \(facts.display($0))" }
                problem("inputs.\(constraint.sum[0])", assessment.inputs[constraint.sum[0]]?.location,
                    "\(constraint.message)（\(shown.joined(separator: "，"))）")
            }
        }
    }

    private mutating func checkNotes(_ values: InputValues) {
        for (id, _) in assessment.notes.sorted(by: { $0.key < $1.key }) where scorecard.input(id) == nil {
            problem("notes.\(id)", assessment.location["notes"], "说明对应的输入「\(id)」在评分表中不存在")
        }
        for definition in scorecard.inputs where definition.noteRequired {
            guard let value = values[definition.id], value != .number(.zero) else { continue }
            if (assessment.notes[definition.id] ?? "").isEmpty {
                findings.append(
                    Finding(
                        severity: .warning, code: "note.missing",
                        message: "「\(definition.label)」为酌定分值，应在 notes 中写明理由",
                        location: "inputs.\(definition.id)"))
            }
        }
    }

    // MARK: Scoring

    private mutating func score(
        _ prepared: PreparedItem, facts: Facts, claimed: Rational?, missing: Bool, neededBy: inout [String: [String]]
    ) -> ItemScore {
        let item = prepared.item
        var result = ItemScore(
            id: item.id, title: item.title, maximum: item.max, points: .zero, claimed: claimed, missing: missing,
            rules: [], adjustments: [], citation: prepared.citation)
        guard !missing else {
            result.adjustments.append("缺项，不计分，总分按缺项规则折算")
            return result
        }
        let evaluator = RuleEvaluator(facts: facts, clampsDiscretionary: auditing)
        result.rules.reserveCapacity(prepared.rules.count)
        for preparedRule in prepared.rules {
            let rule = preparedRule.rule
            do {
                let outcome = try evaluator.evaluate(rule)
                applied.formUnion(outcome.interpretations)
                if let problem = outcome.outOfRange {
                    findings.append(Finding(severity: .error, code: "input.out-of-range", message: "规则 \(rule.id)：\(problem)", location: item.id))
                }
                result.rules.append(
                    RuleScore(
                        id: rule.id, points: outcome.points, maximum: preparedRule.maximum, explanation: outcome.explanation,
                        citation: preparedRule.citation, interpretations: outcome.interpretations))
            } catch {
                record(error, rule: rule, neededBy: &neededBy)
            }
        }
        // Gates first: the rules they zero then count as 0 under any cap, so a closed gate never
        // takes away more than the rules it closes gave.
        applyGates(item, facts: facts, rules: &result.rules, adjustments: &result.adjustments, neededBy: &neededBy)
        var points = applyCaps(prepared, rules: result.rules, adjustments: &result.adjustments)
        if points > item.max || points.isNegative {
            // The checks at load time make this unreachable; keep the promise anyway and say so.
            let clamped = min(max(points, .zero), item.max)
            result.adjustments.append("计算得 \(points.displayText()) 分，超出 0–\(item.max.displayText())，按 \(clamped.displayText()) 分计")
            findings.append(Finding(severity: .error, code: "item.out-of-range", message: "「\(item.title)」计算分超出范围", location: item.id))
            points = clamped
        }
        result.points = points
        if let claimed, claimed != points, problems.isEmpty {
            findings.append(
                Finding(
                    severity: .warning, code: "claim.differs",
                    message: "「\(item.title)」自评 \(claimed.displayText()) 分，按规则计算为 \(points.displayText()) 分",
                    location: item.id))
        }
        return result
    }

    private mutating func record(_ error: EvaluationError, rule: ScoringRule, neededBy: inout [String: [String]]) {
        switch error {
        case .missingInput(let input):
            neededBy[input, default: []].append(rule.id)
        case .outOfRange(let input, let message):
            problem("inputs.\(input)", assessment.inputs[input]?.location, "规则 \(rule.id)：\(message)")
        case .undefined(_, let working):
            problem("inputs", assessment.location["inputs"], "规则 \(rule.id)：\(working)，分母为 0，无法计算")
        case .regionNotChosen(let options):
            problem("region", nil, "规则 \(rule.id) 按地区取值，须指定地区（\(options.joined(separator: "、"))）")
        case .overflow(let overflow):
            problem("inputs", assessment.location["inputs"], "规则 \(rule.id)：\(overflow.description)")
        case .noMatchingCase(let message):
            problem("inputs", assessment.location["inputs"], "规则 \(rule.id)：\(message)")
        }
    }

    /// The item's points: its rules added up under its caps, inner caps first (``Item/capsInOrder``).
    private mutating func applyCaps(_ item: PreparedItem, rules: [RuleScore], adjustments: inout [String]) -> Rational {
        guard !item.capsInOrder.isEmpty else { return (try? Rational.sum(rules.map(\.points))) ?? .zero }
        var groups = CapGroups(rules.map { ($0.id, $0.points) })
        for (cap, covered) in item.capsInOrder {
            groups.apply(covered) { values in
                let sum = try? Rational.sum(values)
                if let sum, sum <= cap.points { return sum }
                let scope = cap.rules.map { "规则 \($0.joined(separator: "、")) " } ?? "本项"
                adjustments.append(
                    "\(scope)合计 \(sum?.displayText() ?? "超出范围") 分，「\(cap.cite.text)」，按 \(cap.points.displayText()) 分计（\(cap.cite.reference(defaultDocument: scorecard.header.document))）")
                if let interpretation = cap.interpretation { applied.insert(interpretation) }
                return cap.points
            }
        }
        return (try? Rational.sum(groups.values)) ?? .zero
    }

    /// Zeroes the rules of every closed gate.
    private mutating func applyGates(
        _ item: Item, facts: Facts, rules: inout [RuleScore], adjustments: inout [String],
        neededBy: inout [String: [String]]
    ) {
        for gate in item.gates {
            guard let value = try? facts.value(gate.input), case .boolean(let passed) = value else {
                neededBy[gate.input, default: []].append(gate.id)
                continue
            }
            if let interpretation = gate.interpretation { applied.insert(interpretation) }
            guard !passed else { continue }
            let zeroed = gate.rules ?? item.rules.map(\.id)
            for index in rules.indices where zeroed.contains(rules[index].id) { rules[index].points = .zero }
            adjustments.append("门槛未满足：「\(gate.cite.text)」，\(gate.rules == nil ? "本项" : "规则 \(zeroed.joined(separator: "、")) ")得 0 分")
        }
    }

    // MARK: Totals

    private mutating func finish(sections: [SectionScore], facts: Facts, missing: Set<String>, region: String?) -> ScoreReport {
        let base = (try? Rational.sum(sections.filter { !$0.bonus }.map(\.points))) ?? .zero
        let bonus = (try? Rational.sum(sections.filter(\.bonus).map(\.points))) ?? .zero
        var total = (try? base + bonus) ?? base
        var rescaling: Rescaling?
        if !missing.isEmpty, let rule = scorecard.missingItems {
            let missingItems = scorecard.items.filter { missing.contains($0.id) }
            let missingPoints = (try? Rational.sum(missingItems.map(\.max))) ?? .zero
            if let available = try? scorecard.total - missingPoints, available > .zero,
                let scaled = try? base * scorecard.total / available, let rescaled = try? scaled + bonus
            {
                total = rescaled
                let shown = rescaled.exactDecimalText.map { "= \($0)" }
                    ?? "≈ \((try? rescaled.fixedText(places: scorecard.rounding.places, rounding: scorecard.rounding.mode)) ?? "?")（保留 \(scorecard.rounding.places) 位小数，\(scorecard.rounding.mode.chineseName)）"
                let explanation = "缺项 \(missingItems.map(\.id).joined(separator: "、")) 共 \(missingPoints.displayText()) 分："
                    + "评价总分 = (实际总得分 − 加分项得分) × \(scorecard.total.displayText()) / (\(scorecard.total.displayText()) − 缺项对应分值) + 加分项得分"
                    + " = \(base.displayText()) × \(scorecard.total.displayText()) / \(available.displayText()) + \(bonus.displayText()) \(shown)"
                rescaling = Rescaling(
                    missingItems: missingItems.map(\.id), missingPoints: missingPoints, explanation: explanation,
                    citation: rule.cite.reference(defaultDocument: scorecard.header.document))
                if let interpretation = rule.interpretation { applied.insert(interpretation) }
            }
        }
        let claimedTotal = assessment.claimedTotal.flatMap { Rational(decimalText: $0.text) }
        var report = ScoreReport(
            rubric: RubricIdentity(
                id: scorecard.header.id, version: scorecard.header.version, title: scorecard.header.title,
                document: scorecard.header.document, sha256: scorecard.header.sha256),
            unit: assessment.unit, period: assessment.period, file: assessment.file, region: region,
            sections: sections, basePoints: base, bonusPoints: bonus, total: total, maximum: scorecard.total,
            rescaling: rescaling, claimedTotal: claimedTotal, verdict: verdict(total: total, facts: facts),
            findings: [], interpretations: [], rounding: scorecard.rounding)
        if let region = scorecard.region, let interpretation = region.interpretation, region.options.count > 1 {
            applied.insert(interpretation)
        }
        if let claimedTotal {
            if let sum = report.claimedItemSum, sum != claimedTotal {
                findings.append(
                    Finding(
                        severity: .error, code: "claim.total-not-sum",
                        message: "自评总分 \(claimedTotal.displayText()) 不等于各项自评分之和 \(sum.displayText())",
                        location: "claimed_total"))
            }
            if claimedTotal != total {
                findings.append(
                    Finding(
                        severity: .warning, code: "claim.total-differs",
                        message: "自评总分 \(claimedTotal.displayText())，按规则计算为 \(report.display(total))",
                        location: "claimed_total"))
            }
        }
        report.findings = findings.sorted { ($0.severity, $0.location ?? "") < ($1.severity, $1.location ?? "") }
        report.interpretations = scorecard.header.interpretations.filter { applied.contains($0.id) }
        return report
    }

    private mutating func verdict(total: Rational, facts: Facts) -> Verdict? {
        guard scorecard.passMark != nil || !scorecard.prerequisites.isEmpty else { return nil }
        var passed = true
        var reasons: [String] = []
        for prerequisite in scorecard.prerequisites {
            if let interpretation = prerequisite.interpretation { applied.insert(interpretation) }
            if case .boolean(false)? = facts.values[prerequisite.input] {
                passed = false
                reasons.append("必备条件未满足：\(prerequisite.cite.text)")
            }
        }
        if let passMark = scorecard.passMark {
            if let interpretation = passMark.interpretation { applied.insert(interpretation) }
            let mark = passMark.threshold.describe(region: nil, unit: "分")
            if (try? passMark.threshold.contains(total, region: nil)) == true {
                reasons.append("总分 \(total.displayText()) 符合「\(mark)」")
            } else {
                passed = false
                reasons.append("总分 \(total.displayText()) 未达到「\(mark)」")
            }
        }
        return Verdict(passed: passed, reasons: reasons)
    }
}
