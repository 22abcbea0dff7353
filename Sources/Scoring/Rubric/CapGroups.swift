extension Item {
    /// The item's caps in the order they apply, each with the rules it covers: a cap on fewer rules
    /// first, so a cap on part of another cap's rules (最高得3分 inside an item 最高得10分) applies
    /// before it, and the outer cap then limits what is left. Ties keep the file's order.
    ///
    /// The checker requires caps to be nested or disjoint, so this order is always well defined.
    var capsInOrder: [(cap: Cap, rules: Set<String>)] {
        let all = Set(rules.map(\.id))
        return caps.enumerated()
            .map { (offset: $0.offset, cap: $0.element, rules: $0.element.rules.map { Set($0) } ?? all) }
            .sorted { ($0.rules.count, $0.offset) < ($1.rules.count, $1.offset) }
            .map { ($0.cap, $0.rules) }
    }
}

/// Values of an item's rules gathered under its caps, one cap at a time in ``Item/capsInOrder``:
/// each cap merges the groups inside it into one whose value it limits. What remains at the end
/// (capped groups and uncapped rules) adds up to the item.
///
/// Used both to score an item and to bound what it can score, so the two always agree.
struct CapGroups<Value> {
    private(set) var groups: [(rules: Set<String>, value: Value)]

    init(_ values: [(id: String, value: Value)]) {
        groups = values.map { (rules: [$0.id], value: $0.value) }
    }

    /// Merges the groups whose rules all lie in `rules` into one, valued by `merge` from theirs.
    mutating func apply<Failure: Error>(_ rules: Set<String>, merge: ([Value]) throws(Failure) -> Value) throws(Failure) {
        let inside = groups.filter { $0.rules.isSubset(of: rules) }
        guard !inside.isEmpty else { return }
        let merged = try merge(inside.map(\.value))
        groups.removeAll { $0.rules.isSubset(of: rules) }
        groups.append((rules: rules, value: merged))
    }

    var values: [Value] { groups.map(\.value) }
}
