/// Period labels (`docs/input-format.md#values`): `Jan 2026` / `January 2026`, `2026-01`,
/// `Q1 2026` / `2026-Q1`, `2026-W03` / `W03 2026`, a `yyyy-MM-dd` date.
enum PeriodLabel {
    /// The first day the label covers and the bucket size it names (nil for a plain date).
    static func parse(_ text: String) -> (day: Day, granularity: Granularity?)? {
        let t = text.trimmingSpaces
        let u = Array(t.utf8)
        if let d = u.withUnsafeBufferPointer({ Day(isoBytes: $0) }) { return (d, nil) }
        // "2026-01", "2026-Q1", "2026-W03"
        if u.count >= 6, let year = number(u[0..<4]), u[4] == UInt8(ascii: "-") {
            let rest = u[5...]
            if rest.count == 2, let m = number(rest), let d = Day(year: year, month: m, day: 1) {
                return (d, .monthly)
            }
            if let r = quarter(rest, year: year) { return r }
            if let r = week(rest, year: year) { return r }
            return nil
        }
        // "Jan 2026", "January 2026", "Q1 2026", "W03 2026"
        let parts = t.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, parts[1].utf8.count == 4, let year = number(Array(parts[1].utf8)[...]) else {
            return nil
        }
        let first = Array(parts[0].utf8)
        if let r = quarter(first[...], year: year) { return r }
        if let r = week(first[...], year: year) { return r }
        if let m = month(String(parts[0])), let d = Day(year: year, month: m, day: 1) { return (d, .monthly) }
        return nil
    }

    private static let months = ["january", "february", "march", "april", "may", "june", "july",
                                 "august", "september", "october", "november", "december"]

    /// `Jan`, `January`, `Sept` (case-insensitive) → 1…12.
    static func month(_ name: String) -> Int? {
        let n = name.lowercased().trimmingCharacters(in: ".")
        guard n.count >= 3 else { return nil }
        for (i, m) in months.enumerated() where m == n || m.prefix(3) == n || (n == "sept" && i == 8) {
            return i + 1
        }
        return nil
    }

    private static func quarter(_ b: ArraySlice<UInt8>, year: Int) -> (Day, Granularity?)? {
        guard b.count == 2, b.first! | 0x20 == UInt8(ascii: "q"), let q = number(b.dropFirst()), (1...4).contains(q),
              let d = Day(year: year, month: (q - 1) * 3 + 1, day: 1) else { return nil }
        return (d, .quarterly)
    }

    private static func week(_ b: ArraySlice<UInt8>, year: Int) -> (Day, Granularity?)? {
        guard (2...3).contains(b.count), b.first! | 0x20 == UInt8(ascii: "w"), let w = number(b.dropFirst()),
              let d = Day.isoWeekStart(year: year, week: w) else { return nil }
        return (d, .weekly)
    }

    private static func number(_ b: ArraySlice<UInt8>) -> Int? {
        guard !b.isEmpty else { return nil }
        var v = 0
        for c in b {
            guard c >= 48, c <= 57 else { return nil }
            v = v * 10 + Int(c - 48)
        }
        return v
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let u = utf8
        guard let first = u.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        let last = u.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })!
        if first == u.startIndex && last == u.index(before: u.endIndex) { return self }
        return String(self[first...last])
    }

    fileprivate func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
