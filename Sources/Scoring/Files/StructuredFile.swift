import Yams

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of a YAML or JSON file, parsed into a tree with line numbers.
///
/// JSON is read by the same parser (JSON is YAML's flow style), so both formats get the same strict
/// decoding and the same line numbers in errors.
///
/// Hostile files are refused before they can cost more than their size: nesting deeper than the
/// parser's limit, an alias (`*name`) used as a key, and aliases that would expand the file to far
/// more values than it has bytes (a "billion laughs" file) are errors with their line and field.
struct StructuredFile {
    let name: String
    let root: Node

    /// Parses `bytes`; `name` is how the user named the file, used in every message.
    init(bytes: [UInt8], name: String) throws(FileProblems) {
        try self.init(Self.text(of: bytes, name: name), name: name)
    }

    /// The text of a file that passed ``text(of:name:)``: the bytes without a byte-order mark, and
    /// the same bytes as a `String`.
    struct Text {
        let body: ArraySlice<UInt8>
        let string: String
    }

    /// The checks every file gets before it is parsed: no NUL byte, valid UTF-8, not blank. A
    /// leading byte-order mark is dropped, as Excel and Notepad write one.
    static func text(of bytes: [UInt8], name: String) throws(FileProblems) -> Text {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        func fail(_ message: String) -> FileProblems {
            FileProblems([FileProblem(file: name, location: nil, field: "", message: message)])
        }
        if let nul = Self.firstIndex(of: 0, in: body) {
            throw fail("文件含有 NUL 字节（第 \(nul - bytes.startIndex + 1) 字节），不是文本文件 / contains a NUL byte")
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw fail("文件不是有效的 UTF-8 编码（请另存为 UTF-8） / not valid UTF-8")
        }
        guard !Self.isBlank(body, text) else { throw fail("文件为空 / the file is empty") }
        return Text(body: body, string: text)
    }

    /// Parses a file's checked text.
    init(_ checked: Text, name: String) throws(FileProblems) {
        self.name = name
        let (body, text) = (checked.body, checked.string)
        func fail(_ message: String) -> FileProblems {
            FileProblems([FileProblem(file: name, location: nil, field: "", message: message)])
        }
        if AliasGuard.mayHaveAliases(body) {
            try AliasGuard.check(body, file: name)
        }
        do {
            let parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
            guard let root = try parser.singleRoot() else { throw fail("文件为空 / the file is empty") }
            self.root = root
        } catch let problems as FileProblems {
            throw problems
        } catch let error as YamlError {
            throw Self.describe(error, file: name)
        } catch {
            throw fail("无法解析：\(error)")
        }
    }

    /// Where `byte` first occurs in `bytes`, found with `memchr`: a file may be hundreds of
    /// megabytes, and a byte-by-byte loop is slow in a debug build.
    static func firstIndex(of byte: UInt8, in bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let found = memchr(base, Int32(byte), buffer.count) else { return nil }
            return bytes.startIndex + (UnsafeRawPointer(found) - UnsafeRawPointer(base))
        }
    }

    /// Whether the text is only white space. ASCII white space is skipped byte by byte (a file of
    /// a hundred megabytes of spaces must not take seconds); from the first other byte on, a
    /// non-ASCII character may still be white space (U+3000), so characters are checked.
    static func isBlank(_ bytes: ArraySlice<UInt8>, _ text: String) -> Bool {
        let firstOther = bytes.withUnsafeBufferPointer { buffer -> Int in
            var index = 0
            while index < buffer.count {
                switch buffer[index] {
                case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: index += 1
                default: return index
                }
            }
            return index
        }
        guard firstOther < bytes.count else { return true }
        guard bytes[bytes.startIndex + firstOther] >= 0x80 else { return false }
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: firstOther)...].allSatisfy(\.isWhitespace)
    }

    /// Decodes the whole file as `T`.
    func decode<T: Decodable>(_ type: T.Type) throws(FileProblems) -> (T, [String: SourceLocation]) {
        try NodeDecoder.decode(type, from: root, file: name)
    }

    /// One line per parser error, in Chinese, with the line and column the parser reports. The
    /// parser's own description quotes the file, which may be megabytes long, so it is never used.
    static func describe(_ error: YamlError, file: String) -> FileProblems {
        func problem(_ message: String, _ location: SourceLocation?) -> FileProblems {
            FileProblems([FileProblem(file: file, location: location, field: "", message: message)])
        }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            let location = SourceLocation(line: mark.line, column: mark.column)
            if problem.hasPrefix("Maximum nesting level reached") {
                return FileProblems([
                    FileProblem(
                        file: file, location: location, field: "",
                        message: "嵌套超过 \(maximumNesting) 层，已停止读取 / nesting too deep")
                ])
            }
            return FileProblems([FileProblem(file: file, location: location, field: "", message: "YAML/JSON 语法错误：\(problem)")])
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "「\($0)」" }.joined(separator: "、")
            return problem("键\(keys)重复 / duplicate key", SourceLocation(line: context.mark.line, column: context.mark.column))
        case .reader(let reason, let offset, _, _):
            return problem("YAML/JSON 无法读取：\(reason)\(offset.map { "（第 \($0 + 1) 字节）" } ?? "")", nil)
        case .memory:
            return problem("文件过大，内存不足 / out of memory", nil)
        default:
            return problem("YAML/JSON 语法错误", nil)
        }
    }

    /// The deepest nesting the parser accepts (libyaml's limit).
    static let maximumNesting = 1000
}

