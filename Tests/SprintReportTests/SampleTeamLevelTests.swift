import Testing
@testable import SprintReport

@Suite struct SampleTeamLevelTests {
    static func table(_ g: Granularity, sprints: Int = 40) -> SampleTable {
        SampleTable(SampleGenerator(SampleOptions(teams: 12, sprints: sprints, seed: 11, level: .team,
                                                  granularity: g)).csv())
    }

    @Test func labelsAndDatesFollowTheGranularity() {
        let monthly = Self.table(.monthly)
        #expect(monthly.header.prefix(6) == ["Team", "Team_Id", "Team_Hierarchy", "Granularity", "Start_Date", "End_Date"])
        #expect(monthly.header.contains("Sprint_Velocity"))
        #expect(!monthly.header.contains("Tickets_Removed_Mid_Sprint"))
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        for row in monthly.rows {
            let start = Day(iso: row[4])!, end = Day(iso: row[5])!
            #expect(row[3] == "\(months[start.month - 1]) \(start.year)")
            #expect(start.components.day == 1 && end.adding(days: 1).components.day == 1 && end.month == start.month)
        }
        for row in Self.table(.quarterly).rows {
            let start = Day(iso: row[4])!
            #expect(row[3] == "Q\((start.month - 1) / 3 + 1) \(start.year)")
        }
        for row in Self.table(.weekly).rows {
            let start = Day(iso: row[4])!, end = Day(iso: row[5])!
            #expect(start.isoWeekday == 1 && end == start.adding(days: 6))
            let (year, week) = (Int(row[3].prefix(4))!, Int(row[3].suffix(2))!)
            #expect(row[3].dropFirst(4).hasPrefix("-W"))
            #expect(Day.isoWeekStart(year: year, week: week) == start)
        }
        let perSprint = Self.table(.sprint, sprints: 5)
        #expect(perSprint.rows.count == 12 * 5)
        #expect(perSprint.rows[0][3].hasSuffix(" Sprint 1"))
    }

    @Test(arguments: [Granularity.sprint, .weekly, .monthly, .quarterly])
    func velocityGivesTheSprintCountAndIdentitiesHold(granularity: Granularity) {
        let table = Self.table(granularity)
        let sprintLevel = SampleGenerator(SampleOptions(teams: 12, sprints: 40, seed: 11))
        var sprintsSeen = 0
        for row in table.rows {
            #expect(table.brokenIdentities(row).isEmpty)
            let d = table.value(row, .totalWorkDelivered)!, v = table.value(row, .sprintVelocity)!
            if v > 0 { sprintsSeen += Int((d / v).rounded()) }
        }
        // Buckets hold every sprint (velocity × count recovers it), except those with D = 0.
        let total = sprintLevel.options.teams * sprintLevel.options.sprints
        #expect(sprintsSeen <= total && sprintsSeen >= total - total / 50)
        // Commit sums over buckets equal the sprint-level sums.
        let sprints = SampleTable(sprintLevel.csv())
        let a = table.rows.reduce(0.0) { $0 + table.value($1, .sprintCommit)! }
        let b = sprints.rows.reduce(0.0) { $0 + sprints.value($1, .sprintCommit)! }
        #expect(a == b)
    }

    @Test func predictabilityNeedsTwoSprints() {
        let table = Self.table(.monthly)
        let spread = table.column("Predictability_Delivery_Consistency")!
        #expect(table.rows.contains { !$0[spread].isEmpty })
        for row in Self.table(.sprint, sprints: 4).rows { #expect(row[spread].isEmpty) }
    }
}
