extension Scorecard {
    /// Reads and checks a scorecard rubric from the bytes of a YAML or JSON file.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - file: the file's name as the user gave it, used in every message.
    /// - Throws: ``FileProblems`` listing every problem found, each with its line and field.
    public static func load(bytes: [UInt8], file: String) throws(FileProblems) -> Scorecard {
        let parsed = try StructuredFile(bytes: bytes, name: file)
        let (raw, locations) = try parsed.decode(ScorecardFile.self)
        let header = RubricHeader(
            schemaVersion: raw.schemaVersion, kind: raw.kind, id: raw.id, version: raw.version, title: raw.title,
            document: raw.document, issued: raw.issued, effective: raw.effective, source: raw.source,
            interpretations: raw.interpretations ?? [], discrepancies: raw.discrepancies ?? [],
            sha256: SHA256.hex(of: bytes))
        let scorecard = Scorecard(
            header: header, total: raw.total, rounding: raw.rounding ?? .standard, region: raw.region,
            passMark: raw.passMark, prerequisites: raw.prerequisites ?? [], missingItems: raw.missingItems,
            inputs: raw.inputs, derived: raw.derived ?? [], constraints: raw.constraints ?? [],
            sections: raw.sections, locations: locations)
        let problems = ScorecardChecker(scorecard: scorecard, file: file).problems()
        guard problems.isEmpty else { throw FileProblems(problems) }
        return scorecard
    }
}

/// The file layout of a scorecard rubric; see docs/rubric-format.md.
private struct ScorecardFile: Decodable {
    var schemaVersion: Int
    var kind: String
    var id: String
    var version: String
    var title: String
    var document: String
    var issued: CalendarDate?
    var effective: DateWindow?
    var source: SourceText
    var total: Rational
    var rounding: ScoreRounding?
    var region: RegionChoice?
    var passMark: PassMark?
    var prerequisites: [Prerequisite]?
    var missingItems: MissingItemsRule?
    var interpretations: [Interpretation]?
    var discrepancies: [Discrepancy]?
    var inputs: [InputDefinition]
    var derived: [DerivedInput]?
    var constraints: [InputConstraint]?
    var sections: [Section]

    enum CodingKeys: String, CodingKey {
        case kind, id, version, title, document, issued, effective, source, total, rounding, region
        case prerequisites, interpretations, discrepancies, inputs, derived, constraints, sections
        case schemaVersion = "schema_version"
        case passMark = "pass_mark"
        case missingItems = "missing_items"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        guard schemaVersion == 1 else { throw decoder.problem("schema_version 应为 1（本版本只认识 1）") }
        kind = try c.decode(String.self, forKey: .kind)
        guard kind == "scorecard" else {
            throw decoder.problem("kind「\(kind)」不是评分表（scorecard）；此命令只接受评分表")
        }
        id = try c.decode(String.self, forKey: .id)
        version = try c.decode(String.self, forKey: .version)
        title = try c.decode(String.self, forKey: .title)
        document = try c.decode(String.self, forKey: .document)
        issued = try c.decodeIfPresent(CalendarDate.self, forKey: .issued)
        effective = try c.decodeIfPresent(DateWindow.self, forKey: .effective)
        source = try c.decode(SourceText.self, forKey: .source)
        total = try c.decode(Rational.self, forKey: .total)
        rounding = try c.decodeIfPresent(ScoreRounding.self, forKey: .rounding)
        region = try c.decodeIfPresent(RegionChoice.self, forKey: .region)
        passMark = try c.decodeIfPresent(PassMark.self, forKey: .passMark)
        prerequisites = try c.decodeIfPresent([Prerequisite].self, forKey: .prerequisites)
        missingItems = try c.decodeIfPresent(MissingItemsRule.self, forKey: .missingItems)
        interpretations = try c.decodeIfPresent([Interpretation].self, forKey: .interpretations)
        discrepancies = try c.decodeIfPresent([Discrepancy].self, forKey: .discrepancies)
        inputs = try c.decode([InputDefinition].self, forKey: .inputs)
        derived = try c.decodeIfPresent([DerivedInput].self, forKey: .derived)
        constraints = try c.decodeIfPresent([InputConstraint].self, forKey: .constraints)
        sections = try c.decode([Section].self, forKey: .sections)
    }
}
