import Testing
@testable import SprintReport

@Suite struct DayTests {
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

@Suite struct NumberFormatTests {
    @Test func roundsHalfAwayFromZero() {
        #expect(NumberFormat.rounded(2.5, places: 0) == 3)
        #expect(NumberFormat.rounded(-2.5, places: 0) == -3)
        #expect(NumberFormat.rounded(0.125, places: 2) == 0.13)
        #expect(NumberFormat.rounded(-0.125, places: 2) == -0.13)
        #expect(NumberFormat.fixed(-0.0001, 1) == "0.0")
    }

    @Test func formatsEachKind() {
        #expect(NumberFormat.amount(24.5) == "24.5")
        #expect(NumberFormat.amount(24) == "24")
        // `amount` is `fixed(x, 1)` without a trailing `.0`, for every tenth and around halves.
        for i in -30_000...30_000 {
            for x in [Double(i) / 10, Double(i) / 10 + 0.05, Double(i) * 1234.567, -Double(i) / 100] {
                let f = NumberFormat.fixed(x, 1)
                let expected = f.hasSuffix(".0") ? String(f.dropLast(2)) : f
                if NumberFormat.amount(x) != expected { Issue.record("\(x): \(NumberFormat.amount(x)) ≠ \(expected)") }
            }
        }
        #expect(NumberFormat.amount(-0.04) == "0" && NumberFormat.amount(.infinity) == NumberFormat.undefined)
        #expect(NumberFormat.amount(1234.56) == "1,234.6")
        #expect(NumberFormat.percent(81.333) == "81.3\u{202F}%")
        #expect(NumberFormat.percentWhole(80.5) == "81\u{202F}%")
        #expect(NumberFormat.ratio(0.955) == "0.96")
        #expect(NumberFormat.amount(nil) == "—")
        #expect(NumberFormat.percent(.nan) == "—")
    }
}

@Suite struct MetricTests {
    @Test func indexesMatchCaseOrder() {
        #expect(Metric.allCases.count == Metric.count)
        for (i, m) in Metric.allCases.enumerated() { #expect(m.index == i) }
        #expect(Metric.additive.map(\.rawValue) == [
            "SPRINT_COMMIT", "SPRINT_CREEP", "SPRINT_SIZE", "TOTAL_WORK_DELIVERED", "DELIVERED_COMMIT",
            "MISSED_COMMIT", "DELIVERED_CREEP", "MISSED_CREEP", "TICKETS_REMOVED_MID_SPRINT",
        ])
    }
}

@Suite struct ModelPeriodTests {
    @Test func periodPropertiesReadBackWhatWasGiven() {
        let s = Day(iso: "2026-01-05")!, e = Day(iso: "2026-01-18")!
        var p = Period(label: "Amber Lynx Sprint 12", sprintId: "team_00001-s12", start: s, end: e,
                       granularity: .sprint, sequence: 7)
        #expect(p.label == "Amber Lynx Sprint 12" && p.sprintId == "team_00001-s12")
        #expect(p.start == s && p.end == e && p.orderDay == s && p.granularity == .sprint && p.sequence == 7)
        p.label = "Renamed"
        #expect(p.label == "Renamed" && p.sprintId == "team_00001-s12")
        p.sprintId = nil
        #expect(p.label == "Renamed" && p.sprintId == nil)
        p.sprintId = ""
        #expect(p.sprintId == "")
        p.start = nil
        p.orderDay = nil
        #expect(p.start == nil && p.orderDay == nil && p.windowDay == e)
        let q = Period(label: "", sprintId: nil)
        #expect(q.label == "" && q.sprintId == nil && q.start == nil && q.end == nil && q.orderDay == nil)
    }

    @Test func periodEqualityAndHashAreByValue() {
        let a = Period(label: "Sprint 1", sprintId: "s1", start: Day(iso: "2026-01-05"))
        var b = Period(label: "Other", sprintId: "s1", start: Day(iso: "2026-01-05"))
        #expect(a != b)
        b.label = "Sprint 1"
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
        #expect(a != Period(label: "Sprint 1", sprintId: nil, start: Day(iso: "2026-01-05")))
        #expect(Period(label: "ab", sprintId: "c") != Period(label: "a", sprintId: "bc"))
        #expect(a != Period(label: "Sprint 1", sprintId: "s1", start: Day(iso: "2026-01-05"), sequence: 1))
    }

    @Test func periodOrderIsByDayThenInputOrder() {
        let early = Period(label: "a", start: Day(iso: "2026-01-01"), sequence: 9)
        let late = Period(label: "b", start: Day(iso: "2026-02-01"), sequence: 1)
        let undated = Period(label: "c", sequence: 0)
        #expect(Period.precedes(early, late) && !Period.precedes(late, early))
        #expect(Period.precedes(late, undated) && !Period.precedes(undated, late))
        #expect(Period.precedes(Period(label: "x", sequence: 1), Period(label: "y", sequence: 2)))
    }

    /// The reader's one-integer form of the period order agrees with `precedes`.
    @Test func orderKeyAgreesWithPrecedes() {
        let days: [Day?] = [nil, Day(daysSinceEpoch: Int32.min + 1), Day(daysSinceEpoch: -1), Day(daysSinceEpoch: 0),
                            Day(iso: "2026-01-05"), Day(daysSinceEpoch: Int32.max)]
        var periods: [Period] = []
        for (i, d) in days.enumerated() {
            for s in [0, 1, 7, Int(Int32.max)] { periods.append(Period(label: "p\(i)", start: d, sequence: s)) }
        }
        for a in periods {
            for b in periods {
                #expect((a.orderKey < b.orderKey) == Period.precedes(a, b), "\(a.orderDay as Any) \(a.sequence) vs \(b.orderDay as Any) \(b.sequence)")
            }
        }
    }

    /// What an org export costs per row (the reader's memory budget is 150 bytes a row).
    @Test func rowsStaySmall() {
        #expect(MemoryLayout<MetricValues>.size <= 68)
        #expect(MemoryLayout<Period>.size <= 40)
        #expect(MemoryLayout<PeriodRow>.stride <= 128)
    }
}
