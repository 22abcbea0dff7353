import Yams

/// Decodes `Decodable` values from a parsed YAML or JSON tree, strictly and with line numbers.
///
/// Foundation's and Yams' decoders lose the line of a bad value, ignore unknown keys and accept
/// `yes` as `true`. Rubrics are typed by hand from PDFs, so this decoder instead: reports every
/// error with its line and field path; rejects any key the target type never asked for (so
/// `maxx: 5` is an error, not a silently missing cap); accepts only `true`/`false` as booleans; and
/// records where every decoded object sits, so later checks can point at lines too.
struct NodeDecoder: Decoder {
    let node: Node
    let codingPath: [any CodingKey]
    let state: NodeDecodingState
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: Node, codingPath: [any CodingKey], state: NodeDecodingState) {
        self.node = node
        self.codingPath = codingPath
        self.state = state
    }

    /// Decodes `type` from `root`, then checks for unknown keys.
    ///
    /// - Returns: the value and the location of every decoded object, by field path.
    static func decode<T: Decodable>(_ type: T.Type, from root: Node, file: String) throws(FileProblems)
        -> (T, [String: SourceLocation])
    {
        let state = NodeDecodingState(file: file)
        do {
            let value = try T(from: NodeDecoder(node: root, codingPath: [], state: state))
            let unknown = state.unknownKeyProblems()
            guard unknown.isEmpty else { throw FileProblems(unknown) }
            return (value, state.locations)
        } catch let problems as FileProblems {
            throw problems
        } catch let problem as FileProblem {
            throw FileProblems([problem])
        } catch {
            throw FileProblems([FileProblem(file: file, location: nil, field: "", message: "无法按格式读取 / cannot decode: \(error)")])
        }
    }

    var location: SourceLocation? { node.mark.map { SourceLocation(line: $0.line, column: $0.column) } }

    /// The field path of this value: `sections[0].items[2].max`.
    var pathText: String { NodeDecoder.pathText(codingPath) }

    static func pathText(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    func problem(_ message: String) -> FileProblem {
        FileProblem(file: state.file, location: location, field: pathText, message: message)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try state.spend(on: self)
        guard case .mapping(let mapping) = node else {
            throw problem("应为键值表（mapping），实为\(node.kindName) / expected a mapping")
        }
        state.open(mapping, at: pathText, location: location)
        return KeyedDecodingContainer(KeyedNodeContainer<Key>(decoder: self, mapping: mapping))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try state.spend(on: self)
        guard case .sequence(let sequence) = node else {
            throw problem("应为列表（sequence），实为\(node.kindName) / expected a list")
        }
        state.locations[pathText] = location
        return UnkeyedNodeContainer(decoder: self, elements: Array(sequence))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        try state.spend(on: self)
        return SingleNodeContainer(decoder: self)
    }

    func child(_ node: Node, key: any CodingKey) -> NodeDecoder {
        NodeDecoder(node: node, codingPath: codingPath + [key], state: state)
    }
}

/// What one decoding run has seen: decoded objects, the keys their types asked for, and a budget.
final class NodeDecodingState {
    let file: String
    var locations: [String: SourceLocation] = [:]
    private var openedMappings: [String: Node.Mapping] = [:]
    private var askedKeys: [String: Set<String>] = [:]
    /// Bounds the work on hostile files (alias bombs expand to huge trees when walked).
    private var budget = 2_000_000

    init(file: String) { self.file = file }

    func spend(on decoder: NodeDecoder) throws(FileProblem) {
        budget -= 1
        guard budget >= 0 else {
            throw decoder.problem("文件结构过大或嵌套过深（可能是 YAML 别名展开），已停止读取 / file too large to decode")
        }
    }

    func open(_ mapping: Node.Mapping, at path: String, location: SourceLocation?) {
        if openedMappings[path] == nil { openedMappings[path] = mapping }
        locations[path] = location
    }

    func asked(_ key: String, at path: String) {
        askedKeys[path, default: []].insert(key)
    }

    /// Keys present in an opened mapping that its type never asked for, and keys given twice.
    func unknownKeyProblems() -> [FileProblem] {
        var problems: [FileProblem] = []
        for (path, mapping) in openedMappings {
            let asked = askedKeys[path] ?? []
            var seen: Set<String> = []
            for (key, _) in mapping {
                let name = key.scalar?.string ?? "?"
                let location = key.mark.map { SourceLocation(line: $0.line, column: $0.column) }
                let field = path.isEmpty ? name : "\(path).\(name)"
                if !seen.insert(name).inserted {
                    problems.append(FileProblem(file: file, location: location, field: field, message: "键重复 / duplicate key"))
                } else if !asked.contains(name) {
                    let known = asked.sorted().joined(separator: ", ")
                    problems.append(
                        FileProblem(
                            file: file, location: location, field: field,
                            message: "未知的键 / unknown key（此处可用：\(known)）"))
                }
            }
        }
        return problems
    }
}

