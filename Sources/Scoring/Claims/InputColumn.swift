/// An input of the schedule as the reading of its cells needs it, taken from its definition once,
/// so a batch of millions of cells copies no definition.
struct InputColumn: Sendable {
    /// The input's id: the key its values are kept under.
    let id: String
    let type: InputType
    let minimum: Rational?
    let maximum: Rational?
    /// The allowed answers of a choice; none for other types.
    let choices: KnownTexts

    init(_ definition: InputDefinition) {
        id = definition.id
        type = definition.type
        minimum = definition.minimum
        maximum = definition.maximum
        choices = KnownTexts(definition.choices ?? [])
    }
}
