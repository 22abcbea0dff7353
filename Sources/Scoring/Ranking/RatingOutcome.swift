/// The ratings given by ``RatingQuotas/assign(_:name:)``: one per place of the ranking, every tie
/// that ran past the end of a rating's places with how it was settled, and the numbers given
/// against each quota, all stated in Chinese for the summary.
public struct RatingOutcome: Sendable, Hashable {
    /// What one unit was rated.
    public enum Rating: Sendable, Hashable {
        case rated(String)
        /// Not rated: below the last rating's places.
        case unrated
        /// A boundary tie under ``BoundaryTiePolicy/undecided``: one of these ratings (`nil` for
        /// no rating), to be decided by whoever approves the list.
        case undecided([String?])

        init(_ rating: String?) { self = rating.map(Rating.rated) ?? .unrated }

        /// As the summary's 等次 column shows it: `优秀`, empty, or `待定：优秀/表扬`.
        public var text: String {
            switch self {
            case .rated(let name): name
            case .unrated: ""
            case .undecided(let options): "待定：" + options.map { $0 ?? "不评等次" }.joined(separator: "/")
            }
        }
    }

    /// Where a rating's places end: 优秀 at place 10.
    public struct QuotaEnd: Sendable, Hashable {
        public var rating: String
        public var lastPlace: Int
    }

    /// Units sharing a rank whose places run past the end of one or more ratings' places.
    public struct BoundaryTie: Sendable, Hashable {
        public var rank: Int
        /// The last place the tie takes: rank 10 with 3 units takes places 10–12.
        public var lastPlace: Int
        /// The tied units, in the ranking's order (by name).
        public var units: [String]
        /// The ratings whose places end inside the tie.
        public var crossed: [QuotaEnd]
        /// What every unit of the tie was rated.
        public var settled: Rating
    }

    public let quotas: RatingQuotas
    /// One per place of the ranking, in its order.
    public let ratings: [Rating]
    public let boundaryTies: [BoundaryTie]

    /// How many units got `rating`.
    public func given(_ rating: String) -> Int { ratings.count(where: { $0 == .rated(rating) }) }
    public var unrated: Int { ratings.count(where: { $0 == .unrated }) }
    public var undecided: Int { ratings.count(where: { if case .undecided = $0 { true } else { false } }) }

    /// One sentence per boundary tie: who, which places, which quota ends inside, what was done.
    public func statement(_ tie: BoundaryTie) -> String {
        let ends = tie.crossed.map { "「\($0.rating)」名额只到第 \($0.lastPlace) 位" }.joined(separator: "、")
        let outcome: String
        switch tie.settled {
        case .rated(let rating): outcome = "均评为「\(rating)」"
        case .unrated: outcome = "均不评等次"
        case .undecided(let options):
            outcome = "列为待定（" + options.map { $0.map { "「\($0)」" } ?? "不评等次" }.joined(separator: "或") + "），须另行决定"
        }
        return "并列第 \(tie.rank) 名的 \(tie.units.count) 家单位（\(tie.units.joined(separator: "、"))）占第 \(tie.rank)–\(tie.lastPlace) 位，"
            + "而\(ends)：按\(quotas.ties.chineseName)，\(outcome)。"
    }

    /// The numbers given against the quotas: `优秀 12 家（名额 10），表扬 8 家（名额 10），不评等次 21 家`.
    public var countsText: String {
        var parts = quotas.quotas.map { "\($0.rating) \(given($0.rating)) 家（名额 \($0.places)）" }
        if undecided > 0 { parts.append("待定 \(undecided) 家") }
        parts.append("不评等次 \(unrated) 家")
        return parts.joined(separator: "，")
    }

    /// The lines the summary prints under its table.
    public var lines: [String] {
        let placesText = zip(quotas.quotas, quotas.lastPlaces).map { quota, last in
            "\(quota.rating) \(RatingQuotas.placesText(from: last - quota.places + 1, to: last))"
        }
        var lines = [
            "等次评定（按名次依次评定：\(placesText.joined(separator: "，"))；名次相同即总分完全相同）",
            "  边界并列：\(quotas.ties.chineseName)，\(quotas.ties.rule)（AMBIG-20.2，可用 --ties 改变）",
        ]
        lines += boundaryTies.isEmpty ? ["  没有跨越名额界线的并列。"] : boundaryTies.map { "  " + statement($0) }
        lines.append("  评定结果：\(countsText)")
        return lines
    }

    /// The statement for the tie at `rank`, when it ran past the end of a rating's places.
    public func statement(forRank rank: Int) -> String? {
        boundaryTies.first { $0.rank == rank }.map(statement)
    }

    /// `rating` and `undecided_between` of one place, for the summary's JSON rows.
    public func jsonFields(forPlace index: Int) -> [(String, JSONValue)] {
        switch ratings[index] {
        case .rated(let name): [("rating", .string(name)), ("undecided_between", .null)]
        case .unrated: [("rating", .null), ("undecided_between", .null)]
        case .undecided(let options): [("rating", .null), ("undecided_between", .array(options.map { JSONValue.string($0) }))]
        }
    }

    /// The quotas, the tie policy, every boundary tie with its statement, and the interpretations.
    public var json: JSONValue {
        let quotaObjects = zip(quotas.quotas, quotas.lastPlaces).map { quota, last in
            JSONValue.object([
                ("rating", .string(quota.rating)), ("places", .number("\(quota.places)")),
                ("first_place", .number("\(last - quota.places + 1)")), ("last_place", .number("\(last)")),
                ("given", .number("\(given(quota.rating))")),
            ])
        }
        let tieObjects = boundaryTies.map { tie in
            JSONValue.object([
                ("rank", .number("\(tie.rank)")), ("last_place", .number("\(tie.lastPlace)")),
                ("units", .array(tie.units.map(JSONValue.string))),
                ("crossed", .array(tie.crossed.map { .object([("rating", .string($0.rating)), ("last_place", .number("\($0.lastPlace)"))]) })),
                ("settled", .string(tie.settled.text)), ("statement", .string(statement(tie))),
            ])
        }
        return .object([
            ("quotas", .array(quotaObjects)), ("ties", .string(quotas.ties.rawValue)),
            ("boundary_ties", .array(tieObjects)), ("undecided", .number("\(undecided)")), ("unrated", .number("\(unrated)")),
            ("interpretations", .array(quotas.interpretations.map { .object([("id", .string($0.id)), ("question", .string($0.question)), ("reading", .string($0.reading))]) })),
        ])
    }
}
