import Testing
@testable import SprintReport

@Suite struct SampleGeneratorTests {
    static let small = SampleOptions(teams: 14, sprints: 26, seed: 7)

    @Test func sameSeedSameBytesOtherSeedOtherBytes() {
        let a = SampleGenerator(Self.small).csv()
        let b = SampleGenerator(Self.small).csv()
        var other = Self.small
        other.seed = 8
        #expect(a == b)
        #expect(a != SampleGenerator(other).csv())
    }

    /// A fixed seed prints fixed bytes: guards against an accidental change of the
    /// generator (or a platform difference) that would silently change every sample.
    @Test func firstRecordIsStable() {
        let table = SampleTable(SampleGenerator(SampleOptions(teams: 3, sprints: 2, seed: 1)).csv())
        #expect(table.rows.count == 6)
        #expect(table.rows[0].prefix(7).joined(separator: ",")
            == "Stork,team_00001,Engineering/Web/Stork,Stork Sprint 1,team_00001-s1,2026-06-01,2026-06-14")
        #expect(table.rows[0][7...].joined(separator: ",")
            == "63,23.5,86.5,37.3,66,55,8,11,12.5,1.05,87.3,46.81,76.3,2,40.48")
    }

    @Test func sprintLevelRowCountsAndShape() {
        let table = SampleTable(SampleGenerator(Self.small).csv())
        #expect(table.header.prefix(7) == ["Team", "Team_Id", "Team_Hierarchy", "Sprint", "Sprint_Id",
                                           "Start_Date", "End_Date"])
        #expect(table.header.count == 7 + SampleColumns.sprintMetrics.count)
        #expect(table.rows.count == 14 * 26)
        #expect(table.rows.allSatisfy { $0.count == table.header.count })
        #expect(Set(table.rows.map { $0[4] }).count == 14 * 26)  // sprint ids unique
    }

    @Test(arguments: [RowLevel.sprint, .team])
    func identitiesHoldInEveryRow(level: RowLevel) {
        for mode in [[ComputationMode.storyPoints], [.tickets]] {
            let options = SampleOptions(teams: 40, sprints: 60, seed: 3, level: level, modes: mode)
            let table = SampleTable(SampleGenerator(options).csv())
            #expect(!table.rows.isEmpty)
            for row in table.rows {
                let broken = table.brokenIdentities(row)
                #expect(broken.isEmpty, "\(row[0]) \(row[3]): \(broken)")
            }
        }
    }

    @Test func bothModesCarrySuffixedColumnsThatMatchTheSingleModeFiles() {
        var options = Self.small
        options.modes = [.storyPoints, .tickets]
        let both = SampleTable(SampleGenerator(options).csv())
        options.modes = [.storyPoints]
        let points = SampleTable(SampleGenerator(options).csv())
        options.modes = [.tickets]
        let tickets = SampleTable(SampleGenerator(options).csv())
        #expect(both.header.contains("Sprint_Commit_story_points"))
        #expect(both.header.contains("Churn_Rate_tickets"))
        #expect(!both.header.contains("Computation_Mode"))
        #expect(tickets.header.contains("Computation_Mode"))
        #expect(!points.header.contains("Computation_Mode"))
        #expect(tickets.rows.allSatisfy { $0[tickets.column("Computation_Mode")!] == "TICKETS" })
        for (i, row) in both.rows.enumerated() {
            #expect(both.brokenIdentities(row, suffix: "_story_points").isEmpty)
            #expect(both.brokenIdentities(row, suffix: "_tickets").isEmpty)
            #expect(both.value(row, .sprintCommit, suffix: "_story_points") == points.value(points.rows[i], .sprintCommit))
            #expect(both.value(row, .deliveredCreep, suffix: "_tickets") == tickets.value(tickets.rows[i], .deliveredCreep))
        }
        // Ticket counts are whole numbers; story points come in halves.
        #expect(tickets.rows.allSatisfy { !$0[tickets.column("Sprint_Commit")!].contains(".") })
        #expect(points.rows.contains { $0[points.column("Sprint_Commit")!].hasSuffix(".5") })
    }

    @Test func amountsVaryWithTrendsAndBadSprints() {
        let table = SampleTable(SampleGenerator(SampleOptions(teams: 30, sprints: 78, seed: 5)).csv())
        let sayDo = table.rows.compactMap { table.value($0, .committedWorkDeliveredPercent) }
        #expect(sayDo.contains { $0 < 40 })  // a few bad sprints
        #expect(sayDo.contains { $0 > 90 })
        #expect(table.rows.contains { table.value($0, .sprintCommit) == 0 })  // an idle sprint…
        #expect(table.rows.contains { table.value($0, .scopeCreepPercent) == nil })  // …prints no ratio
        #expect(Set(table.rows.map { table.value($0, .sprintCommit) }).count > 100)
    }
}
