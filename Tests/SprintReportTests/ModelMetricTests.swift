import Testing
@testable import SprintReport

@Suite struct ModelMetricTests {
    @Test func indexesMatchCaseOrder() {
        #expect(Metric.allCases.count == Metric.count)
        for (i, m) in Metric.allCases.enumerated() { #expect(m.index == i) }
        #expect(Metric.additive.map(\.rawValue) == [
            "SPRINT_COMMIT", "SPRINT_CREEP", "SPRINT_SIZE", "TOTAL_WORK_DELIVERED", "DELIVERED_COMMIT",
            "MISSED_COMMIT", "DELIVERED_CREEP", "MISSED_CREEP", "TICKETS_REMOVED_MID_SPRINT",
        ])
    }
}