extension Node {
    var kindName: String {
        switch self {
        case .scalar(let scalar): scalar.isNull ? "空值" : "单个值「\(scalar.string)」"
        case .mapping: "键值表"
        case .sequence: "列表"
        case .alias: "别名"
        }
    }
}

extension Node.Scalar {
    /// A YAML null: an empty plain value, `~` or `null`.
    var isNull: Bool {
        guard style == .plain else { return false }
        switch string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }
}

/// A coding key for any name or index.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    let mapping: Node.Mapping
    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] {
        mapping.compactMap { key, _ in
            guard let name = key.scalar?.string else { return nil }
            decoder.state.asked(name, at: decoder.pathText)
            return Key(stringValue: name)
        }
    }

    private func value(for key: Key) -> Node? {
        decoder.state.asked(key.stringValue, at: decoder.pathText)
        return mapping[key.stringValue]
    }

    func contains(_ key: Key) -> Bool { value(for: key) != nil }

    private func required(_ key: Key) throws -> Node {
        guard let node = value(for: key) else {
            let field = decoder.pathText.isEmpty ? key.stringValue : "\(decoder.pathText).\(key.stringValue)"
            throw FileProblem(
                file: decoder.state.file, location: decoder.location, field: field,
                message: "缺少必填的键 / missing required key")
        }
        return node
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let node = value(for: key) else { return true }
        if case .scalar(let scalar) = node { return scalar.isNull }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try T(from: decoder.child(try required(key), key: key))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let node = value(for: key) else { return nil }
        if case .scalar(let scalar) = node, scalar.isNull { return nil }
        return try T(from: decoder.child(node, key: key))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try decoder.child(try required(key), key: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder.child(try required(key), key: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder { decoder.child(try required(key), key: key) }
}

private struct UnkeyedNodeContainer: UnkeyedDecodingContainer {
    let decoder: NodeDecoder
    let elements: [Node]
    var currentIndex = 0
    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    init(decoder: NodeDecoder, elements: [Node]) {
        self.decoder = decoder
        self.elements = elements
    }

    private mutating func next() throws -> NodeDecoder {
        guard !isAtEnd else { throw decoder.problem("列表元素不足 / list is too short") }
        let child = decoder.child(elements[currentIndex], key: AnyKey(intValue: currentIndex))
        currentIndex += 1
        return child
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return false }
        if case .scalar(let scalar) = elements[currentIndex], scalar.isNull {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: try next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next().unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { try next() }
}

private struct SingleNodeContainer: SingleValueDecodingContainer {
    let decoder: NodeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool {
        if case .scalar(let scalar) = decoder.node { return scalar.isNull }
        return false
    }

    private func scalarText(_ expected: String) throws -> String {
        guard case .scalar(let scalar) = decoder.node, !scalar.isNull else {
            throw decoder.problem("应为\(expected)，实为\(decoder.node.kindName)")
        }
        return scalar.string
    }

    func decode(_ type: String.Type) throws -> String { try scalarText("文字") }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch try scalarText("true 或 false") {
        case "true": return true
        case "false": return false
        case let other: throw decoder.problem("应为 true 或 false，实为「\(other)」")
        }
    }

    func decode(_ type: Int.Type) throws -> Int {
        let text = try scalarText("整数")
        guard let value = Int(text), String(value) == text || text == "+\(value)" else {
            throw decoder.problem("应为整数，实为「\(text)」")
        }
        return value
    }

    private func unsupported<T>(_ type: T.Type) throws -> T {
        throw decoder.problem("内部错误：不支持的类型 \(T.self)")
    }

    func decode(_ type: Double.Type) throws -> Double { try unsupported(type) }
    func decode(_ type: Float.Type) throws -> Float { try unsupported(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try unsupported(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try unsupported(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try unsupported(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try unsupported(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try unsupported(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try unsupported(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try unsupported(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try unsupported(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try unsupported(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: decoder) }
}

extension Decoder {
    /// The error for a value that decoded but makes no sense, with its line and field.
    func problem(_ message: String) -> any Error {
        if let decoder = self as? NodeDecoder { return decoder.problem(message) }
        return DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: message))
    }
}
