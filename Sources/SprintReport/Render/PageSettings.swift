/// What every page and section builder shares.
struct PageSettings {
    let report: Report
    let templates: PageTemplates
    var links: SiteLinks
    /// The site's title (`--title`).
    let title: String
    /// "2026-04-01 12:00 UTC" from SOURCE_DATE_EPOCH, or nil (then no time is shown).
    let generated: String?
    /// The report's tree and findings indexed once, for the lookups of every page.
    let index: OrgIndex

    /// Heading elements for a section's title, its parts and their sub-parts: h1/h2/h3 on a
    /// page of the site, h2/h3/h4 inside the single-file report (whose h1 is its title).
    var headings: Context {
        links.singleFile ? ["hA": "h2", "hB": "h3", "hC": "h4"] : ["hA": "h1", "hB": "h2", "hC": "h3"]
    }

    /// The start of the ids inside a section: a page of the site holds one section, so its ids
    /// need no slug (`sp-chart1`); the single-file report holds many (`team-x-1a2b3c4d-sp-chart1`).
    func idPrefix(_ slug: String) -> String { links.singleFile ? slug + "-" : "" }

    /// "1 sprint", "13 sprints".
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// Modes in the order pages show them: story points first.
    static func modeTitle(_ mode: ComputationMode) -> String {
        mode == .storyPoints ? "In story points" : "In tickets"
    }

    static func modeId(_ mode: ComputationMode) -> String { mode == .storyPoints ? "sp" : "tk" }

    /// "2026-01-05 to 2026-04-03" (the coverage of the data in the window).
    var windowText: String {
        let from = report.window.from ?? report.coverage.first
        let to = report.window.to ?? report.coverage.last
        switch (from, to) {
        case let (f?, t?): return "\(f) to \(t)"
        case let (f?, nil): return "from \(f)"
        case let (nil, t?): return "up to \(t)"
        default: return "all periods"
        }
    }

    /// Breadcrumb items from the root to `path` (the last one is the current page).
    func breadcrumb(_ path: [String], currentIsTeam: Bool) -> [Context] {
        var items: [Context] = [links.narrowed ? ["bLabel": "Overview"] : ["bLabel": "Overview", "bHref": links.index]]
        for i in path.indices {
            let prefix = Array(path[...i])
            let isLast = i == path.count - 1
            var item: Context = ["bLabel": path[i]]
            if isLast {
                item["bCurrent"] = true
            } else if !links.narrowed, index.nodePaths.contains(prefix) {
                item["bHref"] = links.node(prefix)
            }
            items.append(item)
        }
        return items
    }

    /// For a rolled-up node, the teams below it (nil for a node with own rows).
    func teams(under node: NodeReport) -> [TeamReport]? {
        node.rolledUp ? index.teams(below: node.path, mode: node.mode) : nil
    }

    /// The findings that name a team (by name or key).
    func findings(of team: Team) -> [Finding] { index.findings(of: team) }
}
