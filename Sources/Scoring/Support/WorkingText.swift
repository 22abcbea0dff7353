/// A working (`相关费用 120万元 × 50% = 60万元`) written as UTF-8 bytes and made a string once.
///
/// A working has a dozen parts, several of them amounts. Appending each part to a string checks and
/// copies it, and each amount was first made a string of its own: together that cost more than
/// working out the amount. Here parts are copied as bytes and amounts written straight in.
struct WorkingText {
    private var bytes: [UInt8]

    /// Begins with `start`, with room for a usual working.
    init(_ start: String = "") {
        bytes = []
        bytes.reserveCapacity(256)
        bytes.append(contentsOf: start.utf8)
    }

    mutating func append(_ text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if copied == nil { bytes.append(contentsOf: text.utf8) }
    }

    mutating func append(_ other: WorkingText) {
        bytes.append(contentsOf: other.bytes)
    }

    /// `value.wanText`, written without making it a string.
    mutating func append(wan value: Rational) {
        let written = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: DigitWriter.capacity) { buffer in
            var writer = DigitWriter(buffer)
            guard value.writeWanText(into: &writer) else { return false }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<writer.count]))
            return true
        }
        if !written { append(value.wanText) }
    }

    /// The working as a string.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
