/// Where a list of tiers (first match wins) leaves values uncovered, covers them twice, or has a
/// tier no value can reach.
///
/// The line is cut at every bound; between two cuts every value belongs to the same tiers, so
/// testing each cut and one value inside each stretch is exact. For counts only whole numbers are
/// tested, so a gap between 4 and 5 件 is not a gap.
struct TierAnalysis {
    /// The values an input can take.
    struct Domain {
        var lower: Rational?
        var upper: Rational?
        var integers: Bool

        func contains(_ value: Rational) -> Bool {
            if let lower, value < lower { return false }
            if let upper, value > upper { return false }
            return !integers || value.isInteger
        }
    }

    struct Gap {
        /// A value in the gap, to show.
        var example: Rational
        /// The stretch it lies in: `(99, 100)` or `0`.
        var description: String
        /// Whether the stretch holds any whole number (a gap only non-integer values fall into is subtler).
        var containsInteger: Bool
    }

    var gaps: [Gap] = []
    /// Pairs of tier indices that both contain some value, with an example value.
    var overlaps: [(first: Int, second: Int, example: Rational)] = []
    /// Tiers that are never the first match for any value.
    var unreachable: [Int] = []

    init(tiers: [Interval], domain: Domain, region: String?) {
        var cuts: Set<Rational> = []
        for tier in tiers {
            for bound in [tier.lower, tier.upper].compactMap({ $0 }) {
                if let value = try? bound.value.resolved(for: region) { cuts.insert(value) }
            }
        }
        if let lower = domain.lower { cuts.insert(lower) }
        if let upper = domain.upper { cuts.insert(upper) }
        let points = cuts.sorted()
        guard let first = points.first, let last = points.last else { return }

        // Each cut, and one value in each stretch between cuts (and beyond the ends).
        var probes: [(value: Rational, stretch: String, open: (Rational, Rational)?)] = []
        if let below = try? first - .one { probes.append((below, "< \(first.displayText())", nil)) }
        for (index, point) in points.enumerated() {
            probes.append((point, point.displayText(), nil))
            if index + 1 < points.count, let middle = try? (point + points[index + 1]) / Rational(integer: 2) {
                probes.append((middle, "(\(point.displayText()), \(points[index + 1].displayText()))", (point, points[index + 1])))
            }
        }
        if let above = try? last + .one { probes.append((above, "> \(last.displayText())", nil)) }

        var firstMatches: Set<Int> = []
        var seenOverlaps: Set<[Int]> = []
        for probe in probes {
            var value = probe.value
            if domain.integers, !value.isInteger {
                // Only whole numbers matter: test the first whole number in the stretch, if any.
                guard let (low, high) = probe.open, let candidate = try? low.floor + .one, candidate < high else { continue }
                value = candidate
            }
            guard domain.contains(value) else { continue }
            let matching = tiers.indices.filter { (try? tiers[$0].contains(value, region: region)) == true }
            if let winner = matching.first { firstMatches.insert(winner) }
            if matching.isEmpty {
                let hasInteger: Bool
                if let (low, high) = probe.open {
                    hasInteger = ((try? low.floor + .one).map { $0 < high }) ?? false
                } else {
                    hasInteger = value.isInteger
                }
                gaps.append(Gap(example: value, description: probe.stretch, containsInteger: hasInteger))
            } else if matching.count > 1, seenOverlaps.insert(Array(matching.prefix(2))).inserted {
                overlaps.append((matching[0], matching[1], value))
            }
        }
        unreachable = tiers.indices.filter { !firstMatches.contains($0) }
    }
}
