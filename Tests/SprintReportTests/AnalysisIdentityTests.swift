import Testing
@testable import SprintReport

@Suite struct AnalysisIdentityTests {
    func complete(_ d: [Metric: Double], mode: ComputationMode = .storyPoints)
        -> (MetricValues, MetricSet, [Identities.Mismatch]) {
        var v = TestData.values(d)
        var derived = MetricSet()
        let m = Identities.complete(&v, derived: &derived, mode: mode)
        return (v, derived, m)
    }

    @Test func derivesEveryMissingMetricFromTheFourAmounts() {
        let (v, derived, m) = complete([.sprintCommit: 20, .sprintCreep: 5, .deliveredCommit: 15, .deliveredCreep: 3])
        #expect(m.isEmpty)
        #expect(v[.sprintSize] == 25)
        #expect(v[.missedCommit] == 5)
        #expect(v[.missedCreep] == 2)
        #expect(v[.totalWorkDelivered] == 18)
        #expect(v[.scopeCreepPercent] == 25)
        #expect(v[.committedWorkDeliveredPercent] == 75)
        #expect(v[.creepWorkDeliveredPercent] == 60)
        #expect(v[.totalWorkDeliveredPercent] == 72)
        #expect(v[.totalDeliveredWorkVsCommittedWork] == 0.9)
        #expect(derived.contains(.sprintSize) && derived.contains(.totalWorkDelivered))
        #expect(!derived.contains(.sprintCommit))
        // Churn and removal rate only in TICKETS mode.
        #expect(v[.churnRate] == nil && v[.workRemovalRatePercent] == nil)
    }

    @Test func churnAndRemovalRateInTicketsMode() {
        let (v, _, m) = complete([.sprintCommit: 20, .sprintCreep: 5, .ticketsRemovedMidSprint: 2], mode: .tickets)
        #expect(m.isEmpty)
        #expect(v[.churnRate] == 35)
        #expect(v[.workRemovalRatePercent] == 10)
        // A story-point churn that would not hold is not checked (R is not in story points).
        let (_, _, sp) = complete([.sprintCommit: 20, .sprintCreep: 5, .ticketsRemovedMidSprint: 2, .churnRate: 99])
        #expect(sp.isEmpty)
    }

    @Test func derivesCommitFromSizeMinusCreep() {
        let (v, derived, m) = complete([.sprintSize: 30, .sprintCreep: 10, .deliveredCommit: 15])
        #expect(m.isEmpty)
        #expect(v[.sprintCommit] == 20 && derived.contains(.sprintCommit))
        #expect(v[.missedCommit] == 5)
    }

    @Test func derivesCommitFromMissedPlusDeliveredThenCreep() {
        let (v, _, m) = complete([.missedCommit: 4, .deliveredCommit: 16, .sprintSize: 30])
        #expect(m.isEmpty)
        #expect(v[.sprintCommit] == 20)
        #expect(v[.sprintCreep] == 10)
    }

    @Test func derivesDeliveredCommitFromTotalMinusCreep() {
        let (v, _, _) = complete([.totalWorkDelivered: 18, .deliveredCreep: 3, .sprintCommit: 20])
        #expect(v[.deliveredCommit] == 15)
        #expect(v[.missedCommit] == 5)
    }

    /// Every amount of the sums present (the derive loop is skipped): nothing derived among
    /// them, every sum still checked, the ratios still derived.
    @Test func everyAmountPresentIsCheckedNotDerived() {
        let amounts: [Metric: Double] = [.sprintCommit: 20, .sprintCreep: 5, .sprintSize: 26, .deliveredCommit: 15,
                                         .missedCommit: 5, .deliveredCreep: 3, .missedCreep: 2, .totalWorkDelivered: 19]
        let (v, derived, m) = complete(amounts)
        #expect(Identities.sumMetrics == MetricSet(Array(amounts.keys)))
        #expect(amounts.keys.allSatisfy { !derived.contains($0) && v[$0] == amounts[$0] })
        #expect(m.map(\.metric) == [.sprintSize, .totalWorkDelivered])
        #expect(v[.scopeCreepPercent] == 25 && derived.contains(.scopeCreepPercent))
        // One amount missing: derived again, as before.
        var fewer = amounts
        fewer[.missedCreep] = nil
        let (w, wd, wm) = complete(fewer)
        #expect(w[.missedCreep] == 2 && wd.contains(.missedCreep) && wm.map(\.metric) == [.sprintSize, .totalWorkDelivered])
    }

