import Testing
@testable import SprintReport

/// The figures the pages compute themselves: the change against the previous half and the
/// latest-period panel.
@Suite struct RenderFiguresTests {
    static func point(_ i: Int, c: Double, a: Double, dc: Double, d: Double, sprints: Int? = nil) -> SeriesPoint {
        var v = MetricValues()
        v[.sprintCommit] = c
        v[.sprintCreep] = a
        v[.sprintSize] = c + a
        v[.deliveredCommit] = dc
        v[.totalWorkDelivered] = d
        v[.committedWorkDeliveredPercent] = 100 * dc / c
        v[.scopeCreepPercent] = 100 * a / c
        let start = Day(year: 2026, month: 1, day: 5)!.adding(days: 14 * i)
        return SeriesPoint(period: Period(label: "Sprint \(i + 1)", start: start, end: start.adding(days: 13)),
                           values: v, sprintCount: sprints)
    }

    @Test func halvesAreRatioOfSumsAndSkipTheMiddle() throws {
        let points = [
            Self.point(0, c: 10, a: 0, dc: 5, d: 10), Self.point(1, c: 30, a: 3, dc: 30, d: 10),
            Self.point(2, c: 99, a: 99, dc: 0, d: 999),  // the middle of 5: in neither half
            Self.point(3, c: 20, a: 4, dc: 20, d: 20), Self.point(4, c: 20, a: 0, dc: 10, d: 20),
        ]
        let h = try #require(HalfComparison(points))
        #expect(h.previous.velocity == 10)
        #expect(h.recent.velocity == 20)
        #expect(h.previous.sayDo == 87.5)  // 100 · 35 / 40, not the mean of 50 % and 100 %
        #expect(h.recent.sayDo == 75)
        #expect(h.previous.creep == 7.5)
        #expect(h.recent.creep == 10)
        let change = try #require(h.change(.velocity, mode: .storyPoints))
        #expect(change.arrow == "▲")
        #expect(change.text == "up 10 pts vs previous half")  // velocity has no better side
        #expect(change.verdict == nil)
        let sayDo = try #require(h.change(.sayDo, mode: .storyPoints))
        #expect(sayDo.arrow == "▼")
        #expect(sayDo.text == "down 13 pp, worse, vs previous half")  // 12.5 rounds half away from zero
        #expect(sayDo.verdict == "worse")
        // Scope creep went up 2.5 pp: for creep, up is worse.
        let creep = try #require(h.change(.creep, mode: .storyPoints))
        #expect(creep.arrow == "▲")
        #expect(creep.text == "up 3 pp, worse, vs previous half")
        #expect(h.change(.forecast, mode: .storyPoints) == nil)
    }

    /// Down is better for scope creep and CV; the change says so in words, and names the
    /// baseline window it compares with under `--compare`.
    @Test func changeWordsForLowerIsBetterAndTheBaseline() throws {
        var old = WindowSummary()
        old.scopeCreepPercent = 20
        old.coefficientOfVariation = 0.4
        old.sayDoPercent = 70
        var new = old
        new.scopeCreepPercent = 12
        new.coefficientOfVariation = 0.25
        new.sayDoPercent = 70.2
        let h = HalfComparison(baseline: old, current: new, window: "2025-07-01 to 2025-09-30")
        let creep = try #require(h.change(.creep, mode: .storyPoints))
        #expect(creep.arrow == "▼")
        #expect(creep.text == "down 8 pp, better, vs baseline 2025-07-01 to 2025-09-30")
        let cv = try #require(h.change(.cv, mode: .storyPoints))
        #expect(cv.text == "down 0.15, better, vs baseline 2025-07-01 to 2025-09-30")
        #expect(cv.verdict == "better")
        let sayDo = try #require(h.change(.sayDo, mode: .storyPoints))
        #expect(sayDo.arrow == "=")
        #expect(sayDo.text == "no change vs baseline 2025-07-01 to 2025-09-30")
        #expect(sayDo.verdict == nil)
        #expect(h.change(.velocity, mode: .storyPoints) == nil)  // undefined on both sides: no change
    }

    @Test func noComparisonWithOnePeriod() {
        #expect(HalfComparison([Self.point(0, c: 10, a: 0, dc: 5, d: 10)]) == nil)
    }

    @Test func nodeVelocityHalvesCountTeamSprints() throws {
        // Two months of a node; the teams' rows: a team-level row of 2 sprints and a sprint row.
        let months = [Self.point(0, c: 10, a: 0, dc: 10, d: 30), Self.point(3, c: 10, a: 0, dc: 10, d: 12)]
        func team(_ key: String, _ level: RowLevel, _ points: [SeriesPoint]) -> TeamReport {
            TeamReport(team: Team(key: key, name: key, path: ["Org", key]), mode: .storyPoints, level: level,
                       summary: WindowSummary(), series: points)
        }
        let teams = [team("a", .team, [Self.point(0, c: 5, a: 0, dc: 5, d: 20, sprints: 2)]),
                     team("b", .sprint, [Self.point(0, c: 5, a: 0, dc: 5, d: 10), Self.point(3, c: 10, a: 0, dc: 10, d: 12)])]
        let h = try #require(HalfComparison(months, teamsBelow: teams))
        #expect(h.previous.velocity == 10)  // 30 over 3 team-sprints
        #expect(h.recent.velocity == 12)
    }

    @Test func latestPeriodAgainstTrailingMedian() throws {
        var points = (0..<8).map { Self.point($0, c: 20, a: Double($0 % 3), dc: 15 + Double($0 % 2), d: 16) }
        points.append(Self.point(8, c: 24, a: 5, dc: 19, d: 22))
        let c = try #require(LatestPeriod.context(points, noun: "sprint", mode: .storyPoints, id: "x", place: "T"))
        #expect(c.label == "Sprint 9")
        let sentence = c.sentence
        #expect(sentence.hasPrefix("Committed 24 pts, delivered 19 of it (79\u{202F}%; median 78\u{202F}% over the previous 6 sprints)."))
        #expect(sentence.contains("Creep 5 (21\u{202F}% of committed), the highest in 7 sprints."))
        #expect(LatestPeriod.median([3, 1, 2]) == 2)
        #expect(LatestPeriod.median([4, 1, 2, 3]) == 2.5)
        #expect(LatestPeriod.median([]) == nil)
        let single = try #require(LatestPeriod.context([points[0]], noun: "sprint", mode: .storyPoints, id: "y", place: "T"))
        #expect(single.table == nil)
        #expect(c.table?.place == "T")
    }

    @Test func tileIdsAreTheCaseNames() {
        for figure in TileFigure.allCases { #expect(figure.id == "\(figure)") }
    }
}
