import Testing
@testable import SprintReport

@Suite struct ModelDayTests {
    @Test func roundTripsCivilDates() {
        for (y, m, d) in [(1970, 1, 1), (2026, 1, 31), (2024, 2, 29), (2000, 12, 31), (1969, 12, 31)] {
            let day = Day(year: y, month: m, day: d)!
            #expect(day.components == (y, m, d))
        }
        #expect(Day(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
        #expect(Day(year: 2026, month: 1, day: 5)!.description == "2026-01-05")
        // Every day of years 0…10000 (and around): the ten-byte path against zero-padded fields.
        for n in stride(from: -720_000, through: 2_933_000, by: 11) {
            let d = Day(daysSinceEpoch: Int32(n)), c = d.components
            func pad(_ v: Int, _ w: Int) -> String { String(repeating: "0", count: max(0, w - String(v).count)) + String(v) }
            if d.description != "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))" {
                Issue.record("\(n): \(d.description)")
                break
            }
        }
    }

    @Test func rejectsImpossibleDates() {
        #expect(Day(year: 2026, month: 2, day: 29) == nil)
        #expect(Day(year: 2026, month: 13, day: 1) == nil)
        #expect(Day(iso: "2026-1-05") == nil)
        #expect(Day(iso: "2026-01-05T10:00:00Z") == Day(year: 2026, month: 1, day: 5))
        #expect(Day(iso: "2026-01-05x") == nil)
    }

    @Test func isoWeeks() {
        // 2026-W01 starts on Monday 2025-12-29; 2020 has a week 53, 2021 has not.
        #expect(Day.isoWeekStart(year: 2026, week: 1)?.description == "2025-12-29")
        #expect(Day.isoWeekStart(year: 2026, week: 3)?.description == "2026-01-12")
        #expect(Day.isoWeekStart(year: 2020, week: 53)?.description == "2020-12-28")
        #expect(Day.isoWeekStart(year: 2021, week: 53) == nil)
        #expect(Day(year: 2026, month: 1, day: 5)!.isoWeekday == 1)
    }
}
