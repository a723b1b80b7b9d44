import Foundation
import Testing
@testable import SprintReport

/// Memory across builds: `summary.json` in every site, and `--previous`.
@Suite struct CompareMemoryTests {
    static let fm = FileManager.default
    static let sample = Fixtures.repository.appendingPathComponent("site-example/data/engineering-org-monthly.csv.gz").path

    // MARK: summary.json

    @Test func siteSummaryIsTheSummaryJSON() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? Self.fm.removeItem(at: dir) }
        let data = try ExportReader.read(paths: [Self.sample])
        let window = Window(from: Day(iso: "2026-07-01")!, to: Day(iso: "2026-12-31")!)
        let (report, comparison) = WindowComparison.analyze(data, window: window,
                                                            baselineWindow: BaselineWindow.previous(of: window)!)
        for (name, c) in [("plain", nil), ("compared", comparison)] as [(String, WindowComparison?)] {
            let out = dir.appendingPathComponent(name)
            try SiteBuilder.writeSite(report, templates: .embedded(), options: BuildOptions(comparison: c), output: out.path)
            let written = try Data(contentsOf: out.appendingPathComponent("summary.json"))
            #expect(String(decoding: written, as: UTF8.self) == SummaryJSON.render(report, comparison: c), "\(name)")
        }
    }

    @Test func siteSummaryEqualsTheBinarysSummary() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? Self.fm.removeItem(at: dir) }
        for options in [[], ["--from", "2026-07-01", "--to", "2026-12-31", "--compare", "previous"],
                        ["--compare", "2026-01-01..2026-03-31"]] {
            let site = dir.appendingPathComponent("site")
            let build = try CompareSupport.run(["build", Self.sample, "--output", site.path, "--force"] + options)
            #expect(build.status == 0, "\(build.err)")
            let summary = try CompareSupport.run(["summary", Self.sample, "--format", "json"] + options)
            #expect(summary.status == 0)
            let written = try String(contentsOf: site.appendingPathComponent("summary.json"), encoding: .utf8)
            #expect(written == summary.out, "\(options)")
            #expect(written.contains("\"baseline\"") == !options.isEmpty)
        }
    }

    // MARK: --previous

    @Test func anEarlierBuildOfTheSameExportSaysNoChangeInInputs() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? Self.fm.removeItem(at: dir) }
        let site = dir.appendingPathComponent("site")
        let report = Analyzer.analyze(try ExportReader.read(paths: [Self.sample]))
        try SiteBuilder.writeSite(report, templates: .embedded(), options: BuildOptions(), output: site.path)
        for path in [site.path, site.appendingPathComponent("summary.json").path] {
            let previous = try PreviousSummary.load(path: path)
            let since = SinceLastReport(previous: previous, current: Analyzer.analyze(try ExportReader.read(paths: [Self.sample])))
            #expect(!since.inputsChanged && !since.windowChanged)
            #expect(since.teamsAdded.isEmpty && since.teamsRemoved.isEmpty && since.bandChanges.isEmpty)
            #expect(since.findingsNew.isEmpty && since.findingsGone.isEmpty)
            #expect(since.nothingChanged)
            #expect(since.previousEnd == Day(iso: "2027-07-31"))  // no window: the last day of its data
            #expect(since.note(forTeam: report.teams[0].team.key) == .bands([]))
            let text = SummaryText.render(report, since: since)
            #expect(text.contains("Since the last report (data to 2027-07-31)"))
            #expect(text.contains("No change in inputs"))
        }
    }

    /// A generated export, and the same with one team removed and another team's rows replaced
    /// by a third team's (so its figures, hence bands, become that team's: every identity still
    /// holds, no finding appears). The pair is chosen so exactly one band differs.
    static func editedExports(in dir: URL) throws -> (original: String, edited: String, removed: String,
                                                      changed: String, figure: BandedFigure, move: BandMove) {
        let csv = String(decoding: SampleGenerator(SampleOptions(teams: 12, sprints: 12, seed: 5)).csv(), as: UTF8.self)
        #expect(!csv.contains("\""), "the edit below splits on commas")
        var lines = csv.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let header = lines.removeFirst().split(separator: ",").map(String.init)
        let (team, id, hierarchy, sprint, sprintId) = (header.firstIndex(of: "Team")!, header.firstIndex(of: "Team_Id")!,
            header.firstIndex(of: "Team_Hierarchy")!, header.firstIndex(of: "Sprint")!, header.firstIndex(of: "Sprint_Id")!)
        let rows = lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let original = dir.appendingPathComponent("original.csv")
        try Data(csv.utf8).write(to: original)
        let report = Analyzer.analyze(try ExportReader.read(paths: [original.path]))
        #expect(report.findings.isEmpty)
        // X takes Y's rows; exactly one band of X differs from Y's.
        var pick: (x: TeamReport, y: TeamReport, figure: BandedFigure)?
        search: for x in report.teams {
            for y in report.teams where y.team.key != x.team.key {
                let differ = BandedFigure.allCases.filter { x.summary.bands[$0] != y.summary.bands[$0] }
                if differ.count == 1, x.summary.bands[differ[0]] != nil, y.summary.bands[differ[0]] != nil {
                    pick = (x, y, differ[0])
                    break search
                }
            }
        }
        let (x, y, figure) = try #require(pick)
        let removed = try #require(report.teams.first { $0.team.key != x.team.key && $0.team.key != y.team.key })
        var edited = [header.joined(separator: ",")]
        for r in rows where r[id] != removed.team.key && r[id] != x.team.key {
            edited.append(r.joined(separator: ","))
        }
        for r in rows where r[id] == y.team.key {
            var c = r
            c[team] = x.team.name
            c[id] = x.team.key
            c[hierarchy] = x.team.pathString
            c[sprint] = r[sprint].replacingOccurrences(of: y.team.name, with: x.team.name)
            c[sprintId] = r[sprintId].replacingOccurrences(of: y.team.key, with: x.team.key)
            edited.append(c.joined(separator: ","))
        }
        let editedURL = dir.appendingPathComponent("edited.csv")
        try Data((edited.joined(separator: "\n") + "\n").utf8).write(to: editedURL)
        return (original.path, editedURL.path, removed.team.key, x.team.key, figure,
                BandMove(from: x.summary.bands[figure]!, to: y.summary.bands[figure]!))
    }

    @Test func anExportWithOneTeamRemovedAndOneBandChangedListsExactlyThose() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? Self.fm.removeItem(at: dir) }
        let e = try Self.editedExports(in: dir)
        let before = Analyzer.analyze(try ExportReader.read(paths: [e.original]))
        let previous = try PreviousSummary.parse(Data(SummaryJSON.render(before).utf8), file: "previous.json")
        let now = Analyzer.analyze(try ExportReader.read(paths: [e.edited]))
        #expect(now.findings.isEmpty)
        let since = SinceLastReport(previous: previous, current: now)
        #expect(since.inputsChanged)
        #expect(!since.windowChanged)
        #expect(since.teamsAdded.isEmpty)
        #expect(since.teamsRemoved.map(\.key) == [e.removed])
        #expect(since.bandChanges.count == 1)
        #expect(since.bandChanges.first?.team.key == e.changed)
        #expect(since.bandChanges.first?.figure == e.figure)
        #expect(since.bandChanges.first?.move == e.move)
        #expect(since.findingsNew.isEmpty && since.findingsGone.isEmpty)
        #expect(since.note(forTeam: e.changed) == .bands(since.bandChanges))
        // Turned around, the removed team is new.
        let back = SinceLastReport(previous: try PreviousSummary.parse(Data(SummaryJSON.render(now).utf8), file: "p"),
                                   current: before)
        #expect(back.teamsAdded.map(\.key) == [e.removed] && back.teamsRemoved.isEmpty)
        #expect(back.note(forTeam: e.removed) == .new)
        #expect(back.bandChanges.map(\.move) == [BandMove(from: e.move.to, to: e.move.from)])
    }

    @Test func findingsAreMatchedWithoutTheirLines() throws {
        let f1 = Finding(kind: .identityMismatch, file: "a.csv", line: 10, team: "Falcon", period: "S1", message: "m1")
        let f2 = Finding(kind: .negativeValue, file: "a.csv", line: 12, team: "Falcon", period: "S2", message: "m2")
        func doc(_ findings: [Finding]) throws -> PreviousSummary {
            let r = Report(window: Window(), coverage: (nil, nil), inputs: [], extraMetrics: [], teams: [], nodes: [],
                           findings: findings, thresholds: .defaults)
            return try PreviousSummary.parse(Data(SummaryJSON.render(r).utf8), file: "p.json")
        }
        var moved = f1
        moved.line = 99
        moved.file = "b.csv"
        let now = Report(window: Window(), coverage: (nil, nil), inputs: [], extraMetrics: [], teams: [], nodes: [],
                         findings: [moved, f1], thresholds: .defaults)
        let since = SinceLastReport(previous: try doc([f1, f2]), current: now)
        #expect(since.findingsGone.map(\.message) == ["m2"])
        #expect(since.findingsNew.map(\.message) == ["m1"])  // the second occurrence of m1
    }

    @Test func publishingInPlaceReadsTheOldSummaryFirst() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? Self.fm.removeItem(at: dir) }
        let e = try Self.editedExports(in: dir)
        let site = dir.appendingPathComponent("site").path
        let first = try CompareSupport.run(["build", e.original, "--output", site])
        #expect(first.status == 0, "\(first.err)")
        let again = try CompareSupport.run(["build", e.edited, "--output", site, "--previous", site])
        #expect(again.status == 0, "\(again.err)")
        let now = try CompareSupport.run(["summary", e.edited, "--format", "json"])
        #expect(try String(contentsOf: URL(fileURLWithPath: site).appendingPathComponent("summary.json"), encoding: .utf8)
            == now.out)
        // The text summary against the first build lists the removed team and the band.
        let site2 = dir.appendingPathComponent("first").path
        _ = try CompareSupport.run(["build", e.original, "--output", site2])
        let text = try CompareSupport.run(["summary", e.edited, "--previous", site2])
        #expect(text.status == 0)
        #expect(text.out.contains("1 team removed: "))
        #expect(text.out.contains("\(e.figure.label): \(e.move.text)"))
        #expect(text.out.contains("The inputs changed"))
        let json = try CompareSupport.run(["summary", e.edited, "--previous", site2, "--format", "json"])
        #expect(json.status == 64)
    }

    // MARK: Reading an earlier report safely

    static func expectError(_ text: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try PreviousSummary.parse(Data(text.utf8), file: "old.json")
            Issue.record("no error for \(text.prefix(40))", sourceLocation: sourceLocation)
        } catch {
            #expect(error.description.hasPrefix("old.json: error: "), sourceLocation: sourceLocation)
            #expect(error.description.contains(message), "\(error.description)", sourceLocation: sourceLocation)
            #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
        }
    }

    @Test func badPreviousDocumentsAreOneLineErrors() throws {
        Self.expectError("", "not valid JSON")
        Self.expectError("{", "not valid JSON")
        Self.expectError("[1, 2]", "expected a JSON object")
        Self.expectError("{}", "it has no schemaVersion")
        Self.expectError(#"{"schemaVersion": "1"}"#, "schemaVersion: expected a whole number")
        Self.expectError(#"{"schemaVersion": 2, "teams": []}"#, "schemaVersion 2 is not the one this sprint-report reads (1)")
        Self.expectError(#"{"schemaVersion": 1}"#, "window: missing")
        let good = SummaryJSON.render(Analyzer.analyze(try ExportReader.read(paths: [Self.sample])))
        #expect(throws: Never.self) { try PreviousSummary.parse(Data(good.utf8), file: "old.json") }
        Self.expectError(good.replacingOccurrences(of: "\"mode\": \"STORY_POINTS\"", with: "\"mode\": \"HOURS\""),
                         "teams[0].mode: unknown mode 'HOURS'")
        Self.expectError(good.replacingOccurrences(of: "\"sayDoPercent\": \"Medium\"", with: "\"sayDoPercent\": \"Great\""),
                         "bands.sayDoPercent: unknown band 'Great'")
        Self.expectError(good.replacingOccurrences(of: "\"key\": \"team_", with: "\"key\": 7, \"x\": \""),
                         "teams[0].key: expected a string")
        Self.expectError(good.replacingOccurrences(of: "\"start\": \"2026-", with: "\"start\": \"26-"),
                         "teams[0].series[0].start: expected a date")
        // Every cut of a valid document is an error, never a crash.
        let bytes = Array(good.utf8)
        for cut in stride(from: 0, to: bytes.count - 2, by: max(1, bytes.count / 97)) {
            #expect(throws: InputError.self) { try PreviousSummary.parse(Data(bytes[..<cut]), file: "old.json") }
        }
    }

    @Test func missingFilesAndFoldersAreOneLineErrors() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? Self.fm.removeItem(at: dir) }
        #expect(throws: InputError.self) { try PreviousSummary.load(path: dir.appendingPathComponent("none").path) }
        do {
            _ = try PreviousSummary.load(path: dir.path)
            Issue.record("a folder without summary.json was read")
        } catch {
            #expect(error.description.contains("has no summary.json"))
        }
        let cli = try CompareSupport.run(["build", Self.sample, "--output", dir.appendingPathComponent("site").path,
                                          "--previous", dir.path])
        #expect(cli.status == 1 && cli.err.hasSuffix("has no summary.json (sites written before it was added have none: "
            + "build that report again, or name a summary JSON file)\n"))
        #expect(!Self.fm.fileExists(atPath: dir.appendingPathComponent("site").path), "nothing written")
    }

    @Test func generationTimeIsReadWhenPresent() throws {
        var text = SummaryJSON.render(Analyzer.analyze(try ExportReader.read(paths: [Self.sample])))
        text = text.replacingOccurrences(of: "\"window\": {\n    \"from\": null,\n    \"to\": null\n  }",
                                         with: "\"generated\": \"2026-04-01T12:00:00Z\",\n  \"window\": {\"from\": \"2026-01-01\", \"to\": \"2026-06-30\"}")
        let previous = try PreviousSummary.parse(Data(text.utf8), file: "p.json")
        #expect(previous.generated == "2026-04-01T12:00:00Z")
        let since = SinceLastReport(previous: previous, current: Analyzer.analyze(try ExportReader.read(paths: [Self.sample])))
        #expect(since.previousEnd == Day(iso: "2026-06-30"))
        #expect(since.windowChanged)
        #expect(SinceLastReportLines.heading(since) == "Since the last report (window to 2026-06-30, generated 2026-04-01T12:00:00Z)")
    }

    @Test func textFromTheEarlierReportIsMadeSafe() throws {
        let hostile = "<script>x</script> \u{1B}[31m|*_`"
        let old = Team(key: "gone", name: hostile, path: ["Org", hostile])
        let r = Report(window: Window(), coverage: (nil, nil), inputs: [], extraMetrics: [],
                       teams: [TeamReport(team: old, mode: .storyPoints, level: .sprint,
                                          summary: WindowSummary(periods: 1), series: [])],
                       nodes: [], findings: [Finding(kind: .unknownColumn, team: hostile, message: hostile)],
                       thresholds: .defaults)
        let previous = try PreviousSummary.parse(Data(SummaryJSON.render(r).utf8), file: "p.json")
        #expect(previous.teams.first?.name == hostile)
        let now = Report(window: Window(), coverage: (nil, nil), inputs: [], extraMetrics: [], teams: [], nodes: [],
                         findings: [], thresholds: .defaults)
        let since = SinceLastReport(previous: previous, current: now)
        #expect(since.teamsRemoved.map(\.name) == [hostile] && since.findingsGone.count == 1)
        let text = SummaryText.render(now, since: since)
        #expect(!text.unicodeScalars.contains("\u{1B}"))
        #expect(text.contains("1 team removed: Org/<script>x</script> ?[31m|*_`."))
        let md = SummaryMarkdown.render(now, since: since)
        #expect(!md.contains("<script>") && md.contains("\\<script\\>x\\</script\\>"))
        #expect(!md.unicodeScalars.contains("\u{1B}"))
    }
}
