import Foundation
import Testing
@testable import SprintReport

/// `site-example/` is what the README's regenerate command writes from the bundled samples;
/// this test writes it again and fails on any difference.
@Suite struct SiteExampleTests {
    static let root = Fixtures.repository.appendingPathComponent("site-example")

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

    static func contents(_ url: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: url.path) {
            out[name] = try Data(contentsOf: url.appendingPathComponent(name))
        }
        return out
    }

    @Test func siteIsCurrent() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("site")
        try SiteBuilder.writeSite(try Self.report("engineering-org-monthly.csv.gz"), templates: .embedded(),
                                  options: BuildOptions(), output: out.path)
        let want = try Self.contents(Self.root.appendingPathComponent("site"))
        let got = try Self.contents(out)
        #expect(got.keys.sorted() == want.keys.sorted(), "site-example/site has other files: regenerate it (README)")
        for (name, data) in got where want[name] != data {
            Issue.record("site-example/site/\(name) is out of date: regenerate it (README, section build)")
        }
    }

    @Test func retroFileIsCurrent() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("retro.html")
        try SingleFileBuilder.write(try Self.report("platform-team-sprints.csv.gz"), templates: .embedded(),
                                    options: BuildOptions(), team: "team_00001", output: out.path)
        let want = try Data(contentsOf: Self.root.appendingPathComponent("retro-team_00001.html"))
        #expect(try Data(contentsOf: out) == want, "site-example/retro-team_00001.html is out of date: regenerate it")
    }
}
