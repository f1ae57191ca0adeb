// SPDX-License-Identifier: Apache-2.0

/// A Unix time in milliseconds split into its UTC calendar fields, without Foundation.
///
/// Used for snapshot folders (`YYYY/MM/DD`) and the API's `created_at`; pure arithmetic, so it is
/// cheap enough for every event of a 1000-event page.
public struct UTCTimestamp: Sendable, Hashable {
    public var year: Int64
    public var month: Int64
    public var day: Int64
    public var hour: Int64
    public var minute: Int64
    public var second: Int64
    public var millisecond: Int64

    /// Splits `ms` milliseconds since the Unix epoch (negative values are before 1970).
    public init(ms: Int64) {
        let days = Self.floorDivide(ms, 86_400_000)
        let msOfDay = ms - days * 86_400_000
        (year, month, day) = Self.civilDate(daysSinceEpoch: days)
        hour = msOfDay / 3_600_000
        minute = msOfDay / 60_000 % 60
        second = msOfDay / 1000 % 60
        millisecond = msOfDay % 1000
    }

    /// `YYYY/MM/DD`.
    public var dayPath: String { "\(Self.pad(year, 4))/\(Self.pad(month, 2))/\(Self.pad(day, 2))" }

    /// ISO 8601 with milliseconds and an explicit UTC offset: `2026-11-29T19:20:00.123+00:00`.
    public var iso8601: String {
        "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))T\(Self.pad(hour, 2)):\(Self.pad(minute, 2)):"
            + "\(Self.pad(second, 2)).\(Self.pad(millisecond, 3))+00:00"
    }

    /// The proleptic Gregorian date of a day count (Howard Hinnant's `civil_from_days`).
    private static func civilDate(daysSinceEpoch days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
