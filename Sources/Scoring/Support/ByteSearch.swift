#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finding a few kinds of byte among millions of ordinary ones, sixteen bytes at a time.
///
/// Splitting a CSV file is mostly looking for the next comma, quote or line end. One vector
/// comparison tests sixteen bytes for a byte value, so a long cell (a Chinese reason, a company name)
/// is crossed in a sixteenth of the steps, and the bytes found come back as bits to walk through.
enum ByteSearch {
    /// Which of the sixteen bytes from `index` on are `first`, `second`, `third` or `fourth`: bit
    /// `i` is set when `buffer[index + i]` is. Bytes past the end of `buffer` are never set.
    @inline(__always)
    static func positions(
        of first: UInt8, _ second: UInt8, _ third: UInt8, _ fourth: UInt8, in buffer: UnsafeBufferPointer<UInt8>, at index: Int
    ) -> UInt32 {
        guard index &+ 16 <= buffer.count else {
            return positionsNearTheEnd(of: first, second, third, fourth, in: buffer, at: index)
        }
        // Sixteen bytes are there, so the buffer has an address.
        let bytes = UnsafeRawPointer(buffer.baseAddress.unsafelyUnwrapped + index).loadUnaligned(as: SIMD16<UInt8>.self)
        // Compared with whole vectors: `bytes .== first` (a vector with a scalar) compiles to a loop
        // over the sixteen lanes, measured twenty times slower.
        let hits =
            (bytes .== SIMD16<UInt8>(repeating: first)) .| (bytes .== SIMD16<UInt8>(repeating: second))
            .| (bytes .== SIMD16<UInt8>(repeating: third)) .| (bytes .== SIMD16<UInt8>(repeating: fourth))
        // Each hit is a byte of all ones. Most runs of sixteen bytes in a long cell have none.
        let hitBytes = unsafeBitCast(hits, to: SIMD16<UInt8>.self)
        let halves = unsafeBitCast(hitBytes, to: SIMD2<UInt64>.self)
        guard halves[0] | halves[1] != 0 else { return 0 }
        // Keep one bit of each hit, a different bit in each of eight bytes, and gather each eight
        // bytes' bits into one byte with a multiplication.
        let bitOfEachByte = SIMD16<UInt8>(1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128)
        let bits = unsafeBitCast(hitBytes & bitOfEachByte, to: SIMD2<UInt64>.self)
        let low = (bits[0] &* 0x0101_0101_0101_0101) &>> 56
        let high = (bits[1] &* 0x0101_0101_0101_0101) &>> 56
        return UInt32(truncatingIfNeeded: low | high &<< 8)
    }

    /// ``positions(of:_:_:_:in:at:)`` for the last fifteen bytes or fewer, one byte at a time, so
    /// nothing is read past the end.
    @inline(never)
    private static func positionsNearTheEnd(
        of first: UInt8, _ second: UInt8, _ third: UInt8, _ fourth: UInt8, in buffer: UnsafeBufferPointer<UInt8>, at index: Int
    ) -> UInt32 {
        var found: UInt32 = 0
        var offset = 0
        while index + offset < buffer.count && offset < 16 {
            let byte = buffer[index + offset]
            if byte == first || byte == second || byte == third || byte == fourth { found |= 1 << offset }
            offset += 1
        }
        return found
    }

    /// The index of the first byte in `buffer[start...]` equal to `first`, `second` or `third`, or
    /// `buffer.count` when there is none.
    @inline(__always)
    static func firstIndex(
        of first: UInt8, _ second: UInt8, _ third: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> Int {
        var index = start
        while index < buffer.count {
            let found = positions(of: first, second, third, third, in: buffer, at: index)
            if found != 0 { return index &+ found.trailingZeroBitCount }
            index &+= 16
        }
        return buffer.count
    }

    /// The index of the first zero byte in `buffer`, or `nil` when there is none.
    ///
    /// A NUL byte is looked for in every byte of a file, and the C library's `memchr` already looks at
    /// many bytes a step.
    static func firstZero(in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
}
