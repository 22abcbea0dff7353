/// One rating and how many places it has: `优秀=10`.
///
/// The 2021 results named 10 优秀 and 10 表扬 units of 41 (长府办〔2022〕5号); the 2022 方案 says only
/// that 优秀（表扬）单位 are rated 「按照区政府有关规定」, with no number, so the quotas are given
/// on the command line (`--top 优秀=10 --next 表扬=10`), never taken from the rubric.
public struct RatingQuota: Sendable, Hashable {
    /// The rating's name as announced: 优秀, 表扬.
    public var rating: String
    /// How many places it has; 0 is allowed (nobody gets it).
    public var places: Int

    public init(rating: String, places: Int) {
        self.rating = rating
        self.places = places
    }

    /// Reads `优秀=10`. A full-width `＝` (as Chinese input methods type it) is accepted too.
    public init(parsing text: String) throws(RatingQuotaError) {
        let normalised = text.replacingOccurrences(of: "＝", with: "=")
        let parts = normalised.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw RatingQuotaError("「\(text)」应写成「等次=名额」，如 优秀=10 / expected RATING=COUNT, e.g. 优秀=10")
        }
        let rating = String(parts[0]).trimmingSpaces()
        let count = String(parts[1]).trimmingSpaces()
        guard !rating.isEmpty else {
            throw RatingQuotaError("「\(text)」缺少等次名称，如 优秀=10 / the rating name is missing")
        }
        guard !count.isEmpty, count.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let places = Int(count) else {
            throw RatingQuotaError("「\(text)」的名额「\(count)」应为 0 或正整数 / the count must be a whole number, 0 or more")
        }
        self.init(rating: rating, places: places)
    }
}

/// A quota that cannot be used, with its message in Chinese and English.
public struct RatingQuotaError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
