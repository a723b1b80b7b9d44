// What the section templates receive (`section-index`, `section-node`, `section-team`,
// `section-data-quality`), and the parts every section shares: a section is a page of the
// site, or one part of the single file.

/// The heading elements of a section: its title, its parts and their sub-parts — h1/h2/h3 on a
/// page of the site, h2/h3/h4 in the single file (whose h1 is its title). Every part of a
/// section (tiles, figures, tables) reaches it as `heading`.
final class HeadingContext: TemplateContext, Sendable {
    let title: String, part: String, subpart: String

    private init(_ title: String, _ part: String, _ subpart: String) {
        self.title = title
        self.part = part
        self.subpart = subpart
    }

    static let page = HeadingContext("h1", "h2", "h3")
    static let singleFile = HeadingContext("h2", "h3", "h4")

    static let fields: [String: @Sendable (HeadingContext) -> Any] = [
        "title": { $0.title },
        "part": { $0.part },
        "subpart": { $0.subpart },
    ]
}

/// `part-breadcrumb`: the path from the overview to this page.
final class BreadcrumbContext: TemplateContext {
    /// The page the trail leads to (its title).
    let name: String
    /// From the overview to the page itself (the last, `current`); `href` is nil where there
    /// is no page to go to.
    let items: [LinkContext]

    init(name: String, items: [LinkContext]) {
        self.name = name
        self.items = items
    }

    static let fields: [String: @Sendable (BreadcrumbContext) -> Any] = [
        "name": { $0.name },
        "items": { $0.items },
    ]
}

/// `section-index`: the organisation at a glance.
final class IndexSectionContext: TemplateContext {
    let heading: HeadingContext
    let id: String
    let title: String
    let meta: String
    /// No period of the inputs lies in the window.
    let empty: Bool
    let findingsText: String
    let qualityHref: String
    let modes: [ModeContext]
    let thresholds: TableContext
    /// `--previous`: what changed since the last report; nil without it.
    var sinceLastReport: SinceLastReportContext?
    /// The site's `summary.json` ("the figures as JSON"); nil in the single file.
    var summaryJSONHref: String?

    init(heading: HeadingContext, id: String, title: String, meta: String, empty: Bool, findingsText: String,
         qualityHref: String, modes: [ModeContext], thresholds: TableContext) {
        self.heading = heading
        self.id = id
        self.title = title
        self.meta = meta
        self.empty = empty
        self.findingsText = findingsText
        self.qualityHref = qualityHref
        self.modes = modes
        self.thresholds = thresholds
    }

    static let fields: [String: @Sendable (IndexSectionContext) -> Any] = [
        "heading": { $0.heading },
        "id": { $0.id },
        "title": { $0.title },
        "meta": { $0.meta },
        "empty": { $0.empty },
        "findingsText": { $0.findingsText },
        "qualityHref": { $0.qualityHref },
        "modes": { $0.modes },
        "thresholds": { $0.thresholds },
        "sinceLastReport": { orFalse($0.sinceLastReport) },
        "summaryJSONHref": { orFalse($0.summaryJSONHref) },
    ]
}

/// `section-node`: a group of the org tree.
final class NodeSectionContext: TemplateContext {
    let heading: HeadingContext
    let id: String
    let title: String
    let meta: String
    let breadcrumb: BreadcrumbContext
    let modes: [ModeContext]

    init(heading: HeadingContext, id: String, title: String, meta: String, breadcrumb: BreadcrumbContext,
         modes: [ModeContext]) {
        self.heading = heading
        self.id = id
        self.title = title
        self.meta = meta
        self.breadcrumb = breadcrumb
        self.modes = modes
    }

    static let fields: [String: @Sendable (NodeSectionContext) -> Any] = [
        "heading": { $0.heading },
        "id": { $0.id },
        "title": { $0.title },
        "meta": { $0.meta },
        "breadcrumb": { $0.breadcrumb },
        "modes": { $0.modes },
    ]
}

/// `section-team`: one team.
final class TeamSectionContext: TemplateContext {
    let heading: HeadingContext
    let id: String
    let title: String
    let meta: String
    let breadcrumb: BreadcrumbContext
    let modes: [ModeContext]
    /// The data-quality findings that concern the team, or nil when none does.
    let findings: FindingsContext?
    /// `--previous`: one sentence on what changed for the team since the last report.
    var sinceLastReport: String?

    init(heading: HeadingContext, id: String, title: String, meta: String, breadcrumb: BreadcrumbContext,
         modes: [ModeContext], findings: FindingsContext?) {
        self.heading = heading
        self.id = id
        self.title = title
        self.meta = meta
        self.breadcrumb = breadcrumb
        self.modes = modes
        self.findings = findings
    }

    static let fields: [String: @Sendable (TeamSectionContext) -> Any] = [
        "heading": { $0.heading },
        "id": { $0.id },
        "title": { $0.title },
        "meta": { $0.meta },
        "breadcrumb": { $0.breadcrumb },
        "modes": { $0.modes },
        "findings": { orFalse($0.findings) },
        "sinceLastReport": { orFalse($0.sinceLastReport) },
    ]
}

/// `section-data-quality`: every finding, grouped by kind.
final class QualitySectionContext: TemplateContext {
    let heading: HeadingContext
    let id: String
    let title: String
    let meta: String
    let groups: [FindingsContext]

    init(heading: HeadingContext, id: String, title: String, meta: String, groups: [FindingsContext]) {
        self.heading = heading
        self.id = id
        self.title = title
        self.meta = meta
        self.groups = groups
    }

    static let fields: [String: @Sendable (QualitySectionContext) -> Any] = [
        "heading": { $0.heading },
        "id": { $0.id },
        "title": { $0.title },
        "meta": { $0.meta },
        "groups": { $0.groups },
    ]
}

/// Findings as a table: one kind of finding on the data-quality page (with its `id` and
/// `title`), or those of one team on its page.
final class FindingsContext: TemplateContext {
    let id: String?
    let title: String?
    let count: Int
    let table: TableContext

    init(id: String? = nil, title: String? = nil, count: Int, table: TableContext) {
        self.id = id
        self.title = title
        self.count = count
        self.table = table
    }

    static let fields: [String: @Sendable (FindingsContext) -> Any] = [
        "id": { orFalse($0.id) },
        "title": { orFalse($0.title) },
        "count": { $0.count },
        "table": { $0.table },
    ]
}

/// One computation mode of a section (story points first): its tiles, charts and tables.
/// What a section does not show is nil (`false` in the template).
final class ModeContext: TemplateContext {
    let id: String
    let title: String
    let summary: String
    var tiles: TilesContext?
    var latest: LatestContext?
    var charts: [FigureContext] = []
    /// Every period (a team).
    var periods: TableContext?
    /// The org tree below the section (the overview, a group).
    var tree: TableContext?
    /// `--compare`, the overview: the teams that moved most.
    var movers: TableContext?

    init(id: String, title: String, summary: String) {
        self.id = id
        self.title = title
        self.summary = summary
    }

    static let fields: [String: @Sendable (ModeContext) -> Any] = [
        "id": { $0.id },
        "title": { $0.title },
        "summary": { $0.summary },
        "tiles": { orFalse($0.tiles) },
        "latest": { orFalse($0.latest) },
        "charts": { $0.charts },
        "periods": { orFalse($0.periods) },
        "tree": { orFalse($0.tree) },
        "movers": { orFalse($0.movers) },
    ]
}
