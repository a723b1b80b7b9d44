import Testing
@testable import SprintReport

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
