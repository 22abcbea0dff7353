/// Builds the short text of a number (`1,234,567.89`, `12.5万元`) byte by byte in a buffer on the
/// stack, and makes one string of it at the end.
///
/// Amounts are written several times for every claim of a batch; assembling them from smaller
/// strings cost more than deciding the claim. Text up to 15 bytes becomes a string without any
/// allocation at all.
struct DigitWriter: ~Copyable {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    private init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// The text `body` writes; at most 96 bytes, more than any Int64 with separators, sign and unit.
    static func text(_ body: (inout DigitWriter) -> Void) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 96) { buffer in
            var writer = DigitWriter(buffer)
            body(&writer)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<writer.count]), as: UTF8.self)
        }
    }

    /// Appends the bytes `body` writes to `out`, without making a string.
    static func append(to out: inout [UInt8], _ body: (inout DigitWriter) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 96) { buffer in
            var writer = DigitWriter(buffer)
            body(&writer)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<writer.count]))
        }
    }

    mutating func append(_ byte: UInt8) {
        precondition(count < buffer.count, "DigitWriter: text longer than its buffer")
        buffer[count] = byte
        count += 1
    }

    /// Forgets what was written after the first `count` bytes.
    mutating func truncate(to count: Int) {
        self.count = count
    }

    /// Appends UTF-8 bytes (a unit such as `万元`).
    mutating func append(_ bytes: [UInt8]) {
        for byte in bytes { append(byte) }
    }

    /// The decimal digits of `value`, padded with leading zeros to `width`.
    mutating func appendDigits(_ value: UInt64, width: Int = 1) {
        // Count the digits first, then write them from the right.
        var length = 1
        var rest = value / 10
        while rest > 0 {
            length += 1
            rest /= 10
        }
        length = max(length, width)
        precondition(count + length <= buffer.count, "DigitWriter: text longer than its buffer")
        var remaining = value
        for index in stride(from: count + length - 1, through: count, by: -1) {
            buffer[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
        count += length
    }

    /// The digits of `value` with a comma between each group of three (`1,234,567`).
    mutating func appendGrouped(_ value: UInt64) {
        var length = 1
        var rest = value / 10
        while rest > 0 {
            length += 1
            rest /= 10
        }
        let total = length + (length - 1) / 3
        precondition(count + total <= buffer.count, "DigitWriter: text longer than its buffer")
        var index = count + total - 1
        var remaining = value
        var written = 0
        while index >= count {
            if written > 0 && written % 3 == 0 {
                buffer[index] = UInt8(ascii: ",")
                index -= 1
            }
            buffer[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
            written += 1
            index -= 1
        }
        count += total
    }

    /// `whole` followed by the decimals of `fraction / scale` without trailing zeros (`1.2`, `3`).
    mutating func appendQuotient(whole: UInt64, fraction: UInt64, scale: UInt64) {
        appendDigits(whole)
        guard fraction != 0 else { return }
        append(UInt8(ascii: "."))
        var remainder = fraction
        var unit = scale / 10
        while remainder != 0 && unit > 0 {
            append(UInt8(ascii: "0") + UInt8(remainder / unit))
            remainder %= unit
            unit /= 10
        }
    }
}
