/// A calendar date without a time zone, as policy documents write them (2022-01-30).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible, Decodable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A date, or `nil` when it does not exist (2022-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2200).contains(year), (1...12).contains(month), day >= 1,
            day <= CalendarDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `2022-03-01`, `2022/3/1` or `2022年3月1日`.
    public init?(text: some StringProtocol) {
        if let date = CalendarDate(isoText: text) {
            self = date
            return
        }
        var trimmed = String(text)
        if trimmed.hasSuffix("日") { trimmed.removeLast() }
        let parts = trimmed.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "/" || $0 == "年" || $0 == "月" }
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), parts[0].count == 4
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `2022-03-01` exactly, read without building strings: the form exports use, so a batch of
    /// millions of claims spends almost nothing on dates.
    private init?(isoText text: some StringProtocol) {
        guard text.utf8.count == 10 else { return nil }
        let parsed = text.utf8.withContiguousStorageIfAvailable { CalendarDate(isoBytes: $0) }
        guard let date = parsed ?? Array(text.utf8).withUnsafeBufferPointer({ CalendarDate(isoBytes: $0) }) else { return nil }
        self = date
    }

    /// `2022-03-01` as ten bytes.
    init?(isoBytes bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        @inline(__always) func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(text: text) else {
            throw decoder.problem("应为日期（如 2022-01-30），实为「\(text)」")
        }
        self = date
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `2022-01-30`.
    public var description: String {
        DigitWriter.text(write)
    }

    /// The bytes of ``description``, written where a CSV record puts its date column.
    func write(_ writer: inout DigitWriter) {
        if (1000...9999).contains(year) {
            // Every year a date can have: two pairs of digits.
            writer.appendTwoDigits(year / 100)
            writer.appendTwoDigits(year % 100)
        } else {
            if year < 0 { writer.append(UInt8(ascii: "-")) }
            writer.appendDigits(UInt64(year.magnitude))
        }
        // A month and a day are always two digits: the initialiser allows no others.
        writer.append(UInt8(ascii: "-"))
        writer.appendTwoDigits(month)
        writer.append(UInt8(ascii: "-"))
        writer.appendTwoDigits(day)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
