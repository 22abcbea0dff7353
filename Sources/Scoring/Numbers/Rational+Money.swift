/// Reading and writing amounts of money in 元, the way finance staff and the gazettes write them.
extension Rational {
    /// Parses an amount in 元: `1234567.89`, `1,234,567.89`, `20万`, `1.2亿`, `3000元`, `20万元`.
    ///
    /// Thousands separators must be in groups of three; anything else (`1.5x`, `1,5`, `二十万`,
    /// `1e5`) is rejected rather than misread. Negative amounts are accepted here and rejected by
    /// the caller where they make no sense.
    public init?(moneyText raw: some StringProtocol) {
        var text = Substring(raw)
        if text.hasSuffix("元") { text = text.dropLast() }
        var multiplier: Int64 = 1
        if text.hasSuffix("万") {
            multiplier = 10_000
            text = text.dropLast()
        } else if text.hasSuffix("亿") {
            multiplier = 100_000_000
            text = text.dropLast()
        }
        if text.contains(",") {
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

    private func magnitudeAtLeast(_ value: Int64) -> Bool {
        (isNegative ? ((try? -self) ?? self) : self) >= Rational(integer: value)
    }
}
