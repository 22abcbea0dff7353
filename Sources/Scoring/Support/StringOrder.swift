extension Sequence {
    /// The elements sorted by `text`, in Swift's order of strings (`<`), compared byte by byte where
    /// that gives the same order.
    ///
    /// Swift orders strings by their canonical (NFC) form, and for a Chinese company name each
    /// comparison first checks where the normalisation could change. A million claims' summary sorts
    /// a hundred thousand names that way at the end of the run, on one thread. A name made only of
    /// characters that normalisation never changes or reorders (ASCII, the CJK ideographs
    /// U+3400–U+9FFF, the full-width forms U+FF01–U+FF5E such as （）) is its own canonical form,
    /// and for two such names Swift's order is the order of their UTF-8 bytes. Any other pair is
    /// compared by Swift itself, so the result is the same as `sorted { text($0) < text($1) }`.
    func sorted(byStringOrderOf text: (Element) -> String) -> [Element] {
        var keyed = map { element in
            let key = text(element)
            return (element: element, key: key, isCanonical: Self.isOwnCanonicalForm(key))
        }
        keyed.sort { left, right in
            if left.isCanonical && right.isCanonical { return compareBytes(left.key, right.key) < 0 }
            return left.key < right.key
        }
        return keyed.map(\.element)
    }

    /// Whether every character of `text` is one that canonical normalisation leaves alone.
    static func isOwnCanonicalForm(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        while let lead = bytes.next() {
            if lead < 0x80 { continue }
            // Three-byte characters only (a String's UTF-8 is valid, so two continuation bytes follow):
            // E3 90 80 is U+3400, E9 BF BF is U+9FFF; EF BC 81 is U+FF01, EF BD 9E is U+FF5E.
            guard lead & 0xF0 == 0xE0, let second = bytes.next(), let third = bytes.next() else { return false }
            let scalar = (UInt32(lead & 0x0F) << 12) | (UInt32(second & 0x3F) << 6) | UInt32(third & 0x3F)
            guard (0x3400...0x9FFF).contains(scalar) || (0xFF01...0xFF5E).contains(scalar) else { return false }
        }
        return true
    }
}
