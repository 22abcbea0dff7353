/// A number for each applicant, given on first sight, so running totals are keyed by a small
/// integer instead of a company name: the same name (byte for byte) is the same applicant.
struct ApplicantNumbers: Sendable {
    private var numbers: [ExactText: Int] = [:]

    /// The applicant's number, given on first sight.
    mutating func number(of applicant: String) -> Int {
        let key = ExactText(applicant)
        if let number = numbers[key] { return number }
        let number = numbers.count
        numbers[key] = number
        return number
    }
}
