import Foundation
import Yams

@testable import Scoring

/// A JSON Schema (draft 2020-12) validator for the keywords `schemas/*.json` use, so the tests can
/// check the schemas without a new dependency.
///
/// Supported: `type`, `properties`, `required`, `additionalProperties`, `minProperties`,
/// `maxProperties`, `items`, `minItems`, `enum`, `const`, `pattern` (NSRegularExpression, searched
/// as the standard says), `oneOf`, `anyOf`, `allOf`, `not`, `minimum`, `maximum` and `$ref` to
/// `#/$defs/…` in the same file or `other.schema.json#/$defs/…` beside it. Any other keyword is an
/// error rather than silently ignored, so a schema cannot rely on a check this validator skips.
/// Numbers are compared exactly (`Rational`), never through floating point.
struct JSONSchemaValidator {
    /// The schema documents by file name (`common.schema.json`), so references between them resolve.
    let documents: [String: JSONValue]

    /// A place where the value breaks the schema.
    struct Violation: Sendable, Hashable, CustomStringConvertible {
        /// The field, written as the rubric loader writes it: `sections[0].items[1].max`.
        var path: String
        var message: String
        /// For a `oneOf`/`anyOf` no alternative of which matched: the violations of the closest one.
        var closest: [Violation] = []

        var description: String {
            ([(path.isEmpty ? "(top)" : path) + ": " + message] + closest.map { "    " + $0.description }).joined(separator: "\n")
        }

        /// This path and every path in the closest alternative, recursively.
        var allPaths: [String] { [path] + closest.flatMap(\.allPaths) }
    }

    /// A schema this validator cannot apply.
    struct SchemaError: Error, CustomStringConvertible {
        var description: String
    }

    /// Keywords that only describe; they never reject anything.
    static let annotations: Set<String> = ["$schema", "$defs", "$comment", "title", "description", "examples", "default"]

