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
        let equal = lhs.text.utf8.withContiguousStorageIfAvailable { left in
            rhs.text.utf8.withContiguousStorageIfAvailable { right in sameBytes(left, right) }
        }
        return (equal ?? nil) ?? lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}

/// Whether two byte buffers hold the same bytes, compared eight at a time.
func sameBytes(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
    guard left.count == right.count else { return false }
    guard let a = left.baseAddress, let b = right.baseAddress else { return true }
    let (a8, b8) = (UnsafeRawPointer(a), UnsafeRawPointer(b))
    var offset = 0
    while offset + 8 <= left.count {
        if a8.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != b8.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
        offset += 8
    }
    while offset < left.count {
        if a[offset] != b[offset] { return false }
        offset += 1
    }
    return true
}

/// How two texts compare as UTF-8 bytes: negative, zero or positive, as `memcmp` (the order of
/// claim ids, independent of the machine's locale).
///
/// Streaming compares every claim's id with the one before, so the bytes are read where they are
/// rather than through copies of the strings.
func compareBytes(_ left: String, _ right: String) -> Int {
    let compared = left.utf8.withContiguousStorageIfAvailable { a in
        right.utf8.withContiguousStorageIfAvailable { b in compareBytes(a, b) }
    }
    if let compared = compared ?? nil { return compared }
    var (left, right) = (left, right)
    return left.withUTF8 { a in right.withUTF8 { b in compareBytes(a, b) } }
}

/// How two byte buffers compare: negative, zero or positive, as `memcmp`.
func compareBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
    let common = min(a.count, b.count)
    var index = 0
    while index < common {
        if a[index] != b[index] { return Int(a[index]) - Int(b[index]) }
        index += 1
    }
    return a.count - b.count
}
