import Testing

@testable import Scoring

/// A working written as bytes (``WorkingText``, ``ShownFact``) reads exactly as the strings it
/// replaces.
@Suite struct WorkingTextTests {
    static let amounts: [Rational] = {
        var values: [Rational] = [.zero, Rational(1), Rational(99), Rational(10_000), Rational(12_345), Rational(120_000),
            Rational(100_000_000), Rational(123_456_789), Rational(150_000_000), Rational(-100_000_000), Rational(-20_000),
            Rational(Int(Int64.max)), Rational(Int(Int64.min))]
        let fractions: [(Int64, Int64)] = [(1, 2), (1, 3), (-7, 4), (123_456_789, 100), (2, 3_000_000), (Int64.max, 7), (Int64.min + 1, 2),
            (150_000_000_01, 100), (-3, 1_000)]
        for (numerator, denominator) in fractions {
            values.append(try! Rational(numerator: numerator, denominator: denominator))
        }
        return values
    }()

    @Test("an amount written into a working reads as its wanText", arguments: amounts)
    func wanBytes(value: Rational) {
        var working = WorkingText("金额：")
        working.append(wan: value)
        #expect(working.text == "金额：" + value.wanText)
    }

    @Test("amounts that are not whole 元 are written in 元 with 分")
    func notWhole() throws {
        #expect(try Rational(numerator: 1, denominator: 2).wanText == "0.50元")
        #expect(try Rational(numerator: 1, denominator: 3).wanText == "0.33元")
        #expect(try Rational(numerator: 1_234_567_89, denominator: 100).wanText == "1,234,567.89元")
        #expect(try Rational(numerator: 15_000_000_001, denominator: 100).wanText == "150,000,000.01元")
        #expect(Rational(-100_000_000).wanText == "-1亿元")
    }

    @Test("a fact shown as Facts shows it, for every input and derived value of a schedule")
    func shownFacts() throws {
        let bytes = try packageFile("rubrics/schedules/trade-consumption-2022.yaml")
        let catalog = try Schedule.load(bytes: bytes, file: "trade-consumption-2022.yaml").catalog
        let claims: [InputValues] = [
            [:],
            ["applicant_type": .choice("企业"), "recognised": .boolean(true), "trade_this_year": .number(Rational(120_000_000)),
             "trade_last_year": .number(Rational(100_000_000)), "warehouse_area": .number(try #require(Rational(decimalText: "2000.5"))),
             "outsourcing_amount_cny": .number(Rational(40_000_000)), "exchange_rate": .number(.zero), "related_cost": .number(try Rational(numerator: 3, denominator: 2))],
            ["trade_this_year": .number(Rational(1)), "trade_last_year": .number(Rational(2)), "exchange_rate": .number(Rational(7)),
             "outsourcing_amount_cny": .number(Rational(35_000_000))],
        ]
        let ids = catalog.inputs.map(\.id) + catalog.derived.map(\.id) + ["unknown"]
        for values in claims {
            let facts = Facts(catalog: catalog, values: values, notes: [:], region: nil)
            for id in ids {
                let shown = ShownFact(id, in: catalog)
                #expect(shown.label == facts.label(id))
                #expect(shown.display(facts) == facts.display(id), "\(id)")
                var labelled = WorkingText()
                shown.appendLabelled(facts, to: &labelled)
                #expect(labelled.text == "\(facts.label(id)) \(facts.display(id))", "\(id)")
                // In a working, a fact with a number shows what Facts shows: the label and value,
                // or a derived value's working.
                guard let number = try? facts.number(id) else { continue }
                var working = WorkingText()
                try shown.append(number: number, facts, to: &working)
                let expected = try catalog.derivedValue(id).map { try facts.ratio($0).working } ?? "\(facts.label(id)) \(facts.display(id))"
                #expect(working.text == expected, "\(id)")
            }
        }
    }
}