    /// Reads every `*.json` in `folder` (parsed by the YAML parser, which reads JSON).
    init(folder: URL) throws {
        var documents: [String: JSONValue] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".json") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            documents[name] = try YAMLToJSON.value(of: text)
        }
        self.documents = documents
    }

    init(documents: [String: JSONValue]) {
        self.documents = documents
    }

    /// Every violation of `document`'s schema by `value`; empty when it validates.
    func validate(_ value: JSONValue, against document: String) throws(SchemaError) -> [Violation] {
        guard let schema = documents[document] else { throw SchemaError(description: "no schema \(document)") }
        return try check(value, schema, in: document, path: "")
    }

    private func check(_ value: JSONValue, _ schema: JSONValue, in document: String, path: String) throws(SchemaError) -> [Violation] {
        switch schema {
        case .bool(true): return []
        case .bool(false): return [Violation(path: path, message: "nothing is allowed here")]
        case .object(let keywords):
            var found: [Violation] = []
            for (keyword, argument) in keywords {
                found += try apply(keyword, argument, of: keywords, to: value, in: document, path: path)
            }
            return found
        default: throw SchemaError(description: "\(document): a schema must be an object or a boolean")
        }
    }

    private func apply(
        _ keyword: String, _ argument: JSONValue, of keywords: [(String, JSONValue)], to value: JSONValue, in document: String, path: String
    ) throws(SchemaError) -> [Violation] {
        func violation(_ message: String) -> [Violation] { [Violation(path: path, message: message)] }
        switch keyword {
        case _ where Self.annotations.contains(keyword):
            return []
        case "$ref":
            guard case .string(let reference) = argument else { throw SchemaError(description: "$ref must be a string") }
            let (target, schema) = try resolve(reference, from: document)
            return try check(value, schema, in: target, path: path)
        case "type":
            let names = try strings(argument, keyword)
            return names.contains(where: { Self.value(value, hasType: $0) }) ? [] : violation("应为 / expected \(names.joined(separator: " | "))，实为 \(Self.typeName(value))")
        case "const":
            return Self.equal(value, argument) ? [] : violation("应为 / expected \(argument.serialized(indent: 0))")
        case "enum":
            guard case .array(let options) = argument else { throw SchemaError(description: "enum must be an array") }
            return options.contains(where: { Self.equal(value, $0) }) ? [] : violation("不是可选值 / not one of the allowed values")
        case "pattern":
            guard case .string(let text) = value else { return [] }
            guard case .string(let pattern) = argument, let regex = try? NSRegularExpression(pattern: pattern) else {
                throw SchemaError(description: "bad pattern \(argument.serialized(indent: 0))")
            }
            let found = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            return found ? [] : violation("「\(text)」不符合格式 / does not match \(pattern)")
        case "minimum", "maximum":
            guard case .number(let text) = value else { return [] }
            guard case .number(let boundText) = argument, let bound = Rational(decimalText: boundText) else {
                throw SchemaError(description: "\(keyword) must be a plain number")
            }
            guard let number = Rational(decimalText: text) else { return violation("数字 \(text) 无法精确比较 / cannot be compared exactly") }
            let holds = keyword == "minimum" ? number >= bound : number <= bound
            return holds ? [] : violation("\(text) \(keyword == "minimum" ? "小于最小值" : "大于最大值") \(boundText)")
        case "required":
            guard case .object(let members) = value else { return [] }
            return try strings(argument, keyword).filter { name in !members.contains { $0.0 == name } }.map {
                Violation(path: Self.join(path, $0), message: "缺少必填的键 / missing required key")
            }
        case "properties":
            guard case .object(let members) = value, case .object(let properties) = argument else { return [] }
            var found: [Violation] = []
            for (name, member) in members {
                if let schema = properties.first(where: { $0.0 == name })?.1 {
                    found += try check(member, schema, in: document, path: Self.join(path, name))
                }
            }
            return found
        case "additionalProperties":
            guard case .object(let members) = value else { return [] }
            var known: Set<String> = []
            if let properties = keywords.first(where: { $0.0 == "properties" })?.1, case .object(let listed) = properties {
                known = Set(listed.map(\.0))
            }
            var found: [Violation] = []
            for (name, member) in members where !known.contains(name) {
                if case .bool(false) = argument {
                    found.append(Violation(path: Self.join(path, name), message: "未知的键 / unknown key"))
                } else {
                    found += try check(member, argument, in: document, path: Self.join(path, name))
                }
            }
            return found
        case "minProperties", "maxProperties":
            guard case .object(let members) = value else { return [] }
            let limit = try integer(argument, keyword)
            let holds = keyword == "minProperties" ? members.count >= limit : members.count <= limit
            return holds ? [] : violation("键的个数 \(members.count) 不符合 \(keyword) \(limit)")
        case "items":
            guard case .array(let elements) = value else { return [] }
            var found: [Violation] = []
            for (index, element) in elements.enumerated() {
                found += try check(element, argument, in: document, path: path + "[\(index)]")
            }
            return found
        case "minItems":
            guard case .array(let elements) = value else { return [] }
            let limit = try integer(argument, keyword)
            return elements.count >= limit ? [] : violation("至少 \(limit) 项 / at least \(limit) items")
        case "allOf":
            var found: [Violation] = []
            for schema in try schemas(argument, keyword) { found += try check(value, schema, in: document, path: path) }
            return found
        case "anyOf", "oneOf":
            let outcomes = try schemas(argument, keyword).map { schema throws(SchemaError) in try check(value, schema, in: document, path: path) }
            let matched = outcomes.filter(\.isEmpty).count
            if keyword == "anyOf" ? matched >= 1 : matched == 1 { return [] }
            if matched > 1 { return violation("同时符合 \(matched) 种写法（oneOf 只能符合一种） / matches \(matched) alternatives") }
            let closest = outcomes.min { $0.count < $1.count } ?? []
            return [Violation(path: path, message: "不符合任何一种写法 / matches none of the \(outcomes.count) alternatives", closest: closest)]
        case "not":
            return try check(value, argument, in: document, path: path).isEmpty ? violation("不应符合 / must not match \(argument.serialized(indent: 0))") : []
        default:
            throw SchemaError(description: "\(document): unsupported keyword \(keyword)")
        }
    }

    /// The document and schema a `$ref` points at: `#/$defs/x` here, or `other.schema.json#/$defs/x`.
    private func resolve(_ reference: String, from document: String) throws(SchemaError) -> (String, JSONValue) {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let target = parts[0].isEmpty ? document : String(parts[0])
        guard var node = documents[target] else { throw SchemaError(description: "$ref to unknown document \(reference)") }
        let pointer = parts.count > 1 ? parts[1] : ""
        for token in pointer.split(separator: "/").map({ $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~") }) {
            guard case .object(let members) = node, let next = members.first(where: { $0.0 == token })?.1 else {
                throw SchemaError(description: "$ref \(reference) does not resolve (at \(token))")
            }
            node = next
        }
        return (target, node)
    }

    private func strings(_ argument: JSONValue, _ keyword: String) throws(SchemaError) -> [String] {
        switch argument {
        case .string(let text): return [text]
        case .array(let values):
            var names: [String] = []
            for value in values {
                guard case .string(let text) = value else { throw SchemaError(description: "\(keyword) must list strings") }
                names.append(text)
            }
            return names
        default: throw SchemaError(description: "\(keyword) must be a string or a list of strings")
        }
    }

    private func schemas(_ argument: JSONValue, _ keyword: String) throws(SchemaError) -> [JSONValue] {
        guard case .array(let values) = argument, !values.isEmpty else { throw SchemaError(description: "\(keyword) must be a non-empty list") }
        return values
    }

    private func integer(_ argument: JSONValue, _ keyword: String) throws(SchemaError) -> Int {
        guard case .number(let text) = argument, let value = Int(text) else { throw SchemaError(description: "\(keyword) must be an integer") }
        return value
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    static func value(_ value: JSONValue, hasType name: String) -> Bool {
        switch (name, value) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array), ("object", .object): true
        case ("integer", .number(let text)): Rational(decimalText: text)?.isInteger ?? false
        default: false
        }
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// JSON equality: numbers by value (`1` equals `1.0`), objects whatever their key order.
    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.number(let a), .number(let b)):
            guard let x = Rational(decimalText: a), let y = Rational(decimalText: b) else { return a == b }
            return x == y
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { key, value in b.contains { $0.0 == key && equal($0.1, value) } }
        default: return false
        }
    }
}

