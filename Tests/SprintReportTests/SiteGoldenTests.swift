import Foundation
import Testing
@testable import SprintReport

/// The pages of the fixture report against committed golden files (`GoldenFiles`).
@Suite struct SiteGoldenTests {
    static let options = BuildOptions(title: nil, sourceDateEpoch: "1775044800")

    @Test func siteMatchesGolden() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("site")
        try SiteBuilder.writeSite(RenderFixture.report(), templates: .embedded(), options: Self.options, output: out.path)
        try GoldenFiles.check(out, against: "fixture-site", in: GoldenFiles.tests)
    }

    @Test func singleFilesMatchGolden() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("single")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let report = RenderFixture.report()
        try SingleFileBuilder.write(report, templates: .embedded(), options: Self.options, team: nil,
                                    output: out.appendingPathComponent("report.html").path)
        try SingleFileBuilder.write(report, templates: .embedded(), options: Self.options, team: "team_00002",
                                    output: out.appendingPathComponent("team.html").path)
        try GoldenFiles.check(out, against: "fixture-single", in: GoldenFiles.tests)
    }
}
