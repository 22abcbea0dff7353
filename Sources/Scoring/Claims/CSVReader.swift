/// Reads CSV as Excel and WPS save it: UTF-8 with or without a byte-order mark, CRLF or LF line
/// ends, fields quoted with `"` and quotes doubled inside them.
///
/// Each record keeps the line it starts on, so every later error can name its row. A quote left
/// open at the end of the file is an error naming the line where it opened, never a silent merge.
struct CSVReader {
    struct Record {
        /// 1-based line in the file where the record starts.
        var line: Int
        var fields: [String]
    }

    /// Splits `bytes` into records; `file` names the file in errors.
    static func records(_ bytes: [UInt8], file: String) throws(FileProblems) -> [Record] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) {
            throw FileProblems([FileProblem(file: file, location: nil, field: "", message: "文件含有 NUL 字节（第 \(nul - bytes.startIndex + 1) 字节），不是文本文件")])
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw FileProblems([FileProblem(file: file, location: nil, field: "", message: "文件不是有效的 UTF-8 编码（在 Excel 中另存为“CSV UTF-8”） / not valid UTF-8")])
        }
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteOpenedAt = 1
        var atFieldStart = true
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endRecord() {
            fields.append(field)
            // A line with nothing on it is skipped, as spreadsheets do.
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            field = ""
            atFieldStart = true
        }

        while let scalar = pending ?? scalars.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    if let next = scalars.next() {
                        if next == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            inQuotes = false
                            pending = next
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where atFieldStart:
                inQuotes = true
                quoteOpenedAt = line
                atFieldStart = false
            case ",":
                fields.append(field)
                field = ""
                atFieldStart = true
            case "\r":
                if let next = scalars.next(), next != "\n" { pending = next }
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(scalar)
                atFieldStart = false
            }
        }
        if inQuotes {
            throw FileProblems([
                FileProblem(
                    file: file, location: SourceLocation(line: quoteOpenedAt, column: 1), field: "",
                    message: "引号没有闭合：从第 \(quoteOpenedAt) 行开始的带引号字段直到文件末尾都没有结束")
            ])
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
