/// The keys every rubric file has, whatever its kind, decoded from the top-level mapping.
///
/// Scorecards and schedules decode these from the same decoder as their own keys, so the unknown-key
/// check sees both.
struct RubricHeaderFile: Decodable {
    var schemaVersion: Int
    var kind: String
    var id: String
    var version: String
    var title: String
    var document: String
    var issued: CalendarDate?
    var effective: DateWindow?
    var source: SourceText
    var interpretations: [Interpretation]
    var discrepancies: [Discrepancy]
    var series: String?
    var acknowledgements: [LintAcknowledgement]

    enum CodingKeys: String, CodingKey {
        case kind, id, version, title, document, issued, effective, source, interpretations, discrepancies, series
        case schemaVersion = "schema_version"
        case acknowledgements = "lint_acknowledged"
    }

    /// The kinds of rubric, and what each is called in messages.
    static let kinds = ["scorecard": "评分表", "schedule": "扶持政策", "targets": "目标考核清单"]

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        guard schemaVersion == 1 else { throw decoder.problem("schema_version 应为 1（本版本只认识 1）") }
        kind = try c.decode(String.self, forKey: .kind)
        guard Self.kinds[kind] != nil else {
            throw decoder.problem("kind 应为 scorecard（评分表）、schedule（扶持政策）或 targets（目标考核清单），实为「\(kind)」")
        }
        id = try c.decode(String.self, forKey: .id)
        version = try c.decode(String.self, forKey: .version)
        title = try c.decode(String.self, forKey: .title)
        document = try c.decode(String.self, forKey: .document)
        issued = try c.decodeIfPresent(CalendarDate.self, forKey: .issued)
        effective = try c.decodeIfPresent(DateWindow.self, forKey: .effective)
        source = try c.decode(SourceText.self, forKey: .source)
        interpretations = try c.decodeIfPresent([Interpretation].self, forKey: .interpretations) ?? []
        discrepancies = try c.decodeIfPresent([Discrepancy].self, forKey: .discrepancies) ?? []
        series = try c.decodeIfPresent(String.self, forKey: .series)
        acknowledgements = try c.decodeIfPresent([LintAcknowledgement].self, forKey: .acknowledgements) ?? []
    }

    /// Requires `kind` to be `expected`, naming what was found otherwise.
    func require(kind expected: String, decoder: any Decoder) throws {
        guard kind == expected else {
            throw decoder.problem("这是\(Self.kinds[kind] ?? kind)（kind: \(kind)），此处需要\(Self.kinds[expected] ?? expected)（kind: \(expected)）")
        }
    }

    func header(sha256: String) -> RubricHeader {
        RubricHeader(
            schemaVersion: schemaVersion, kind: kind, id: id, version: version, title: title, document: document,
            issued: issued, effective: effective, source: source, interpretations: interpretations,
            discrepancies: discrepancies, series: series, acknowledgements: acknowledgements, sha256: sha256)
    }
}
