/// Reads a whole small CSV file (a prior-awards ledger) into records.
///
/// The splitting is ``CSVScanner``'s; here the whole file must be valid UTF-8, and an error says so
/// once for the file rather than once per row. Cells become text only when asked for, so the long
/// columns a reader does not need cost nothing.
enum CSVReader {
    /// Splits `bytes` into records; `file` names the file in errors.
    static func records(_ bytes: [UInt8], file: String) throws(FileProblems) -> CSVRecords {
        var scanner = CSVScanner(file: file)
        let scanned = try scanner.scan(bytes, isLast: true)
        let valid = bytes.withUnsafeBufferPointer { CSVRecords.string($0) != nil }
        guard valid else {
            throw FileProblems([FileProblem(file: file, location: nil, field: "", message: "文件不是有效的 UTF-8 编码（在 Excel 中另存为“CSV UTF-8”） / not valid UTF-8")])
        }
        return scanned
    }
}
