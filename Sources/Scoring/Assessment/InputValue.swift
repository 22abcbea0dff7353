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
            guard let value = Rational(decimalText: text), value.isInteger, !text.contains(".") else {
                return .failure(.wrongType("应为件数（非负整数），实为「\(text)」"))
            }
            guard !value.isNegative else { return .failure(.outOfRange("件数不能为负，实为 \(text)")) }
            return checkedRange(value, definition)
        case .number, .points:
            guard let value = Rational(decimalText: text) else {
                return .failure(.wrongType("应为数值（如 8 或 8.5），实为「\(text)」"))
            }
            return checkedRange(value, definition)
        case .percent:
            let body = text.hasSuffix("%") ? String(text.dropLast()) : text
            guard let value = Rational(decimalText: body) else {
                return .failure(.wrongType("应为百分比（如 99.5 或 99.5%），实为「\(text)」"))
            }
            guard !value.isNegative, value <= .hundred else {
                return .failure(.outOfRange("百分比应在 0 到 100 之间，实为 \(text)"))
            }
            return checkedRange(value, definition)
        case .money:
            guard let value = Rational(moneyText: text) else {
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
