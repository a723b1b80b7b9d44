import Foundation
import Testing
@testable import SprintReport

/// `--team` by id, name or path (`TeamDirectory`), and the team list of `inspect`.
@Suite struct TeamDirectoryTests {
    static let teams = [
        Team(key: "team_00121", name: "Gannet", path: ["Engineering", "Platform", "Gannet"]),
        Team(key: "team_00007", name: "Ibex", path: ["Engineering", "Platform", "Ibex"]),
        Team(key: "team_00300", name: "Ibex", path: ["Engineering", "Mobile", "Ibex"]),
        Team(key: "team_00400", name: "Wren", path: ["Engineering", "Mobile", "Wren"], otherNames: ["Kestrel"]),
        // A name that is another team's id: the id wins.
        Team(key: "team_00500", name: "team_00007", path: ["Engineering", "Odd"]),
    ]
    let directory = TeamDirectory(teams: Self.teams)

    func key(_ query: String) -> String? { try? directory.lookup(query).key }

    @Test func findsByIdNamePathAndPathEnd() {
        #expect(key("team_00121") == "team_00121")
        #expect(key("TEAM_00121") == "team_00121")
        #expect(key("Gannet") == "team_00121")
        #expect(key("gannet") == "team_00121")
        #expect(key("  Gannet ") == "team_00121")
        #expect(key("Engineering/Platform/Gannet") == "team_00121")
        #expect(key("engineering / platform / gannet/") == "team_00121")
        #expect(key("Platform/Ibex") == "team_00007")
        #expect(key("mobile/ibex") == "team_00300")
        #expect(key("team_00007") == "team_00007")
    }

    @Test func aRenamedTeamIsFoundByItsEarlierName() {
        #expect(key("Kestrel") == "team_00400")
        #expect(key("wren") == "team_00400")
    }

