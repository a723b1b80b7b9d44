import Foundation
import Testing
@testable import SprintReport

/// The pages of the fixture report against committed golden files. Regenerate on purpose with
/// `UPDATE_GOLDEN=1 swift test --disable-xctest --filter SiteGoldenTests`.
@Suite struct SiteGoldenTests {
    static let options = BuildOptions(title: nil, sourceDateEpoch: "1775044800")

    func compare(_ produced: URL, with golden: URL) throws {
        let fm = FileManager.default
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try? fm.removeItem(at: golden)
            try fm.copyItem(at: produced, to: golden)
            return
        }
        let want = try fm.contentsOfDirectory(atPath: golden.path).sorted()
        let got = try fm.contentsOfDirectory(atPath: produced.path).sorted()
        #expect(got == want)
        for name in want where got.contains(name) {
            let a = try Data(contentsOf: produced.appendingPathComponent(name))
            let b = try Data(contentsOf: golden.appendingPathComponent(name))
            #expect(a == b, "\(name) differs from its golden file")
        }
    }

    @Test func siteMatchesGolden() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("site")
        try SiteBuilder.writeSite(RenderFixture.report(), templates: .embedded(), options: Self.options, output: out.path)
        try compare(out, with: RenderFixture.golden.appendingPathComponent("fixture-site"))
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
        try compare(out, with: RenderFixture.golden.appendingPathComponent("fixture-single"))
    }
}
