/// Reads a whole small CSV file (a prior-awards ledger) into records.
///
/// The splitting is ``CSVScanner``'s. Cells become text only when asked for, and are checked as
/// UTF-8 then (``CSVRecords/text(_:)`` is `nil` for a cell that is not), so the long columns a
/// reader does not need cost nothing: not even a check of their encoding.
enum CSVReader {
    /// Splits `bytes` into records; `file` names the file in errors.
    static func records(_ bytes: [UInt8], file: String) throws(FileProblems) -> CSVRecords {
        var scanner = CSVScanner(file: file)
        return try scanner.scan(bytes, isLast: true)
    }
}
