/// A number for each applicant, given on first sight, so running totals are keyed by a small
/// integer instead of a company name: the same name (byte for byte) is the same applicant, as
/// ``ExactText`` compares them.
///
/// A batch can have a hundred thousand applicants, so the table is far larger than the cache and
/// a lookup costs the memory it touches. A dictionary of strings touches the bucket, the key's
/// String and that String's bytes; here a slot holds the name's hash and where its bytes are, and
/// every name lies in one byte array beside its number, so a lookup that finds its applicant reads
/// one slot and one name: one or two cache lines.
///
/// The hash can be worked out ahead, on any thread (``hash(_:)``), and names already numbered can
/// be looked up on several threads at once (``knownNumber(of:hash:)``), so that only new names are
/// numbered one at a time in file order.
struct ApplicantNumbers: Sendable {
    /// One place in the open-addressing table.
    private struct Slot: Sendable {
        /// The name's hash (``ApplicantNumbers/hash(_:)``).
        var hash: UInt64
        /// Where the name's entry starts in `names`, plus one; 0 for an empty slot.
        var entry: Int
    }

    /// Each name's entry: its number and its length (four bytes each, in the machine's order), then
    /// its UTF-8 bytes.
    private var names: [UInt8] = []
    /// A power of two in size, never more than half full, so a probe soon meets an empty slot.
    private var slots = [Slot](repeating: Slot(hash: 0, entry: 0), count: 1024)
    /// How many applicants have a number.
    private(set) var count = 0

    /// The hash that ``number(of:hash:)`` expects for these bytes: the same within one run, on any
    /// thread (``SeededHash``).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        SeededHash.hash(bytes)
    }

    /// The hash of the applicant's name: ``hash(_:)`` of its UTF-8 bytes.
    static func hash(of applicant: String) -> UInt64 {
        withBytes(of: applicant) { hash($0) }
    }

    /// The applicant's number, given on first sight.
    mutating func number(of applicant: String) -> Int {
        Self.withBytes(of: applicant) { number(of: $0, hash: Self.hash($0)) }
    }

    /// The applicant's number, given on first sight, when its name's hash was worked out before.
    mutating func number(of applicant: String, hash: UInt64) -> Int {
        Self.withBytes(of: applicant) { number(of: $0, hash: hash) }
    }

    /// The number of the applicant whose name is `bytes`, given on first sight; `hash` must be
    /// ``hash(_:)`` of `bytes` (tests give others, to make names collide).
    mutating func number(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        let (found, slot) = find(bytes, hash: hash)
        if let found { return found }
        let number = count
        precondition(number < Int(UInt32.max) && bytes.count < Int(UInt32.max), "ApplicantNumbers: too many applicants or too long a name")
        slots[slot] = Slot(hash: hash, entry: names.count + 1)
        Self.appendEntry(number: number, bytes: bytes, to: &names)
        count += 1
        if count * 2 > slots.count { grow() }
        return number
    }

    /// The applicant's number when it has one already; gives none. Only reads the table, so threads
    /// can look names up at once while nothing numbers new ones.
    func knownNumber(of applicant: String, hash: UInt64) -> Int? {
        Self.withBytes(of: applicant) { find($0, hash: hash).number }
    }

    /// The number of the name `bytes`, or `nil` and the empty slot where it would go.
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (number: Int?, slot: Int) {
        slots.withUnsafeBufferPointer { slots in
            names.withUnsafeBytes { names in
                let mask = slots.count - 1
                var index = Int(truncatingIfNeeded: hash) & mask
                while slots[index].entry != 0 {
                    if slots[index].hash == hash, let number = Self.number(at: slots[index].entry - 1, in: names, ifNamed: bytes) {
                        return (number, index)
                    }
                    index = (index + 1) & mask
                }
                return (nil, index)
            }
        }
    }

    /// The number stored at `entry` when its name is `bytes`.
    private static func number(at entry: Int, in names: UnsafeRawBufferPointer, ifNamed bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let length = Int(names.loadUnaligned(fromByteOffset: entry + 4, as: UInt32.self))
        guard length == bytes.count else { return nil }
        let stored = UnsafeRawBufferPointer(rebasing: names[(entry + 8)..<(entry + 8 + length)])
        guard sameBytes(stored.assumingMemoryBound(to: UInt8.self), bytes) else { return nil }
        return Int(names.loadUnaligned(fromByteOffset: entry, as: UInt32.self))
    }

    private static func appendEntry(number: Int, bytes: UnsafeBufferPointer<UInt8>, to names: inout [UInt8]) {
        withUnsafeBytes(of: UInt32(number)) { names.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt32(bytes.count)) { names.append(contentsOf: $0) }
        names.append(contentsOf: bytes)
    }

    /// Twice as many slots, every name placed again by its hash (the names themselves stay where they are).
    private mutating func grow() {
        var larger = [Slot](repeating: Slot(hash: 0, entry: 0), count: slots.count * 2)
        let mask = larger.count - 1
        for slot in slots where slot.entry != 0 {
            var index = Int(truncatingIfNeeded: slot.hash) & mask
            while larger[index].entry != 0 { index = (index + 1) & mask }
            larger[index] = slot
        }
        slots = larger
    }

    /// Calls `body` with the UTF-8 bytes of `text`, without copying them when they are contiguous already.
    private static func withBytes<T>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var text = text
        return text.withUTF8(body)
    }
}
