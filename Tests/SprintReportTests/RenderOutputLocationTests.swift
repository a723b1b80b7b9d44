import Foundation
import Testing
@testable import SprintReport

/// The writing side of `build` in the library: paths resolved as the system uses them, the
/// swap into place (and its two-rename fallback), cleanup after a failed fill, and the org
/// index that keeps pages from scanning the whole report.
@Suite struct RenderOutputLocationTests {
    let fm = FileManager.default

    @Test func pathsResolveThroughLinksAndDotDot() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? fm.removeItem(at: dir) }
        let real = try #require(FileSystem.realPath(dir.path))
        try fm.createDirectory(at: dir.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("l").path, withDestinationPath: "a/b")
        #expect(try OutputPath.resolve(dir.path + "/l/site", singleFile: false).resolved == real + "/a/b/site")
        #expect(try OutputPath.resolve(dir.path + "/l/../x", singleFile: false).resolved == real + "/a/x",
                "`..` after a link goes up from where the link points, as the system does")
        #expect(try OutputPath.resolve(dir.path + "/a/./b//new/deeper", singleFile: false).resolved
                == real + "/a/b/new/deeper")
        #expect(throws: OutputError.self) { try OutputPath.resolve(dir.path + "/new/../x", singleFile: false) }
        let out = try OutputPath.resolve(dir.path + "/a/site/", singleFile: false)
        #expect(out.parent == real + "/a")
        #expect(out.name == "site")
        #expect(out.beside("lock") == real + "/a/.site.lock")
        #expect(out.shownParent.hasSuffix("/a"))
        #expect(try OutputPath.resolve("site", singleFile: false).shownParent == "the current folder")
    }

    @Test func aFailedFillLeavesNothing() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? fm.removeItem(at: dir) }
        struct Failed: Error {}
        let given = dir.path + "/new/deeper/site"
        #expect(throws: Failed.self) {
            try OutputLocation.write(given, kind: .site, options: BuildOptions()) { staging in
                try FileSystem.makeDirectory(staging, what: given)
                try FileSystem.writeNewFile(staging + "/index.html", "<p>half</p>", what: given)
                throw Failed()
            }
        }
        #expect(try fm.contentsOfDirectory(atPath: dir.path).isEmpty, "no staging, lock or created parent left")
    }

    @Test(arguments: [true, false])
    func theNewSiteReplacesTheOldWhole(exchange: Bool) throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? fm.removeItem(at: dir) }
        let out = dir.appendingPathComponent("site")
        try SiteBuilder.writeSite(RenderFixture.report(), templates: .embedded(), options: BuildOptions(), output: out.path)
        try Data("stale".utf8).write(to: out.appendingPathComponent("team-gone-00000000.html"))
        FileSystem.exchangeAllowed = exchange
        defer { FileSystem.exchangeAllowed = true }
        try SiteBuilder.writeSite(RenderFixture.report(), templates: .embedded(), options: BuildOptions(title: "Second"),
                                  output: out.path)
        #expect(!fm.fileExists(atPath: out.appendingPathComponent("team-gone-00000000.html").path))
        #expect(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8).contains("Second"))
        #expect(try fm.contentsOfDirectory(atPath: dir.path) == ["site"], "no old site, staging or lock left")
    }

    @Test func forceReplacesAFileWithASite() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? fm.removeItem(at: dir) }
        let out = dir.appendingPathComponent("site")
        try Data("a file".utf8).write(to: out)
        #expect(throws: OutputError.self) {
            try SiteBuilder.writeSite(RenderFixture.report(), templates: .embedded(), options: BuildOptions(), output: out.path)
        }
        try SiteBuilder.writeSite(RenderFixture.report(), templates: .embedded(), options: BuildOptions(force: true),
                                  output: out.path)
        #expect(fm.fileExists(atPath: out.appendingPathComponent("index.html").path))
        #expect(try fm.contentsOfDirectory(atPath: dir.path) == ["site"])
    }

    @Test func theOrgIndexAnswersAsAScanWould() throws {
        let report = RenderFixture.report()
        let index = OrgIndex(report)
        for node in report.nodes {
            let scanned = report.teams.filter { $0.mode == node.mode && $0.team.path.starts(with: node.path) }
            #expect(index.teams(below: node.path, mode: node.mode).map(\.team.key) == scanned.map(\.team.key))
            #expect(index.nodePaths.contains(node.path))
        }
        for team in report.teams.map(\.team) {
            let scanned = report.findings.filter { $0.team == team.name || $0.team == team.key }
            #expect(index.findings(of: team).map(\.message) == scanned.map(\.message))
        }
        #expect(!report.findings.isEmpty, "the fixture has findings to look up")
    }

    @Test func teamCountsAndTheLimit() throws {
        let report = RenderFixture.report()
        let teams = SiteLimit.teamCount(report)
        #expect(teams == Set(report.teams.map(\.team.key)).count)
        #expect(throws: Never.self) { try SiteLimit.check(teams: teams, maxTeams: teams) }
        #expect(throws: OutputError.self) { try SiteLimit.check(teams: teams, maxTeams: teams - 1) }
        #expect(throws: OutputError.self) { try SiteLimit.check(teams: SiteLimit.defaultMaxTeams + 1, maxTeams: nil) }
        #expect(SiteLimit.grouped(1_000_000) == "1,000,000")
        #expect(SiteLimit.grouped(999) == "999")
        #expect(SiteLimit.grouped(1000) == "1,000")
    }

    @Test func errorReasonsReadAsWords() {
        #expect(OutputError.reason(ENOSPC) == "no space left on device")
        #expect(OutputError.reason(EACCES) == "permission denied")
        #expect(OutputError.system("cannot write site", errno: EROFS).message == "cannot write site: read-only file system")
    }
}
