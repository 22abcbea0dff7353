/// Texts known before a file is read (a schedule's measure ids, an input's choices), found by a
/// cell's bytes, so the cells that hold them need no string of their own.
struct KnownTexts: Sendable {
    let texts: [String]
    private let utf8: [[UInt8]]
    /// Each text's first eight bytes as one number, so most texts are passed over in one comparison.
    private let prefixes: [UInt64]

    init(_ texts: [String]) {
        self.texts = texts
        utf8 = texts.map { Array($0.utf8) }
        prefixes = utf8.map { $0.withUnsafeBufferPointer(Self.prefix) }
    }

    /// The text whose UTF-8 is exactly `bytes`, if there is one.
    ///
    /// Only equal bytes match. A text equal as Swift compares strings but written with other code
    /// points (é as e and an accent) is not found here; callers leave it to the string comparison.
    func text(matching bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let prefix = Self.prefix(bytes)
        for index in prefixes.indices where prefixes[index] == prefix && utf8[index].count == bytes.count {
            if bytes.count <= 8 || utf8[index].withUnsafeBufferPointer({ sameBytes($0, bytes) }) { return texts[index] }
        }
        return nil
    }

    /// The first eight bytes (fewer when there are fewer, the rest zero), as one number.
    private static func prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var prefix: UInt64 = 0
        for index in 0..<min(bytes.count, 8) { prefix |= UInt64(bytes[index]) << (8 * index) }
        return prefix
    }
}
