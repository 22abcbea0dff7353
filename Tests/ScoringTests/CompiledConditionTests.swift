import Testing

@testable import Scoring

/// Prepared conditions (``CompiledCondition``) give what the plain conditions give, at the edges
/// where their shortcuts could differ: decimals written differently, texts with other code points,
/// derived values that cannot be worked out, missing facts.
@Suite struct CompiledConditionTests {
    let catalog: InputCatalog

    init() throws {
        let bytes = try packageFile("rubrics/schedules/trade-consumption-2022.yaml")
        catalog = try Schedule.load(bytes: bytes, file: "trade-consumption-2022.yaml").catalog
    }

    /// The plain and the prepared answer for one condition and one claim's values.
    func answers(_ condition: Condition, _ values: InputValues) -> (plain: Result<Bool, EvaluationError>, compiled: Result<Bool, EvaluationError>) {
        let facts = Facts(catalog: catalog, values: values, notes: [:], region: nil)
        let compiled = CompiledCondition(condition, catalog: catalog)
        return (Result { () throws(EvaluationError) in try facts.holds(condition) }, Result { () throws(EvaluationError) in try facts.holds(compiled) })
    }

    @Test("a number compared with a decimal written with other digits", arguments: ["1.50", "1.5", "01.5", "1.500", "1.51", "3/2", "abc", ""])
    func numberWrittenOtherwise(expected: String) throws {
        let condition = Condition.equals(input: "warehouse_area", value: expected)
        let value = try #require(Rational(decimalText: "1.5"))
        let (plain, compiled) = answers(condition, ["warehouse_area": .number(value)])
        #expect(plain == compiled)
        #expect(try compiled.get() == (expected == "1.50" || expected == "1.5" || expected == "01.5" || expected == "1.500"))
    }

    @Test("a choice written with other code points", arguments: [
        ("企业", "企业", true), ("企业", "个人", false), ("个人", "个人", true),
        ("caf\u{E9}", "cafe\u{301}", true), ("cafe\u{301}", "caf\u{E9}", true),
        ("\u{F900}", "\u{8C48}", true), ("\u{8C48}", "\u{F900}", true), ("企业", "企業", false),
    ])
    func choiceWithOtherCodePoints(expected: String, written: String, equal: Bool) throws {
        let (plain, compiled) = answers(.equals(input: "applicant_type", value: expected), ["applicant_type": .choice(written)])
        #expect(plain == compiled)
        #expect(try compiled.get() == equal)
    }

    @Test("a listed choice equal to the expected one only as Unicode compares it")
    func listedChoiceEqualWithOtherBytes() {
        let expected = ExpectedChoice("caf\u{E9}", listedChoices: ["cafe\u{301}", "tea"])
        #expect(expected.matches("cafe\u{301}"))
        #expect(expected.matches("caf\u{E9}"))
        #expect(!expected.matches("tea"))
        #expect(!expected.matches("coffee"))
    }

    @Test("a flag compared with true, false and other texts", arguments: ["true", "false", "是", "TRUE", ""])
    func flags(expected: String) {
        for flag in [true, false] {
            let (plain, compiled) = answers(.equals(input: "recognised", value: expected), ["recognised": .boolean(flag)])
            #expect(plain == compiled)
        }
    }

    @Test("a derived ratio with a zero denominator, and derived values that can be worked out")
    func derivedValues() throws {
        let above = Condition.within(input: "outsourcing_usd", interval: Interval(lower: .init(value: .fixed(Rational(5_000_000)), inclusive: false), upper: nil))
        let amount = Rational(40_000_000)
        for rate in ["0", "7", "8", "6.5"] {
            let values: InputValues = ["outsourcing_amount_cny": .number(amount), "exchange_rate": .number(try #require(Rational(decimalText: rate)))]
            let (plain, compiled) = answers(above, values)
            #expect(plain == compiled, "rate \(rate)")
        }
        let (plain, compiled) = answers(above, ["outsourcing_amount_cny": .number(amount), "exchange_rate": .number(.zero)])
        #expect(throws: EvaluationError.self) { try compiled.get() }
        #expect(plain == compiled)

        let growth = Condition.within(input: "trade_increase", interval: Interval(lower: .init(value: .fixed(.zero), inclusive: false), upper: nil))
        for last in [Rational(1), Rational(200_000_000), Rational(300_000_000)] {
            let (plain, compiled) = answers(growth, ["trade_this_year": .number(Rational(200_000_000)), "trade_last_year": .number(last)])
            #expect(plain == compiled)
        }
    }

    @Test("missing facts give the same error, in the same order, inside all, any and not")
    func missingAndCombined() {
        let enterprise = Condition.equals(input: "applicant_type", value: "企业")
        let recognised = Condition.equals(input: "recognised", value: "true")
        let area = Condition.within(input: "warehouse_area", interval: Interval(lower: .init(value: .fixed(Rational(2000)), inclusive: true), upper: nil))
        let conditions: [Condition] = [
            enterprise, recognised, area, .all([enterprise, recognised, area]), .any([recognised, area, enterprise]),
            .not(.all([area, enterprise])), .any([]), .all([]),
        ]
        let claims: [InputValues] = [
            [:], ["applicant_type": .choice("企业")], ["recognised": .boolean(false), "warehouse_area": .number(Rational(2000))],
            ["applicant_type": .choice("个人"), "recognised": .boolean(true), "warehouse_area": .number(Rational(1999))],
        ]
        for condition in conditions {
            for values in claims {
                let (plain, compiled) = answers(condition, values)
                #expect(plain == compiled, "\(condition) \(values.ids)")
            }
        }
    }
}
