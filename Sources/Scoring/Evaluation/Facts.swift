/// A self-assessment's values, typed against the rubric, with derived values computed on demand.
struct Facts {
    let catalog: InputCatalog
    let values: InputValues
    let notes: [String: String]
    let region: String?

    /// The value of input `id`.
    func value(_ id: String) throws(EvaluationError) -> InputValue {
        guard let value = values[id] else { throw .missingInput(id) }
        return value
    }

    /// The number held by input or derived value `id`.
    func number(_ id: String) throws(EvaluationError) -> Rational {
        if let derived = catalog.derived.first(where: { $0.id == id }) {
            return try value(of: derived)
        }
        guard let number = try value(id).number else { throw .missingInput(id) }
        return number
    }

    /// The number held by an input or derived value already found in the catalog.
    func number(_ source: NumberSource) throws(EvaluationError) -> Rational {
        switch source {
        case .derived(let derived):
            return try value(of: derived)
        case .input(let id):
            guard let number = try value(id).number else { throw .missingInput(id) }
            return number
        }
    }

    /// A derived value alone: what conditions compare, worked out without writing the working.
    /// Any problem (a zero denominator, an overflow) is the one ``ratio(_:)`` reports.
    private func value(of derived: DerivedInput) throws(EvaluationError) -> Rational {
        do {
            if derived.isDifference {
                var value = try number(derived.numerator[0])
                for id in derived.numerator.dropFirst() { value = try value - (try number(id)) }
                return value
            }
            var numerator = Rational.zero
            for id in derived.numerator { numerator = try numerator + (try number(id)) }
            var denominator = Rational.zero
            for id in derived.denominator { denominator = try denominator + (try number(id)) }
            guard !denominator.isZero else { return try ratio(derived).value }
            let value = try numerator / denominator
            return derived.percent ? try value * .hundred : value
        } catch let error as EvaluationError {
            throw error
        } catch {
            return try ratio(derived).value
        }
    }

    /// A derived ratio and the working that produced it: `(40 + 5) / (30 + 20) = 90%`.
    func ratio(_ derived: DerivedInput) throws(EvaluationError) -> (value: Rational, working: String) {
        if derived.isDifference { return try difference(derived) }
        do {
            let top = try derived.numerator.map { id throws(EvaluationError) in try number(id) }
            let bottom = try derived.denominator.map { id throws(EvaluationError) in try number(id) }
            let numerator = try Rational.sum(top)
            let denominator = try Rational.sum(bottom)
            func terms(_ ids: [String], _ values: [Rational]) -> String {
                let parts = zip(ids, values).map { id, value in "\(label(id)) \(value.displayText())" }
                return parts.count == 1 ? parts[0] : "（" + parts.joined(separator: " + ") + "）"
            }
            let shown = "\(terms(derived.numerator, top)) / \(terms(derived.denominator, bottom))"
            guard !denominator.isZero else { throw EvaluationError.undefined(derived.id, working: shown) }
            var value = try numerator / denominator
            if derived.percent { value = try value * .hundred }
            let unit = derived.percent ? "%" : ""
            let result = value.exactDecimalText.map { "= \($0)" } ?? "≈ \(value.displayText().dropFirst())"
            return (value, "\(derived.label) = \(shown)\(derived.percent ? " × 100%" : "") \(result)\(unit)")
        } catch let error as EvaluationError {
            throw error
        } catch {
            throw .overflow(error as? ArithmeticOverflow ?? ArithmeticOverflow(operation: derived.id))
        }
    }

    /// `本年进出口额 1.2亿元 − 上年进出口额 1亿元 = 2000万元`.
    private func difference(_ derived: DerivedInput) throws(EvaluationError) -> (value: Rational, working: String) {
        var value = try number(derived.numerator[0])
        for id in derived.numerator.dropFirst() {
            do {
                value = try value - (try number(id))
            } catch let error as EvaluationError {
                throw error
            } catch {
                throw .overflow(error as? ArithmeticOverflow ?? ArithmeticOverflow(operation: derived.id))
            }
        }
        let terms = derived.numerator.map { "\(label($0)) \(display($0))" }.joined(separator: " − ")
        let money = catalog.type(of: derived.numerator[0]) == .money
        return (value, "\(derived.label) = \(terms) = \(money ? value.wanText : value.displayText())")
    }

    /// The Chinese label of an input or derived value.
    func label(_ id: String) -> String {
        catalog.inputLabel(id) ?? catalog.derived.first { $0.id == id }?.label ?? id
    }

    /// A value with its unit, for explanations.
    func display(_ id: String) -> String {
        if let value = values[id], let shown = catalog.display(id, value) { return shown }
        if let derived = catalog.derived.first(where: { $0.id == id }), let value = try? number(id) {
            return value.displayText() + (derived.percent ? "%" : "")
        }
        return "?"
    }

    /// Whether a condition holds.
    func holds(_ condition: Condition) throws(EvaluationError) -> Bool {
        switch condition {
        case .equals(let id, let expected):
            switch try value(id) {
            case .boolean(let flag): return (flag ? "true" : "false") == expected
            case .choice(let text): return text == expected
            case .number(let number): return Rational(decimalText: expected) == number
            }
        case .within(let id, let interval):
            return try interval.contains(try number(id), region: region)
        case .all(let conditions):
            for condition in conditions where !(try holds(condition)) { return false }
            return true
        case .any(let conditions):
            for condition in conditions where try holds(condition) { return true }
            return false
        case .not(let condition):
            return !(try holds(condition))
        }
    }

    /// A condition in words, when the rubric gives no label for it.
    func describe(_ condition: Condition) -> String {
        switch condition {
        case .equals(let id, let expected):
            let shown: String
            if catalog.type(of: id) == .boolean {
                shown = expected == "true" ? "是" : "否"
            } else {
                shown = expected
            }
            return "\(label(id))为\(shown)"
        case .within(let id, let interval):
            if catalog.type(of: id) == .money { return "\(label(id)) \(interval.describeMoney())" }
            return "\(label(id)) \(interval.describe(region: region, unit: catalog.input(id)?.unit))"
        case .all(let conditions): return conditions.map(describe).joined(separator: "且")
        case .any(let conditions): return conditions.map(describe).joined(separator: "或")
        case .not(let condition): return "并非（\(describe(condition))）"
        }
    }
}
