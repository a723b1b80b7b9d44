/// "Since the last report" (`--previous`) on the pages: a short list on the index and one
/// sentence on each team page. The heading's date is the summaries' (`SinceLastReportLines`).
struct SinceLastReportSection {
    let settings: PageSettings

    /// Teams or band changes named one by one before "and N more".
    static let listed = 8

    /// The index's list, or nil without `--previous`.
    func context() -> SinceLastReportContext? {
        guard let s = settings.sinceLastReport else { return nil }
        var items: [LinkListItem] = []
        items.append(LinkListItem(s.inputsChanged ? "The inputs changed (other SHA-256 digests)."
            : "No change in inputs (the same SHA-256 digests)."))
        if s.windowChanged {
            items.append(LinkListItem("The window changed (the last report's: \(SummaryTable.describe(s.previousWindow)))."))
        }
        items.append(teams("added", s.teamsAdded, linked: true))
        items.append(teams("removed", s.teamsRemoved, linked: false))
        if s.bandChanges.isEmpty {
            items.append(LinkListItem("No band changed."))
        } else {
            let item = LinkListItem("\(PageSettings.count(s.bandChanges.count, "band")) changed: ")
            for (i, b) in s.bandChanges.prefix(Self.listed).enumerated() {
                item.links.append(LinkContext(label: b.team.name, href: settings.links.team(b.team.key)))
                item.texts.append(" (\(b.mode.shortUnit)) \(b.figure.label) \(b.move.text), \(b.move.direction.rawValue)"
                    + (i == min(s.bandChanges.count, Self.listed) - 1 ? "" : "; "))
            }
            if s.bandChanges.count > Self.listed { item.texts[item.texts.count - 1] += "; and \(s.bandChanges.count - Self.listed) more" }
            item.texts[item.texts.count - 1] += "."
            items.append(item)
        }
        items.append(LinkListItem(s.findingsNew.isEmpty && s.findingsGone.isEmpty ? "No data-quality finding is new or gone."
            : "Data-quality findings: \(s.findingsNew.count) new, \(s.findingsGone.count) gone."))
        return SinceLastReportContext(title: SinceLastReportLines.heading(s), items: items)
    }

    /// "2 teams added: Gannet, Ibis." with links to the teams that have a page.
    private func teams(_ what: String, _ list: [SinceLastReport.TeamRef], linked: Bool) -> LinkListItem {
        guard !list.isEmpty else { return LinkListItem("No team \(what).") }
        let item = LinkListItem("\(PageSettings.count(list.count, "team")) \(what): ")
        let shown = list.prefix(Self.listed)
        for (i, t) in shown.enumerated() {
            item.links.append(LinkContext(label: t.name, href: linked ? settings.links.team(t.key) : nil))
            item.texts.append(i == shown.count - 1 ? "" : ", ")
        }
        item.texts[item.texts.count - 1] += list.count > Self.listed ? " and \(list.count - Self.listed) more." : "."
        return item
    }

    /// A team page's sentence, or nil without `--previous`.
    func sentence(team key: String) -> String? {
        guard let s = settings.sinceLastReport else { return nil }
        let since = SinceLastReportLines.heading(s)
        switch s.note(forTeam: key) {
        case .new:
            return "\(since): this team is new."
        case .bands(let changes) where changes.isEmpty:
            return "\(since): no band of this team changed."
        case .bands(let changes):
            // A team in both modes says which mode each band belongs to.
            let modes = settings.report.teams.count { $0.team.key == key }
            let moves = changes.map {
                (modes > 1 ? "\($0.mode.shortUnit) " : "") + "\($0.figure.label) \($0.move.text) (\($0.move.direction.rawValue))"
            }
            return "\(since): " + moves.joined(separator: "; ") + "."
        }
    }
}

/// `since last report`: its title (with the earlier report's date) and the list.
final class SinceLastReportContext: TemplateContext {
    let title: String
    let items: [LinkListItem]

    init(title: String, items: [LinkListItem]) {
        self.title = title
        self.items = items
    }

    static let fields: [String: @Sendable (SinceLastReportContext) -> Any] = [
        "title": { $0.title },
        "items": { $0.items },
    ]
}

/// One item of a list that names pages inline: a lead text, then links each followed by a
/// text ("2 teams added: " Gannet ", " Ibis ".").
final class LinkListItem: TemplateContext {
    let lead: String
    var links: [LinkContext] = []
    /// Parallel to `links`: the text after each.
    var texts: [String] = []

    init(_ lead: String) { self.lead = lead }

    var parts: [LinkPartContext] { zip(links, texts).map { LinkPartContext(link: $0, after: $1) } }

    static let fields: [String: @Sendable (LinkListItem) -> Any] = [
        "lead": { $0.lead },
        "parts": { $0.parts },
    ]
}

/// A link in a sentence and the text after it.
final class LinkPartContext: TemplateContext {
    let link: LinkContext
    let after: String

    init(link: LinkContext, after: String) {
        self.link = link
        self.after = after
    }

    static let fields: [String: @Sendable (LinkPartContext) -> Any] = [
        "link": { $0.link },
        "after": { $0.after },
    ]
}
