/// Dates as the stamp writes them: ISO `YYYY-MM-DD`.
package enum CalendarDate {
    /// Today in the local time zone.
    package static func today() -> String {
        let now = POSIX.localTime()
        return format(year: now.year, month: now.month, day: now.day)
    }

    /// The local time of day, `HH:MM:SS`.
    package static func timeOfDay() -> String {
        let now = POSIX.localTime()
        return [now.hour, now.minute, now.second].map { ($0 < 10 ? "0" : "") + String($0) }.joined(separator: ":")
    }

    /// `YYYY-MM-DD` with zero padding.
    static func format(year: Int, month: Int, day: Int) -> String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    /// The number of days from `earlier` to `later` (negative when `later` comes first);
    /// nil unless both are real dates written `YYYY-MM-DD`.
    package static func days(from earlier: String, to later: String) -> Int? {
        guard let start = dayNumber(earlier), let end = dayNumber(later) else { return nil }
        return end - start
    }

    /// The days from 1970-01-01 to `text`, a `YYYY-MM-DD` date (the proleptic Gregorian
    /// calendar's day count, as in Howard Hinnant's `days_from_civil`).
    static func dayNumber(_ text: String) -> Int? {
        guard isValid(text) else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        let month = parts[1], day = parts[2]
        let year = parts[0] - (month <= 2 ? 1 : 0)
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Whether `text` is a real calendar date written `YYYY-MM-DD`.
    package static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == ASCII.minus, bytes[7] == ASCII.minus else { return false }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        guard digits.allSatisfy({ ASCII.isDigit(bytes[$0]) }) else { return false }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(bytes[$1] - 0x30) } }
        let year = number(0..<4), month = number(5..<7), day = number(8..<10)
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}
