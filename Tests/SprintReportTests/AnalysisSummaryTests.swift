import Testing
@testable import SprintReport

@Suite struct AnalysisSummaryTests {
    /// D = 10, 20, 30; per-period say/do 50, 75, 75 %.
    let three: [[Metric: Double]] = [
        [.sprintCommit: 20, .sprintCreep: 5, .deliveredCommit: 10, .deliveredCreep: 0],
        [.sprintCommit: 20, .sprintCreep: 5, .deliveredCommit: 15, .deliveredCreep: 5],
        [.sprintCommit: 40, .sprintCreep: 10, .deliveredCommit: 30, .deliveredCreep: 0],
    ]

    @Test func everyFigureOfThreePeriodsByHand() {
        let t = TestData.team(three)
        let s = t.summary
        #expect(s.periods == 3)
        #expect(s.totals[.sprintCommit] == 80 && s.totals[.sprintSize] == 100 && s.totals[.totalWorkDelivered] == 60)
        #expect(s.totals[.missedCommit] == 25 && s.totals[.missedCreep] == 15)
        #expect(s.totals[.ticketsRemovedMidSprint] == nil)
        #expect(s.velocity == 20 && !s.velocityApproximate)
        #expect(close(s.averageSprintSize, 100.0 / 3))
        #expect(s.sayDoPercent == 68.75)
        #expect(s.scopeCreepPercent == 25)
        #expect(s.creepDeliveredPercent == 25)
        #expect(s.totalDeliveredPercent == 60)
        #expect(s.deliveredVsCommitted == 0.75)
        #expect(close(s.deliveryConsistency, 10))
        #expect(close(s.commitmentReliability, 14.433756729740645))
        #expect(close(s.coefficientOfVariation, 0.5))
        #expect(close(s.trendPerPeriod, 10))
        #expect(s.forecast == Forecast(low: 15, median: 20, high: 25))
        #expect(t.series.map(\.rolling) == [10, 15, 20])
        #expect(s.bands == [.sayDoPercent: .medium, .scopeCreepPercent: .medium,
                            .totalDeliveredPercent: .medium, .coefficientOfVariation: .low])
    }

    @Test func ratioOfSumsIsNotTheMeanOfRatios() {
        let t = TestData.team(three)
        let meanOfRatios = t.series.compactMap { $0.values[.committedWorkDeliveredPercent] }.reduce(0, +) / 3
        #expect(close(meanOfRatios, 200.0 / 3))
        #expect(t.summary.sayDoPercent == 68.75)
    }

    @Test func onePeriodHasNoSpreadTrendOrForecast() {
        let s = TestData.team([three[0]]).summary
        #expect(s.periods == 1 && s.velocity == 10)
        #expect(s.deliveryConsistency == nil && s.commitmentReliability == nil)
        #expect(s.coefficientOfVariation == nil && s.trendPerPeriod == nil && s.forecast == nil)
        #expect(s.bands[.coefficientOfVariation] == nil)
    }

    @Test func twoPeriodsHaveSpreadButNoTrendOrForecast() {
        let s = TestData.team(Array(three.prefix(2))).summary
        #expect(close(s.deliveryConsistency, 7.0710678118654755))
        #expect(close(s.commitmentReliability, 17.67766952966369))
        #expect(s.trendPerPeriod == nil && s.forecast == nil)
    }

    @Test func missingValuesAreSkippedNotZeroed() {
        let s = TestData.team([[.totalWorkDelivered: 10, .sprintCommit: 20],
                               [.sprintCommit: 20],
                               [.totalWorkDelivered: 30, .sprintCommit: 20]]).summary
        #expect(s.periods == 3)
        #expect(s.velocity == 40.0 / 3)  // ΣD / n
        #expect(close(s.deliveryConsistency, 14.142135623730951))  // of 10 and 30, not 10, 0, 30
        #expect(close(s.trendPerPeriod, 10))  // points at index 0 and 2
        #expect(s.forecast == nil)  // only 2 values of D
        #expect(s.sayDoPercent == nil)  // no DC anywhere: undefined, not 0
    }

    @Test func negativeValuesAreKeptInTheSums() {
        let s = TestData.team([[.totalWorkDelivered: 10], [.totalWorkDelivered: -4]]).summary
        #expect(s.totals[.totalWorkDelivered] == 6 && s.velocity == 3)
    }

    @Test func zeroCommitWindowIsUndefinedNotZero() {
        let s = TestData.team([[.sprintCommit: 0, .sprintCreep: 4, .deliveredCommit: 0, .deliveredCreep: 2]]).summary
        #expect(s.sayDoPercent == nil && s.scopeCreepPercent == nil && s.deliveredVsCommitted == nil)
        #expect(s.creepDeliveredPercent == 50 && s.totalDeliveredPercent == 50)
        #expect(s.bands[.sayDoPercent] == nil && s.bands[.totalDeliveredPercent] == .low)
    }

    @Test func forecastUsesTheLastSixDeliveries() {
        let ds: [Double] = [100, 100, 1, 2, 3, 4, 5, 6]
        let s = TestData.team(ds.map { [.totalWorkDelivered: $0] }).summary
        #expect(s.forecast == Forecast(low: 2.25, median: 3.5, high: 4.75))
    }

    @Test func teamLevelVelocityFromSprintCounts() {
        let t = TestData.team([[.totalWorkDelivered: 30, .sprintVelocity: 15],
                               [.totalWorkDelivered: 45, .sprintVelocity: 14]], level: .team)
        #expect(t.series.map(\.sprintCount) == [2, 3])
        #expect(t.summary.velocity == 15 && !t.summary.velocityApproximate)
        #expect(t.summary.averageSprintSize == nil)
    }

    @Test func teamLevelVelocityIsApproximateWhenACountIsMissing() {
        let s = TestData.team([[.totalWorkDelivered: 30, .sprintVelocity: 15],
                               [.sprintVelocity: 12]], level: .team).summary
        #expect(s.velocity == 13.5 && s.velocityApproximate)
        let none = TestData.team([[.totalWorkDelivered: 30]], level: .team).summary
        #expect(none.velocity == nil && !none.velocityApproximate)
    }

    @Test func windowKeepsPeriodsWhoseEndLiesInside() {
        let data = TestData.dataSet([TestData.series("Falcon", TestData.rows(three) + [
            TestData.row("No end", end: nil, start: "2026-02-10", [.totalWorkDelivered: 7], line: 9),
        ])])
        let w = Window(from: Day(iso: "2026-02-01"), to: Day(iso: "2026-02-28"))
        let r = Analyzer.analyze(data, window: w)
        #expect(r.teams[0].series.map(\.period.label) == ["P2", "No end"])
        #expect(r.coverage.first?.description == "2026-02-10" && r.coverage.last?.description == "2026-02-28")
    }

    @Test func emptyPeriodIsAnInfoFindingAndNotCounted() {
        var rows = TestData.rows(three)
        rows[1].values = MetricValues()
        let r = Analyzer.analyze(TestData.dataSet([TestData.series("Falcon", rows)]))
        #expect(r.teams[0].summary.periods == 2)
        #expect(r.findings.map(\.kind) == [.missingPeriod])
        #expect(r.findings[0].severity == .info && r.findings[0].line == 3)
    }

    @Test func bandLimitsAreInclusive() {
        let l = BandThresholds.defaults.limits
        #expect(l[.sayDoPercent]!.band(of: 85) == .elite)
        #expect(l[.sayDoPercent]!.band(of: 84.99) == .high)
        #expect(l[.sayDoPercent]!.band(of: 59.99) == .low)
        #expect(l[.scopeCreepPercent]!.band(of: 10) == .elite)
        #expect(l[.scopeCreepPercent]!.band(of: 40.01) == .low)
        #expect(l[.coefficientOfVariation]!.band(of: 0.35) == .medium)
    }
}
