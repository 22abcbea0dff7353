/// Reading and writing amounts of money in 元, the way finance staff and the gazettes write them.
extension Rational {
    /// Parses an amount in 元: `1234567.89`, `1,234,567.89`, `20万`, `1.2亿`, `3000元`, `20万元`.
    ///
    /// Thousands separators must be in groups of three; anything else (`1.5x`, `1,5`, `二十万`,
    /// `1e5`) is rejected rather than misread. Negative amounts are accepted here and rejected by
    /// the caller where they make no sense.
    public init?(moneyText raw: some StringProtocol) {
        let parsed = raw.utf8.withContiguousStorageIfAvailable { Rational(amountBytes: $0) }
        guard let value = parsed ?? Array(raw.utf8).withUnsafeBufferPointer({ Rational(amountBytes: $0) }) else { return nil }
        self = value
    }

    /// `125,000.00 元` style text for people: thousands grouped, two decimals, rounded half away from zero.
    public var yuanText: String {
        if isInteger {
            return DigitWriter.text { writer in
                if numerator < 0 { writer.append(UInt8(ascii: "-")) }
                writer.appendGrouped(numerator.magnitude)
                writer.append(Self.pointZeroZero)
            }
        }
        guard let cents = try? units(places: 2) else { return description }
        return DigitWriter.text { writer in Self.writeYuanText(cents: cents, into: &writer) }
    }

    /// `yuanText` of an amount of `cents` 分.
    private static func writeYuanText(cents: Int64, into writer: inout DigitWriter) {
        if cents < 0 { writer.append(UInt8(ascii: "-")) }
        writer.appendGrouped(cents.magnitude / 100)
        writer.append(UInt8(ascii: "."))
        writer.appendDigits(cents.magnitude % 100, width: 2)
    }

    /// `fixedText(places: 2)` (or `description` when that overflows), written into `writer`: the
    /// amount columns of a CSV row, which a large batch writes three times for every claim.
    ///
    /// Amounts are nearly always whole 元, written as their digits and `.00`, or else a whole number
    /// of 分 (a denominator of 2, 4, 5, 10, 20, 25, 50 or 100) that fits an Int64, written from the
    /// 分: neither has any rounding to do.
    func writeMoney(_ writer: inout DigitWriter) {
        if denominator == 1 {
            if numerator < 0 { writer.append(UInt8(ascii: "-")) }
            writer.appendDigits(numerator.magnitude)
            writer.append(UInt8(ascii: "."))
            writer.appendTwoDigits(0)
            return
        }
        let fen: Int64
        if 100 % denominator == 0, case (let exact, false) = numerator.multipliedReportingOverflow(by: 100 / denominator) {
            fen = exact
        } else if let rounded = try? units(places: 2) {
            fen = rounded
        } else {
            writer.append(Array(((try? fixedText(places: 2)) ?? description).utf8))
            return
        }
        if fen < 0 { writer.append(UInt8(ascii: "-")) }
        writer.appendDigits(fen.magnitude / 100)
        writer.append(UInt8(ascii: "."))
        writer.appendTwoDigits(Int(fen.magnitude % 100))
    }

    private static let pointZeroZero = Array(".00".utf8)
    private static let wanYuan = Array("万元".utf8)
    private static let yiYuan = Array("亿元".utf8)
    private static let pointZeroZeroYuan = Array(".00元".utf8)

    /// `12.5万` when the amount is a whole number of hundreds of 元, else `yuanText` 元: how the
    /// policies themselves state amounts, so explanations read like the source.
    public var wanText: String {
        if isInteger, numerator >= 0 { return Self.wanText(whole: numerator) }
        // Not a whole number of 元: a tenth of it in 万 or 亿 has more than six characters, and
        // its hundredth is not whole either, so it is always written in 元.
        if !isInteger { return yuanText + "元" }
        if let yi = try? self / Rational(integer: 100_000_000), let exact = yi.exactDecimalText, exact.count <= 6,
            self.magnitudeAtLeast(100_000_000)
        {
            return exact + "亿元"
        }
        if let wan = try? self / Rational(integer: 10_000), let exact = wan.exactDecimalText,
            (try? self / Rational(integer: 100))?.isInteger == true, self.magnitudeAtLeast(10_000)
        {
            return exact + "万元"
        }
        return yuanText + "元"
    }

    /// `wanText` for a whole, non-negative number of 元, worked out on integers.
    private static func wanText(whole value: Int64) -> String {
        DigitWriter.text { writer in writeWanText(whole: value, into: &writer) }
    }

    /// `wanText` written into `writer`, for a claim's working to take the bytes as they are, with no
    /// string made for them; `false`, with nothing written, for the amounts only `wanText` writes
    /// (below zero, or too large to count in 分).
    func writeWanText(into writer: inout DigitWriter) -> Bool {
        if isInteger {
            guard numerator >= 0 else { return false }
            Self.writeWanText(whole: numerator, into: &writer)
            return true
        }
        guard let cents = try? units(places: 2) else { return false }
        Self.writeYuanText(cents: cents, into: &writer)
        writer.append(Self.yuan)
        return true
    }

    private static let yuan = Array("元".utf8)

    /// `wanText` of a whole, non-negative number of 元.
    private static func writeWanText(whole value: Int64, into writer: inout DigitWriter) {
        let magnitude = UInt64(value)
        // 亿 when the quotient has at most six characters (`1.2345亿元` is too fine to read).
        if magnitude >= 100_000_000 {
            let start = writer.count
            writer.appendQuotient(whole: magnitude / 100_000_000, fraction: magnitude % 100_000_000, scale: 100_000_000)
            if writer.count - start <= 6 {
                writer.append(yiYuan)
                return
            }
            writer.truncate(to: start)
        }
        if magnitude >= 10_000, magnitude % 100 == 0 {
            writer.appendQuotient(whole: magnitude / 10_000, fraction: magnitude % 10_000, scale: 10_000)
            writer.append(wanYuan)
            return
        }
        writer.appendGrouped(magnitude)
        writer.append(pointZeroZeroYuan)
    }

    private func magnitudeAtLeast(_ value: Int64) -> Bool {
        (isNegative ? ((try? -self) ?? self) : self) >= Rational(integer: value)
    }
}
