/// How units tied across the end of a rating's places are rated: say 优秀 has 10 places and three
/// units share the 10th rank, taking places 10–12.
///
/// The source names 10 优秀 and 10 表扬 units of 41 and says nothing about ties (长府办〔2022〕5号,
/// AMBIG-20), so the reading is a recorded interpretation, printed with every rated summary, and
/// `--ties` can choose another.
public enum BoundaryTiePolicy: String, Sendable, Hashable, CaseIterable {
    /// All tied units get the higher rating; the next rating has as many places fewer (the default).
    case higher
    /// None of them gets the higher rating; they all take the next one (or none).
    case lower
    /// They are left 待定 between the ratings the tie spans, for whoever approves the list.
    case undecided

    /// Short Chinese name, as printed: 并列就高.
    public var chineseName: String {
        switch self {
        case .higher: "并列就高"
        case .lower: "并列就低"
        case .undecided: "并列待定"
        }
    }

    /// What the policy does, in one sentence.
    public var rule: String {
        switch self {
        case .higher: "并列跨越名额界线时，并列者均评为较高等次，下一等次的名额相应减少"
        case .lower: "并列跨越名额界线时，并列者均不评为较高等次，一并评为下一等次（或不评等次），较高等次的名额不满"
        case .undecided: "并列跨越名额界线时，并列者列为待定，由审定名单者决定，本工具不替其取舍"
        }
    }

    /// The interpretation this policy records (AMBIG-20.2).
    public var interpretation: Interpretation {
        let others = Self.allCases.filter { $0 != self }.map { "\($0.chineseName)（--ties \($0.rawValue)）：\($0.rule)" }
        return Interpretation(
            id: "AMBIG-20.2",
            question: "按名额评定等次时，并列跨越名额界线（如第 10 名有 3 家并列、优秀只有 10 个名额）的单位评为哪一等次？",
            reading: "\(chineseName)：\(rule)。",
            alternative: others.joined(separator: "；") + "。",
            reason: reason)
    }

    private var reason: String {
        let source = "长府办〔2022〕5号只公布 41 家中「10 家单位确定为……优秀单位」「10 家单位确定为……表扬单位」，未公布分数，也未说明并列如何处理"
        switch self {
        case .higher:
            return source + "；并列者名次相同（同为第 10 名），「前 10 名」应包括他们，不应按单位名称等与成绩无关的次序取舍；"
                + "下一等次名额相应减少，评定等次的单位总数仍为名额之和。"
        case .lower:
            return source + "；按 --ties lower 选定：名额视为上限，不得超出，宁缺不超。"
        case .undecided:
            return source + "；名单「经区领导同意」确定，按 --ties undecided 选定：并列者交审定者决定。"
        }
    }
}
