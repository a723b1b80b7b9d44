import Foundation
import Testing
@testable import SprintReport

/// A hand-made data set for the page tests: a small org with hostile names (markup, quotes,
/// newlines, `../`, emoji), both computation modes, a derived value, an extra metric and
/// findings; analysed by the real `Analyzer`.
enum RenderFixture {
    static let hostile = "<script>alert(\"x\")</script> & 'Ops'\n../../etc/passwd 🚀"

    static func row(_ i: Int, commit: Double, creep: Double, deliveredCommit: Double, deliveredCreep: Double,
                    extra: Double? = nil, label: String, line: Int) -> PeriodRow {
        var v = MetricValues()
        v[.sprintCommit] = commit
        v[.sprintCreep] = creep
        v[.deliveredCommit] = deliveredCommit
        v[.deliveredCreep] = deliveredCreep
        v[.totalWorkDelivered] = deliveredCommit + deliveredCreep
        let start = Day(year: 2026, month: 1, day: 5)!.adding(days: 14 * i)
        let period = Period(label: "\(label) \(i + 1)", sprintId: "s\(i)", start: start, end: start.adding(days: 13),
                            granularity: .sprint, sequence: line)
        return PeriodRow(period: period, values: v, extras: extra.map { [$0] } ?? [Double.nan],
                         source: SourceRef(file: 0, line: line))
    }

    static func series(_ team: Team, mode: ComputationMode, count: Int, base: Double, lineBase: Int) -> TeamSeries {
        let rows = (0..<count).map { i -> PeriodRow in
            let c = base + Double((i * 7) % 5)
            let a = Double((i * 3) % 4)
            let dc = c - Double((i * 5) % 3) - 1
            let da = max(0, a - 1)
            return row(i, commit: c, creep: a, deliveredCommit: dc, deliveredCreep: da,
                       extra: i % 3 == 0 ? Double(i) * 1.5 : nil, label: "Sprint", line: lineBase + i)
        }
        return TeamSeries(team: team, mode: mode, level: .sprint, rows: rows)
    }

    static let falcon = Team(key: "team_00001", name: "Falcon", path: ["Acme", "Platform", "Falcon"], orgTree: "Acme")
    static let hawk = Team(key: "team_00002", name: hostile, path: ["Acme", "Platform", hostile], orgTree: "Acme")
    static let kiwi = Team(key: "../kiwi/<b>", name: "Kïwi \"Q\"", path: ["Acme", "Product & <Design>", "Kïwi \"Q\""],
                           orgTree: "Acme")

    static func dataSet() -> DataSet {
        let input = InputSummary(path: "exports/acme.csv.gz", compressed: true, shape: .wide, level: .sprint,
                                 modes: [.storyPoints, .tickets], rows: 40, teams: 3, periods: 8,
                                 firstPeriod: "Sprint 1", lastPeriod: "Sprint 8",
                                 sha256: String(repeating: "ab", count: 32), columns: [])
        var kiwiTickets = series(kiwi, mode: .tickets, count: 4, base: 10, lineBase: 200)
        kiwiTickets.rows[1].values[.ticketsRemovedMidSprint] = 2
        let finding = Finding(kind: .identityMismatch, file: "exports/acme.csv.gz", line: 12, team: hostile,
                              period: "Sprint 3", message: "SPRINT_SIZE is 30 but <b>SPRINT_COMMIT + SPRINT_CREEP</b> is 28.5")
        let finding2 = Finding(severity: .info, kind: .unknownColumn, file: "exports/acme.csv.gz", line: 1,
                               message: "column \"Mood 🙂\" is not a metric and was ignored")
        return DataSet(inputs: [input],
                       series: [series(falcon, mode: .storyPoints, count: 8, base: 20, lineBase: 2),
                                series(hawk, mode: .storyPoints, count: 7, base: 14, lineBase: 20),
                                series(kiwi, mode: .storyPoints, count: 4, base: 8, lineBase: 100),
                                kiwiTickets],
                       extraMetrics: ["Mood <score>"], findings: [finding, finding2])
    }

    static func report() -> Report { Analyzer.analyze(dataSet()) }
}

@Suite struct RenderFixtureTests {
    @Test func fixtureHasTeamsNodesAndBothModes() {
        let r = RenderFixture.report()
        #expect(Set(r.teams.map(\.team.key)).count == 3)
        #expect(r.teams.contains { $0.mode == .tickets })
        #expect(r.nodes.contains { $0.path.isEmpty })
        #expect(r.findings.count >= 2)
    }
}
