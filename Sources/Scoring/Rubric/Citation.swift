/// Where a rule comes from: the document, the clause, and the exact words it encodes.
///
/// The text is quoted exactly from the shipped source file; a test checks that it occurs there
/// (ignoring white space), so a rule can always be traced back to the gazette.
public struct Citation: Sendable, Hashable, Decodable {
    /// The document number, when it differs from the rubric's own (长府办〔2022〕6号).
    public var document: String?
    /// The clause or table cell: `附件 自评表·办件数量·评分标准 1`.
    public var clause: String
    /// The exact source text.
    public var text: String
    /// The line or lines in the source file, as written there (`1024`, `1465, 1469`).
    public var lines: String?
    /// Where the quoted text is in the rubric file and its field (`sections[0].items[1].cite.text`),
    /// when the citation was read from a file: for messages about it. Not part of its identity.
    public var quoteLocation: (location: SourceLocation?, field: String)?

    enum CodingKeys: String, CodingKey { case document, clause, text, lines }

    public init(document: String? = nil, clause: String, text: String, lines: String? = nil) {
        self.document = document
        self.clause = clause
        self.text = text
        self.lines = lines
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        document = try c.decodeIfPresent(String.self, forKey: .document)
        clause = try c.decode(String.self, forKey: .clause)
        text = try c.decode(String.self, forKey: .text)
        lines = try c.decodeIfPresent(String.self, forKey: .lines)
        if let decoder = decoder as? NodeDecoder {
            let field = decoder.pathText.isEmpty ? "text" : decoder.pathText + ".text"
            quoteLocation = (decoder.node.mapping?["text"]?.location ?? decoder.location, field)
        }
    }

    public static func == (lhs: Citation, rhs: Citation) -> Bool {
        (lhs.document, lhs.clause, lhs.text, lhs.lines) == (rhs.document, rhs.clause, rhs.text, rhs.lines)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(document)
        hasher.combine(clause)
        hasher.combine(text)
        hasher.combine(lines)
    }

    /// `长府办〔2022〕6号 附件·办件数量·评分标准 1`, for explanations.
    public func reference(defaultDocument: String) -> String {
        "\(document ?? defaultDocument) \(clause)"
    }
}

/// A reading chosen where the source is ambiguous, with the alternative and the reason.
///
/// Results list every interpretation that touched them, so a reader sees each choice that was made.
public struct Interpretation: Sendable, Hashable, Decodable {
    /// The inventory's number for the ambiguity (`AMBIG-9`), so it can be traced.
    public var id: String
    /// The question the source leaves open.
    public var question: String
    /// The reading this rubric takes.
    public var reading: String
    /// The reading it does not take.
    public var alternative: String
    /// Why.
    public var reason: String

    enum CodingKeys: String, CodingKey { case id, question, reading, alternative, reason }
}

/// A place where a policy's 政策解读 says something else than its 正文; the 正文 governs.
public struct Discrepancy: Sendable, Hashable, Decodable {
    public var id: String
    /// What the 正文 says, which is what the rubric encodes.
    public var official: Citation
    /// What the 解读 says, kept so an auditor sees the difference.
    public var interpretationText: Citation
    public var note: String

    enum CodingKeys: String, CodingKey {
        case id, official, note
        case interpretationText = "interpretation_text"
    }
}
