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
        var page = s.chrome(pageTitle: s.title, current: .none, nav: team == nil)
        page["slot"] = slot
        page["single"] = true
        page["tocOn"] = team == nil
        if team == nil {
            page["toc"] = pages.compactMap { p -> Context? in
                switch p {
                case .index: ["tocLabel": "Overview", "tocHref": s.links.index]
                case .quality: ["tocLabel": "Data quality", "tocHref": s.links.quality]
                default: nil
                }
            }
        }
        let sections = pages
        let shell = try s.templates.render(page, template: "page-single")
        guard let cut = shell.range(of: slot) else {
            throw TemplateError(file: "page-single.mustache", message: "must place {{{slot}}} where the sections go")
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

    static func section(_ page: SiteBuilder.Page, _ s: PageSettings) throws -> String {
        switch page {
        case .index: try s.templates.render(IndexSection(settings: s).context(), template: "section-index")
        case .quality: try s.templates.render(QualitySection(settings: s).context(), template: "section-data-quality")
        case .node(let r): try s.templates.render(NodeSection(settings: s, reports: r).context(), template: "section-node")
        case .team(let r): try s.templates.render(TeamSection(settings: s, reports: r).context(), template: "section-team")
        }
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
