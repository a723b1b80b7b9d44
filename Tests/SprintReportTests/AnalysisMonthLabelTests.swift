import Testing
@testable import SprintReport

@Suite struct AnalysisMonthLabelTests {
    /// The rollup's month label is the first 7 characters of the day's ISO text, any year.
    @Test func monthLabelIsTheDescriptionsPrefix() {
        for days in stride(from: -800_000, through: 3_000_000, by: 997) {
            let d = Day(daysSinceEpoch: Int32(days))
            #expect(Rollup.monthLabel(d) == String(d.description.prefix(7)), "\(d)")
        }
    }
}
