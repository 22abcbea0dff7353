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

extension EvaluationError {
    /// Runs `body`, turning arithmetic overflow (or any other error) into an `EvaluationError`, so
    /// evaluators can use plain `try` on exact arithmetic inside.
    static func wrapping<T>(_ body: () throws -> T) throws(EvaluationError) -> T {
        do {
            return try body()
        } catch let error as EvaluationError {
            throw error
        } catch let error as ArithmeticOverflow {
            throw .overflow(error)
        } catch {
            throw .overflow(ArithmeticOverflow(operation: "\(error)"))
        }
    }
}
