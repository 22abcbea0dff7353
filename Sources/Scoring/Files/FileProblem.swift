/// A 1-based line and column in a file.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// Something wrong in a rubric or input file, precise enough to fix it: the file, the line, the field.
///
/// A file with several problems reports all of them (``FileProblems``), one line each.
public struct FileProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's name as the user gave it.
    public var file: String
    /// Where in the file, when known.
    public var location: SourceLocation?
    /// The field, as a path such as `sections[1].items[0].max` or `inputs.zhuban_count`.
    public var field: String
    /// What is wrong, in Chinese (English alongside where it helps).
    public var message: String

    public init(file: String, location: SourceLocation?, field: String, message: String) {
        self.file = file
        self.location = location
        self.field = field
        self.message = message
    }

    /// `file:line:column: field: message`, the form editors and terminals turn into links.
    public var description: String {
        var text = file
        if let location { text += ":\(location.line):\(location.column)" }
        text += ": "
        if !field.isEmpty { text += "\(field): " }
        return text + message
    }
}

/// Every problem found in one file.
public struct FileProblems: Error, Sendable, Hashable, CustomStringConvertible {
    public var problems: [FileProblem]

    public init(_ problems: [FileProblem]) {
        self.problems = problems.sorted { ($0.location?.line ?? 0, $0.field) < ($1.location?.line ?? 0, $1.field) }
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
