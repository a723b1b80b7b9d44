import Testing
@testable import SprintReport

@Suite struct SampleOrgTests {
    @Test func namesAndIdsAreUniqueAtBenchmarkScale() {
        let teams = SampleOrg.teams(count: 20_000, seed: 1)
        #expect(teams.count == 20_000)
        #expect(Set(teams.map(\.name)).count == 20_000)
        #expect(Set(teams.map(\.id)).count == 20_000)
        #expect(Set(teams.map(\.path)).count == 20_000)
        #expect(teams[41].id == "team_00042")
        // Large organisations get a division level: Engineering/<division>/<group>/<team>.
        #expect(teams.allSatisfy { $0.path.split(separator: "/").count == 4 && $0.path.hasPrefix("Engineering/") })
    }

    @Test func groupsHoldFiveToFifteenTeams() {
        let teams = SampleOrg.teams(count: 200, seed: 9)
        #expect(teams.allSatisfy { $0.path.split(separator: "/").count == 3 })
        var sizes: [String: Int] = [:]
        for t in teams { sizes[String(t.path.split(separator: "/")[1]), default: 0] += 1 }
        let full = sizes.values.sorted().dropFirst()  // the last group may be short
        #expect(full.allSatisfy { (5...15).contains($0) })
        #expect(Set(sizes.keys).count == sizes.count)
    }

    @Test func cadencesAreOneToThreeWeeksAndSprintsTileTheCalendar() {
        let teams = SampleOrg.teams(count: 300, seed: 2)
        #expect(Set(teams.map(\.cadenceWeeks)) == [1, 2, 3])
        for team in teams.prefix(50) {
            let sprints = team.sprints(count: 20, seed: 2)
            for (a, b) in zip(sprints, sprints.dropFirst()) {
                #expect(b.start == a.end.adding(days: 1))
                #expect(a.end.daysSinceEpoch - a.start.daysSinceEpoch + 1 == 7 * team.cadenceWeeks)
            }
            #expect(sprints.last!.end < SampleTeam.anchor.adding(days: 3))
        }
    }

    @Test func quotedNamesSurviveCSV() {
        // "Build, Test & Release" holds a comma: the generator quotes it.
        let options = SampleOptions(teams: 800, sprints: 1, seed: 4)
        let bytes = SampleGenerator(options).csv()
        let table = SampleTable(bytes)
        #expect(table.rows.allSatisfy { $0.count == table.header.count })
        let quoted = table.rows.filter { $0[2].contains(",") }
        #expect(!quoted.isEmpty)
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"Engineering/"))
    }
}