/// Refuses aliases that would make a small file cost unbounded time or memory.
///
/// An alias (`*name`) stands for the whole value its anchor (`&name`) marks, so ten lines of
/// anchors, each listing the previous one nine times, stand for a billion values. The parser shares
/// those values rather than copying them, but anything that walks the tree pays for every one, and
/// the parser itself walks every key (to find duplicates), so an alias used as a key would hang it.
///
/// The check parses the file once with every `*` turned into a character the file does not
/// otherwise contain: each alias becomes a one-word text value at the same line and column, and
/// nothing is shared. Walking that tree in order gives each anchor's expanded size, so the expansion is
/// known without performing it. The file is refused when an alias is (part of) a key, or when its
/// aliases would expand it to more than twice as many values as it has bytes (a file without
/// aliases never comes near that).
enum AliasGuard {
    /// Whether some `*` in the file could start an alias: one not preceded by a letter, a digit,
    /// `_`, another `*` or a byte of a non-ASCII character (inside text, `*` is just a character).
    /// A file with no such `*` is parsed once, without the check.
    static func mayHaveAliases(_ body: ArraySlice<UInt8>) -> Bool {
        guard let first = StructuredFile.firstIndex(of: UInt8(ascii: "*"), in: body) else { return false }
        return body.withUnsafeBufferPointer { buffer in
            var index = first - body.startIndex
            while index < buffer.count {
                if buffer[index] == UInt8(ascii: "*") {
                    guard index > 0 else { return true }
                    switch buffer[index - 1] {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                        UInt8(ascii: "_"), UInt8(ascii: "*"), 0x80...0xFF:
                        break
                    default:
                        return true
                    }
                }
                index += 1
            }
            return false
        }
    }

