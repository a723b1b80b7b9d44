import Testing
@testable import SprintReport

/// The org tree sums on all cores (leaf sums in batches, additions split among tasks by
/// node): each node's figures must be those of its leaves summed one after another, as
/// `Rollup(teams:)` does, bit for bit, whatever the shape of the tree.
@Suite struct AnalysisOrgTreeSplitTests {
    /// `count` teams on paths of 1–4 levels below `Org` (uneven fan-out, some paths sharing
    /// their parent, a few with own rows at a node), with amounts that do not add up exactly
    /// in floating point (so any change of order would show).
    static func teams(_ count: Int) -> [TeamSeries] {
        var x: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ n: Int) -> Int {
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(x >> 33) % n
        }
        var out: [TeamSeries] = []
        for t in 0..<count {
            var path = ["Org"]
            for level in 0..<(1 + next(3)) { path.append("G\(level)-\(next(level == 0 ? 3 : 5))") }
            path.append("T\(t)")
            let rows = (0..<(1 + next(9))).map { i in
                let end = Day(year: 2025 + next(2), month: 1 + next(12), day: 1 + next(28))!
                return TestData.row("S\(i)", end: end.description,
                                    [.totalWorkDelivered: Double(next(9_000)) / 7, .sprintCommit: Double(next(900)) / 3],
                                    line: t * 10 + i + 2)
            }
            out.append(TestData.series("T\(t)", path: path, rows))
        }
        // Own rows at two nodes: they are not leaves, and their nodes are not rolled up.
        let own = TestData.row("Own", end: "2025-06-30", [.totalWorkDelivered: 5, .sprintCommit: 6], line: 1)
        out.append(TestData.series("G0-1", path: ["Org", "G0-1"], [own]))
        out.append(TestData.series("G0-2", path: ["Org", "G0-2"], [own]))
        return out
    }

    @Test(arguments: [5, 300, 2_500])
    func rolledUpNodesAreTheirLeavesSummedInOrder(count: Int) {
        let series = Self.teams(count)  // in no path order: the tree must not rely on one
        var input: [String: Int] = [:]
        for (i, s) in series.enumerated() { input[s.team.key] = i }
        let report = Analyzer.analyze(TestData.dataSet(series))
        #expect(report.nodes.count > 3)
        var checked = 0
        for node in report.nodes where node.rolledUp {
            // The leaves below, in input order (the order the sums are defined in).
            let leaves = report.teams.filter { node.path.isEmpty || $0.team.path.starts(with: node.path) }
                .sorted { input[$0.team.key, default: 0] < input[$1.team.key, default: 0] }
            #expect(node.teams == leaves.count, "\(node.pathString)")
            let plain = Rollup(teams: leaves)
            #expect(node.series.count == plain.months.count, "\(node.pathString)")
            for (a, b) in zip(node.series, plain.months) {
                #expect(a.period.label == b.period.label)
                for m in Metric.allCases {
                    #expect(a.values[m]?.bitPattern == b.values[m]?.bitPattern, "\(node.pathString) \(m)")
                }
                #expect(a.rolling?.bitPattern == b.rolling?.bitPattern)
            }
            let s = node.summary, p = plain.summary(thresholds: report.thresholds)
            #expect(s.velocity?.bitPattern == p.velocity?.bitPattern && s.periods == p.periods)
            checked += 1
        }
        #expect(checked > 3)
        // Children: each node's direct children once, in path order.
        for node in report.nodes {
            #expect(node.children == node.children.sorted(by: PathOrder.precedes))
            #expect(Set(node.children).count == node.children.count)
            for c in node.children { #expect(Array(c.dropLast()) == node.path) }
        }
        #expect(!report.nodes.contains { $0.pathString == "Org/G0-1" && $0.rolledUp })
    }
}

