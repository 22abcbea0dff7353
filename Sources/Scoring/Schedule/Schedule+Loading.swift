extension Schedule {
    /// Reads and checks a subsidy schedule from the bytes of a YAML or JSON file.
    ///
    /// - Throws: ``FileProblems`` listing every problem found, each with its line and field.
    public static func load(bytes: [UInt8], file: String) throws(FileProblems) -> Schedule {
        try load(try StructuredFile(bytes: bytes, name: file), bytes: bytes)
    }

    /// Decodes and checks a schedule from a parsed file; `bytes` are hashed into its identity.
    static func load(_ parsed: StructuredFile, bytes: [UInt8]) throws(FileProblems) -> Schedule {
        let file = parsed.name
        let (raw, locations) = try parsed.decode(ScheduleFile.self)
        let schedule = Schedule(
            header: raw.header.header(sha256: SHA256.hex(of: bytes)),
            catalog: InputCatalog(inputs: raw.inputs, derived: raw.derived ?? []), measures: raw.measures,
            exclusions: raw.exclusions ?? [], yearlyCaps: raw.yearlyCaps ?? [], countLimits: raw.countLimits ?? [],
            highestOnly: raw.highestOnly ?? [], sameMatter: raw.sameMatter, pool: raw.pool, locations: locations,
            measureIndex: Dictionary(raw.measures.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first }))
        let problems = ScheduleChecker(schedule: schedule, file: file).problems()
        guard problems.isEmpty else { throw FileProblems(problems) }
        return schedule
    }
}

/// The file layout of a subsidy schedule; see docs/schedule-format.md.
private struct ScheduleFile: Decodable {
    var header: RubricHeaderFile
    var inputs: [InputDefinition]
    var derived: [DerivedInput]?
    var measures: [Measure]
    var exclusions: [Exclusion]?
    var yearlyCaps: [YearlyCap]?
    var countLimits: [CountLimit]?
    var highestOnly: [HighestOnly]?
    var sameMatter: SameMatterRule?
    var pool: Pool?

    enum CodingKeys: String, CodingKey {
        case inputs, derived, measures, exclusions, pool
        case yearlyCaps = "yearly_caps"
        case countLimits = "count_limits"
        case highestOnly = "highest_only"
        case sameMatter = "same_matter"
    }

    init(from decoder: any Decoder) throws {
        header = try RubricHeaderFile(from: decoder)
        try header.require(kind: "schedule", decoder: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        inputs = try c.decode([InputDefinition].self, forKey: .inputs)
        derived = try c.decodeIfPresent([DerivedInput].self, forKey: .derived)
        measures = try c.decode([Measure].self, forKey: .measures)
        exclusions = try c.decodeIfPresent([Exclusion].self, forKey: .exclusions)
        yearlyCaps = try c.decodeIfPresent([YearlyCap].self, forKey: .yearlyCaps)
        countLimits = try c.decodeIfPresent([CountLimit].self, forKey: .countLimits)
        highestOnly = try c.decodeIfPresent([HighestOnly].self, forKey: .highestOnly)
        sameMatter = try c.decodeIfPresent(SameMatterRule.self, forKey: .sameMatter)
        pool = try c.decodeIfPresent(Pool.self, forKey: .pool)
    }
}