    @Test func anAmbiguousNameListsEveryMatchWithIdNameAndPath() {
        #expect(throws: TeamDirectory.LookupError.ambiguous(query: "ibex", matches: [Self.teams[1], Self.teams[2]])) {
            try directory.lookup("ibex")
        }
        let text = TeamDirectory.LookupError.ambiguous(query: "ibex", matches: [Self.teams[1], Self.teams[2]]).description
        #expect(text == """
            'ibex' names 2 teams; give the id or the path of one:
              team_00007  Ibex  Engineering/Platform/Ibex
              team_00300  Ibex  Engineering/Mobile/Ibex
            """)
    }

    @Test func noMatchNamesTheTeamsThatContainTheQuery() {
        do {
            _ = try directory.lookup("platform")
            Issue.record("'platform' is a node, not a team")
        } catch {
            guard case let .none(_, near, total) = error else { Issue.record("\(error)"); return }
            #expect(near.map(\.key) == ["team_00121", "team_00007"])
            #expect(total == 5)
            #expect(error.description.contains("team_00121  Gannet  Engineering/Platform/Gannet"))
        }
        do {
            _ = try directory.lookup("zzz")
        } catch {
            #expect(error.description == "no team is named 'zzz' (by id, name or path); the input has 5 teams: `sprint-report inspect FILE` lists them")
        }
    }

    @Test func theQueryAndTeamNamesAreCleanedForTheTerminal() {
        let d = TeamDirectory(teams: [Team(key: "t\u{1B}[31m", name: "A\u{7}", path: ["A\u{7}"])])
        let text = TeamDirectory.LookupError.none(query: "\u{1B}[2J", near: [], total: 1).description
        #expect(!text.contains("\u{1B}"))
        #expect(!d.listing.joined().contains("\u{1B}") && !d.listing.joined().contains("\u{7}"))
    }

    @Test func listingHasOneAlignedLinePerTeamWithItsPeriods() throws {
        let data = try InputKit.read("""
            Team_Id,Team,Team_Hierarchy,Sprint,Sprint_Commit_story_points,Sprint_Commit_tickets
            t1,Falcon,Eng/Platform/Falcon,S1,5,2
            t1,Falcon,Eng/Platform/Falcon,S2,6,3
            t22,Ox,Eng/Ox,S1,1,1
            """)
        // Two modes of t1 are one team with two periods; teams in path order, as everywhere.
        #expect(TeamDirectory(data.series).listing == [
            "id   name    path                 periods",
            "t22  Ox      Eng/Ox               1",
            "t1   Falcon  Eng/Platform/Falcon  2",
        ])
    }
}

/// `--mode`: the mode of files that name none; a file's own mode stays, a contradiction is an error.
@Suite struct ReadModeTests {
    static let plain = "Team,Sprint,Sprint_Commit\nA,S1,5\n"

    @Test func aFileWithoutAModeTakesTheOption() throws {
        #expect(try InputKit.read(Self.plain).only.mode == .storyPoints)
        let path = InputKit.file(Self.plain)
        #expect(try ExportReader.read(paths: [path], options: ReadOptions(mode: .tickets)).only.mode == .tickets)
        #expect(try ExportReader.read(paths: [path], options: ReadOptions(mode: .storyPoints)).only.mode == .storyPoints)
    }

    @Test func aFileThatNamesTheSameModeKeepsIt() throws {
        let modeColumn = InputKit.file("Team,Sprint,Mode,Sprint_Commit\nA,S1,Work Item Count,5\n")
        let suffixed = InputKit.file("Team,Sprint,Sprint_Commit_tickets\nA,S1,5\n")
        let long = InputKit.file("Team,Sprint,Metric,Value\nA,S1,Sprint_Commit_tickets,5\n")
        for p in [modeColumn, suffixed, long] {
            let d = try ExportReader.read(paths: [p], options: ReadOptions(mode: .tickets))
            #expect(d.series.map(\.mode) == [.tickets], "\(p)")
            #expect(try ExportReader.read(paths: [p]).series.map(\.mode) == [.tickets], "\(p)")
        }
    }

    @Test func aFileThatNamesAnotherModeIsAnErrorNamingFileLineAndColumn() {
        func error(_ text: String, _ mode: ComputationMode) -> String {
            let p = InputKit.file(text, name: "x.csv")
            do {
                _ = try ExportReader.read(paths: [p], options: ReadOptions(mode: mode))
                return "no error"
            } catch let e as InputErrors {
                return e.description.replacingOccurrences(of: p, with: "F")
            } catch {
                return "\(error)"
            }
        }
        #expect(error("Team,Sprint,Mode,Sprint_Commit\nA,S1,,4\nA,S2,points,5\n", .tickets)
            == "F:3: error: column 'Mode' says STORY_POINTS, but --mode says TICKETS: leave --mode out for a file that names its mode")
        #expect(error("Team,Sprint,Sprint_Commit_tickets,Sprint_Creep\nA,S1,5,1\n", .storyPoints)
            == "F:1: error: column 'Sprint_Commit_tickets' says TICKETS, but --mode says STORY_POINTS: leave --mode out for a file that names its mode")
        #expect(error("Team,Sprint,Metric,Value\nA,S1,Sprint_Commit,5\nA,S1,Sprint_Creep_story_points,1\n", .tickets)
            == "F:3: error: metric 'Sprint_Creep_story_points' says STORY_POINTS, but --mode says TICKETS: leave --mode out for a file that names its mode")
        // Both modes side by side name the other one too.
        #expect(error("Team,Sprint,Sprint_Commit_sp,Sprint_Commit_tickets\nA,S1,5,1\n", .tickets).hasPrefix("F:1: error: column 'Sprint_Commit_sp' says STORY_POINTS"))
    }

    @Test func anEmptyModeCellTakesTheOption() throws {
        let p = InputKit.file("Team,Sprint,Mode,Sprint_Commit\nA,S1,,4\n")
        #expect(try ExportReader.read(paths: [p], options: ReadOptions(mode: .tickets)).only.mode == .tickets)
    }
}

/// A team id met under another name in another file: shown under its latest period's name.
@Suite struct RenamedTeamTests {
    static let january = """
        Team_Id,Team,Team_Hierarchy,Period,Sprint_Commit,Delivered_Commit
        t1,Falcon,Eng/Falcon,2026-01,10,8
        t1,Falcon,Eng/Falcon,2026-02,10,9
        t2,Heron,Eng/Heron,2026-01,5,5
        """
    static let march = """
        Team_Id,Team,Team_Hierarchy,Period,Sprint_Commit,Delivered_Commit
        t2,Heron,Eng/Heron,2026-02,5,4
        t1,Gannet,Eng/Gannet,2026-03,12,12
        """

    @Test func theLatestPeriodsNameWinsInEitherFileOrder() throws {
        let a = InputKit.file(Self.january, name: "jan.csv"), b = InputKit.file(Self.march, name: "mar.csv")
        for paths in [[a, b], [b, a]] {
            let d = try ExportReader.read(paths: paths)
            let t1 = try #require(d.series.first { $0.team.key == "t1" })
            #expect(t1.team.name == "Gannet")
            #expect(t1.team.path == ["Eng", "Gannet"])
            #expect(t1.team.otherNames == ["Falcon"])
            #expect(t1.rows.count == 3)
            let renamed = d.findings.filter { $0.kind == .teamRenamed }
            #expect(renamed.count == 1)
            let f = try #require(renamed.first)
            #expect(f.severity == .info)
            #expect(f.file == b && f.line == 3 && f.team == "Gannet" && f.period == "2026-03")
            #expect(f.message == "team id 't1' is also named 'Falcon' in \(a); shown under its name in its latest period")
            // An unchanged team says nothing.
            #expect(d.series.first { $0.team.key == "t2" }?.team.otherNames == [])
        }
    }

    @Test func anEarlierFileWithTheLatestPeriodKeepsItsName() throws {
        // The file read later holds older periods: the name of the newest period still wins.
        let newer = InputKit.file("Team_Id,Team,Period,Sprint_Commit\nt1,New,2026-05,1\n")
        let older = InputKit.file("Team_Id,Team,Period,Sprint_Commit\nt1,Old,2026-01,1\n")
        let d = try ExportReader.read(paths: [newer, older])
        #expect(d.only.team.name == "New")
        #expect(d.only.team.otherNames == ["Old"])
    }

    @Test func aMovedTeamTakesItsLatestPathWithoutAFinding() throws {
        let a = InputKit.file("Team_Id,Team,Team_Hierarchy,Period,Sprint_Commit\nt1,Ox,Eng/A/Ox,2026-01,1\n")
        let b = InputKit.file("Team_Id,Team,Team_Hierarchy,Period,Sprint_Commit\nt1,Ox,Eng/B/Ox,2026-02,1\n")
        let d = try ExportReader.read(paths: [a, b])
        #expect(d.only.team.path == ["Eng", "B", "Ox"])
        #expect(d.only.team.otherNames.isEmpty)
        #expect(!d.findings.contains { $0.kind == .teamRenamed })
    }

    @Test func theSummaryMentionsTheOtherName() throws {
        let d = try ExportReader.read(paths: [InputKit.file(Self.january, name: "jan.csv"),
                                              InputKit.file(Self.march, name: "mar.csv")])
        let text = SummaryText.render(Analyzer.analyze(d))
        #expect(text.contains("team-renamed: Gannet, 2026-03: team id 't1' is also named 'Falcon'"))
        #expect(text.contains("  Eng/Gannet  "))
        #expect(!text.contains("Eng/Falcon"))
    }
}

/// The gate's reason: counts, the first few figures by name, the rest counted.
@Suite struct GateReasonTests {
    /// `n` teams of one period each: say/do 50 %, scope creep 50 %, delivered 40 %: three Lows.
    static func report(teams n: Int) -> Report {
        let series = (0..<n).map { i in
            TestData.series("T\(i)", path: ["Eng", "T\(i)"],
                            TestData.rows([[.sprintCommit: 100, .deliveredCommit: 50, .sprintCreep: 50, .deliveredCreep: 10]]))
        }
        return Analyzer.analyze(TestData.dataSet(series))
    }

    @Test func manyFiguresGiveOneShortLine() throws {
        let r = Self.report(teams: 200)
        let tripping = r.teams.reduce(0) { n, t in n + t.summary.bands.values.filter { $0 > .high }.count }
        #expect(tripping >= 400)
        let reason = try #require(SummaryGate(failOnBand: .high).failure(r))
        #expect(reason.hasPrefix("\(tripping) banded figures of 200 teams below High: Eng/T0 (story points) "))
        #expect(reason.hasSuffix("; … and \(tripping - SummaryGate.named) more: see the summary"))
        #expect(reason.components(separatedBy: " is ").count - 1 == SummaryGate.named)
        #expect(reason.utf8.count < 600)
        #expect(!reason.contains("\n"))
    }

    @Test func fewFiguresAreAllNamedWithoutATail() throws {
        let r = Self.report(teams: 1)
        let reason = try #require(SummaryGate(failOnBand: .high).failure(r))
        #expect(reason == "3 banded figures of 1 team below High: Eng/T0 (story points) say/do % is Low; "
            + "Eng/T0 (story points) scope creep % is Low; Eng/T0 (story points) delivered % is Low")
        #expect(!reason.contains("more"))
    }
}

/// Colour in the text summary: only on a terminal, never with NO_COLOR or TERM=dumb.
@Suite struct SummaryColourTests {
    @Test func colourOnlyOnATerminal() {
        #expect(TerminalColour.enabled(isTerminal: true, environment: [:]))
        #expect(TerminalColour.enabled(isTerminal: true, environment: ["TERM": "xterm-256color", "NO_COLOR": ""]))
        #expect(!TerminalColour.enabled(isTerminal: false, environment: ["TERM": "xterm-256color"]))
        #expect(!TerminalColour.enabled(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(!TerminalColour.enabled(isTerminal: true, environment: ["TERM": "dumb"]))
    }

    @Test func colouredBandsKeepTheColumnsOfThePlainText() {
        let r = OutputJSONTests.report()  // bands Low, Low, Low, Elite
        let plain = SummaryText.render(r)
        let coloured = SummaryText.render(r, colour: true)
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("\u{1B}[31mLow\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[32mElite\u{1B}[0m"))
        let stripped = coloured.replacingOccurrences(of: #"\x1B\[[0-9]+m"#, with: "", options: .regularExpression)
        #expect(stripped == plain)
        // The headers' "band" and the threshold lines stay plain.
        #expect(!coloured.contains("\u{1B}[0mband"))
    }
}

/// `build`'s closing line and progress line.
@Suite struct BuildLinesTests {
    @Test func closingLine() {
        #expect(BuildReceipt(pages: 2343, bytes: 129_400_000, output: "site", seconds: 6.14).line(folder: true)
            == "wrote 2,343 pages, 129 MB, to site/ in 6.1 s")
        #expect(BuildReceipt(pages: 1, bytes: 56_321, output: "out/r.html", seconds: 0.04).line(folder: false)
            == "wrote 1 page, 56 kB, to out/r.html in 0.04 s")
        #expect(BuildReceipt(pages: 1, bytes: 56_321, output: "r.html", seconds: 0.996).line(folder: false)
            == "wrote 1 page, 56 kB, to r.html in 1.0 s")
        #expect(BuildReceipt(pages: 3, bytes: 999, output: "s/", seconds: 1).line(folder: true)
            == "wrote 3 pages, 999 bytes, to s/ in 1.0 s")
    }

    /// Pages and bytes counted on the disk: every file below the folder (subfolders too),
    /// pages by their `.html` name; a single file is one page.
    @Test func measuresWhatIsOnTheDisk() throws {
        let url = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: url) }
        let dir = url.path, site = dir + "/site"
        try FileManager.default.createDirectory(atPath: site + "/sub", withIntermediateDirectories: true)
        try Data(count: 100).write(to: URL(fileURLWithPath: site + "/a.html"))
        try Data(count: 20).write(to: URL(fileURLWithPath: site + "/sub/b.html"))
        try Data(count: 3).write(to: URL(fileURLWithPath: site + "/style.css"))
        let receipt = BuildReceipt.measure(site, seconds: 1)
        #expect(receipt.pages == 2)
        #expect(receipt.bytes == 123)
        let file = BuildReceipt.measure(site + "/a.html", seconds: 1)
        #expect(file.pages == 1 && file.bytes == 100)
        #expect(BuildReceipt.measure(dir + "/none", seconds: 1).pages == 0)
    }

    @Test func sizes() {
        #expect(BuildReceipt.size(1) == "1 byte")
        #expect(BuildReceipt.size(1000) == "1.0 kB")
        #expect(BuildReceipt.size(9_949) == "9.9 kB")
        #expect(BuildReceipt.size(9_950) == "10 kB")
        #expect(BuildReceipt.size(999_499) == "999 kB")
        #expect(BuildReceipt.size(999_500) == "1.0 MB")
        #expect(BuildReceipt.size(2_500_000_000) == "2.5 GB")
    }

    @Test func measuresAFolderAndAFile() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(count: 100).write(to: dir.appendingPathComponent("index.html"))
        try Data(count: 50).write(to: dir.appendingPathComponent("team-a.html"))
        try Data(count: 7).write(to: dir.appendingPathComponent("style.css"))
        let site = BuildReceipt.measure(dir.path, seconds: 1)
        #expect(site.pages == 2 && site.bytes == 157)
        let file = BuildReceipt.measure(dir.appendingPathComponent("index.html").path, seconds: 1)
        #expect(file.pages == 1 && file.bytes == 100)
    }

    @Test func progressLine() {
        let p = BuildProgress()
        #expect(p.line(elapsed: 1.26) == "sprint-report: reading (1.3 s)")
        p.begin("writing pages", total: 2343)
        for _ in 0..<1200 { p.advance() }
        #expect(p.line(elapsed: 3.4) == "sprint-report: writing pages 1,200 of 2,343 (3.4 s)")
    }

    @Test func tickerDrawsInPlaceAndWipesTheLineWhenStopped() {
        final class Lines: @unchecked Sendable {
            let lock = NSLock()
            var all: [String] = []
            let first = DispatchSemaphore(value: 0)
        }
        let lines = Lines()
        let progress = BuildProgress()
        progress.begin("writing pages", total: 3)
        progress.advance()
        let ticker = ProgressTicker(progress, delay: 0, interval: 0.01) { s in
            lines.lock.lock()
            lines.all.append(s)
            let n = lines.all.count
            lines.lock.unlock()
            if n == 1 { lines.first.signal() }
        }
        ticker.run()
        lines.first.wait()
        ticker.stop()
        lines.lock.lock()
        defer { lines.lock.unlock() }
        #expect(lines.all.first?.hasPrefix("\r\u{1B}[Ksprint-report: writing pages 1 of 3 (") == true)
        #expect(lines.all.last == "\r\u{1B}[K")
    }
}
