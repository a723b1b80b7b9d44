/// Every data-quality finding, grouped by kind, with file and line.
struct QualitySection {
    let settings: PageSettings

    static let slug = SiteLinks.qualitySlug

    func context() -> Context {
        let findings = settings.report.findings
        var c = settings.headings
        c["sId"] = QualitySection.slug
        c["sTitle"] = "Data quality"
        c["sMeta"] = findings.isEmpty ? "No findings: every identity holds and every value was read."
            : "\(PageSettings.count(findings.count, "finding")). Exported values are kept and shown as exported."
        let groups = FindingKind.allCases.sorted().compactMap { kind -> Context? in
            let list = findings.filter { $0.kind == kind }
            guard !list.isEmpty else { return nil }
            let id = "\(QualitySection.slug)-\(kind.rawValue)"
            var table = QualitySection.table(list, id: id + "-table", caption: "\(kind.title) (\(list.count))")
            table.captionHidden = true
            return ["gId": id, "gTitle": kind.title, "gCount": list.count, "gTable": table.context]
        }
        c["sGroups"] = groups
        return c
    }

    /// Findings as a table: file, line, team, period, message.
    static func table(_ findings: [Finding], id: String, caption: String) -> TableModel {
        let dash = NumberFormat.undefined
        return TableModel(
            id: id, caption: caption, note: nil,
            columns: [("File", false), ("Line", true), ("Team", false), ("Period", false), ("Severity", false),
                      ("What", false)],
            rows: findings.map { f in
                [TableCell(text: f.file ?? dash, header: true),
                 .number(f.line.map(String.init) ?? dash, undefinedReason: "not tied to one line"),
                 TableCell(text: f.team ?? dash), TableCell(text: f.period ?? dash),
                 TableCell(text: f.severity.rawValue), TableCell(text: f.message)]
            })
    }
}
