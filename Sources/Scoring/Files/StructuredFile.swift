import Yams

/// The bytes of a YAML or JSON file, parsed into a tree with line numbers.
///
/// JSON is read by the same parser (JSON is YAML's flow style), so both formats get the same strict
/// decoding and the same line numbers in errors.
struct StructuredFile {
    let name: String
    let root: Node

    /// Parses `bytes`; `name` is how the user named the file, used in every message.
    init(bytes: [UInt8], name: String) throws(FileProblems) {
        self.name = name
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        func fail(_ message: String, _ location: SourceLocation? = nil) -> FileProblems {
            FileProblems([FileProblem(file: name, location: location, field: "", message: message)])
        }
        if let nul = body.firstIndex(of: 0) {
            throw fail("文件含有 NUL 字节（第 \(nul - bytes.startIndex + 1) 字节），不是文本文件 / contains a NUL byte")
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw fail("文件不是有效的 UTF-8 编码（请另存为 UTF-8） / not valid UTF-8")
        }
        guard !text.allSatisfy(\.isWhitespace) else { throw fail("文件为空 / the file is empty") }
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

    /// Decodes the whole file as `T`.
    func decode<T: Decodable>(_ type: T.Type) throws(FileProblems) -> (T, [String: SourceLocation]) {
        try NodeDecoder.decode(type, from: root, file: name)
    }

    private static func describe(_ error: YamlError, file: String) -> FileProblems {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return FileProblems([
                FileProblem(
                    file: file, location: SourceLocation(line: mark.line, column: mark.column), field: "",
                    message: "YAML/JSON 语法错误：\(problem)")
            ])
        default:
            return FileProblems([FileProblem(file: file, location: nil, field: "", message: "YAML/JSON 语法错误：\(error)")])
        }
    }
}
