import Testing
@testable import SprintReport

@Suite struct AnalysisRollupTests {
    /// A two-weekly sprint team and a monthly team-level team under `Eng`.
    func cadences(velocities: (Double, Double)? = nil) -> Report {
        let a = TestData.series("A", path: ["Eng", "A"], [
            TestData.row("A1", end: "2026-01-14", [.totalWorkDelivered: 10, .sprintCommit: 12], line: 2),
            TestData.row("A2", end: "2026-01-28", [.totalWorkDelivered: 12, .sprintCommit: 12], line: 3),
            TestData.row("A3", end: "2026-02-11", [.totalWorkDelivered: 8, .sprintCommit: 10], line: 4),
        ])
        let b = TestData.series("B", path: ["Eng", "B"], level: .team, [
            TestData.row("Jan 2026", end: "2026-01-31", [.totalWorkDelivered: 40, .sprintCommit: 50], line: 5),
            TestData.row("Feb 2026", end: "2026-02-28", [.totalWorkDelivered: 30, .sprintCommit: 40], line: 6),
        ].enumerated().map { i, row in
            var r = row
            if let v = velocities { r.values[.sprintVelocity] = i == 0 ? v.0 : v.1 }
            return r
        })
        return Analyzer.analyze(TestData.dataSet([a, b]))
    }

    @Test func differentCadencesAlignByCalendarMonth() {
        let r = cadences()
        #expect(r.nodes.map(\.pathString) == ["", "Eng"])
        let eng = r.nodes[1]
        #expect(eng.rolledUp && eng.teams == 2 && eng.summary.periods == 2)
        #expect(eng.children == [["Eng", "A"], ["Eng", "B"]])
        #expect(eng.series.map(\.period.label) == ["2026-01", "2026-02"])
        #expect(eng.series.map { $0.values[.totalWorkDelivered] } == [62, 38])
        #expect(eng.series.map { $0.values[.sprintCommit] } == [74, 50])
        #expect(eng.series[0].period.end?.description == "2026-01-31")
        #expect(eng.series[0].derived.contains(.totalDeliveredWorkVsCommittedWork))
        // B's monthly rows have no sprint count: velocity = ΣD / team-periods, approximate.
        #expect(eng.summary.velocity == 20 && eng.summary.velocityApproximate)
        #expect(eng.summary.averageSprintSize == nil)
        #expect(close(eng.summary.deliveredVsCommitted, 100.0 / 124))
        #expect(close(eng.summary.deliveryConsistency, 16.970562748477143))
        #expect(eng.summary.trendPerPeriod == nil && eng.summary.forecast == nil)
        #expect(r.nodes[0].children == [["Eng"]])
        #expect(r.nodes[0].summary.totals == eng.summary.totals)
    }

    @Test func teamLevelRowsCountAsTheirSprintsInNodeVelocity() {
        // B: 40 / 20 → 2 sprints, 30 / 15 → 2 sprints; A: 3 sprints. ΣD = 100 over 7 team-sprints.
        let eng = cadences(velocities: (20, 15)).nodes[1]
        #expect(close(eng.summary.velocity, 100.0 / 7) && !eng.summary.velocityApproximate)
    }

    func parentWithOwnRows(commit: Double) -> Report {
        let p = TestData.series("Plat", path: ["Eng", "Plat"], [
            TestData.row("Jan", end: "2026-01-31", [.sprintCommit: commit, .totalWorkDelivered: 40], line: 2),
        ])
        let x = TestData.series("X", path: ["Eng", "Plat", "X"], [
            TestData.row("Jan", end: "2026-01-31", [.sprintCommit: 20, .totalWorkDelivered: 18], line: 3),
        ])
        let y = TestData.series("Y", path: ["Eng", "Plat", "Y"], [
            TestData.row("Jan", end: "2026-01-31", [.sprintCommit: 25, .totalWorkDelivered: 22], line: 4),
        ])
        return Analyzer.analyze(TestData.dataSet([p, x, y]))
    }

    @Test func ownParentRowsAreKeptAndComparedNotDoubleCounted() {
        let r = parentWithOwnRows(commit: 50)
        #expect(r.teams.map(\.team.name) == ["X", "Y"])
        #expect(r.nodes.map(\.pathString) == ["", "Eng", "Eng/Plat"])
        let plat = r.nodes[2]
        #expect(!plat.rolledUp && plat.teams == 2 && plat.summary.totals[.sprintCommit] == 50)
        #expect(plat.series.first?.source == SourceRef(file: 0, line: 2))
        #expect(r.nodes[0].summary.totals[.sprintCommit] == 45)
        #expect(r.nodes[1].summary.totals[.sprintCommit] == 45)
        #expect(r.findings.count == 1)
        let f = r.findings[0]
        #expect(f.kind == .parentRollupMismatch && f.line == 2 && f.team == "Plat")
        #expect(f.message == "Eng/Plat's own SPRINT_COMMIT total is 50 but its children add up to 45")
        #expect(parentWithOwnRows(commit: 45).findings.isEmpty)
    }

    @Test func bothModesAreNeverMixed() {
        let rows = TestData.rows([[.sprintCommit: 20, .totalWorkDelivered: 10]])
        let tickets = TestData.rows([[.sprintCommit: 4, .totalWorkDelivered: 3]])
        let r = Analyzer.analyze(TestData.dataSet([
            TestData.series("Falcon", path: ["Eng", "Falcon"], mode: .tickets, tickets),
            TestData.series("Falcon", path: ["Eng", "Falcon"], rows),
        ]))
        #expect(r.teams.map(\.mode) == [.storyPoints, .tickets])
        #expect(r.teams.map(\.summary.velocity) == [10, 3])
        #expect(r.nodes.map { "\($0.pathString) \($0.mode.rawValue)" }
            == [" STORY_POINTS", " TICKETS", "Eng STORY_POINTS", "Eng TICKETS"])
        #expect(r.nodes[1].summary.totals[.sprintCommit] == 4)
    }

    @Test func teamWithoutHierarchyHangsFromTheRoot() {
        let r = Analyzer.analyze(TestData.dataSet([TestData.series("Solo", TestData.rows([[.totalWorkDelivered: 5]]))]))
        #expect(r.nodes.count == 1 && r.nodes[0].path == [] && r.nodes[0].children == [["Solo"]])
        #expect(r.nodes[0].summary.velocity == 5)
    }
}