/// `MonthlySums` finds a row's month by stepping on from the month before when it can
/// (periods in order mostly go on to the next month); the definition is the calendar month
/// of the row's end (else start) day. Days across year ends, leap Februaries, month ends and
/// firsts, gaps of several months and rows before the previous month.
@Suite struct AnalysisMonthlySumsTests {
    @Test func monthsAreTheCalendarMonthsOfTheDays() {
        let steps = [0, 1, 30, 31, 29, 28, 1, 59, 14, 14, 14, 17, 366, -400, 1, 27, 31, 92, 1, 1, 0, 45, -3, 20, 61, 1]
        var day = Day(year: 2023, month: 11, day: 30)!
        var rows: [PeriodRow] = []
        for (i, step) in steps.enumerated() {
            day = day.adding(days: step)
            rows.append(TestData.row("S\(i)", end: day.description,
                                     [.totalWorkDelivered: Double(i * 7 + 1) / 3, .sprintCommit: Double(i) / 7],
                                     line: i + 2))
        }
        let report = Analyzer.analyze(TestData.dataSet([TestData.series("T", rows)]))
        let team = report.teams[0]
        let sums = MonthlySums(team: team)
        // The definition: each point added to the month of its day, in point order.
        var starts: [Day] = [], plain: [MetricValues] = []
        func add<P: WindowRow>(_ points: [P]) {
            for p in points {
                guard let d = p.period.alignmentDay else { continue }
                let c = d.components
                let start = Day(year: c.year, month: c.month, day: 1)!
                if starts.firstIndex(of: start) == nil { starts.append(start); plain.append(MetricValues()) }
                let k = starts.firstIndex(of: start)!
                for m in Metric.additive { if let v = p.values[m] { plain[k][m] = (plain[k][m] ?? 0) + v } }
            }
        }
        switch team.points {
        case let .rows(r): add(r)
        case let .points(p): add(p)
        }
        #expect(starts.count > 12)
        #expect(Set(sums.starts) == Set(starts) && sums.starts.count == starts.count)
        let got = sums.sums
        for (k, start) in starts.enumerated() {
            guard let j = sums.starts.firstIndex(of: start) else { continue }
            for m in Metric.additive {
                #expect(got[j][m]?.bitPattern == plain[k][m]?.bitPattern, "\(start) \(m)")
            }
        }
        #expect(sums.teamPeriods == steps.count)
        #expect(MonthlySums.width == Metric.additive.count)
        // Sums added to sums: each month's, metric by metric, as one running sum of the
        // points of both (the same points twice: each month's values added again in order).
        var twice = sums
        twice.add(sums)
        var again = MonthlySums()
        again.add(sums)
        again.add(sums)
        for (k, start) in starts.enumerated() {
            guard let j = twice.starts.firstIndex(of: start), let i = again.starts.firstIndex(of: start) else {
                Issue.record("\(start) missing")
                continue
            }
            for m in Metric.additive {
                let plus = plain[k][m].map { x in x + x }  // a month's sum added to itself
                #expect(twice.sums[j][m]?.bitPattern == plus?.bitPattern, "\(start) \(m)")
                #expect(again.sums[i][m]?.bitPattern == plus?.bitPattern, "\(start) \(m)")
                #expect(twice.slots(j)[m]?.bitPattern == plus?.bitPattern)
            }
            for m in Metric.allCases where !m.isAdditive { #expect(twice.slots(j)[m] == nil) }
        }
        #expect(twice.teamPeriods == 2 * steps.count)
        // Refilled sums (an org tree's reused leaf sums) are the team's, whatever they held.
        var refilled = twice
        refilled.refill(team.points, level: team.level)
        #expect(refilled.starts == sums.starts && refilled.teamPeriods == sums.teamPeriods)
        #expect(refilled.teamSprints == sums.teamSprints && refilled.delivered == sums.delivered)
        #expect(zip(refilled.sums, sums.sums).allSatisfy { $0 == $1 } && refilled.sums.count == sums.sums.count)
        #expect(twice.delivered?.bitPattern == sums.delivered.map { $0 + $0 }?.bitPattern)
    }
}
