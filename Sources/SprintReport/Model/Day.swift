/// A calendar day (proleptic Gregorian, no time zone), stored as days since 1970-01-01.
///
/// The export's dates are plain days; a dedicated type keeps them out of `Foundation.Date`
/// and its time zones, and makes parsing and formatting cheap on the hot path.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var daysSinceEpoch: Int32

    public init(daysSinceEpoch: Int32) { self.daysSinceEpoch = daysSinceEpoch }

    public static func < (a: Day, b: Day) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    /// A valid date, or nil (month 1–12, day within the month).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else {
            return nil
        }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        daysSinceEpoch = Int32(era * 146_097 + doe - 719_468)
    }

    /// (year, month, day) of this date.
    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(daysSinceEpoch) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }

    /// ISO weekday, 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        let w = (Int(daysSinceEpoch) + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The Monday of ISO week `week` of ISO year `year`, or nil for a week that year lacks.
    public static func isoWeekStart(year: Int, week: Int) -> Day? {
        guard week >= 1, week <= 53, let jan4 = Day(year: year, month: 1, day: 4) else { return nil }
        let week1Monday = jan4.adding(days: -(jan4.isoWeekday - 1))
        let start = week1Monday.adding(days: (week - 1) * 7)
        if week == 53 {
            // Only years whose week 53 exists: the Thursday of that week is still in `year`.
            guard start.adding(days: 3).year == year else { return nil }
        }
        return start
    }

    public func adding(days: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + Int32(days)) }

    /// `yyyy-MM-dd`.
    public var description: String {
        let c = components
        // Years 0…9999 (every real export): ten bytes, no intermediate strings (the period
        // tables of a site print two days per period of every team). Others: `pad` below.
        if (0...9999).contains(c.year) {
            return String(unsafeUninitializedCapacity: 10) { b in
                func put(_ v: Int, _ at: Int, _ width: Int) {
                    var v = v
                    for i in stride(from: at + width - 1, through: at, by: -1) {
                        b[i] = UInt8(ascii: "0") + UInt8(v % 10)
                        v /= 10
                    }
                }
                put(c.year, 0, 4)
                b[4] = UInt8(ascii: "-")
                put(c.month, 5, 2)
                b[7] = UInt8(ascii: "-")
                put(c.day, 8, 2)
                return 10
            }
        }
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    /// Parses `yyyy-MM-dd`, or the date part of an ISO 8601 date-time
    /// (`2026-01-05T09:00:00Z`, `2026-01-05 09:00`).
    public init?(iso text: Substring) {
        let b = Array(text.utf8)
        guard let d = b.withUnsafeBufferPointer({ Day(isoBytes: $0) }) else { return nil }
        self = d
    }

    public init?(iso text: String) { self.init(iso: Substring(text)) }

    /// The byte-level form of `init(iso:)`, for the reader's hot path.
    public init?(isoBytes b: UnsafeBufferPointer<UInt8>) {
        guard b.count >= 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        if b.count > 10, b[10] != UInt8(ascii: "T"), b[10] != UInt8(ascii: " ") { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                let c = b[i]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10),
              let day = Day(year: y, month: m, day: d) else { return nil }
        self = day
    }

    /// The first day of this day's calendar month: the key that aligns periods of
    /// different cadences in org rollups (`docs/metrics.md#rolled-up-groups`).
    public var monthStart: Day { Day(year: year, month: month, day: 1)! }
}
