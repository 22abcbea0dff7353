/// The inputs and derived values a rubric declares, looked up by id.
///
/// Scorecards and subsidy schedules both read facts through this, so conditions, ratios and
/// explanations work the same way in both.
public struct InputCatalog: Sendable, Hashable {
    /// The definitions and their indexes, kept together and shared: facts are made for every claim
    /// of a batch, and copying one reference costs a fraction of copying four collections.
    private final class Storage: Sendable {
        let inputs: [InputDefinition]
        let derived: [DerivedInput]
        let inputIndex: [String: Int]
        let derivedIndex: [String: Int]

        init(inputs: [InputDefinition], derived: [DerivedInput]) {
            self.inputs = inputs
            self.derived = derived
            inputIndex = Dictionary(inputs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            derivedIndex = Dictionary(derived.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    private var storage: Storage

    public init(inputs: [InputDefinition], derived: [DerivedInput]) {
        storage = Storage(inputs: inputs, derived: derived)
    }

    /// Setting either list rebuilds the indexes, so a lookup never finds a definition that was replaced.
    public var inputs: [InputDefinition] {
        get { storage.inputs }
        set { storage = Storage(inputs: newValue, derived: storage.derived) }
    }

    public var derived: [DerivedInput] {
        get { storage.derived }
        set { storage = Storage(inputs: storage.inputs, derived: newValue) }
    }

    private var inputIndex: [String: Int] { storage.inputIndex }
    private var derivedIndex: [String: Int] { storage.derivedIndex }

    public static func == (lhs: InputCatalog, rhs: InputCatalog) -> Bool {
        lhs.storage === rhs.storage || (lhs.inputs == rhs.inputs && lhs.derived == rhs.derived)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(inputs)
        hasher.combine(derived)
    }

    /// The input with this id.
    public func input(_ id: String) -> InputDefinition? { inputIndex[id].map { inputs[$0] } }

    // Each claim reads a few properties of a definition; these read them in place, where
    // `input(_:)` would copy the whole definition.

    /// The type of the input with this id.
    public func type(of id: String) -> InputType? { inputIndex[id].map { inputs[$0].type } }

    /// The label of the input with this id.
    func inputLabel(_ id: String) -> String? { inputIndex[id].map { inputs[$0].label } }

    /// What a missing value of the input with this id means, when the rubric says.
    func ifMissing(_ id: String) -> String? { inputIndex[id].flatMap { inputs[$0].ifMissing } }

    /// A value of the input with this id, with its unit, for explanations.
    func display(_ id: String, _ value: InputValue) -> String? { inputIndex[id].map { inputs[$0].display(value) } }

    /// The derived value with this id.
    public func derivedValue(_ id: String) -> DerivedInput? { derivedIndex[id].map { derived[$0] } }
}
