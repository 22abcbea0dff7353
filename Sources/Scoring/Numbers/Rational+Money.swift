/// Reading and writing amounts of money in 元, the way finance staff and the gazettes write them.
extension Rational {
    /// Parses an amount in 元: `1234567.89`, `1,234,567.89`, `20万`, `1.2亿`, `3000元`, `20万元`.
    ///
    /// Thousands separators must be in groups of three; anything else (`1.5x`, `1,5`, `二十万`,
    /// `1e5`) is rejected rather than misread. Negative amounts are accepted here and rejected by
    /// the caller where they make no sense.
    private static let yuanSign = Array("元".utf8)
    private static let wanSign = Array("万".utf8)
    private static let yiSign = Array("亿".utf8)

    public init?(moneyText raw: some StringProtocol) {
        var text = Substring(raw)
        func drop(_ suffix: [UInt8]) -> Bool {
            guard text.utf8.count >= suffix.count, text.utf8.suffix(suffix.count).elementsEqual(suffix) else { return false }
            text = Substring(text.utf8.dropLast(suffix.count))
            return true
        }
        _ = drop(Self.yuanSign)
        var multiplier: Int64 = 1
        if drop(Self.wanSign) {
            multiplier = 10_000
        } else if drop(Self.yiSign) {
            multiplier = 100_000_000
        }
        if multiplier == 1, !text.utf8.contains(UInt8(ascii: ",")) {
            guard let value = Rational(decimalText: text) else { return nil }
            self = value
            return
        }
        if text.utf8.contains(UInt8(ascii: ",")) {
            let negative = text.hasPrefix("-")
            let body = negative ? text.dropFirst() : text
            let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
            guard let first = groups.first, (1...3).contains(first.count),
                groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { return nil }
            text = Substring((negative ? "-" : "") + groups.joined() + (parts.count == 2 ? "." + parts[1] : ""))
        }
        guard let value = Rational(decimalText: text),
            let scaled = try? value * Rational(integer: multiplier)
        else { return nil }
        self = scaled
    }

    /// `125,000.00 元` style text for people: thousands grouped, two decimals, rounded half away from zero.
    public var yuanText: String {
        if isInteger, numerator >= 0 { return Self.grouped(numerator) + ".00" }
        guard let fixed = try? fixedText(places: 2) else { return description }
        let negative = fixed.hasPrefix("-")
        let body = negative ? String(fixed.dropFirst()) : fixed
        let parts = body.split(separator: ".")
        var whole = String(parts[0])
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        return (negative ? "-" : "") + whole + grouped + "." + parts[1]
    }

    /// `12.5万` when the amount is a whole number of hundreds of 元, else `yuanText` 元: how the
    /// policies themselves state amounts, so explanations read like the source.
    public var wanText: String {
        if isInteger, numerator >= 0 { return Self.wanText(whole: numerator) }
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
        if value >= 100_000_000, let yi = exactQuotient(value, 100_000_000), yi.utf8.count <= 6 { return yi + "亿元" }
        if value >= 10_000, value % 100 == 0, let wan = exactQuotient(value, 10_000) { return wan + "万元" }
        return grouped(value) + ".00元"
    }

    /// `value / scale` as exact decimal text without trailing zeros (`12000 / 10000` → `1.2`).
    private static func exactQuotient(_ value: Int64, _ scale: Int64) -> String? {
        let whole = value / scale
        var remainder = value % scale
        guard remainder != 0 else { return String(whole) }
        var digits = ""
        var unit = scale / 10
        while remainder != 0 && unit > 0 {
            digits.append(Character(Unicode.Scalar(UInt8(ascii: "0") + UInt8(remainder / unit))))
            remainder %= unit
            unit /= 10
        }
        return String(whole) + "." + digits
    }

    /// `1234567` → `1,234,567`.
    static func grouped(_ value: Int64) -> String {
        let digits = String(value)
        guard digits.utf8.count > 3 else { return digits }
        var out = ""
        out.reserveCapacity(digits.utf8.count + digits.utf8.count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.utf8.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    private func magnitudeAtLeast(_ value: Int64) -> Bool {
        (isNegative ? ((try? -self) ?? self) : self) >= Rational(integer: value)
    }
}
