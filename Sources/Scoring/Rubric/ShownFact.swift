/// An input or derived value as explanations show it: `本年度进出口额 1.2亿元`, or the working of a
/// derived value.
///
/// Its label and definition are found in the catalog once, when a schedule is prepared; shown
/// for a claim, it gives the text ``Facts/label(_:)`` and ``Facts/display(_:)`` give for its id.
struct ShownFact: Sendable {
    let id: String
    /// ``Facts/label(_:)`` of the id.
    let label: String
    let definition: InputDefinition?
    /// The derived value with this id; the catalog's first, as ``Facts`` finds it.
    let derived: DerivedInput?
    /// For a derived difference, its terms, and whether the first is money (the difference is then
    /// shown as money): its working is written from these.
    let differenceTerms: (terms: [ShownFact], money: Bool)?

    init(_ id: String, in catalog: InputCatalog) {
        self.id = id
        definition = catalog.input(id)
        derived = catalog.derived.first { $0.id == id }
        label = catalog.inputLabel(id) ?? derived?.label ?? id
        if let derived, derived.isDifference {
            differenceTerms = (derived.numerator.map { ShownFact($0, in: catalog) }, catalog.type(of: derived.numerator[0]) == .money)
        } else {
            differenceTerms = nil
        }
    }

    /// Where its number is read from.
    var source: NumberSource { derived.map(NumberSource.derived) ?? .input(id) }

    /// ``Facts/display(_:)`` of the id.
    func display(_ facts: Facts) -> String {
        if let definition, let value = facts.values[id] { return definition.display(value) }
        if let derived, let value = try? facts.number(.derived(derived)) {
            return value.displayText() + (derived.percent ? "%" : "")
        }
        return "?"
    }

    /// Appends `本年度进出口额 1.2亿元`: the label and ``display(_:)``.
    func appendLabelled(_ facts: Facts, to text: inout WorkingText) {
        text.append(label)
        text.append(" ")
        if let definition, definition.type == .money, case .number(let number)? = facts.values[id] {
            text.append(wan: number)
        } else {
            text.append(display(facts))
        }
    }

    /// Appends what an amount's working shows of the fact whose number is `number` (read from
    /// ``source``): a derived value's working, or the label and the value.
    func append(number: Rational, _ facts: Facts, to working: inout WorkingText) throws(EvaluationError) {
        if let differenceTerms, let derived {
            // `年度新增额 = 本年度进出口额 1.2亿元 − 上年度进出口额 1亿元 = 2000万元`, as
            // ``Facts/ratio(_:)`` writes it: `number` is the difference, so every term has a value.
            working.append(derived.label)
            working.append(" = ")
            for (index, term) in differenceTerms.terms.enumerated() {
                if index > 0 { working.append(" − ") }
                term.appendLabelled(facts, to: &working)
            }
            working.append(" = ")
            if differenceTerms.money { working.append(wan: number) } else { working.append(number.displayText()) }
            return
        }
        if let derived {
            working.append(try facts.ratio(derived).working)
            return
        }
        working.append(label)
        working.append(" ")
        // The input holds `number`, so this is what `display` gives, without looking it up again.
        guard let definition else {
            working.append("?")
            return
        }
        if definition.type == .money {
            working.append(wan: number)
        } else {
            working.append(definition.display(.number(number)))
        }
    }
}
