/// Ratings given by quota, in order: `优秀=10` then `表扬=10` rates places 1–10 优秀 and places
/// 11–20 表扬, the way the 2021 results were announced (长府办〔2022〕5号: 41 units, 10 优秀, 10 表扬).
///
/// Places are those of the competition ranking (``Ranking``): a unit ranked 10th is inside the first
/// ten places whatever the tie. A tie that runs past the end of a rating's places is settled by
/// ``ties`` and stated in the result (``RatingOutcome``).
///
/// ```swift
/// let quotas = try RatingQuotas([RatingQuota(rating: "优秀", places: 10), RatingQuota(rating: "表扬", places: 10)])
/// let outcome = quotas.assign(ranking) { $0.unit }
/// outcome.ratings[0]   // .rated("优秀")
/// ```
public struct RatingQuotas: Sendable, Hashable {
    /// The most places one rating can have: far above any district's number of units, far below
    /// where sums could overflow.
    public static let maximumPlaces = 1_000_000

    public let quotas: [RatingQuota]
    public let ties: BoundaryTiePolicy

    /// - Throws: when there is no quota, a rating is named twice, or a quota is above
    ///   ``maximumPlaces``.
    public init(_ quotas: [RatingQuota], ties: BoundaryTiePolicy = .higher) throws(RatingQuotaError) {
        guard !quotas.isEmpty else { throw RatingQuotaError("没有给出名额，如 --top 优秀=10 / no quota given") }
        var seen: Set<String> = []
        for quota in quotas {
            guard seen.insert(quota.rating).inserted else {
                throw RatingQuotaError("等次「\(quota.rating)」给了两次 / the rating \(quota.rating) is given twice")
            }
            guard (0...Self.maximumPlaces).contains(quota.places) else {
                throw RatingQuotaError("「\(quota.rating)」的名额 \(quota.places) 应在 0 到 \(Self.maximumPlaces) 之间 / must be 0...\(Self.maximumPlaces)")
            }
        }
        self.quotas = quotas
        self.ties = ties
    }

    /// The last place of each rating: the running sum of the quotas (10, 20).
    var lastPlaces: [Int] {
        var sum = 0
        return quotas.map { quota in
            sum += quota.places
            return sum
        }
    }

    /// The interpretations every rated summary lists: where the quotas come from (AMBIG-20.1) and
    /// how a boundary tie is settled (AMBIG-20.2).
    public var interpretations: [Interpretation] {
        let reading = zip(quotas, lastPlaces).map { quota, last in "\(quota.rating) \(Self.placesText(from: last - quota.places + 1, to: last))" }
        return [
            Interpretation(
                id: "AMBIG-20.1",
                question: "评分如何对应优秀（表扬）单位？评分表没有给出分数线或名额。",
                reading: "按名次和命令行给出的名额依次评定：" + reading.joined(separator: "，") + "，其余不评等次。",
                alternative: "按分数线评定（如 90 分以上为优秀）。",
                reason: "长府办〔2022〕6号 五（二）只说「按照区政府有关规定，评定区政府部门、街道（镇）和有关单位年度办理工作优秀（表扬）单位」；"
                    + "2021 年度结果（长府办〔2022〕5号）是在 41 家中「10 家单位确定为……优秀单位」「10 家单位确定为……表扬单位」，即按名额评定。"),
            ties.interpretation,
        ]
    }

    /// `第 1–10 位`, `第 5 位`, or `无名额`.
    static func placesText(from first: Int, to last: Int) -> String {
        if last < first { return "无名额" }
        return first == last ? "第 \(first) 位" : "第 \(first)–\(last) 位"
    }

    /// Rates every place of `ranking`: the quotas in order, then ``ties`` for each tie that runs
    /// past the end of a rating's places.
    ///
    /// - Parameter name: the name a unit is listed by in the statements.
    public func assign<Entry>(_ ranking: Ranking<Entry>, name: (Entry) -> String) -> RatingOutcome {
        let lastPlaces = lastPlaces
        // Only ratings with places can end inside a tie or be given; a rating with 0 places ends
        // where the one before it did.
        let open = quotas.indices.filter { quotas[$0].places > 0 }
        /// The first rating whose places reach `place`, or `nil` past the last one.
        func rating(reaching place: Int) -> Int? { open.first { place <= lastPlaces[$0] } }

        var ratings: [RatingOutcome.Rating] = []
        var boundaryTies: [RatingOutcome.BoundaryTie] = []
        var start = 0
        let places = ranking.places
        while start < places.count {
            let first = places[start]
            let group = places[start..<start + first.tieSize]
            let crossed = open.filter { first.rank <= lastPlaces[$0] && lastPlaces[$0] < first.lastPlace }
            let top = rating(reaching: first.rank)
            let bottom = rating(reaching: first.lastPlace)
            let settled: RatingOutcome.Rating
            switch ties {
            case _ where crossed.isEmpty: settled = RatingOutcome.Rating(top.map { quotas[$0].rating })
            case .higher: settled = RatingOutcome.Rating(top.map { quotas[$0].rating })
            case .lower: settled = RatingOutcome.Rating(bottom.map { quotas[$0].rating })
            case .undecided:
                let spanned = open.filter { $0 >= (top ?? quotas.count) && $0 <= (bottom ?? quotas.count) }.map { Optional(quotas[$0].rating) }
                settled = .undecided(spanned + (bottom == nil ? [nil] : []))
            }
            ratings += group.map { _ in settled }
            if !crossed.isEmpty {
                boundaryTies.append(
                    RatingOutcome.BoundaryTie(
                        rank: first.rank, lastPlace: first.lastPlace, units: group.map { name($0.entry) },
                        crossed: crossed.map { RatingOutcome.QuotaEnd(rating: quotas[$0].rating, lastPlace: lastPlaces[$0]) },
                        settled: settled))
            }
            start += first.tieSize
        }
        return RatingOutcome(quotas: self, ratings: ratings, boundaryTies: boundaryTies)
    }
}
