extension ScoreReport {
    /// The report for machines; the layout is documented in docs/output-json.md and kept stable.
    public var json: JSONValue {
        .object([
            ("rubric", rubric.json),
            ("unit", .string(unit)),
            ("period", .string(period)),
            ("file", .string(file)),
            ("region", .string(region)),
            ("total", .number(total, places: rounding.places)),
            ("total_exact", .string(total.description)),
            ("maximum", .number(maximum)),
            ("base_points", .number(basePoints, places: rounding.places)),
            ("bonus_points", .number(bonusPoints)),
            ("claimed_total", .number(claimedTotal)),
            ("verdict", verdict.map { .object([("passed", .bool($0.passed)), ("reasons", .array($0.reasons.map(JSONValue.string)))]) } ?? .null),
            ("rescaling", rescaling.map(\.json) ?? .null),
            ("sections", .array(sections.map(\.json))),
            ("lost", .array(lostPoints.map(\.json))),
            ("findings", .array(findings.map(\.json))),
            ("interpretations", .array(interpretations.map(\.json))),
        ])
    }
}

extension RubricIdentity {
    var json: JSONValue {
        .object([
            ("id", .string(id)), ("version", .string(version)), ("title", .string(title)),
            ("document", .string(document)), ("sha256", .string(sha256)),
        ])
    }
}

extension SectionScore {
    var json: JSONValue {
        .object([
            ("id", .string(id)), ("title", .string(title)), ("printed_weight", .string(printedWeight)),
            ("points", .number(points)), ("max", .number(maximum)), ("bonus", .bool(bonus)),
            ("items", .array(items.map(\.json))),
        ])
    }
}

extension ItemScore {
    var json: JSONValue {
        .object([
            ("id", .string(id)), ("title", .string(title)), ("points", .number(points)), ("max", .number(maximum)),
            ("claimed", .number(claimed)), ("missing", .bool(missing)), ("citation", .string(citation)),
            ("adjustments", .array(adjustments.map(JSONValue.string))),
            ("rules", .array(rules.map(\.json))),
        ])
    }
}

extension RuleScore {
    var json: JSONValue {
        .object([
            ("id", .string(id)), ("points", .number(points)), ("max", .number(maximum)),
            ("explanation", .string(explanation)), ("citation", .string(citation)),
            ("interpretations", .array(interpretations.map(JSONValue.string))),
        ])
    }
}

extension LostPoints {
    var json: JSONValue {
        .object([
            ("item", .string(item)), ("title", .string(title)), ("points", .number(points)),
            ("rules", .array(rules.map { .string($0.id) })),
        ])
    }
}

extension Rescaling {
    var json: JSONValue {
        .object([
            ("missing_items", .array(missingItems.map(JSONValue.string))), ("missing_points", .number(missingPoints)),
            ("explanation", .string(explanation)), ("citation", .string(citation)),
        ])
    }
}

extension Finding {
    /// `{"severity", "code", "message", "location"}`.
    public var json: JSONValue {
        .object([
            ("severity", .string(severity.rawValue)), ("code", .string(code)), ("message", .string(message)),
            ("location", .string(location)),
        ])
    }
}

extension Interpretation {
    var json: JSONValue {
        .object([
            ("id", .string(id)), ("question", .string(question)), ("reading", .string(reading)),
            ("alternative", .string(alternative)), ("reason", .string(reason)),
        ])
    }
}
