/// Text compared and hashed by its UTF-8 bytes, for the names and ids that key running totals.
///
/// Swift compares strings by Unicode canonical equivalence, which costs a normalisation check on
/// every hash of a Chinese company name. Names in claims are compared exactly as written instead:
/// the same bytes are the same applicant. (Chinese characters have no alternative encodings under
/// normalisation, so for them nothing changes but the speed.)
struct ExactText: Hashable, Sendable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (lhs: ExactText, rhs: ExactText) -> Bool {
        var lhs = lhs.text
        var rhs = rhs.text
        return lhs.withUTF8 { left in rhs.withUTF8 { right in left.elementsEqual(right) } }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
