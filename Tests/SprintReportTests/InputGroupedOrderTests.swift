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

    /// `figures` over `window`, with the findings' text (one file: their names agree).
    static func figures(_ data: DataSet, window: Window) -> [String] {
        let report = Analyzer.analyze(data, window: window)
        return report.teams.map { t in JSONWriter.text { SummaryJSON.team(t, to: &$0) } }
            + report.nodes.map { n in JSONWriter.text { SummaryJSON.node(n, to: &$0) } }
            + report.findings.map { "\($0.file ?? ""):\($0.line ?? 0) \($0.kind.rawValue) \($0.message)" }
    }

    /// Reads `texts` as files, also returning how many buckets the reader settled.
    static func read(_ texts: [String], chunkSize: Int) throws -> (data: DataSet, settled: Int) {
        let r = try read(texts, chunkSize: chunkSize, early: nil)
        return (r.data, r.settled)
    }

    /// `read`, with teams analysed as their rows end when `early` is given (as `ExportReader`
    /// does for one file: here for any number, to see the merge give the rows back), also
    /// returning how many buckets held an early analysis when reading ended.
    static func read(_ texts: [String], chunkSize: Int, early: Window?) throws
        -> (data: DataSet, settled: Int, early: Int) {
        let store = RowStore()
        if let early {
            store.early = EarlyAnalysis.Setting(window: early, thresholds: .defaults,
                                                files: texts.indices.map { "f\($0).csv" })
            store.analysesAtOnce = true
        }
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
        let analysed = store.buckets.filter { $0.early != nil }.count
        return (RowMerger(store: store, inputs: summaries, extras: extras).dataSet(), settled, analysed)
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

    static let windows = [Window(), Window(from: Day(year: 2025, month: 2, day: 1), to: Day(year: 2025, month: 3, day: 31))]

    static func shuffle(_ lines: [String]) -> [String] {
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        var shuffled = lines
        for i in shuffled.indices.reversed() where i > 0 {
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            shuffled.swapAt(i, Int(x >> 33) % (i + 1))
        }
        return shuffled
    }

    /// Teams analysed as their rows end (`EarlyAnalysis`) give the figures and findings of
    /// the analysis after reading: grouped (most teams analysed early), shuffled (teams come
    /// back: their rows given back), split over two files (given back by the merge), any
    /// chunk size, with and without a window, and analysed with another window than the
    /// early one (rows given back by the analysis).
    @Test(arguments: [7, 64, 1 << 16])
    func teamsAnalysedEarlyGiveTheSameFigures(chunkSize: Int) throws {
        let lines = Self.groupedLines()
        let one = ([Self.header] + lines).joined(separator: "\n") + "\n"
        let mixed = ([Self.header] + Self.shuffle(lines)).joined(separator: "\n") + "\n"
        let half = lines.count / 2
        let split = [([Self.header] + lines[..<half]).joined(separator: "\n") + "\n",
                     ([Self.header] + lines[half...]).joined(separator: "\n") + "\n"]
        for window in Self.windows {
            let expected = Self.figures(try Self.read([one], chunkSize: chunkSize, early: nil).data, window: window)
            #expect(expected.count >= 40 + 5)  // teams, nodes, findings
            let grouped = try Self.read([one], chunkSize: chunkSize, early: window)
            #expect(grouped.early == 40 - 1 - 1 - 10)  // the settled ones
            #expect(Self.figures(grouped.data, window: window) == expected)
            for other in Self.windows where other != window {
                let elsewhere = try Self.read([one], chunkSize: chunkSize, early: other)
                #expect(elsewhere.early == 28)
                #expect(Self.figures(elsewhere.data, window: window) == expected)
            }
            // As `summary` reads: teams analysed only while the mapping thread would wait.
            let options = ReadOptions(analysis: ReadOptions.Analysis(window: window, thresholds: .defaults))
            let idle = try ExportReader.read(contents: [("f0.csv", Array(one.utf8))], chunkSize: chunkSize,
                                             options: options)
            #expect(Self.figures(idle, window: window) == expected)
            let shuffled = try Self.read([mixed], chunkSize: chunkSize, early: window)
            let plainShuffled = try Self.read([mixed], chunkSize: chunkSize, early: nil)
            #expect(Self.figures(shuffled.data, window: window) == Self.figures(plainShuffled.data, window: window))
            let twoFiles = try Self.read(split, chunkSize: chunkSize, early: window)
            #expect(twoFiles.early > 0)
            let plainTwo = try Self.read(split, chunkSize: chunkSize, early: nil)
            #expect(Self.figures(twoFiles.data, window: window) == Self.figures(plainTwo.data, window: window))
            #expect(twoFiles.data.series.allSatisfy { $0.early == nil && $0.rows.count == 7 })
        }
    }

    /// A team analysed when its rows ended and coming back later (the same file, more rows;
    /// then under another name) gets its rows back exactly as read, then merged in full.
    @Test func aTeamComingBackAfterItsEarlyAnalysisGetsItsRowsBack() throws {
        let text = """
        Team_Id,Team,Sprint,Start_Date,Sprint_Commit,Sprint_Creep,Delivered_Commit,Delivered_Creep
        1,A,S2,2026-01-19,5,1,4,1
        1,A,S3,2026-02-02,6,2,3.5,1
        2,B,S1,2026-01-05,7,0,7,0
        2,B,S2,2026-01-19,8,1,2,0
        3,C,S1,2026-01-05,9,1,8,1
        1,A,S1,2026-01-05,4,1,1,0
        1,A,S2,2026-01-19,5,1,4,1
        2,B,S3,2026-02-02,3,3,1,1
        3,C2,,,,,,
        4,D,S1,2026-01-05,3,0,3,0

        """
        let window = Window(from: Day(year: 2026, month: 1, day: 10), to: nil)
        for w in [Window(), window] {
            for chunkSize in [5, 1 << 16] {
                let plain = try Self.read([text], chunkSize: chunkSize, early: nil)
                let early = try Self.read([text], chunkSize: chunkSize, early: w)
                // A, B and C were analysed when their rows ended; A and B came back (given back
                // then); C came back renamed in a record without a period (skipped): its rows
                // are given back by the merge; D's rows never ended.
                #expect(early.early == 1)
                #expect(Self.figures(early.data, window: w) == Self.figures(plain.data, window: w))
                let a = try #require(early.data.series.first { $0.team.key == "1" })
                #expect(a.early == nil)
                #expect(a.rows.map(\.period.label) == ["S1", "S2", "S3"])
                #expect(a.rows.map { $0.values[.sprintCommit] } == [4, 5, 6])
                #expect(a.rows.allSatisfy { $0.derived.isEmpty && $0.values[.sprintSize] == nil })
            }
        }
    }

    /// `EarlyAnalysis.rows()` gives back every row exactly as read, in order, whatever the
    /// window dropped and whatever values the analysis derived.
    @Test(arguments: [0, 1, 2])
    func earlyAnalysisGivesTheRowsBackAsRead(windowIndex: Int) throws {
        let windows = Self.windows + [Window(from: Day(year: 2030, month: 1, day: 1), to: nil)]  // keeps none
        let text = ([Self.header] + Self.groupedLines().prefix(7)).joined(separator: "\n") + "\n"
        let data = try Self.read([text], chunkSize: 1 << 16, early: nil).data
        var series = try #require(data.series.first)
        let before = series.rows
        let setting = EarlyAnalysis.Setting(window: windows[windowIndex], thresholds: .defaults, files: ["f0.csv"])
        let early = try #require(EarlyAnalysis.make(&series, setting: setting))
        #expect(series.rows.isEmpty)
        #expect((early.report == nil) == (windowIndex == 2))
        if let report = early.report, case let .rows(kept) = report.points {
            #expect(kept.contains { !$0.derived.isEmpty })  // the analysis did derive values
        }
        let after = early.rows()
        #expect(after.count == before.count)
        for (x, y) in zip(after, before) {
            #expect(x.values == y.values && x.derived == y.derived && x.source == y.source)
            #expect(x.period.sequence == y.period.sequence && x.period.label == y.period.label)
        }
    }
}
