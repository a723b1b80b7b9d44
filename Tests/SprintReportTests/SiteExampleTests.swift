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

    @Test func siteIsCurrent() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("site")
        try SiteBuilder.writeSite(try Self.report("engineering-org-monthly.csv.gz"), templates: .embedded(),
                                  options: BuildOptions(), output: out.path)
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
