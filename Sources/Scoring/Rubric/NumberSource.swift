/// Where a number is read from: a claim's input, or a derived value worked out from inputs.
///
/// Found in the catalog once, when a schedule is prepared, so testing a claim never searches the
/// derived values by id.
enum NumberSource: Sendable {
    case input(String)
    case derived(DerivedInput)

    /// The source of `id`: a derived value when the catalog has one with that id, else the input, as
    /// ``Facts/number(_:)`` decides.
    init(_ id: String, in catalog: InputCatalog) {
        if let derived = catalog.derived.first(where: { $0.id == id }) {
            self = .derived(derived)
        } else {
            self = .input(id)
        }
    }
}
