extension Scorecard {
    /// Reads and checks a scorecard rubric from the bytes of a YAML or JSON file.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - file: the file's name as the user gave it, used in every message.
    /// - Throws: ``FileProblems`` listing every problem found, each with its line and field.
    public static func load(bytes: [UInt8], file: String) throws(FileProblems) -> Scorecard {
        try load(try StructuredFile(bytes: bytes, name: file), bytes: bytes)
    }

    /// Decodes and checks a scorecard from a parsed file; `bytes` are hashed into its identity.
    static func load(_ parsed: StructuredFile, bytes: [UInt8]) throws(FileProblems) -> Scorecard {
        let file = parsed.name
        let (raw, locations) = try parsed.decode(ScorecardFile.self)
        let scorecard = Scorecard(
            header: raw.header.header(sha256: SHA256.hex(of: bytes)), total: raw.total,
            rounding: raw.rounding ?? .standard, region: raw.region, passMark: raw.passMark,
            prerequisites: raw.prerequisites ?? [], missingItems: raw.missingItems, inputs: raw.inputs,
            derived: raw.derived ?? [], constraints: raw.constraints ?? [], sections: raw.sections,
            locations: locations, catalog: InputCatalog(inputs: raw.inputs, derived: raw.derived ?? []))
        let problems = ScorecardChecker(scorecard: scorecard, file: file).problems()
        guard problems.isEmpty else { throw FileProblems(problems) }
        return scorecard
    }
}

/// The file layout of a scorecard rubric; see docs/rubric-format.md.
private struct ScorecardFile: Decodable {
    var header: RubricHeaderFile
    var total: Rational
    var rounding: ScoreRounding?
    var region: RegionChoice?
    var passMark: PassMark?
    var prerequisites: [Prerequisite]?
    var missingItems: MissingItemsRule?
    var inputs: [InputDefinition]
    var derived: [DerivedInput]?
    var constraints: [InputConstraint]?
    var sections: [Section]

    enum CodingKeys: String, CodingKey {
        case total, rounding, region, prerequisites, inputs, derived, constraints, sections
        case passMark = "pass_mark"
        case missingItems = "missing_items"
    }

    init(from decoder: any Decoder) throws {
        header = try RubricHeaderFile(from: decoder)
        try header.require(kind: "scorecard", decoder: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        total = try c.decode(Rational.self, forKey: .total)
        rounding = try c.decodeIfPresent(ScoreRounding.self, forKey: .rounding)
        region = try c.decodeIfPresent(RegionChoice.self, forKey: .region)
        passMark = try c.decodeIfPresent(PassMark.self, forKey: .passMark)
        prerequisites = try c.decodeIfPresent([Prerequisite].self, forKey: .prerequisites)
        missingItems = try c.decodeIfPresent(MissingItemsRule.self, forKey: .missingItems)
        inputs = try c.decode([InputDefinition].self, forKey: .inputs)
        derived = try c.decodeIfPresent([DerivedInput].self, forKey: .derived)
        constraints = try c.decodeIfPresent([InputConstraint].self, forKey: .constraints)
        sections = try c.decode([Section].self, forKey: .sections)
    }
}
