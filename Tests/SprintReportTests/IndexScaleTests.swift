import Foundation
import Testing
@testable import SprintReport

/// The index of a big organisation (more than `IndexSection.teamRowLimit` teams): the tree to
/// the groups, a heatmap of the top levels, and each team listed on its group's page.
@Suite struct IndexScaleTests {
    static func site(teams: Int) throws -> (index: String, pages: [String: String]) {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("org.csv")
        try Data(SampleGenerator(SampleOptions(teams: teams, sprints: 4, seed: 5)).csv()).write(to: file)
        let report = Analyzer.analyze(try ExportReader.read(paths: [file.path]), window: Window(),
                                      thresholds: .defaults)
        let s = SiteBuilder.settings(report, templates: try .embedded(), options: BuildOptions(), singleFile: false)
        var pages: [String: String] = [:]
        for page in SiteBuilder.pages(report) {
            let (name, html) = try SiteBuilder.render(page, s)
            pages[name] = html
        }
        return (pages["index.html"]!, pages)
    }

    static func teamLinks(_ html: String) -> Set<String> {
        var out = Set<String>()
        var rest = html[...]
        while let r = rest.range(of: "href=\"team-") {
            let tail = rest[r.upperBound...]
            let end = tail.firstIndex(of: "\"")!
            out.insert("team-" + tail[..<end])
            rest = tail[end...]
        }
        return out
    }

    @Test func bigOrgIndexStopsAtGroupsAndNodePagesListTheTeams() throws {
        let (index, pages) = try Self.site(teams: IndexSection.teamRowLimit + 20)
        #expect(Self.teamLinks(index).isEmpty, "no team rows on the index of a big organisation")
        #expect(index.contains("Every group <span"))
        #expect(index.contains("Say/do % per group and month"))
        let teamPages = Set(pages.keys.filter { $0.hasPrefix("team-") })
        let listed = pages.filter { $0.key.hasPrefix("node-") }.values.reduce(into: Set<String>()) {
            $0.formUnion(Self.teamLinks($1))
        }
        #expect(teamPages.count == IndexSection.teamRowLimit + 20)
        #expect(listed == teamPages, "every team is linked from a group page")
    }

    @Test func smallOrgIndexListsEveryTeam() throws {
        let (index, pages) = try Self.site(teams: 12)
        #expect(Self.teamLinks(index) == Set(pages.keys.filter { $0.hasPrefix("team-") }))
        #expect(index.contains("Say/do % per team and month"))
    }
}
