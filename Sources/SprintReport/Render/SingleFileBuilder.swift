import Foundation

/// Writes the single-file report: the site's pages as sections of one page, with in-page
/// anchors; or, for `--team`, one team's section — the file a team attaches to its retro.
public enum SingleFileBuilder {
    /// Where the layout's main content goes; the sections are streamed in its place.
    static let slot = "<!-- sprint-report:sections -->"

    /// Checks `output` (`OutputLocation.check`) without writing anything; `write` checks again.
    public static func checkOutput(_ output: String, options: BuildOptions) throws {
        _ = try OutputLocation.check(output, kind: .singleFile, options: options)
    }

    public static func write(_ report: Report, templates: PageTemplates, options: BuildOptions, team: String?,
                             output: String) throws {
        _ = try OutputLocation.check(output, kind: .singleFile, options: options)
        if team == nil { try SiteLimit.check(teams: SiteLimit.teamCount(report), maxTeams: options.maxTeams) }
        var pages: [SiteBuilder.Page]
        var options = options
        if let team {
            let reports = report.teams.filter { $0.team.key == team }.sorted(by: SiteBuilder.sectionOrder)
            guard let first = reports.first else {
                let keys = SiteBuilder.grouped(report.teams, by: \.team.key).map { $0[0].team.key }
                let known = keys.prefix(8).joined(separator: ", ") + (keys.count > 8 ? ", …" : "")
                throw OutputError("no team has the key '\(team)'" + (keys.isEmpty ? "" : " (keys: \(known))"))
            }
            pages = [.team(reports)]
            if options.title == nil { options.title = "\(first.team.name): sprint report" }
        } else {
            pages = SiteBuilder.pages(report)
            pages.append(pages.remove(at: 1))  // data quality last
        }
        var settings = SiteBuilder.settings(report, templates: templates, options: options, singleFile: true)
        settings.links.narrowed = team != nil
        let s = settings
        let sections = pages
        let shell = try s.templates.render(page(pages, s), template: "page-single")
        guard let cut = shell.range(of: slot) else {
            throw TemplateError(file: "page-single.mustache", message: "must place {{{sections}}} where the sections go")
        }
        try OutputLocation.write(output, kind: .singleFile, options: options) { staging in
            let file = try NewFile(staging, what: output)
            do {
                // The page head first: an interrupted staging file is recognisable as ours (`Staging`).
                try file.write(String(shell[..<cut.lowerBound]))
                // Sections are rendered in parallel a batch at a time and written in order, so the
                // file's bytes never depend on the thread count and memory stays bounded.
                let batch = max(4, ProcessInfo.processInfo.activeProcessorCount * 4)
                var start = 0
                let progress = options.progress
                progress?.begin("writing sections", total: pages.count)
                while start < pages.count {
                    let range = start..<min(pages.count, start + batch)
                    let results = ResultSlots(count: range.count)
                    DispatchQueue.concurrentPerform(iterations: range.count) { i in
                        results.set(i, Result { try section(sections[range.lowerBound + i], s) })
                        progress?.advance()
                    }
                    for r in results.all { try file.write(try r.get()) }
                    start = range.upperBound
                }
                try file.write(String(shell[cut.upperBound...]))
                try file.close()
            } catch {
                file.abandon()
                throw error
            }
        }
    }

    /// What `page-single` receives: the page around the sections, with a table of contents
    /// unless the file is narrowed to one team.
    static func page(_ pages: [SiteBuilder.Page], _ s: PageSettings) -> PageContext {
        let page = s.page(title: s.title, current: .none, nav: !s.links.narrowed)
        page.sections = slot
        if !s.links.narrowed {
            page.contents = LinkListContext(pages.compactMap { p -> LinkContext? in
                switch p {
                case .index: LinkContext(label: "Overview", href: s.links.index)
                case .quality: LinkContext(label: "Data quality", href: s.links.quality)
                default: nil
                }
            })
        }
        return page
    }

    /// The section template of a page and what it receives.
    static func context(_ page: SiteBuilder.Page, _ s: PageSettings) -> (template: String, context: any TemplateContext) {
        switch page {
        case .index: ("section-index", IndexSection(settings: s).context())
        case .quality: ("section-data-quality", QualitySection(settings: s).context())
        case .node(let r): ("section-node", NodeSection(settings: s, reports: r).context())
        case .team(let r): ("section-team", TeamSection(settings: s, reports: r).context())
        }
    }

    static func section(_ page: SiteBuilder.Page, _ s: PageSettings) throws -> String {
        let (template, context) = context(page, s)
        return try s.templates.render(context, template: template)
    }
}

/// Results of parallel work, by index.
final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<String, Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ r: Result<String, Error>) {
        lock.lock()
        slots[i] = r
        lock.unlock()
    }

    var all: [Result<String, Error>] { slots.map { $0! } }
}
