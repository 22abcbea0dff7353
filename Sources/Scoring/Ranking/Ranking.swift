/// Competition ranking (1, 2, 2, 4): entries ordered by an exact score, highest first. Entries
/// with equal scores share the rank of the first of them, and the rank after a tie skips the
/// places the tie took.
///
/// Scores are compared exactly (`Rational`), so 85⅓ and 85.333 are not tied even where both are
/// shown as ≈85.333. The order within a tie comes from `listedBefore` (``ScoreSummary`` lists
/// tied units by name), so the ranking never depends on the order the entries came in.
///
/// ```swift
/// let ranking = Ranking(reports, score: \.total) { $0.unit < $1.unit }
/// ranking.places.map(\.rank)   // [1, 2, 2, 4]
/// ```
public struct Ranking<Entry: Sendable>: Sendable {
    /// One entry and where it stands.
    public struct Place: Sendable {
        public var entry: Entry
        /// 1 + the number of entries with a higher score.
        public var rank: Int
        /// How many entries share this score, this one included (1 when not tied).
        public var tieSize: Int

        public var tied: Bool { tieSize > 1 }
        /// The last place the tie takes up: the tie at rank 10 with 3 entries takes places 10–12.
        public var lastPlace: Int { rank + tieSize - 1 }
    }

    /// Every entry, highest score first, ties in `listedBefore` order.
    public let places: [Place]

    /// - Parameters:
    ///   - score: the exact value entries are ranked by, higher is better.
    ///   - listedBefore: the order within a tie; it must be a strict total order on the entries
    ///     (names, then file paths) for the result not to depend on the input order.
    public init(_ entries: [Entry], score: (Entry) -> Rational, listedBefore: (Entry, Entry) -> Bool) {
        let scored = entries.map { (entry: $0, score: score($0)) }.sorted { a, b in
            a.score != b.score ? a.score > b.score : listedBefore(a.entry, b.entry)
        }
        var places: [Place] = []
        places.reserveCapacity(scored.count)
        var start = 0
        while start < scored.count {
            var end = start + 1
            while end < scored.count, scored[end].score == scored[start].score { end += 1 }
            for index in start..<end {
                places.append(Place(entry: scored[index].entry, rank: start + 1, tieSize: end - start))
            }
            start = end
        }
        self.places = places
    }
}
