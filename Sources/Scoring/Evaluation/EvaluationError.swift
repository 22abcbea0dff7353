/// Why a rule could not be evaluated for a self-assessment: a fact it needs is missing or unusable.
///
/// These become precise messages naming the input and the rule that needed it.
public enum EvaluationError: Error, Sendable, Hashable {
    /// The rule needs an input the self-assessment does not give.
    case missingInput(String)
    /// A derived ratio cannot be computed (its denominator is zero); `working` shows why.
    case undefined(String, working: String)
    /// A discretionary value lies outside the range the chosen outcome allows.
    case outOfRange(input: String, message: String)
    /// A threshold differs by region and none was chosen.
    case regionNotChosen(options: [String])
    /// A number grew past what can be computed exactly.
    case overflow(ArithmeticOverflow)
    /// No bracket or case of an amount applies to the facts.
    case noMatchingCase(String)
}