    static func check(_ body: ArraySlice<UInt8>, file: String) throws(FileProblems) {
        let marker = unusedMarker(in: body)
        let text = neutered(body, marker: marker)
        do {
            let parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
            guard let root = try parser.singleRoot() else { return }
            var walk = Walk(marker: marker, limit: max(2 * body.count, 10_000), file: file)
            try withExtendedLifetime(parser) { () throws(FileProblems) in _ = try walk.visit(root, inKey: false) }
        } catch let problems as FileProblems {
            throw problems
        } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
            // Keys that are aliases come back with the marker: show them as written.
            throw StructuredFile.describe(
                .duplicatedKeysInMapping(duplicates: duplicates.map { $0.replacingMarker(marker) }, context: context), file: file)
        } catch let error as YamlError {
            throw StructuredFile.describe(error, file: file)
        } catch {
            throw FileProblems([FileProblem(file: file, location: nil, field: "", message: "无法解析：\(error)")])
        }
    }

    /// A character the file does not contain, to stand for `*`: an ASCII letter or digit when one
    /// is unused (the text keeps its size), else a private-use character (U+E000–U+E0FF).
    private static func unusedMarker(in body: ArraySlice<UInt8>) -> Unicode.Scalar {
        for byte in Array("QZXJKVWYqzxjkvwyGHUBFP0123456789".utf8) where StructuredFile.firstIndex(of: byte, in: body) == nil {
            return Unicode.Scalar(byte)
        }
        // U+E000–U+E0FF are EE 80 80 … EE 83 BF in UTF-8.
        var used = Set<UInt32>()
        var index = body.startIndex
        while let found = StructuredFile.firstIndex(of: 0xEE, in: body[index...]) {
            if found + 2 < body.endIndex, (0x80...0x83).contains(body[found + 1]) {
                used.insert(0xE000 + (UInt32(body[found + 1] - 0x80) << 6) + UInt32(body[found + 2] & 0x3F))
            }
            index = found + 1
        }
        // 256 characters cannot all be used in a file that has no letters or digits free.
        return (UInt32(0xE000)...0xE0FF).first { !used.contains($0) }.flatMap(Unicode.Scalar.init) ?? "\u{E000}"
    }

    /// The text with every `*` replaced by `marker`, built in one buffer: copied whole, then each
    /// `*` found with `memchr` (the file may be hundreds of megabytes, in a debug build too).
    private static func neutered(_ body: ArraySlice<UInt8>, marker: Unicode.Scalar) -> String {
        let replacement = Array(String(marker).utf8)
        let first = replacement[0]
        let star = Int32(UInt8(ascii: "*"))
        return body.withUnsafeBufferPointer { source -> String in
            guard let base = source.baseAddress else { return "" }
            let end = UnsafeRawPointer(base) + source.count
            var stars = 0
            if replacement.count > 1 {
                var from = UnsafeRawPointer(base)
                while from < end, let hit = memchr(from, star, end - from) {
                    stars += 1
                    from = UnsafeRawPointer(hit) + 1
                }
            }
            return String(unsafeUninitializedCapacity: source.count + stars * (replacement.count - 1)) { target in
                guard let out = target.baseAddress else { return 0 }
                var from = UnsafeRawPointer(base)
                var written = 0
                while from < end {
                    let hit = memchr(from, star, end - from).map(UnsafeRawPointer.init) ?? end
                    let length = hit - from
                    (out + written).update(from: from.assumingMemoryBound(to: UInt8.self), count: length)
                    written += length
                    guard hit < end else { break }
                    if replacement.count == 1 {
                        out[written] = first
                        written += 1
                    } else {
                        for byte in replacement {
                            out[written] = byte
                            written += 1
                        }
                    }
                    from = hit + 1
                }
                return written
            }
        }
    }

    /// Walks the neutered tree in document order, adding up what each alias would expand to.
    private struct Walk {
        let marker: Unicode.Scalar
        let limit: Int
        let file: String
        /// The expanded size of each anchored value, by anchor name.
        var sizes: [String: Int] = [:]
        /// Values so far, with aliases expanded.
        var expanded = 0
        var path: [String] = []

        init(marker: Unicode.Scalar, limit: Int, file: String) {
            self.marker = marker
            self.limit = limit
            self.file = file
        }

        var field: String {
            var text = ""
            for part in path {
                text += part.hasPrefix("[") || text.isEmpty ? part : ".\(part)"
            }
            return text
        }

        func problem(_ node: Node, _ message: String) -> FileProblems {
            FileProblems([FileProblem(file: file, location: node.location, field: field, message: message)])
        }

        /// The expanded size of `node`.
        mutating func visit(_ node: Node, inKey: Bool) throws(FileProblems) -> Int {
            var size = 1
            switch node {
            case .scalar(let scalar):
                if scalar.style == .plain, scalar.string.unicodeScalars.first == marker {
                    return try alias(String(scalar.string.unicodeScalars.dropFirst()), node, inKey: inKey)
                }
            case .sequence(let sequence):
                for (index, element) in sequence.enumerated() {
                    path.append("[\(index)]")
                    size = Self.add(size, try visit(element, inKey: inKey), limit)
                    path.removeLast()
                }
            case .mapping(let mapping):
                for (key, value) in mapping {
                    path.append(key.scalar?.string.replacingMarker(marker) ?? "?")
                    size = Self.add(size, try visit(key, inKey: true), limit)
                    size = Self.add(size, try visit(value, inKey: inKey), limit)
                    path.removeLast()
                }
            case .alias:
                break
            }
            expanded = Self.add(expanded, 1, limit)
            if let anchor = node.anchor { sizes[anchor.rawValue] = size }
            return size
        }

        private mutating func alias(_ name: String, _ node: Node, inKey: Bool) throws(FileProblems) -> Int {
            guard !name.isEmpty, name.unicodeScalars.allSatisfy(Self.isAnchorCharacter) else {
                let shown = "*" + String(name.prefix(40)).replacingMarker(marker)
                throw problem(node, "YAML/JSON 语法错误：别名「\(shown)」写法不对（别名后应为空格、逗号或括号）/ malformed alias")
            }
            if inKey {
                throw problem(node, "键不能是别名「*\(name)」/ an alias cannot be a key")
            }
            let size = sizes[name] ?? 1
            expanded = Self.add(expanded, size, limit)
            if expanded > limit {
                throw problem(
                    node,
                    "别名「*\(name)」展开后全文超过 \(limit) 个值（可能是别名炸弹 billion laughs），已停止读取 / aliases expand too far")
            }
            return size
        }

        /// Letters, digits, `-` and `_`: what libyaml accepts in an anchor's name.
        static func isAnchorCharacter(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_": true
            default: false
            }
        }

        /// `a + b`, but no more than `limit + 1`, so sizes never overflow.
        static func add(_ a: Int, _ b: Int, _ limit: Int) -> Int {
            min(a + min(b, limit + 1), limit + 1)
        }
    }
}

extension String {
    /// The text with the alias guard's marker turned back into `*`.
    fileprivate func replacingMarker(_ marker: Unicode.Scalar) -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == marker ? "*" : $0 }))
    }
}
