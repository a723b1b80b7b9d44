import Foundation

/// What the layout template receives around a page's main content: title, CSS, navigation
/// and footer.
extension PageSettings {
    enum NavItem { case index, quality, none }

    /// The site's one style sheet, written beside the pages (all in one folder): a page links
    /// it instead of inlining 17 KB of CSS. The single-file report keeps its CSS inline.
    static let stylesheetFile = "style.css"

    func chrome(pageTitle: String, current: NavItem, nav showNav: Bool = true) -> Context {
        var c: Context = [
            "pageTitle": pageTitle == title ? title : "\(pageTitle) · \(title)",
            "generator": SprintReportVersion.generator,
            "siteTitle": title,
            "fVersion": SprintReportVersion.generator,
            "fWindow": windowText,
            "fInputs": report.inputs.map { ["iPath": $0.path, "iSha": String($0.sha256.prefix(12))] as Context },
        ]
        if links.singleFile {
            c["css"] = templates.css
            c["cssHref"] = false
        } else {
            c["cssHref"] = PageSettings.stylesheetFile
        }
        if !links.narrowed { c["homeHref"] = links.index }
        c["navOn"] = showNav
        if showNav {
            c["nav"] = [
                ["navLabel": "Overview", "navHref": links.index, "navCurrent": current == .index] as Context,
                ["navLabel": "Data quality (\(report.findings.count))", "navHref": links.quality,
                 "navCurrent": current == .quality] as Context,
            ]
        }
        if let generated { c["fGenerated"] = generated }
        return c
    }

    /// "2026-04-01 12:00 UTC" for a SOURCE_DATE_EPOCH value (seconds since 1970), else nil.
    static func generatedTime(sourceDateEpoch: String?) -> String? {
        guard let text = sourceDateEpoch?.trimmingCharacters(in: .whitespaces), let seconds = Int64(text),
              seconds >= 0, seconds < 253_402_300_800 else { return nil }  // before year 10000: no trap in Int32 days
        let day = Day(daysSinceEpoch: Int32(seconds / 86_400))
        let rest = Int(seconds % 86_400)
        let hh = rest / 3600, mm = (rest % 3600) / 60
        return "\(day) \(hh < 10 ? "0" : "")\(hh):\(mm < 10 ? "0" : "")\(mm) UTC"
    }
}
