extension Scorecard {
    /// Every citation in the rubric: rules, items, caps, gates, derived values and the header.
    public var citations: [Citation] {
        func ruleCitations(_ rule: ScoringRule) -> [Citation] {
            var found = rule.cite.map { [$0] } ?? []
            if case .sum(let parts) = rule.kind { found += parts.flatMap(ruleCitations) }
            return found
        }
        var found: [Citation] = []
        for item in items {
            found.append(item.cite)
            if let verification = item.verification { found.append(verification) }
            found += item.rules.flatMap(ruleCitations)
            found += item.caps.map(\.cite) + item.gates.map(\.cite)
        }
        found += derived.map(\.cite) + prerequisites.map(\.cite)
        found += [header.effective?.cite, region?.cite, passMark?.cite, missingItems?.cite].compactMap { $0 }
        for discrepancy in header.discrepancies { found += [discrepancy.official, discrepancy.interpretationText] }
        return found
    }

    /// The citations whose text does not occur in `source`, ignoring white space.
    ///
    /// Gazette text wraps lines and spaces numbers (`得 2 分`) unpredictably, so white space is not
    /// compared; every other character must match.
    public func citationsNotFound(in source: String) -> [Citation] {
        Rubric.scorecard(self).citationsNotFound(in: source)
    }
}

/// Text with all white space removed, for comparing quotes with their source.
enum QuoteText {
    static func squeezed(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
    }
}
