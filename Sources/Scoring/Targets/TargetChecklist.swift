/// A target checklist (目标考核): indicators with a target and a direction; an actuals file says
/// what was achieved, and each indicator is met or not, by a margin.
///
/// ```yaml
/// kind: targets
/// indicators:
///   - id: T3
///     title: 2020年度能耗总量控制
///     quantity: 能耗总量同比增长率（下降填负数）
///     unit: "%"
///     target: {at_most: 3.00}          # 增长控制在3.00%以内
///     cite: {clause: 一、（二）, text: 2020年我区备案的年度能耗总量控制目标是同比增长控制在3.00%以内}
/// ```
public struct TargetChecklist: Sendable, Hashable {
    public var header: RubricHeader
    public var indicators: [Indicator]

    public struct Indicator: Sendable, Hashable, Decodable {
        public var id: String
        public var title: String
        /// What the actual value measures, so it is entered the right way round (增长率，下降填负数).
        public var quantity: String
        public var unit: String?
        /// The target as a bound: `at_least` (不低于、达到…以上), `more_than` (超过、突破),
        /// `at_most` (不超过、控制在…以内), `less_than`.
        public var target: Interval
        public var cite: Citation
        public var interpretation: String?

        enum CodingKeys: String, CodingKey { case id, title, quantity, unit, target, cite, interpretation }
    }

    /// Reads and checks a target checklist.
    public static func load(bytes: [UInt8], file: String) throws(FileProblems) -> TargetChecklist {
        let parsed = try StructuredFile(bytes: bytes, name: file)
        let (raw, locations) = try parsed.decode(TargetFile.self)
        let checklist = TargetChecklist(header: raw.header.header(sha256: SHA256.hex(of: bytes)), indicators: raw.indicators)
        var problems: [FileProblem] = []
        var seen: Set<String> = []
        for (index, indicator) in raw.indicators.enumerated() {
            let path = "indicators[\(index)]"
            if !seen.insert(indicator.id).inserted {
                problems.append(FileProblem(file: file, location: nearestLocation(path, in: locations), field: path, message: "指标 id「\(indicator.id)」重复"))
            }
            if (indicator.target.lower == nil) == (indicator.target.upper == nil) {
                problems.append(FileProblem(file: file, location: nearestLocation(path, in: locations), field: "\(path).target", message: "target 须只给一个界限（at_least、more_than、at_most 或 less_than）"))
            }
            if let id = indicator.interpretation, checklist.header.interpretation(id) == nil {
                problems.append(FileProblem(file: file, location: nearestLocation(path, in: locations), field: path, message: "引用了未定义的解释「\(id)」"))
            }
        }
        guard problems.isEmpty else { throw FileProblems(problems) }
        return checklist
    }

    /// Checks an actuals file (the self-assessment format: `inputs` by indicator id).
    public func check(_ actuals: SelfAssessment) throws(FileProblems) -> TargetReport {
        var problems: [FileProblem] = []
        var results: [TargetReport.Result] = []
        for (id, entry) in actuals.inputs where !indicators.contains(where: { $0.id == id }) {
            problems.append(FileProblem(file: actuals.file, location: entry.location, field: "inputs.\(id)", message: "没有这个指标"))
        }
        for indicator in indicators {
            guard let entry = actuals.inputs[indicator.id] else {
                problems.append(FileProblem(file: actuals.file, location: actuals.location["inputs"], field: "inputs.\(indicator.id)", message: "缺少「\(indicator.title)」的实际值（\(indicator.quantity)）"))
                continue
            }
            let text = entry.text.hasSuffix("%") ? String(entry.text.dropLast()) : entry.text
            guard entry.isScalar, let actual = Rational(decimalText: text) ?? Rational(moneyText: text) else {
                problems.append(FileProblem(file: actuals.file, location: entry.location, field: "inputs.\(indicator.id)", message: "「\(indicator.title)」应为数值，实为「\(entry.text)」"))
                continue
            }
            results.append(TargetReport.Result(indicator: indicator, actual: actual))
        }
        guard problems.isEmpty else { throw FileProblems(problems) }
        let applied = Set(results.compactMap(\.indicator.interpretation))
        return TargetReport(
            checklist: RubricIdentity(id: header.id, version: header.version, title: header.title, document: header.document, sha256: header.sha256),
            unit: actuals.unit, period: actuals.period, results: results,
            interpretations: header.interpretations.filter { applied.contains($0.id) })
    }
}

private struct TargetFile: Decodable {
    var header: RubricHeaderFile
    var indicators: [TargetChecklist.Indicator]

    enum CodingKeys: String, CodingKey { case indicators }

    init(from decoder: any Decoder) throws {
        header = try RubricHeaderFile(from: decoder)
        try header.require(kind: "targets", decoder: decoder)
        indicators = try decoder.container(keyedBy: CodingKeys.self).decode([TargetChecklist.Indicator].self, forKey: .indicators)
    }
}

/// Each indicator met or not, and by how much.
public struct TargetReport: Sendable, Hashable {
    public var checklist: RubricIdentity
    public var unit: String
    public var period: String?
    public var results: [Result]
    public var interpretations: [Interpretation]

    public struct Result: Sendable, Hashable {
        public var indicator: TargetChecklist.Indicator
        public var actual: Rational

        /// Whether the actual value meets the target.
        public var met: Bool { (try? indicator.target.contains(actual, region: nil)) ?? false }

        /// How far the actual value is past the target bound: positive when met, negative when short.
        public var margin: Rational {
            guard let bound = indicator.target.lower ?? indicator.target.upper, let value = try? bound.value.resolved(for: nil) else { return .zero }
            let difference = indicator.target.lower != nil ? try? actual - value : try? value - actual
            return difference ?? .zero
        }

        /// `≥0.5%`.
        public var targetText: String {
            indicator.target.describe(region: nil, unit: indicator.unit)
        }
    }

    public var allMet: Bool { results.allSatisfy(\.met) }
}
