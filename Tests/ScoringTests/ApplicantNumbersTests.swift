import Testing

@testable import Scoring

/// Applicants are numbered on first sight, by the bytes of their names, whatever their hashes.
@Suite("Applicant numbers: one number per name, byte for byte")
struct ApplicantNumbersTests {
    /// The number of `name` when its hash is taken to be `hash`.
    static func number(_ name: String, hash: UInt64, in numbers: inout ApplicantNumbers) -> Int {
        var name = name
        return name.withUTF8 { numbers.number(of: $0, hash: hash) }
    }

    @Test func namesAreNumberedInTheOrderFirstSeenAndKeepTheirNumbersAsTheTableGrows() {
        var numbers = ApplicantNumbers()
        let names = (0..<5000).map { "上海第\($0)贸易有限公司" }
        for (index, name) in names.enumerated() { #expect(numbers.number(of: name) == index) }
        for (index, name) in names.enumerated().reversed() { #expect(numbers.number(of: name) == index) }
        #expect(numbers.count == 5000)
        #expect(numbers.number(of: "") == 5000)
        #expect(numbers.number(of: "") == 5000)
    }

    @Test func namesWithTheSameHashStayApart() {
        var numbers = ApplicantNumbers()
        let names = (0..<3000).map { "公司\($0)" }
        for (index, name) in names.enumerated() { #expect(Self.number(name, hash: 42, in: &numbers) == index) }
        for (index, name) in names.enumerated().shuffled() { #expect(Self.number(name, hash: 42, in: &numbers) == index) }
        // A name of the same length as another, differing in its last byte only.
        #expect(Self.number("公司1", hash: 42, in: &numbers) == 1)
        #expect(Self.number("公司0", hash: 42, in: &numbers) == 0)
    }

    @Test func namesInTheSameSlotWithDifferentHashesStayApart() {
        var numbers = ApplicantNumbers()
        // Hashes that differ only above the bits that pick a slot, in any table size used here.
        let names = (0..<2000).map { "单位\($0)" }
        for (index, name) in names.enumerated() { #expect(Self.number(name, hash: UInt64(index) << 40, in: &numbers) == index) }
        for (index, name) in names.enumerated().reversed() { #expect(Self.number(name, hash: UInt64(index) << 40, in: &numbers) == index) }
        #expect(Self.number("单位2000", hash: 0, in: &numbers) == 2000)
    }

    @Test func namesEqualAsSwiftStringsButDifferentInBytesAreDifferentApplicants() {
        let composed = "Caf\u{E9} 贸易"
        let decomposed = "Cafe\u{301} 贸易"
        #expect(composed == decomposed)
        var numbers = ApplicantNumbers()
        #expect(numbers.number(of: composed) == 0)
        #expect(numbers.number(of: decomposed) == 1)
        #expect(numbers.number(of: composed) == 0)
        #expect(ApplicantNumbers.hash(of: composed) != ApplicantNumbers.hash(of: decomposed))
        // Also when their hashes are the same.
        var colliding = ApplicantNumbers()
        #expect(Self.number(composed, hash: 9, in: &colliding) == 0)
        #expect(Self.number(decomposed, hash: 9, in: &colliding) == 1)
        #expect(Self.number(composed, hash: 9, in: &colliding) == 0)
    }

    @Test func aHashWorkedOutAheadFindsTheSameNumber() {
        var numbers = ApplicantNumbers()
        let names = ["甲", "乙公司", "丙贸易有限公司", "一家名字很长很长很长很长很长很长的进出口贸易有限责任公司", "A", "AB", "ABC", "ABCDEFGH", "ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOPQ"]
        for (index, name) in names.enumerated() { #expect(numbers.number(of: name, hash: ApplicantNumbers.hash(of: name)) == index) }
        for (index, name) in names.enumerated() { #expect(numbers.number(of: name) == index) }
    }

    @Test func lookingANameUpGivesNoNumber() {
        var numbers = ApplicantNumbers()
        #expect(numbers.number(of: "甲公司") == 0)
        let hash = ApplicantNumbers.hash(of: "乙公司")
        #expect(numbers.knownNumber(of: "乙公司", hash: hash) == nil)
        #expect(numbers.knownNumber(of: "甲公司", hash: ApplicantNumbers.hash(of: "甲公司")) == 0)
        #expect(numbers.count == 1)
        #expect(numbers.number(of: "乙公司", hash: hash) == 1)
        #expect(numbers.knownNumber(of: "乙公司", hash: hash) == 1)
    }

    @Test func theHashTellsApartNamesThatDifferInOneByteAnywhere() {
        // Lengths around each way the hash reads bytes: under 4, 4 to 16, over 16.
        for length in [1, 2, 3, 4, 7, 8, 15, 16, 17, 31, 32, 33, 100] {
            let base = [UInt8](repeating: 0x61, count: length)
            var hashes: Set<UInt64> = [base.withUnsafeBufferPointer(SeededHash.hash)]
            for position in 0..<length {
                var changed = base
                changed[position] = 0x62
                hashes.insert(changed.withUnsafeBufferPointer(SeededHash.hash))
            }
            #expect(hashes.count == length + 1, "length \(length)")
            #expect(base.withUnsafeBufferPointer(SeededHash.hash) == Array(base).withUnsafeBufferPointer(SeededHash.hash))
        }
    }
}
