/// The value an `equals` condition expects, read once as each kind of value a fact can hold: a
/// flag, a number, a choice.
///
/// The plain condition keeps the rubric's text and reads it again for every fact it is compared
/// with (a decimal parse for each number); this does that reading once, with the same results.
struct ExpectedValue: Sendable {
    /// `true` for the text `true`, `false` for `false`, else `nil`: no flag equals it.
    let flag: Bool?
    /// The text read as a decimal, or `nil`: no number equals it.
    let number: Rational?
    let choice: ExpectedChoice

    /// `listedChoices` are the input's choices, when it is a choice.
    init(_ text: String, listedChoices: [String]) {
        flag = text == "true" ? true : text == "false" ? false : nil
        number = Rational(decimalText: text)
        choice = ExpectedChoice(text, listedChoices: listedChoices)
    }

    /// Whether `value` equals the expected text, as ``Facts/holds(_:)`` decides for a plain condition.
    func matches(_ value: InputValue) -> Bool {
        switch value {
        case .boolean(let flag): self.flag == flag
        case .choice(let text): choice.matches(text)
        case .number(let number): self.number == number
        }
    }
}
