import Testing
@testable import SprintReport

@Suite struct InputSampleTests {
    struct Expect: Sendable {
        var file: String
        var rows: Int, teams: Int, periods: Int, series: Int
        var modes: [ComputationMode]
        var level: RowLevel
        var shape: Shape
        var compressed: Bool
    }

    static let samples: [Expect] = [
        Expect(file: "platform-team-sprints.csv.gz", rows: 13, teams: 1, periods: 13, series: 1,
               modes: [.storyPoints], level: .sprint, shape: .wide, compressed: true),
        Expect(file: "engineering-org-monthly.csv.gz", rows: 182, teams: 14, periods: 19, series: 14,
               modes: [.storyPoints], level: .team, shape: .wide, compressed: true),
        Expect(file: "engineering-org-sprints-tickets.csv.gz", rows: 96, teams: 8, periods: 96, series: 8,
               modes: [.storyPoints], level: .sprint, shape: .wide, compressed: true),
        Expect(file: "long-shape.csv", rows: 120, teams: 2, periods: 8, series: 2,
               modes: [.storyPoints], level: .sprint, shape: .long, compressed: false),
        Expect(file: "both-modes.csv.gz", rows: 24, teams: 4, periods: 24, series: 8,
               modes: [.storyPoints, .tickets], level: .sprint, shape: .wide, compressed: true),
    ]

    @Test(arguments: samples)
    func readsWithTheRightCounts(_ e: Expect) throws {
        let d = try ExportReader.read(paths: [Fixtures.path(e.file)])
        let s = d.inputs[0]
        #expect(s.rows == e.rows && s.teams == e.teams && s.periods == e.periods)
        #expect(s.modes == e.modes && s.level == e.level && s.shape == e.shape && s.compressed == e.compressed)
        #expect(d.series.count == e.series)
        #expect(d.series.allSatisfy { $0.level == e.level })
        #expect(d.findings.isEmpty)
        // No column left unexplained.
        for c in s.columns {
            if case .ignored = c.role { Issue.record("\(e.file): \(c.header) ignored") }
        }
        #expect(s.sha256.count == 64)
    }

    @Test func bothModesHasSixSprintsPerTeamAndMode() throws {
        let d = try ExportReader.read(paths: [Fixtures.path("both-modes.csv.gz")])
        #expect(d.series.allSatisfy { $0.rows.count == 6 })
        #expect(d.series.filter { $0.mode == .tickets }.count == 4)
        let falconTickets = d.series.first { $0.team.name == "Falcon" && $0.mode == .tickets }!
        #expect(falconTickets.rows[0].values[.sprintCommit] == 12)
        #expect(falconTickets.rows[0].values[.churnRate] == 66.67)
    }

    @Test func longShapeHasFourSprintsPerTeam() throws {
        let d = try ExportReader.read(paths: [Fixtures.path("long-shape.csv")])
        #expect(d.series.map(\.rows.count) == [4, 4])
        let first = d.series.first { $0.team.name == "Falcon" }!.rows[0]
        #expect(first.values[.sprintCommit] == 20 && first.values[.sprintCreep] == 6)
        #expect(first.source.line == 2)
    }

    @Test func monthlyPeriodsAreOrdered() throws {
        let d = try ExportReader.read(paths: [Fixtures.path("engineering-org-monthly.csv.gz")])
        for s in d.series {
            let days = s.rows.compactMap(\.period.orderDay)
            #expect(days == days.sorted())
            #expect(s.rows.allSatisfy { $0.period.granularity == .monthly })
        }
    }

    @Test func allSamplesMerge() throws {
        let d = try ExportReader.read(paths: Self.samples.map { Fixtures.path($0.file) })
        #expect(d.inputs.count == 5)
        #expect(d.inputs.map(\.rows) == Self.samples.map(\.rows))
    }
}

extension InputSampleTests.Expect: CustomTestStringConvertible {
    var testDescription: String { file }
}
