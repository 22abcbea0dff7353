/// A subsidy schedule (扶持政策, 实施办法): the facts a claim carries, the fundable measures, and the
/// document's rules across claims (validity, exclusions, yearly caps, count limits, highest-only
/// groups, no double funding, a programme pool).
///
/// Build one with ``Schedule/load(bytes:file:)``; it is checked as it loads.
public struct Schedule: Sendable, Hashable {
    public var header: RubricHeader
    /// The facts claims carry, shared by all measures, and values derived from them.
    public var catalog: InputCatalog
    public var measures: [Measure]
    public var exclusions: [Exclusion]
    public var yearlyCaps: [YearlyCap]
    public var countLimits: [CountLimit]
    public var highestOnly: [HighestOnly]
    public var sameMatter: SameMatterRule?
    public var pool: Pool?
    /// Where each object sits in the rubric file, by field path, for messages.
    public var locations: [String: SourceLocation]

    /// The measure with this id.
    public func measure(_ id: String) -> Measure? { measureIndex[id].map { measures[$0] } }

    var measureIndex: [String: Int]
}
