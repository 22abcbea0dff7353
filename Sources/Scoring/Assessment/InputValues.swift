/// The typed values of a claim's or a self-assessment's inputs, by input id.
///
/// A claim has a handful of values: looking one up by comparing ids in turn costs a tenth of
/// hashing the id, and making the list costs a tenth of making a dictionary, which matters at a
/// million claims a second. Past ``indexedFrom`` values (a self-assessment has dozens) the ids are
/// also hashed into an index, so a lookup never walks a long list.
public struct InputValues: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    private var entries: [Entry] = []
    /// Each id's position in `entries`, once there are more than ``indexedFrom`` of them.
    private var index: [String: Int]?

    /// How many values a list holds before its ids are also hashed.
    static let indexedFrom = 12

    private struct Entry: Sendable, Hashable {
        let id: String
        var value: InputValue
    }

    public init() {}

    /// Room for `count` values without growing.
    public init(minimumCapacity count: Int) {
        entries.reserveCapacity(count)
    }

    public init(dictionaryLiteral elements: (String, InputValue)...) {
        for (id, value) in elements { self[id] = value }
    }

    public init(_ values: [String: InputValue]) {
        entries.reserveCapacity(values.count)
        for (id, value) in values { self[id] = value }
    }

    /// How many inputs have a value.
    public var count: Int { entries.count }

    public var isEmpty: Bool { entries.isEmpty }

    /// The ids that have a value, in the order they were given.
    public var ids: [String] { entries.map(\.id) }

    /// The value of input `id`; setting `nil` removes it.
    public subscript(id: String) -> InputValue? {
        get {
            guard let position = position(of: id) else { return nil }
            return entries[position].value
        }
        set {
            switch (position(of: id), newValue) {
            case (let position?, let value?):
                entries[position].value = value
            case (let position?, nil):
                entries.remove(at: position)
                rebuildIndex()
            case (nil, let value?):
                appendNew(id, value)
            case (nil, nil):
                break
            }
        }
    }

    /// Adds the value of an input that has none yet, without comparing it with the ids before it:
    /// for a row's cells, whose columns the header made unique.
    mutating func appendNew(_ id: consuming String, _ value: consuming InputValue) {
        assert(position(of: id) == nil, "InputValues.appendNew: \(id) already has a value")
        if index != nil { index![copy id] = entries.count }
        entries.append(Entry(id: id, value: value))
        if index == nil, entries.count > Self.indexedFrom { rebuildIndex() }
    }

    private func position(of id: String) -> Int? {
        if let index { return index[id] }
        return entries.firstIndex { $0.id == id }
    }

    private mutating func rebuildIndex() {
        guard entries.count > Self.indexedFrom else {
            index = nil
            return
        }
        var built: [String: Int] = [:]
        built.reserveCapacity(entries.count)
        for (position, entry) in entries.enumerated() { built[entry.id] = position }
        index = built
    }

    /// Equal when the same ids have the same values, in whatever order they were given.
    public static func == (lhs: InputValues, rhs: InputValues) -> Bool {
        lhs.count == rhs.count && lhs.entries.allSatisfy { rhs[$0.id] == $0.value }
    }

    /// Does not depend on the order, like ``==(_:_:)``.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        var combined = 0
        for entry in entries { combined ^= entry.hashValue }
        hasher.combine(combined)
    }
}
