import Yams

/// A unit's filled-in 自评表: who, which period, the facts by input id, the points it claims per item,
/// and notes explaining discretionary values.
///
/// ```yaml
/// rubric: proposal-handling-2022
/// unit: 区建设管理委
/// period: 2022 年度
/// inputs:
///   zhuban_count: 7
///   has_system: true
/// claimed: {S1: 5, S5: 10}
/// notes: {attitude_points: 退回分办 2 件，视情得 8 分}
/// ```
public struct SelfAssessment: Sendable, Hashable {
    /// The file's name as the user gave it.
    public var file: String
    /// The id of the rubric it was filled in against.
    public var rubric: String
    public var unit: String
    public var period: String?
    /// The region variant, when the rubric lets the unit choose (南方/北方).
    public var region: String?
    /// The facts, as written; they are typed against the rubric when scored.
    public var inputs: [String: Entry]
    /// Claimed (自评) points per item id.
    public var claimed: [String: Entry]
    /// The claimed total, if the form states one.
    public var claimedTotal: Entry?
    /// Reasons for discretionary values, by input id.
    public var notes: [String: String]
    /// Items the unit declares missing (缺项).
    public var missingItems: [Entry]

    /// One value as written in the file, with where it is.
    public struct Entry: Sendable, Hashable {
        public var text: String
        /// Whether the file wrote it as a list or table instead of a single value.
        public var isScalar: Bool
        public var location: SourceLocation?
    }

    /// Where a field sits in the file, for messages.
    var location: [String: SourceLocation]

    /// The top-level keys a self-assessment may have, in the order messages list them.
    static let keys = ["rubric", "unit", "period", "region", "inputs", "claimed", "claimed_total", "notes", "missing_items"]

    /// Reads a self-assessment from the bytes of a YAML or JSON file.
    ///
    /// Only the layout is checked here; the values are checked against the rubric by
    /// ``Scorecard/score(_:)``.
    ///
    /// A file in the usual layout (plain keys and values, no anchors or tags, nothing amiss) is read
    /// straight from the parser's events, several times faster; any other file, and every file
    /// with a problem, is read through Yams' node tree, which gives every message.
    public static func load(bytes: [UInt8], file: String) throws(FileProblems) -> SelfAssessment {
        let text = try StructuredFile.text(of: bytes, name: file)
        if !AliasGuard.mayHaveAliases(text.body), let assessment = readPlainLayout(text.body, file: file) {
            return assessment
        }
        return try load(StructuredFile(text, name: file), file: file)
    }

    /// Reads a self-assessment from its parsed tree, with a problem for each thing out of place.
    static func load(_ parsed: StructuredFile, file: String) throws(FileProblems) -> SelfAssessment {
        var problems: [FileProblem] = []
        func problem(_ node: Node?, _ field: String, _ message: String) {
            problems.append(FileProblem(file: file, location: node?.location, field: field, message: message))
        }
        guard case .mapping(let top) = parsed.root else {
            throw FileProblems([FileProblem(file: file, location: parsed.root.location, field: "", message: "自评文件应为键值表（rubric、unit、inputs …）")])
        }
        let known = keys
        var assessment = SelfAssessment(
            file: file, rubric: "", unit: "", period: nil, region: nil, inputs: [:], claimed: [:], claimedTotal: nil,
            notes: [:], missingItems: [], location: [:])
        for (keyNode, value) in top {
            let key = keyNode.scalar?.string ?? ""
            assessment.location[key] = keyNode.location
            guard known.contains(key) else {
                problem(keyNode, key, "未知的键 / unknown key（可用：\(known.joined(separator: ", "))）")
                continue
            }
            switch key {
            case "rubric", "unit", "period", "region":
                if case .scalar(let scalar) = value, scalar.isNull { continue }  // left blank: not given
                guard case .scalar(let scalar) = value else {
                    problem(value, key, "应为一段文字")
                    continue
                }
                switch key {
                case "rubric": assessment.rubric = scalar.string
                case "unit": assessment.unit = scalar.string
                case "period": assessment.period = scalar.string
                default: assessment.region = scalar.string
                }
            case "inputs", "claimed", "notes":
                guard case .mapping(let mapping) = value else {
                    if case .scalar(let scalar) = value, scalar.isNull { continue }
                    problem(value, key, "应为键值表（id: 值）")
                    continue
                }
                for (idNode, entryNode) in mapping {
                    // A blank value (as the template leaves it) means "not given".
                    if case .scalar(let scalar) = entryNode, scalar.isNull { continue }
                    let id = idNode.scalar?.string ?? ""
                    let entry = Entry(node: entryNode)
                    let field = "\(key).\(id)"
                    switch key {
                    case "inputs":
                        if assessment.inputs.updateValue(entry, forKey: id) != nil { problem(idNode, field, "键重复") }
                    case "claimed":
                        if assessment.claimed.updateValue(entry, forKey: id) != nil { problem(idNode, field, "键重复") }
                    default:
                        guard entry.isScalar else {
                            problem(entryNode, field, "说明应为一段文字")
                            continue
                        }
                        assessment.notes[id] = entry.text
                    }
                }
            case "claimed_total":
                if case .scalar(let scalar) = value, scalar.isNull { continue }
                assessment.claimedTotal = Entry(node: value)
            default:
                guard case .sequence(let sequence) = value else {
                    if case .scalar(let scalar) = value, scalar.isNull { continue }
                    problem(value, key, "应为指标 id 的列表")
                    continue
                }
                assessment.missingItems = sequence.map(Entry.init(node:))
            }
        }
        if assessment.rubric.isEmpty { problem(parsed.root, "rubric", "缺少必填的键：评分表 id") }
        if assessment.unit.isEmpty { problem(parsed.root, "unit", "缺少必填的键：单位名称") }
        guard problems.isEmpty else { throw FileProblems(problems) }
        return assessment
    }
}

extension SelfAssessment.Entry {
    init(node: Node) {
        if case .scalar(let scalar) = node, !scalar.isNull {
            self.init(text: scalar.string, isScalar: true, location: node.location)
        } else {
            self.init(text: "", isScalar: false, location: node.location)
        }
    }
}

extension Node {
    var location: SourceLocation? { mark.map { SourceLocation(line: $0.line, column: $0.column) } }
}
