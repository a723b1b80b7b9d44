import Testing
@testable import SprintReport

/// Days as bytes against `Day.description`, any year (and `null`).
@Suite struct OutputDayBytesTests {
    @Test func daysAreTheirQuotedDescription() {
        for days in stride(from: -1_000_000, through: 3_000_000, by: 331) {
            let d = Day(daysSinceEpoch: Int32(days))
            #expect(JSONWriter.text { $0.day(d) } == "\"\(d.description)\"\n")
        }
        #expect(JSONWriter.text { $0.day(nil) } == "null\n")
    }

    /// The table's bounds are the days its documentation names.
    @Test func tableBounds() {
        #expect(DayText.first == Int(Day(year: 1990, month: 1, day: 1)!.daysSinceEpoch))
        #expect(DayText.first + DayText.count == Int(Day(year: 2090, month: 1, day: 1)!.daysSinceEpoch))
    }

    /// Every day of `DayText`'s table, and the days just outside it.
    @Test func tableDaysAreTheirQuotedDescription() {
        for days in DayText.first - 3..<DayText.first + DayText.count + 3 {
            let d = Day(daysSinceEpoch: Int32(days))
            let text = JSONWriter.text { $0.day(d) }
            if text != "\"\(d.description)\"\n" { Issue.record("day \(days): \(text)") }
        }
    }
}
