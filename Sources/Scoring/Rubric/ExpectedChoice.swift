/// The choice an `equals` condition expects, compared with a claim's choice by UTF-8 bytes where
/// the bytes decide.
///
/// Swift compares strings by Unicode canonical equivalence, and for Chinese text that check costs
/// more than the rest of a condition. A claim's choice is nearly always written with the very bytes
/// of one of the input's listed choices, and whether that listed choice equals the expected one is
/// worked out once here. Only a text with other bytes still goes to the string comparison, so texts
/// written with other code points compare as they always did.
struct ExpectedChoice: Sendable {
    let text: String
    private let bytes: [UInt8]
    /// The input's listed choices, each with whether it equals `text` as Swift compares strings.
    private let listed: [Listed]

    private struct Listed: Sendable {
        let bytes: [UInt8]
        let equalsExpected: Bool
    }

    init(_ text: String, listedChoices: [String]) {
        self.text = text
        bytes = Array(text.utf8)
        listed = listedChoices.map { Listed(bytes: Array($0.utf8), equalsExpected: $0 == text) }
    }

    /// Whether `candidate == text`, as Swift compares strings.
    func matches(_ candidate: String) -> Bool {
        let decided = candidate.utf8.withContiguousStorageIfAvailable { decide($0) }
        return (decided ?? nil) ?? (candidate == text)
    }

    /// The answer when `candidate` has the bytes of the expected text or of a listed choice; `nil`
    /// when only the string comparison can tell.
    private func decide(_ candidate: UnsafeBufferPointer<UInt8>) -> Bool? {
        if Self.same(bytes, candidate) { return true }
        for choice in listed where Self.same(choice.bytes, candidate) { return choice.equalsExpected }
        return nil
    }

    private static func same(_ known: [UInt8], _ candidate: UnsafeBufferPointer<UInt8>) -> Bool {
        known.count == candidate.count && known.withUnsafeBufferPointer { sameBytes($0, candidate) }
    }
}
