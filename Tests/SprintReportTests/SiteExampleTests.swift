import Foundation
import Testing
@testable import SprintReport

/// `site-example/` (the example site and retrospective file the README shows) is what the
/// command line writes from the bundled samples: a golden (`GoldenFiles`) like the others.
@Suite struct SiteExampleTests {
    static let root = GoldenFiles.siteExample

    /// Reads a bundled sample as the command line names it (`site-example/data/NAME`), so the
    /// paths printed in the pages match whatever the current folder is.
    static func report(_ name: String) throws -> Report {
        let shown = "site-example/data/" + name
        var data = try ExportReader.read(paths: [root.appendingPathComponent("data").appendingPathComponent(name).path])
        let actual = data.inputs[0].path
        data.inputs[0].path = shown
        for i in data.findings.indices where data.findings[i].file == actual { data.findings[i].file = shown }
        return Analyzer.analyze(data)
    }

    /// The example site is the command line's
    /// `sprint-report build site-example/data/engineering-org-monthly.csv.gz --from 2026-04-01 --to 2026-06-30 --compare previous`:
    /// the second quarter of 2026 against the first (every team has both) (tiles against the
    /// baseline, movers, the baseline's mean on the team charts). `scripts/regenerate-examples`
    /// regenerates it through this test.
    static let siteWindow = Window(from: Day(year: 2026, month: 4, day: 1), to: Day(year: 2026, month: 6, day: 30))
    static let siteCompare = "previous"

    /// The example site's report and options, as `build` makes them from those arguments.
    static func siteReport() throws -> (Report, BuildOptions) {
        let name = "engineering-org-monthly.csv.gz"
        let shown = "site-example/data/" + name
        var data = try ExportReader.read(paths: [root.appendingPathComponent("data").appendingPathComponent(name).path])
        let actual = data.inputs[0].path
        data.inputs[0].path = shown
        for i in data.findings.indices where data.findings[i].file == actual { data.findings[i].file = shown }
        let baseline = try BaselineWindow(argument: siteCompare).window(for: siteWindow)
        let (report, comparison) = WindowComparison.analyze(data, window: siteWindow, baselineWindow: baseline)
        return (report, BuildOptions(comparison: comparison))
    }

    @Test func siteIsCurrent() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("site")
        let (report, options) = try Self.siteReport()
        try SiteBuilder.writeSite(report, templates: .embedded(), options: options, output: out.path)
        try GoldenFiles.check(out, against: "site", in: Self.root)
    }

    @Test func retroFileIsCurrent() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("retro.html")
        try SingleFileBuilder.write(try Self.report("platform-team-sprints.csv.gz"), templates: .embedded(),
                                    options: BuildOptions(), team: "team_00001", output: out.path)
        try GoldenFiles.check(out, against: "retro-team_00001.html", in: Self.root)
    }
}