/// A YAML (or JSON) text as the JSON value an editor's schema check sees.
///
/// Scalars are resolved as YAML 1.2's core schema does (the YAML language server in VS Code does the
/// same): a plain `true`/`false` is a boolean, a plain `~`/`null`/empty value is null, a plain
/// integer or decimal is a number (kept as its text, so nothing goes through floating point), and
/// anything quoted, and anything else (`yes`, `20万`, `2022-01-30`), is a string.
enum YAMLToJSON {
    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    static func value(of text: String) throws -> JSONValue {
        let parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
        guard let root = try parser.singleRoot() else { throw Unreadable(description: "empty document") }
        return try value(of: root)
    }

    static func value(of node: Node) throws -> JSONValue {
        switch node {
        case .scalar(let scalar): return value(of: scalar)
        case .sequence(let sequence): return .array(try sequence.map { try value(of: $0) })
        case .mapping(let mapping):
            return .object(
                try mapping.map { key, member in
                    guard case .scalar(let name) = key else { throw Unreadable(description: "a key that is not text") }
                    return (name.string, try value(of: member))
                })
        case .alias: throw Unreadable(description: "aliases are not used in rubrics")
        }
    }

    static func value(of scalar: Node.Scalar) -> JSONValue {
        let text = scalar.string
        guard scalar.style == .plain else { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default:
            // YAML 1.2 core: an integer, or a decimal with an optional exponent.
            let number = /[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?/
            return text.wholeMatch(of: number) != nil ? .number(text) : .string(text)
        }
    }
}
