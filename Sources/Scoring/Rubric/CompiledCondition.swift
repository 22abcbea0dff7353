/// A ``Condition`` prepared once for testing many claims: its inputs found in the catalog and its
/// expected values read.
///
/// A schedule's conditions are tested a million times a run; the plain condition parses its
/// expected number and searches the derived values by id on every test. This holds what those give,
/// and ``Facts/holds(_:)-(CompiledCondition)`` tests it with the same results and the same errors, in
/// the same order, as the plain condition.
indirect enum CompiledCondition: Sendable {
    case equals(input: String, expected: ExpectedValue)
    case within(NumberSource, Interval)
    case all([CompiledCondition])
    case any([CompiledCondition])
    case not(CompiledCondition)

    init(_ condition: Condition, catalog: InputCatalog) {
        switch condition {
        case .equals(let input, let value):
            self = .equals(input: input, expected: ExpectedValue(value, listedChoices: catalog.input(input)?.choices ?? []))
        case .within(let input, let interval):
            self = .within(NumberSource(input, in: catalog), interval)
        case .all(let conditions):
            self = .all(conditions.map { CompiledCondition($0, catalog: catalog) })
        case .any(let conditions):
            self = .any(conditions.map { CompiledCondition($0, catalog: catalog) })
        case .not(let condition):
            self = .not(CompiledCondition(condition, catalog: catalog))
        }
    }
}

extension Facts {
    /// Whether a prepared condition holds: the same answer, or the same error, as the plain condition.
    func holds(_ condition: CompiledCondition) throws(EvaluationError) -> Bool {
        switch condition {
        case .equals(let id, let expected):
            return expected.matches(try value(id))
        case .within(let source, let interval):
            return try interval.contains(try number(source), region: region)
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
}
