import Foundation
import Testing
@testable import SprintReport

/// The fixture report over its last four sprints, compared with its first four (`--compare`),
/// and since an earlier report of the whole export without Hawk (`--previous`).
enum RenderCompareFixture {
    static let window = Window(from: Day(year: 2026, month: 3, day: 2), to: Day(year: 2026, month: 4, day: 26))
    static let baselineWindow = Window(from: Day(year: 2026, month: 1, day: 5), to: Day(year: 2026, month: 3, day: 1))

    static func build() throws -> (report: Report, options: BuildOptions) {
        let (report, comparison) = WindowComparison.analyze(RenderFixture.dataSet(), window: window,
                                                            baselineWindow: baselineWindow)
        var earlier = RenderFixture.dataSet()
        earlier.series.removeAll { $0.team.key == RenderFixture.hawk.key }
        let previous = try PreviousSummary.parse(Data(SummaryJSON.render(Analyzer.analyze(earlier)).utf8), file: "previous.json")
        var options = SiteGoldenTests.options
        options.comparison = comparison
        options.sinceLastReport = SinceLastReport(previous: previous, current: report)
        return (report, options)
    }
}

@Suite struct RenderComparePagesTests {
    /// The site's pages by file name.
    static func site(_ report: Report, _ options: BuildOptions) throws -> [String: String] {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("site")
        try SiteBuilder.writeSite(report, templates: .embedded(), options: options, output: out.path)
        var pages: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
            pages[name] = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
        }
        return pages
    }

    static func section(_ html: String, from start: String, to end: String) -> String? {
        guard let a = html.range(of: start), let b = html[a.upperBound...].range(of: end) else { return nil }
        return String(html[a.lowerBound..<b.upperBound])
    }

    static func hrefs(_ html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func findingsLinkToTheTeamTheyAreAbout() throws {
        let pages = try Self.site(RenderFixture.report(), SiteGoldenTests.options)
        let quality = try #require(pages["data-quality.html"])
        let settings = SiteBuilder.settings(RenderFixture.report(), templates: try .embedded(),
                                            options: SiteGoldenTests.options, singleFile: false)
        // The finding names its team by name (a hostile one, escaped): the cell links to its page.
        let href = try #require(settings.links.team(named: RenderFixture.hostile))
        #expect(quality.contains("<td><a href=\"\(href)\">&lt;script&gt;"))
        #expect(pages[href] != nil)
        #expect(settings.links.team(named: "no such team") == nil)
        #expect(settings.links.team(named: RenderFixture.falcon.key) == settings.links.team(RenderFixture.falcon.key))
    }

    @Test func tilesSayBetterOrWorseAndTheirPeriods() throws {
        let index = try #require(try Self.site(RenderFixture.report(), SiteGoldenTests.options)["index.html"])
        #expect(index.contains("vs previous half"))
        #expect(index.contains(", better, vs previous half") || index.contains(", worse, vs previous half"))
        #expect(index.contains("<p class=\"tile-note tile-period\">over 4 months</p>"))
        #expect(index.contains("<p class=\"tile-note tile-period\">next month, all teams&#39; total</p>"))
        #expect(index.contains("delivered per month, all teams&#39; total"))
        #expect(index.contains("pts per sprint, mean of the teams"))
    }

    @Test func comparedSiteShowsMoversBaselineTilesAndReferenceLine() throws {
        let (report, options) = try RenderCompareFixture.build()
        let pages = try Self.site(report, options)
        let index = try #require(pages["index.html"])
        let movers = try #require(Self.section(index, from: "<section class=\"movers\">", to: "</section>"))
        #expect(movers.contains(">Movers</h3>"))
        let links = Self.hrefs(movers)
        #expect(!links.isEmpty)
        for href in links { #expect(pages[href] != nil, "movers link to missing \(href)") }
        #expect(index.contains("vs baseline 2026-01-05 to 2026-03-01"))
        #expect(!index.contains("vs previous half"))
        // The reference line on a team's planned-vs-delivered chart: only with --compare.
        let falcon = try #require(pages[SiteLinks(report: report, singleFile: false).team(RenderFixture.falcon.key)])
        #expect(falcon.contains("class=\"chart-baseline-mean\""))
        #expect(falcon.contains("Baseline mean delivered"))
        let plain = try Self.site(RenderFixture.report(), SiteGoldenTests.options)
        #expect(!plain.filter { $0.key.hasSuffix(".html") }.values
            .contains { $0.contains("chart-baseline-mean") || $0.contains("class=\"movers\"") })
    }

    @Test func sinceTheLastReportOnTheIndexAndEachTeamPage() throws {
        let (report, options) = try RenderCompareFixture.build()
        let pages = try Self.site(report, options)
        let index = try #require(pages["index.html"])
        let since = try #require(Self.section(index, from: "<section class=\"since-last-report\">", to: "</section>"))
        #expect(since.contains("Since the last report ("))
        #expect(since.contains("No change in inputs"))
        let links = SiteLinks(report: report, singleFile: false)
        #expect(since.contains("1 team added: <a href=\"\(links.team(RenderFixture.hawk.key))\">&lt;script&gt;"))
        // Kiwi has no sprint in the window: removed, named without a link (it has no page).
        #expect(since.contains("<li>1 team removed: Kïwi &quot;Q&quot;.</li>"))
        let hawk = try #require(pages[links.team(RenderFixture.hawk.key)])
        #expect(hawk.contains("<p class=\"since-last-report\">Since the last report (") && hawk.contains("this team is new."))
        let falcon = try #require(pages[links.team(RenderFixture.falcon.key)])
        #expect(falcon.contains("<p class=\"since-last-report\">Since the last report ("))
        // The index links to the site's summary.json.
        #expect(index.contains("<a href=\"summary.json\">The figures as JSON</a>"))
        #expect(!(try Self.site(RenderFixture.report(), SiteGoldenTests.options)).values
            .contains { $0.contains("since-last-report") })
    }
}
