/// Builds the short text of a number (`1,234,567.89`, `12.5万元`) byte by byte in a buffer on the
/// stack, and makes one string of it at the end.
///
/// Amounts are written several times for every claim of a batch; assembling them from smaller
/// strings cost more than deciding the claim. Text up to 15 bytes becomes a string without any
/// allocation at all.
struct DigitWriter: ~Copyable {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    /// The most one writer takes: more than any Int64 with separators, sign and unit.
    static let capacity = 96

    /// A writer filling `buffer` from its start; a CSV record gives it the room after its last field.
    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// The text `body` writes; at most ``capacity`` bytes.
    static func text(_ body: (inout DigitWriter) -> Void) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var writer = DigitWriter(buffer)
            body(&writer)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<writer.count]), as: UTF8.self)
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
    ///
    /// Counted by halving the range of lengths and written two digits a step from the right: each
    /// claim of a batch writes several of these, and a division per digit was most of their cost.
    mutating func appendDigits(_ value: UInt64, width: Int = 1) {
        if value < 100_000_000, width <= 8, count + 8 <= buffer.count, let base = buffer.baseAddress {
            // Below 10^8, as almost every amount in 元 is: all eight digits at once, leading zeros
            // included, stored as one word from the first digit kept.
            let digits = Self.eightDigits(value)
            let length = max(8 - digits.trailingZeroBitCount / 8, width, 1)
            let text = (digits | 0x3030_3030_3030_3030) &>> UInt64((8 - length) * 8)
            UnsafeMutableRawPointer(base + count).storeBytes(of: text.littleEndian, as: UInt64.self)
            count += length
            return
        }
        let length = max(Self.digitCount(value), width)
        precondition(count + length <= buffer.count, "DigitWriter: text longer than its buffer")
        var index = count &+ length
        var remaining = value
        while remaining >= 100 {
            let pair = remaining % 100
            remaining /= 100
            index &-= 2
            buffer[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: pair / 10)
            buffer[index &+ 1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: pair % 10)
        }
        if remaining >= 10 {
            index &-= 2
            buffer[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: remaining / 10)
            buffer[index &+ 1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: remaining % 10)
        } else {
            index &-= 1
            buffer[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: remaining)
        }
        while index > count {
            index &-= 1
            buffer[index] = UInt8(ascii: "0")
        }
        count = count &+ length
    }

    /// Two digits, `00` to `99`: 分, months and days, with no counting.
    @inline(__always)
    mutating func appendTwoDigits(_ value: Int) {
        precondition((0..<100).contains(value), "DigitWriter: not two digits")
        precondition(count + 2 <= buffer.count, "DigitWriter: text longer than its buffer")
        buffer[count] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 10)
        buffer[count &+ 1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10)
        count = count &+ 2
    }

    /// The eight decimal digits of `value` (below 10^8) as the bytes 0 to 9, the first digit in the
    /// lowest byte: split in halves of four digits, those in pairs, the pairs in digits, each step
    /// on all the parts of the word at once with a multiplication in place of a division.
    static func eightDigits(_ value: UInt64) -> UInt64 {
        let halves = value / 10_000 | (value % 10_000) &<< 32
        let hundreds = ((halves &* 10_486) &>> 20) & 0x0000_007F_0000_007F
        let pairs = hundreds | (halves &- hundreds &* 100) &<< 16
        let tens = ((pairs &* 103) &>> 10) & 0x000F_000F_000F_000F
        return tens | (pairs &- tens &* 10) &<< 8
    }

    /// How many decimal digits `value` has (1 for 0).
    private static func digitCount(_ value: UInt64) -> Int {
        var digits = 1
        var rest = value
        if rest >= 10_000_000_000_000_000 {
            digits += 16
            rest /= 10_000_000_000_000_000
        }
        if rest >= 100_000_000 {
            digits += 8
            rest /= 100_000_000
        }
        if rest >= 10_000 {
            digits += 4
            rest /= 10_000
        }
        if rest >= 100 {
            digits += 2
            rest /= 100
        }
        if rest >= 10 { digits += 1 }
        return digits
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
