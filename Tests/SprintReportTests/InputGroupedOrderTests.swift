import Testing
@testable import SprintReport

/// Exports come grouped by team; the reader checks each team's rows when the next team
/// begins (duplicate keys, period order) so that the merge has nothing left to do for it.
/// The result must not depend on that: grouped, shuffled or split over two files, an export
/// gives the same figures for every team and node.
@Suite struct InputGroupedOrderTests {
    static let header = "Team,Team_Hierarchy,Sprint,Start_Date,End_Date,Sprint_Commit,Sprint_Creep,Delivered_Commit,Delivered_Creep"

    /// 40 teams × 7 sprints, grouped by team; some teams list a sprint twice (identical
    /// rows: dropped whatever the order), one lists its sprints out of order.
    static func groupedLines() -> [String] {
        var lines: [String] = []
        for t in 0..<40 {
            var team: [String] = []
            for s in 0..<7 {
                let day = Day(year: 2025, month: 1, day: 6)!.adding(days: 14 * s + t % 5)
                let end = day.adding(days: 13)
                let c = 20 + (t * 7 + s * 3) % 17, a = (t + s) % 6
                let dc = c - (t + 2 * s) % 5, da = a / 2
                team.append("T\(t),Org/G\(t % 3)/T\(t),S\(s),\(day),\(end),\(c),\(a).5,\(dc),\(da)")
            }
            if t % 4 == 1 { team.append(team[2]) }  // an identical duplicate
            if t == 7 { team.swapAt(0, 5) }  // out of period order
            lines += team
        }
        return lines
    }

    /// The teams' and nodes' JSON (no inputs, no findings: those name files and lines).
    static func figures(_ data: DataSet) -> [String] {
        let report = Analyzer.analyze(data)
        return report.teams.map { t in JSONWriter.text { SummaryJSON.team(t, to: &$0) } }
            + report.nodes.map { n in JSONWriter.text { SummaryJSON.node(n, to: &$0) } }
    }

    /// Reads `texts` as files, also returning how many buckets the reader settled.
    static func read(_ texts: [String], chunkSize: Int) throws -> (data: DataSet, settled: Int) {
        let store = RowStore()
        var summaries: [InputSummary] = []
        var extras: [[FileExtra]] = []
        for (i, text) in texts.enumerated() {
            let reader = FileReader(input: .memory(name: "f\(i).csv", bytes: Array(text.utf8)), fileIndex: i,
                                    store: store, chunkSize: chunkSize, limits: .defaults)
            let (summary, fileExtras, _) = try reader.read()
            summaries.append(summary)
            extras.append(fileExtras)
        }
        let settled = store.buckets.filter { $0.settled >= 0 }.count
        return (RowMerger(store: store, inputs: summaries, extras: extras).dataSet(), settled)
    }

    @Test(arguments: [7, 64, 1 << 16])
    func groupedShuffledAndSplitGiveTheSameFigures(chunkSize: Int) throws {
        let lines = Self.groupedLines()
        let grouped = try Self.read([([Self.header] + lines).joined(separator: "\n") + "\n"], chunkSize: chunkSize)
        // Every team but the last is checked when the next begins; the one out of order and
        // those with a duplicate are left to the merge.
        #expect(grouped.settled == 40 - 1 - 1 - 10)
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        var shuffled = lines
        for i in shuffled.indices.reversed() where i > 0 {
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            shuffled.swapAt(i, Int(x >> 33) % (i + 1))
        }
        let mixed = try Self.read([([Self.header] + shuffled).joined(separator: "\n") + "\n"], chunkSize: chunkSize)
        let half = lines.count / 2
        let split = try Self.read([([Self.header] + lines[..<half]).joined(separator: "\n") + "\n",
                                   ([Self.header] + lines[half...]).joined(separator: "\n") + "\n"],
                                  chunkSize: chunkSize)
        let expected = Self.figures(grouped.data)
        #expect(expected.count == 40 + 5)
        #expect(Self.figures(mixed.data) == expected)
        #expect(Self.figures(split.data) == expected)
        #expect(grouped.data.series.map { $0.rows.count } == mixed.data.series.map { $0.rows.count })
        #expect(grouped.data.series.allSatisfy { $0.rows.count == 7 })
    }

    /// A team whose rows come back after another team's (not grouped): its bucket was
    /// settled with fewer rows, so the merge does its work after all.
    @Test func aTeamThatComesBackIsMergedInFull() throws {
        let text = """
        Team,Sprint,Start_Date,Sprint_Commit
        A,S2,2026-01-19,5
        A,S3,2026-02-02,6
        B,S1,2026-01-05,7
        A,S1,2026-01-05,4
        A,S2,2026-01-19,5
        B,S2,2026-01-19,8

        """
        for chunkSize in [5, 1 << 16] {
            let (data, settled) = try Self.read([text], chunkSize: chunkSize)
            #expect(settled == 2)  // A (2 rows) and B (1 row), before either came back
            let a = try #require(data.series.first { $0.team.name == "A" })
            #expect(a.rows.map(\.period.label) == ["S1", "S2", "S3"])  // duplicate dropped, sorted
            #expect(a.rows.map { $0.values[.sprintCommit] } == [4, 5, 6])
            let b = try #require(data.series.first { $0.team.name == "B" })
            #expect(b.rows.map(\.period.label) == ["S1", "S2"])
        }
    }
}
