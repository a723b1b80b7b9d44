/// Every data-quality finding, grouped by kind, with file and line.
struct QualitySection {
    let settings: PageSettings

    static let slug = SiteLinks.qualitySlug

    func context() -> QualitySectionContext {
        let findings = settings.report.findings
        let title = "Data quality"
        let groups = FindingKind.allCases.sorted().compactMap { kind -> FindingsContext? in
            let list = findings.filter { $0.kind == kind }
            guard !list.isEmpty else { return nil }
            let id = "\(QualitySection.slug)-\(kind.rawValue)"
            var table = QualitySection.table(list, id: id + "-table", caption: "\(kind.title) (\(list.count))",
                                             links: settings.links)
            table.captionHidden = true
            return FindingsContext(id: id, title: kind.title, count: list.count,
                                   table: table.context(place: PageSettings.place(title)))
        }
        return QualitySectionContext(
            heading: settings.heading, id: QualitySection.slug, title: title,
            meta: findings.isEmpty ? "No findings: every identity holds and every value was read."
                : "\(PageSettings.count(findings.count, "finding")). Exported values are kept and shown as exported.",
            groups: groups)
    }

    /// Findings as a table: file, line, team, period, message.
    /// - Parameter links: where the team pages are: the team of each finding links to its
    ///   page (nil on the team's own page).
    static func table(_ findings: [Finding], id: String, caption: String, links: SiteLinks?) -> TableModel {
        let dash = NumberFormat.undefined
        return TableModel(
            id: id, caption: caption, note: nil,
            columns: [("File", false), ("Line", true), ("Team", false), ("Period", false), ("Severity", false),
                      ("What", false)],
            rows: findings.map { f in
                [TableCell(text: f.file ?? dash, header: true),
                 .number(f.line.map(String.init) ?? dash, undefinedReason: "not tied to one line"),
                 TableCell(text: f.team ?? dash, href: f.team.flatMap { links?.team(named: $0) }),
                 TableCell(text: f.period ?? dash),
                 TableCell(text: f.severity.rawValue), TableCell(text: f.message)]
            })
    }
}
