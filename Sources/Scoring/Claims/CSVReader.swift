/// Reads a whole small CSV file (a prior-awards ledger) into records of text.
///
/// The splitting is ``CSVScanner``'s; here the whole file must be valid UTF-8, and an error says so
/// once for the file rather than once per row.
struct CSVReader {
    struct Record {
        /// 1-based line in the file where the record starts.
        var line: Int
        var fields: [String]
    }

    /// Splits `bytes` into records; `file` names the file in errors.
    static func records(_ bytes: [UInt8], file: String) throws(FileProblems) -> [Record] {
        var scanner = CSVScanner(file: file)
        let scanned = try scanner.scan(bytes, isLast: true)
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard String(validating: body, as: UTF8.self) != nil else {
            throw FileProblems([FileProblem(file: file, location: nil, field: "", message: "文件不是有效的 UTF-8 编码（在 Excel 中另存为“CSV UTF-8”） / not valid UTF-8")])
        }
        return (0..<scanned.count).map { index in
            Record(line: scanned.lines[index], fields: scanned.texts(index).map { $0 ?? "" })
        }
    }
}
