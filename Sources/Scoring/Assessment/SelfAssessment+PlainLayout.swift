extension SelfAssessment {
    /// Reads a self-assessment in the usual layout straight from the parser's events, or returns
    /// `nil` for any other file, which ``load(bytes:file:)`` then reads through Yams.
    ///
    /// The usual layout is what the template and the examples have: the known top-level keys, each
    /// with a text, a table of texts (`inputs`, `claimed`, `notes`) or a list of texts
    /// (`missing_items`), in one document, with no anchors, aliases, tags or repeated keys, and
    /// with `rubric` and `unit` given. For such a file the result is the one the node tree gives;
    /// everything else (including every file with a problem to report) returns `nil` here, so that
    /// every message comes from one place.
    ///
    /// - Parameter body: the file's bytes, already checked by ``StructuredFile/text(of:name:)``.
    static func readPlainLayout(_ body: ArraySlice<UInt8>, file: String) -> SelfAssessment? {
        body.withUnsafeBufferPointer { buffer in
            var reader = PlainLayoutReader(events: YAMLEvents(utf8: buffer), file: file)
            return reader.read()
        }
    }
}

/// One reading of a file in the usual layout; any surprise ends it with `nil`.
private struct PlainLayoutReader {
    let events: YAMLEvents
    var assessment: SelfAssessment

    init(events: YAMLEvents, file: String) {
        self.events = events
        assessment = SelfAssessment(
            file: file, rubric: "", unit: "", period: nil, region: nil, inputs: [:], claimed: [:], claimedTotal: nil,
            notes: [:], missingItems: [], location: [:])
    }

    /// The next event that is not an anchor's or tag's business, or `nil`.
    private func next() -> YAMLEvents.Event? {
        guard let event = events.next(), !event.isDecorated else { return nil }
        return event
    }

    mutating func read() -> SelfAssessment? {
        guard next()?.kind == .streamStart, next()?.kind == .documentStart, next()?.kind == .mappingStart else { return nil }
        var seen: [String] = []
        while true {
            guard let key = next() else { return nil }
            if key.kind == .mappingEnd { break }
            guard key.kind == .scalar, SelfAssessment.keys.contains(key.text), !seen.contains(key.text), let value = next() else {
                return nil
            }
            seen.append(key.text)
            assessment.location[key.text] = key.location
            if value.isNull { continue }  // left blank: not given
            switch key.text {
            case "rubric", "unit", "period", "region":
                guard value.kind == .scalar else { return nil }
                switch key.text {
                case "rubric": assessment.rubric = value.text
                case "unit": assessment.unit = value.text
                case "period": assessment.period = value.text
                default: assessment.region = value.text
                }
            case "inputs":
                guard value.kind == .mappingStart, let entries = readTable() else { return nil }
                assessment.inputs = entries
            case "claimed":
                guard value.kind == .mappingStart, let entries = readTable() else { return nil }
                assessment.claimed = entries
            case "notes":
                guard value.kind == .mappingStart, let entries = readTable() else { return nil }
                assessment.notes = entries.mapValues(\.text)
            case "claimed_total":
                guard value.kind == .scalar else { return nil }
                assessment.claimedTotal = SelfAssessment.Entry(text: value.text, isScalar: true, location: value.location)
            case "missing_items":
                guard value.kind == .sequenceStart, let entries = readList() else { return nil }
                assessment.missingItems = entries
            default:
                return nil
            }
        }
        guard next()?.kind == .documentEnd, next()?.kind == .streamEnd else { return nil }
        guard !assessment.rubric.isEmpty, !assessment.unit.isEmpty else { return nil }
        return assessment
    }

    /// The entries of a table of texts up to its end, blank ones left out; `nil` when a value is
    /// not a text or a key is repeated (blank or not: Yams refuses both).
    private func readTable() -> [String: SelfAssessment.Entry]? {
        var given: [(String, SelfAssessment.Entry)] = []
        var blank: [String] = []
        while true {
            guard let key = next() else { return nil }
            if key.kind == .mappingEnd { break }
            guard key.kind == .scalar, let value = next(), value.kind == .scalar else { return nil }
            if value.isNull {
                blank.append(key.text)
            } else {
                given.append((key.text, .init(text: value.text, isScalar: true, location: value.location)))
            }
        }
        var entries = [String: SelfAssessment.Entry](minimumCapacity: given.count)
        for (key, entry) in given where entries.updateValue(entry, forKey: key) != nil {
            return nil
        }
        for (index, key) in blank.enumerated() where entries[key] != nil || blank[..<index].contains(key) {
            return nil
        }
        return entries
    }

    /// The texts of a list up to its end (a blank one as Yams' tree gives it: not a text); `nil`
    /// when an element is not a text.
    private func readList() -> [SelfAssessment.Entry]? {
        var entries: [SelfAssessment.Entry] = []
        while true {
            guard let element = next() else { return nil }
            if element.kind == .sequenceEnd { return entries }
            guard element.kind == .scalar else { return nil }
            entries.append(.init(text: element.isNull ? "" : element.text, isScalar: !element.isNull, location: element.location))
        }
    }
}
