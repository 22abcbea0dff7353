/// A 64-bit hash of bytes for tables keyed by names (``ApplicantNumbers``), seeded at random once a
/// run, so the same bytes hash the same on every thread of the run.
///
/// Swift's `Hasher` spent about 360 instructions on a 30-byte company name. This is wyhash's
/// scheme: 16 bytes at a time folded through a 64 × 64 → 128-bit multiply, a few dozen
/// instructions a name. Its seed comes from the system's random source, as Go seeds the same hash
/// for its maps, so names cannot be chosen ahead to collide.
enum SeededHash {
    /// Drawn once, the first time a name is hashed.
    private static let seed: UInt64 = {
        var generator = SystemRandomNumberGenerator()
        return mix(generator.next() ^ secret0, secret1)
    }()
    private static let secret0: UInt64 = 0x2d35_8dcc_aa6c_78a5
    private static let secret1: UInt64 = 0x8bb8_4b93_962e_acc9

    /// The hash of `bytes`.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = bytes.count
        var seed = Self.seed
        guard let start = bytes.baseAddress else { return mix(seed ^ secret0, secret1) }
        let raw = UnsafeRawPointer(start)
        var a: UInt64
        var b: UInt64
        if count <= 16 {
            if count >= 4 {
                // Two overlapping reads of four bytes from each end cover every byte.
                let step = (count >> 3) << 2
                a = UInt64(load32(raw, 0)) << 32 | UInt64(load32(raw, step))
                b = UInt64(load32(raw, count - 4)) << 32 | UInt64(load32(raw, count - 4 - step))
            } else {
                a = count > 0 ? UInt64(start[0]) << 16 | UInt64(start[count >> 1]) << 8 | UInt64(start[count - 1]) : 0
                b = 0
            }
        } else {
            var offset = 0
            while count - offset > 16 {
                seed = mix(load64(raw, offset) ^ secret1, load64(raw, offset + 8) ^ seed)
                offset += 16
            }
            // The last 16 bytes, overlapping the block before when the count is not a multiple of 16.
            a = load64(raw, count - 16)
            b = load64(raw, count - 8)
        }
        let product = (a ^ secret1).multipliedFullWidth(by: b ^ seed)
        return mix(product.low ^ secret0 ^ UInt64(count), product.high ^ secret1)
    }

    /// The two halves of the 128-bit product, folded into one.
    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.low ^ product.high
    }

    private static func load64(_ raw: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
    }

    private static func load32(_ raw: UnsafeRawPointer, _ offset: Int) -> UInt32 {
        raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
    }
}
