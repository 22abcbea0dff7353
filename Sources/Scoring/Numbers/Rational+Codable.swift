/// Rubric files write numbers as plain decimals (`2`, `0.1`, `99.5`); they are read exactly.
extension Rational: Decodable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Rational(decimalText: text) else {
            throw decoder.problem("应为数字（如 2、0.5、99.5），实为「\(text)」")
        }
        self = value
    }
}
