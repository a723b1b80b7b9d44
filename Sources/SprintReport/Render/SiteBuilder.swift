import Foundation

/// What `build` needs beyond the report.
public struct BuildOptions: Sendable {
    /// The site's title; nil: the export's org-tree name, else "Sprint report".
    public var title: String?
    /// SOURCE_DATE_EPOCH (seconds): the only source of a "generated" time.
    public var sourceDateEpoch: String?
    /// Replace an output that is not an earlier sprint-report output.
    public var force: Bool
    /// Told of each page written (the progress line of `build` on a terminal); never read back.
    public var progress: BuildProgress?
    /// `--compare`: the report window beside the baseline window. Also in `summary.json`.
    public var comparison: WindowComparison?
    /// `--previous`: what changed since the last report.
    public var sinceLastReport: SinceLastReport?
    /// Every file or folder the build reads while writing (exports, band limits, templates):
    /// the output may be none of them and hold none of them (`OutputPath`). (`--previous` is
    /// not one: it is read whole before anything is written, and may be the output itself.)
    public var reads: [String]
    /// The most teams a site (or a whole-org single file) may have; nil: `SiteLimit.defaultMaxTeams`.
    public var maxTeams: Int?

    public init(title: String? = nil, sourceDateEpoch: String? = nil, force: Bool = false,
                progress: BuildProgress? = nil, comparison: WindowComparison? = nil,
                sinceLastReport: SinceLastReport? = nil, reads: [String] = [], maxTeams: Int? = nil) {
        self.title = title
        self.sourceDateEpoch = sourceDateEpoch
        self.force = force
        self.progress = progress
        self.comparison = comparison
        self.sinceLastReport = sinceLastReport
        self.reads = reads
        self.maxTeams = maxTeams
    }
}

/// Writes the static site: index, one page per org-tree node and per team, data quality.
public enum SiteBuilder {
    /// One page of the site.
    enum Page: Sendable {
        case index, quality
        case node([NodeReport])
        case team([TeamReport])
    }

    /// The pages of a report, in a fixed order.
    static func pages(_ report: Report) -> [Page] {
        var pages: [Page] = [.index, .quality]
        for group in grouped(report.nodes.filter { !$0.path.isEmpty }, by: { SiteLinks.nodeKey($0.path) }) {
            pages.append(.node(group.sorted { $0.mode < $1.mode }))
        }
        for group in grouped(report.teams, by: \.team.key) {
            pages.append(.team(group.sorted(by: sectionOrder)))
        }
        return pages
    }

    /// The order of a team's reports on its page: story points first, then tickets; within
    /// a mode, the sprint-level report before the team-level one.
    static func sectionOrder(_ a: TeamReport, _ b: TeamReport) -> Bool {
        if a.mode != b.mode { return a.mode < b.mode }
        return a.level == .sprint && b.level == .team
    }

    /// Groups in order of first appearance.
    static func grouped<T>(_ items: [T], by key: (T) -> String) -> [[T]] {
        var order: [String] = []
        var groups: [String: [T]] = [:]
        for item in items {
            let k = key(item)
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(item)
        }
        return order.map { groups[$0]! }
    }

    static func settings(_ report: Report, templates: PageTemplates, options: BuildOptions,
                         singleFile: Bool) -> PageSettings {
        let title = options.title ?? report.teams.lazy.compactMap(\.team.orgTree).first ?? topNodeName(report)
            ?? "Sprint report"
        return PageSettings(report: report, templates: templates, links: SiteLinks(report: report, singleFile: singleFile),
                            title: title, generated: PageSettings.generatedTime(sourceDateEpoch: options.sourceDateEpoch),
                            index: OrgIndex(report), comparison: options.comparison,
                            sinceLastReport: options.sinceLastReport)
    }

    /// The name of the organisation when the whole tree hangs from one top node ("Engineering").
    static func topNodeName(_ report: Report) -> String? {
        guard let root = report.nodes.first(where: { $0.path.isEmpty }), root.children.count == 1,
              let top = root.children.first, report.nodes.contains(where: { $0.path == top }) else { return nil }
        return top.last
    }

