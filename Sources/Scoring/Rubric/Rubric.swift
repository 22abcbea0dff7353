import Yams

/// Any rubric file: a scorecard or a subsidy schedule, told apart by its `kind`.
public enum Rubric: Sendable, Hashable {
    case scorecard(Scorecard)
    case schedule(Schedule)
    case targets(TargetChecklist)

    /// Reads and checks a rubric of either kind.
    public static func load(bytes: [UInt8], file: String) throws(FileProblems) -> Rubric {
        let parsed = try StructuredFile(bytes: bytes, name: file)
        var kind = ""
        if case .mapping(let top) = parsed.root, case .scalar(let scalar)? = top["kind"] { kind = scalar.string }
        // The file is parsed once here; scorecards and schedules are decoded from that tree.
        switch kind {
        case "schedule": return .schedule(try Schedule.load(parsed, bytes: bytes))
        case "targets": return .targets(try TargetChecklist.load(bytes: bytes, file: file))
        default: return .scorecard(try Scorecard.load(parsed, bytes: bytes))
        }
    }

    public var header: RubricHeader {
        switch self {
        case .scorecard(let scorecard): scorecard.header
        case .schedule(let schedule): schedule.header
        case .targets(let checklist): checklist.header
        }
    }

    /// Every citation in the rubric.
    public var citations: [Citation] {
        switch self {
        case .scorecard(let scorecard): scorecard.citations
        case .schedule(let schedule): schedule.citations
        case .targets(let checklist): checklist.indicators.map(\.cite) + [checklist.header.effective?.cite].compactMap { $0 }
        }
    }

    /// The citations whose text does not occur in `source`, ignoring white space.
    public func citationsNotFound(in source: String) -> [Citation] {
        let haystack = QuoteText.squeezed(source)
        return citations.filter { !haystack.contains(QuoteText.squeezed($0.text)) }
    }
}

extension Schedule {
    /// Every citation: measures, ceilings, instalments, document rules, derived values and the header.
    public var citations: [Citation] {
        var found: [Citation] = []
        for measure in measures {
            found.append(measure.cite)
            found += [measure.ceiling?.cite, measure.instalments?.cite, measure.recurring].compactMap { $0 }
        }
        found += catalog.derived.map(\.cite) + exclusions.map(\.cite) + yearlyCaps.map(\.cite)
        found += countLimits.map(\.cite) + highestOnly.map(\.cite)
        found += [sameMatter?.cite, pool?.cite, header.effective?.cite].compactMap { $0 }
        for discrepancy in header.discrepancies { found += [discrepancy.official, discrepancy.interpretationText] }
        return found
    }
}