    @Test func mismatchKeepsTheExportedValueAndSaysBoth() {
        let (v, derived, m) = complete([.sprintSize: 30, .sprintCommit: 20, .sprintCreep: 8.5])
        #expect(v[.sprintSize] == 30 && !derived.contains(.sprintSize))
        #expect(m.map(\.message) == ["SPRINT_SIZE is 30 but SPRINT_COMMIT + SPRINT_CREEP is 28.5"])
    }

    @Test func twoRoutesThatDisagreeAreReported() {
        // C = S − A = 20, but MC + DC = 19.
        let (v, _, m) = complete([.sprintSize: 30, .sprintCreep: 10, .missedCommit: 4, .deliveredCommit: 15])
        #expect(v[.sprintCommit] == 20)
        #expect(m.count == 1)
        #expect(m.first?.message == "MISSED_COMMIT is 4 but SPRINT_COMMIT - DELIVERED_COMMIT is 5 (using derived values)")
    }

    @Test func toleranceIsAbsolutePlusRelative() {
        // 0.01 + 0.005 · 100.5 = 0.5125
        #expect(complete([.sprintSize: 100.5, .sprintCommit: 80, .sprintCreep: 20]).2.isEmpty)
        #expect(complete([.sprintSize: 100.6, .sprintCommit: 80, .sprintCreep: 20]).2.count == 1)
        #expect(complete([.sprintSize: 0.01, .sprintCommit: 0, .sprintCreep: 0]).2.isEmpty)
        // A platform-rounded percentage agrees: 100 · 7 / 13 = 53.846…
        #expect(complete([.sprintCommit: 13, .sprintCreep: 7, .scopeCreepPercent: 53.85]).2.isEmpty)
        #expect(complete([.sprintCommit: 13, .sprintCreep: 7, .scopeCreepPercent: 54.2]).2.count == 1)
    }

    @Test func zeroCommitLeavesRatiosUndefined() {
        let (v, _, m) = complete([.sprintCommit: 0, .sprintCreep: 5, .deliveredCommit: 0, .scopeCreepPercent: 0])
        #expect(m.isEmpty)  // the platform prints 0 % there: kept, not checked
        #expect(v[.scopeCreepPercent] == 0)
        #expect(v[.committedWorkDeliveredPercent] == nil)
        #expect(v[.totalDeliveredWorkVsCommittedWork] == nil)
    }

    @Test func zeroCreepLeavesCreepDeliveredUndefined() {
        let (v, _, _) = complete([.sprintCommit: 10, .sprintCreep: 0, .deliveredCreep: 0])
        #expect(v[.scopeCreepPercent] == 0)
        #expect(v[.creepWorkDeliveredPercent] == nil)
    }

    @Test func corruptedIdentityIsFoundAtItsLine() {
        var rows = TestData.rows([[.sprintCommit: 20, .sprintCreep: 5, .sprintSize: 25]] + Array(repeating: [
            .sprintCommit: 20, .sprintCreep: 5, .sprintSize: 25], count: 16))
        rows[15].values[.sprintSize] = 30
        rows[15].values[.sprintCreep] = 8.5
        rows[15].period.label = "Falcon Sprint 3"
        let data = TestData.dataSet([TestData.series("Falcon", rows)])
        let report = Analyzer.analyze(data)
        #expect(report.findings.count == 1)
        let f = report.findings[0]
        #expect(f.kind == .identityMismatch && f.severity == .warning)
        #expect(f.file == "exports/q1.csv.gz" && f.line == 17)
        #expect(f.team == "Falcon" && f.period == "Falcon Sprint 3")
        #expect(f.message == "SPRINT_SIZE is 30 but SPRINT_COMMIT + SPRINT_CREEP is 28.5")
    }
}
