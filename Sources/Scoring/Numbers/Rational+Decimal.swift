/// Reading and writing `Rational` as decimal text, and rounding it the way a rubric says.
extension Rational {
    /// Parses a plain decimal such as `12`, `-0.5` or `99.50`, exactly.
    ///
    /// Rejects everything else (`1.5x`, `1,5`, `1e2`, `.5`, ` 3`), because a misread number in a
    /// score or an amount is worse than an error. Returns `nil` also when the value has more than
    /// 18 significant digits.
    public init?(decimalText text: some StringProtocol) {
        let parsed = text.utf8.withContiguousStorageIfAvailable { Rational(decimalBytes: $0) }
        guard let value = parsed ?? Array(text.utf8).withUnsafeBufferPointer({ Rational(decimalBytes: $0) }) else { return nil }
        self = value
    }

    /// ``init(decimalText:)`` on the text's UTF-8 bytes: a sign or none, at least one digit, and a
    /// point followed by at least one digit or none; at most 18 significant digits and at most 18
    /// after the point.
    ///
    /// Claims files hold millions of numbers, so each byte is looked at once, in two plain loops.
    init?(decimalBytes bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        var index = 0
        var negative = false
        if count > 0, bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        var numerator: Int64 = 0
        /// Digits from the first one that is not zero on: the ones a 64-bit numerator must hold.
        var significant = 0
        let wholeStart = index
        while index < count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            if numerator != 0 || digit != 0 {
                significant += 1
                guard significant <= 18 else { return nil }
            }
            numerator = numerator * 10 + Int64(digit)
            index += 1
        }
        guard index > wholeStart else { return nil }
        var denominator: Int64 = 1
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                // Checked before the denominator grows: 10^19 does not fit in 64 bits.
                guard index - fractionStart < 18 else { return nil }
                if numerator != 0 || digit != 0 {
                    significant += 1
                    guard significant <= 18 else { return nil }
                }
                numerator = numerator * 10 + Int64(digit)
                denominator *= 10
                index += 1
            }
            guard index > fractionStart else { return nil }
        }
        guard index == count else { return nil }
        if denominator == 1 {
            self.init(integer: negative ? -numerator : numerator)
            return
        }
        guard let value = try? Rational(numerator: negative ? -numerator : numerator, denominator: denominator)
        else { return nil }
        self = value
    }

    /// ``init(moneyText:)`` on the text's UTF-8 bytes, so a claims file's amounts are read without a
    /// string each: `1234567.89`, `1,234,567.89`, `20万`, `1.2亿`, `3000元`, `20万元`.
    init?(amountBytes all: UnsafeBufferPointer<UInt8>) {
        var end = all.count
        /// Whether the bytes up to `end` end with the three bytes of one CJK character.
        func endsWith(_ character: (UInt8, UInt8, UInt8)) -> Bool {
            end >= 3 && all[end - 3] == character.0 && all[end - 2] == character.1 && all[end - 1] == character.2
        }
        let yuan: (UInt8, UInt8, UInt8) = (0xE5, 0x85, 0x83)  // 元
        let wan: (UInt8, UInt8, UInt8) = (0xE4, 0xB8, 0x87)  // 万
        let yi: (UInt8, UInt8, UInt8) = (0xE4, 0xBA, 0xBF)  // 亿
        if endsWith(yuan) { end -= 3 }
        var multiplier: Int64 = 1
        if endsWith(wan) {
            end -= 3
            multiplier = 10_000
        } else if endsWith(yi) {
            end -= 3
            multiplier = 100_000_000
        }
        let text = UnsafeBufferPointer(rebasing: all[..<end])
        let comma = UInt8(ascii: ",")
        guard text.firstIndex(of: comma) != nil else {
            guard let value = Rational(decimalBytes: text),
                let scaled = multiplier == 1 ? value : try? value * Rational(integer: multiplier)
            else { return nil }
            self = scaled
            return
        }
        // Thousands separators: groups of three after a first group of one to three digits, and
        // only before the decimal point.
        let negative = text.first == UInt8(ascii: "-")
        let body = negative ? text.dropFirst() : text[...]
        let point = body.firstIndex(of: UInt8(ascii: ".")) ?? body.endIndex
        let groups = body[..<point].split(separator: comma, omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        var plain: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        plain.reserveCapacity(text.count)
        for group in groups { plain += group }
        plain += body[point...]
        guard let value = plain.withUnsafeBufferPointer({ Rational(decimalBytes: $0) }),
            let scaled = try? value * Rational(integer: multiplier)
        else { return nil }
        self = scaled
    }

    /// The exact decimal text (`12.5`, `-3`, `0.125`) when the value has a finite decimal expansion of
    /// at most 18 places; `nil` for values such as `1/3`.
    public var exactDecimalText: String? {
        var d = denominator
        var twos = 0
        var fives = 0
        while d % 2 == 0 { d /= 2; twos += 1 }
        while d % 5 == 0 { d /= 5; fives += 1 }
        guard d == 1 else { return nil }
        let places = max(twos, fives)
        guard places <= 18 else { return nil }
        // 10^places is a multiple of the denominator, so this is exact: no rounding, no recursion.
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let (units, overflow) = numerator.multipliedReportingOverflow(by: scale / denominator)
        guard !overflow else { return nil }
        return Self.decimalText(units: units, places: places, scale: scale)
    }

    private static func decimalText(units: Int64, places: Int, scale: Int64) -> String {
        DigitWriter.text { writer in writeDecimal(units: units, places: places, scale: scale, into: &writer) }
    }

    /// `units` × 10^-places with exactly `places` decimals (`scale` is 10^places).
    private static func writeDecimal(units: Int64, places: Int, scale: Int64, into writer: inout DigitWriter) {
        if units < 0 { writer.append(UInt8(ascii: "-")) }
        let magnitude = units.magnitude
        writer.appendDigits(magnitude / UInt64(scale))
        guard places > 0 else { return }
        writer.append(UInt8(ascii: "."))
        writer.appendDigits(magnitude % UInt64(scale), width: places)
    }

    /// The value written with exactly `places` decimals, rounding half away from zero when needed.
    public func fixedText(places: Int, rounding mode: RoundingMode = .halfAwayFromZero) throws(ArithmeticOverflow)
        -> String
    {
        if isInteger {
            guard places <= 18 else { return String(numerator) + "." + String(repeating: "0", count: places) }
            return DigitWriter.text { writer in
                if numerator < 0 { writer.append(UInt8(ascii: "-")) }
                writer.appendDigits(numerator.magnitude)
                guard places > 0 else { return }
                writer.append(UInt8(ascii: "."))
                for _ in 0..<places { writer.append(UInt8(ascii: "0")) }
            }
        }
        return Self.decimalText(units: try units(places: places, mode), places: places, scale: try Self.powerOfTen(places))
    }

    /// The value in units of 10^-places (cents for 2), rounded; `fixedText` without the text.
    func units(places: Int, _ mode: RoundingMode = .halfAwayFromZero) throws(ArithmeticOverflow) -> Int64 {
        let scale = try Self.powerOfTen(places)
        if isInteger { return try Self.checkedMultiply(numerator, scale) }
        // Half away from zero on integers: the quotient, moved one away from zero when the
        // remainder is at least half the denominator.
        if mode == .halfAwayFromZero {
            let (scaled, overflow) = numerator.multipliedReportingOverflow(by: scale)
            if !overflow {
                var quotient = scaled / denominator
                let remainder = (scaled % denominator).magnitude
                if remainder >= UInt64(denominator) - remainder { quotient += scaled < 0 ? -1 : 1 }
                return quotient
            }
        }
        let rounded = try rounded(places: places, mode)
        return try Self.checkedMultiply(rounded.numerator, scale / rounded.denominator)
    }

    /// Text for people: the exact decimal with trailing zeros dropped when there is one, otherwise the
    /// value rounded to `places` decimals and prefixed with `≈`.
    public func displayText(places: Int = 3) -> String {
        if let exact = exactDecimalText { return exact }
        return "≈" + ((try? fixedText(places: places)) ?? "\(numerator)/\(denominator)")
    }

    /// The value rounded to `places` decimals.
    public func rounded(places: Int, _ mode: RoundingMode = .halfAwayFromZero) throws(ArithmeticOverflow) -> Rational {
        let scale = try Self.powerOfTen(places)
        let scaled = try self * Rational(integer: scale)
        let whole = scaled.floor
        let fraction = try scaled - whole
        let half = try Rational(numerator: 1, denominator: 2)
        let roundUp: Bool
        switch mode {
        case .halfAwayFromZero:
            roundUp = scaled.isNegative ? fraction > half : fraction >= half
        case .halfEven:
            if fraction == half {
                roundUp = (whole.numerator % 2) != 0
            } else {
                roundUp = fraction > half
            }
        case .towardZero:
            roundUp = scaled.isNegative && !fraction.isZero
        case .awayFromZero:
            roundUp = !scaled.isNegative && !fraction.isZero
        }
        let result = roundUp ? try whole + .one : whole
        return try result / Rational(integer: scale)
    }

    /// 10^places, or an overflow past 10^18.
    private static func powerOfTen(_ places: Int) throws(ArithmeticOverflow) -> Int64 {
        var scale: Int64 = 1
        for _ in 0..<places {
            scale = try checkedMultiply(scale, 10)
        }
        return scale
    }

    private static func checkedMultiply(_ a: Int64, _ b: Int64) throws(ArithmeticOverflow) -> Int64 {
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow else { throw ArithmeticOverflow(operation: "\(a) × \(b)") }
        return value
    }
}

/// How a value is rounded where a rubric says to round.
public enum RoundingMode: String, Sendable, Codable, CaseIterable {
    /// 四舍五入: halves go away from zero (2.345 → 2.35). The default.
    case halfAwayFromZero = "half-away-from-zero"
    /// Banker's rounding: halves go to the even neighbour (2.345 → 2.34).
    case halfEven = "half-even"
    /// Truncate (2.349 → 2.34).
    case towardZero = "toward-zero"
    /// Any remainder goes up in magnitude (2.341 → 2.35).
    case awayFromZero = "away-from-zero"

    /// The Chinese name shown in explanations.
    public var chineseName: String {
        switch self {
        case .halfAwayFromZero: "四舍五入"
        case .halfEven: "四舍六入五成双"
        case .towardZero: "截尾"
        case .awayFromZero: "进位"
        }
    }
}

extension Rational: CustomStringConvertible {
    public var description: String { exactDecimalText ?? "\(numerator)/\(denominator)" }
}