    /// What one page is made of: its file's slug, its template and what the template receives.
    static func context(_ page: Page, _ s: PageSettings) -> (slug: String, template: String, context: PageContext) {
        let (slug, template, pageTitle, nav, section): (String, String, String, PageSettings.NavItem, any TemplateContext)
        switch page {
        case .index:
            (slug, template, pageTitle, nav, section) = (SiteLinks.indexSlug, "page-index", s.title, .index,
                                                         IndexSection(settings: s).context())
        case .quality:
            (slug, template, pageTitle, nav, section) = (SiteLinks.qualitySlug, "page-data-quality", "Data quality",
                                                         .quality, QualitySection(settings: s).context())
        case .node(let reports):
            let n = NodeSection(settings: s, reports: reports)
            (slug, template, pageTitle, nav, section) = (n.slug, "page-node", n.path.last ?? "", .none, n.context())
        case .team(let reports):
            let t = TeamSection(settings: s, reports: reports)
            (slug, template, pageTitle, nav, section) = (t.slug, "page-team", t.team.name, .none, t.context())
        }
        let context = s.page(title: pageTitle, current: nav)
        context.section = section
        return (slug, template, context)
    }

    /// The file name and HTML of one page.
    static func render(_ page: Page, _ s: PageSettings) throws -> (file: String, html: String) {
        let (slug, template, context) = context(page, s)
        return (s.links.file(slug), try s.templates.render(context, template: template))
    }

    /// Checks `output` (`OutputLocation.check`) without writing anything: for a caller that
    /// wants to refuse a bad --output before reading its inputs. `writeSite` checks again.
    public static func checkOutput(_ output: String, options: BuildOptions) throws {
        _ = try OutputLocation.check(output, kind: .site, options: options)
    }

    /// Renders every page into a staging folder beside `output`, then swaps it into place
    /// (`OutputLocation.write`). Pages are rendered in parallel and each is written as soon as
    /// it is rendered, then dropped: memory holds the report and the pages being rendered, not
    /// the site; `summary.json` is written beside them. Each page's bytes depend only on the report.
    public static func writeSite(_ report: Report, templates: PageTemplates, options: BuildOptions,
                                 output: String) throws {
        try SiteLimit.check(teams: SiteLimit.teamCount(report), maxTeams: options.maxTeams)
        try OutputLocation.write(output, kind: .site, options: options) { staging in
            let what = output
            try FileSystem.makeDirectory(staging, what: what)
            // The marker first: an interrupted staging folder is recognisable as ours (`Staging`).
            try FileSystem.writeNewFile(staging + "/" + OutputLocation.marker, OutputLocation.markerText, what: what)
            let s = settings(report, templates: templates, options: options, singleFile: false)
            let pages = pages(report)
            let failures = FailureList()
            options.progress?.begin("writing pages", total: pages.count)
            // `summary.json` is one more task of the pool, handed out first so that it runs beside
            // the pages instead of after them (≈ 0.1 s of one core for 2,000 teams). Its errors
            // come after every page's (`pages.count` in `failures`' order).
            DispatchQueue.concurrentPerform(iterations: pages.count + 1) { task in
                guard failures.isEmpty, !Interruption.interrupted else { return }
                let i = task - 1
                do {
                    if task == 0 {
                        try SummaryJSON.writeFile(report, comparison: options.comparison,
                                                  to: staging + "/" + SummaryJSON.siteFile, what: what)
                        return
                    }
                    let (file, html) = try render(pages[i], s)
                    try FileSystem.writeNewFile(staging + "/" + file, html, what: what)
                    options.progress?.advance()
                } catch {
                    failures.add(task == 0 ? pages.count : i, error)
                }
            }
            if let error = failures.first { throw error }
            try FileSystem.writeNewFile(staging + "/" + PageSettings.stylesheetFile, templates.css, what: what)
        }
    }
}

/// Errors from parallel work, reported in page order (the first page's error wins).
final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [(Int, Error)] = []

    func add(_ index: Int, _ error: Error) {
        lock.lock()
        errors.append((index, error))
        lock.unlock()
    }

    var isEmpty: Bool {
        lock.lock()
        defer { lock.unlock() }
        return errors.isEmpty
    }

    var first: Error? {
        lock.lock()
        defer { lock.unlock() }
        return errors.min { $0.0 < $1.0 }?.1
    }
}
