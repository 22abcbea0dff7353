import Testing

@testable import Scoring

/// A claim's values are a short list, with an index past ``InputValues/indexedFrom`` entries; a
/// row's cells are appended without a search. Both ways must hold the same values.
@Suite("Input values: appended and set alike")
struct InputValuesTests {
    /// Appending new ids one by one, across the point where the index is built, finds every value
    /// as setting them by subscript does, and the two lists are equal.
    @Test func appendingMatchesSettingAcrossTheIndex() {
        let count = InputValues.indexedFrom + 3
        var appended = InputValues()
        var set = InputValues()
        for number in 0..<count {
            let value = InputValue.number(Rational(number))
            appended.appendNew("input_\(number)", value)
            set["input_\(number)"] = value
            // Found at once, before and after the index exists.
            #expect(appended["input_\(number)"] == value)
        }
        #expect(appended == set)
        #expect(appended.count == count)
        for number in 0..<count { #expect(appended["input_\(number)"] == .number(Rational(number))) }
        #expect(appended["input_\(count)"] == nil)
        // A value changed after appending is changed in place, not added again.
        appended["input_0"] = .choice("是")
        #expect(appended["input_0"] == .choice("是"))
        #expect(appended.count == count)
    }
}
