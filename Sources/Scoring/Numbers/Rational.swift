/// An exact number: a fraction of two 64-bit integers, always in lowest terms with a positive denominator.
///
/// Scores, rates, percentages and money are all `Rational`, so `7700/91` stays `7700/91` until a rubric
/// says where to round, and `0.1 + 0.2` is exactly `0.3`. No `Double` is ever involved. Every operation
/// that could overflow checks for it and throws ``ArithmeticOverflow`` instead of wrapping or trapping.
public struct Rational: Sendable, Hashable {
    /// The numerator, carrying the sign.
    public let numerator: Int64
    /// The denominator, always positive.
    public let denominator: Int64

    /// Zero.
    public static let zero = Rational(integer: 0)
    /// One.
    public static let one = Rational(integer: 1)
    /// One hundred, to turn a ratio into a percentage.
    public static let hundred = Rational(integer: 100)

    /// A whole number.
    public init(integer: Int64) {
        numerator = integer
        denominator = 1
    }

    /// A whole number.
    public init(_ integer: Int) {
        self.init(integer: Int64(integer))
    }

    /// The fraction `numerator / denominator`, reduced.
    ///
    /// - Throws: ``ArithmeticOverflow`` when the denominator is zero or the values cannot be normalised.
    public init(numerator: Int64, denominator: Int64) throws(ArithmeticOverflow) {
        guard denominator != 0 else { throw ArithmeticOverflow(operation: "\(numerator) ÷ 0") }
        var n = numerator
        var d = denominator
        if d < 0 {
            guard n != .min, d != .min else { throw ArithmeticOverflow(operation: "\(numerator)/\(denominator)") }
            n = -n
            d = -d
        }
        let g = Rational.gcd(n.magnitude, d.magnitude)
        if g > 1 {
            n /= Int64(g)
            d /= Int64(g)
        }
        self.numerator = n
        self.denominator = d
    }

    private init(unchecked numerator: Int64, denominator: Int64) {
        self.numerator = numerator
        self.denominator = denominator
    }

    static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }

    /// Whether the value is a whole number.
    public var isInteger: Bool { denominator == 1 }
    /// Whether the value is below zero.
    public var isNegative: Bool { numerator < 0 }
    /// Whether the value is zero.
    public var isZero: Bool { numerator == 0 }

    /// The largest whole number not above the value.
    public var floor: Rational {
        let q = numerator / denominator
        let r = numerator % denominator
        return Rational(integer: r < 0 ? q - 1 : q)
    }

    /// The smallest whole number not below the value.
    public var ceiling: Rational {
        let q = numerator / denominator
        let r = numerator % denominator
        return Rational(integer: r > 0 ? q + 1 : q)
    }

    /// `n/d`, for messages; never goes through any arithmetic.
    var raw: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    /// The value as an `Int64` when it is a whole number.
    public var integerValue: Int64? { isInteger ? numerator : nil }
}

/// An arithmetic result that does not fit in 64 bits, or a division by zero.
public struct ArithmeticOverflow: Error, Sendable, Hashable, CustomStringConvertible {
    /// The operation that failed, for the message.
    public let operation: String
    public var description: String { "数值超出可精确计算的范围：\(operation)" }
}

extension Rational: Comparable {
    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        // a/b < c/d  ⇔  a·d < c·b (denominators are positive); full width, so it never overflows.
        let left = lhs.numerator.multipliedFullWidth(by: rhs.denominator)
        let right = rhs.numerator.multipliedFullWidth(by: lhs.denominator)
        return (left.high, left.low) < (right.high, right.low)
    }
}

extension Rational {
    private static func checked(_ result: (partialValue: Int64, overflow: Bool), _ what: @autoclosure () -> String)
        throws(ArithmeticOverflow) -> Int64
    {
        guard !result.overflow else { throw ArithmeticOverflow(operation: what()) }
        return result.partialValue
    }

    public static func + (lhs: Rational, rhs: Rational) throws(ArithmeticOverflow) -> Rational {
        if lhs.denominator == rhs.denominator {
            let n = try checked(lhs.numerator.addingReportingOverflow(rhs.numerator), "\(lhs.raw) + \(rhs.raw)")
            return try Rational(numerator: n, denominator: lhs.denominator)
        }
        let g = Int64(gcd(lhs.denominator.magnitude, rhs.denominator.magnitude))
        let lf = rhs.denominator / g
        let rf = lhs.denominator / g
        let what = { "\(lhs.raw) + \(rhs.raw)" }
        let a = try checked(lhs.numerator.multipliedReportingOverflow(by: lf), what())
        let b = try checked(rhs.numerator.multipliedReportingOverflow(by: rf), what())
        let n = try checked(a.addingReportingOverflow(b), what())
        let d = try checked(lhs.denominator.multipliedReportingOverflow(by: lf), what())
        return try Rational(numerator: n, denominator: d)
    }

    public static prefix func - (value: Rational) throws(ArithmeticOverflow) -> Rational {
        guard value.numerator != .min else { throw ArithmeticOverflow(operation: "-(\(value.raw))") }
        return Rational(unchecked: -value.numerator, denominator: value.denominator)
    }

    public static func - (lhs: Rational, rhs: Rational) throws(ArithmeticOverflow) -> Rational {
        try lhs + (try -rhs)
    }

    public static func * (lhs: Rational, rhs: Rational) throws(ArithmeticOverflow) -> Rational {
        // Cross-reduce first so that products stay small.
        let g1 = Int64(gcd(lhs.numerator.magnitude, rhs.denominator.magnitude))
        let g2 = Int64(gcd(rhs.numerator.magnitude, lhs.denominator.magnitude))
        let what = { "\(lhs.raw) × \(rhs.raw)" }
        let n = try checked((lhs.numerator / g1).multipliedReportingOverflow(by: rhs.numerator / g2), what())
        let d = try checked((lhs.denominator / g2).multipliedReportingOverflow(by: rhs.denominator / g1), what())
        return try Rational(numerator: n, denominator: d)
    }

    public static func / (lhs: Rational, rhs: Rational) throws(ArithmeticOverflow) -> Rational {
        guard !rhs.isZero else { throw ArithmeticOverflow(operation: "\(lhs.raw) ÷ 0") }
        let reciprocal = try Rational(numerator: rhs.denominator, denominator: rhs.numerator)
        return try lhs * reciprocal
    }

    /// The sum of several values.
    public static func sum(_ values: some Sequence<Rational>) throws(ArithmeticOverflow) -> Rational {
        var total = Rational.zero
        for value in values { total = try total + value }
        return total
    }
}
