/// A fact after it has been checked against its input's type.
public enum InputValue: Sendable, Hashable {
    case boolean(Bool)
    case number(Rational)
    case choice(String)

    /// The number, for counts, numbers, percentages and points.
    var number: Rational? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// Reads `text` as a value of `definition`'s type, or says why it cannot.
    ///
    /// Accepts `true`/`false` and 是/否 for booleans, whole numbers for counts, plain decimals for
    /// numbers and points, and `99.5` or `99.5%` for percentages. Nothing else is guessed at.
    static func parse(_ text: String, as definition: InputDefinition) -> Result<InputValue, InputRejection> {
        switch definition.type {
        case .boolean:
            switch text {
            case "true", "是": return .success(.boolean(true))
            case "false", "否": return .success(.boolean(false))
            default: return .failure(.wrongType("应为 true/false（是/否），实为「\(text)」"))
            }
        case .count:
            // A text that reads as a decimal is ASCII, so its bytes can be searched for the point.
            guard let value = Rational(decimalText: text), value.isInteger, !text.utf8.contains(UInt8(ascii: ".")) else {
                if !text.contains("."), tooManyDigits(text) { return .failure(.outOfRange(tooLarge("数值", text))) }
                return .failure(.wrongType("应为件数（非负整数），实为「\(text)」"))
            }
            guard !value.isNegative else { return .failure(.outOfRange("件数不能为负，实为 \(text)")) }
            return checkedRange(value, definition)
        case .number, .points:
            guard let value = Rational(decimalText: text) else {
                if tooManyDigits(text) { return .failure(.outOfRange(tooLarge("数值", text))) }
                return .failure(.wrongType("应为数值（如 8 或 8.5），实为「\(text)」"))
            }
            return checkedRange(value, definition)
        case .percent:
            let body = text.hasSuffix("%") ? String(text.dropLast()) : text
            guard let value = Rational(decimalText: body) else {
                if tooManyDigits(body) { return .failure(.outOfRange(tooLarge("数值", text))) }
                return .failure(.wrongType("应为百分比（如 99.5 或 99.5%），实为「\(text)」"))
            }
            guard !value.isNegative, value <= .hundred else {
                return .failure(.outOfRange("百分比应在 0 到 100 之间，实为 \(text)"))
            }
            return checkedRange(value, definition)
        case .money:
            guard let value = Rational(moneyText: text) else {
                if tooManyDigits(moneyDigits(text)) { return .failure(.outOfRange(tooLarge("金额", text))) }
                return .failure(.wrongType("应为金额（如 1200000、120万、1.2亿、1,200,000.00），实为「\(text)」"))
            }
            guard !value.isNegative else { return .failure(.outOfRange("金额不能为负，实为 \(text)")) }
            return checkedRange(value, definition)
        case .choice:
            let choices = definition.choices ?? []
            guard choices.contains(text) else {
                return .failure(.outOfRange("「\(text)」不是可选项；可选：\(choices.map { "「\($0)」" }.joined(separator: "、"))"))
            }
            return .success(.choice(text))
        }
    }

    /// ``parse(_:as:)`` on a cell's UTF-8 bytes, for claims files of millions of cells: the value the
    /// text parse gives, or `nil`, and then the text parse decides.
    ///
    /// Numbers go through the same byte parsers as the text parse (``Rational/init(amountBytes:)``
    /// is held to ``Rational/init(moneyText:)`` by the tests). Booleans and choices are taken only
    /// when their bytes are exactly `true`, 是 or a listed choice: strings compare equal also when
    /// written with other code points, and those are left to the text parse.
    ///
    /// Always inlined: the column is then read where it lies in its array, not copied for a call.
    @inline(__always)
    static func parse(bytes: UnsafeBufferPointer<UInt8>, as input: InputColumn) -> InputValue? {
        let value: Rational
        switch input.type {
        case .boolean:
            switch bytes.count {
            case 4: return matches(bytes, "true") ? .boolean(true) : nil
            case 5: return matches(bytes, "false") ? .boolean(false) : nil
            case 3: return matches(bytes, "是") ? .boolean(true) : matches(bytes, "否") ? .boolean(false) : nil
            default: return nil
            }
        case .choice:
            return input.choices.text(matching: bytes).map { .choice($0) }
        case .count:
            guard let number = Rational(decimalBytes: bytes), number.isInteger, !number.isNegative,
                !bytes.contains(UInt8(ascii: "."))
            else { return nil }
            value = number
        case .number, .points:
            guard let number = Rational(decimalBytes: bytes) else { return nil }
            value = number
        case .percent:
            // The text parse drops a last character `%`. A last byte `%` that is not a character
            // of its own (a code point before it joins it) leaves no number either way.
            let body = bytes.last == UInt8(ascii: "%") ? UnsafeBufferPointer(rebasing: bytes.dropLast()) : bytes
            guard let number = Rational(decimalBytes: body), !number.isNegative, number <= .hundred else { return nil }
            value = number
        case .money:
            guard let number = Rational(amountBytes: bytes), !number.isNegative else { return nil }
            value = number
        }
        if let minimum = input.minimum, value < minimum { return nil }
        if let maximum = input.maximum, value > maximum { return nil }
        return .number(value)
    }

    /// Whether `bytes` are the UTF-8 of `text`.
    @inline(__always)
    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        sameBytes(bytes, UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Whether `text` is a plain decimal (`-12`, `3.25`), which, when it still does not read, has
    /// more digits than exact arithmetic keeps: an error to state as such, not as unreadable.
    private static func tooManyDigits(_ text: some StringProtocol) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }
    }

    /// The digits of an amount written as finance writes it (`1,234万元` → `1234`), for ``tooManyDigits(_:)``.
    private static func moneyDigits(_ text: String) -> String {
        var body = Substring(text)
        if body.hasSuffix("元") { body = body.dropLast() }
        if body.hasSuffix("万") || body.hasSuffix("亿") { body = body.dropLast() }
        guard body.contains(",") else { return String(body) }
        // Thousands separators only in groups of three (`1,5` is not 15).
        let whole = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let groups = whole.drop { $0 == "-" || $0 == "+" }.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return "" }
        return body.replacingOccurrences(of: ",", with: "")
    }

    private static func tooLarge(_ kind: String, _ text: String) -> String {
        "\(kind)超出可精确计算的范围（最多 18 位有效数字），实为「\(text)」"
    }

    private static func checkedRange(_ value: Rational, _ definition: InputDefinition) -> Result<InputValue, InputRejection> {
        if let minimum = definition.minimum, value < minimum {
            return .failure(.outOfRange("不能小于 \(minimum.displayText())，实为 \(value.displayText())"))
        }
        if let maximum = definition.maximum, value > maximum {
            return .failure(.outOfRange("不能大于 \(maximum.displayText())，实为 \(value.displayText())"))
        }
        return .success(.number(value))
    }
}

/// Why a written value was not accepted for an input.
enum InputRejection: Error {
    case wrongType(String)
    case outOfRange(String)

    var message: String {
        switch self {
        case .wrongType(let message), .outOfRange(let message): message
        }
    }
}
