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
        let parsed = raw.utf8.withContiguousStorageIfAvailable { Rational(moneyBytes: $0) }
        guard let value = parsed ?? Array(raw.utf8).withUnsafeBufferPointer({ Rational(moneyBytes: $0) }) else { return nil }
        self = value
    }

    /// ``init(moneyText:)`` on the text's UTF-8 bytes.
    private init?(moneyBytes all: UnsafeBufferPointer<UInt8>) {
        var text = all[...]
        func drop(_ suffix: [UInt8]) -> Bool {
            guard text.count >= suffix.count, text.suffix(suffix.count).elementsEqual(suffix) else { return false }
            text = text.dropLast(suffix.count)
            return true
        }
        _ = drop(Self.yuanSign)
        var multiplier: Int64 = 1
        if drop(Self.wanSign) {
            multiplier = 10_000
        } else if drop(Self.yiSign) {
            multiplier = 100_000_000
        }
        let comma = UInt8(ascii: ",")
        guard text.contains(comma) else {
            guard let value = Rational(decimalBytes: UnsafeBufferPointer(rebasing: text)),
                let scaled = multiplier == 1 ? value : try? value * Rational(integer: multiplier)
            else { return nil }
            self = scaled
            return
        }
        // Thousands separators: groups of three after a first group of one to three digits, and
        // only before the decimal point.
        let negative = text.first == UInt8(ascii: "-")
        let body = negative ? text.dropFirst() : text
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
        return DigitWriter.text { writer in
            if cents < 0 { writer.append(UInt8(ascii: "-")) }
            writer.appendGrouped(cents.magnitude / 100)
            writer.append(UInt8(ascii: "."))
            writer.appendDigits(cents.magnitude % 100, width: 2)
        }
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
        let magnitude = UInt64(value)
        return DigitWriter.text { writer in
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
    }

    private func magnitudeAtLeast(_ value: Int64) -> Bool {
        (isNegative ? ((try? -self) ?? self) : self) >= Rational(integer: value)
    }
}
