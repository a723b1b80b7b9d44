import Foundation

/// What `layout.mustache` and the page templates (`page-index` … `page-single`) receive: the
/// page's title, its style sheet, the navigation, the footer, and the page's content — one
/// section (a page of the site) or the slot where the single file's sections are streamed.
final class PageContext: TemplateContext {
    /// The `<title>`: "Falcon · Acme", or the site's title alone.
    let title: String
    let siteTitle: String
    /// The site's style sheet file, or nil: the CSS is inlined (`css`).
    let stylesheet: String?
    let css: String?
    /// The overview's link; nil in a file narrowed to one team.
    let homeHref: String?
    let navigation: LinkListContext?
    let inputs: [InputFileContext]
    let window: String
    /// "2026-04-01 12:00 UTC" from SOURCE_DATE_EPOCH, else nil (no time is shown).
    let generated: String?
    /// The section this page shows (a page of the site).
    var section: (any TemplateContext)?
    /// The single file's table of contents.
    var contents: LinkListContext?
    /// The single file's marker where the sections go (`SingleFileBuilder.slot`).
    var sections: String?

    init(title: String, siteTitle: String, stylesheet: String?, css: String?, homeHref: String?,
         navigation: LinkListContext?, inputs: [InputFileContext], window: String, generated: String?) {
        self.title = title
        self.siteTitle = siteTitle
        self.stylesheet = stylesheet
        self.css = css
        self.homeHref = homeHref
        self.navigation = navigation
        self.inputs = inputs
        self.window = window
        self.generated = generated
    }

    static let fields: [String: @Sendable (PageContext) -> Any] = [
        "title": { $0.title },
        "siteTitle": { $0.siteTitle },
        "generator": { _ in SprintReportVersion.generator },
        "stylesheet": { orFalse($0.stylesheet) },
        "css": { orFalse($0.css) },
        "homeHref": { orFalse($0.homeHref) },
        "navigation": { orFalse($0.navigation) },
        "inputs": { $0.inputs },
        "window": { $0.window },
        "generated": { orFalse($0.generated) },
        "section": { orFalse($0.section) },
        "contents": { orFalse($0.contents) },
        "sections": { orFalse($0.sections) },
    ]
}

/// One input file in the footer: its path and the start of its SHA-256.
final class InputFileContext: TemplateContext {
    let path: String
    let sha256: String

    init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }

    static let fields: [String: @Sendable (InputFileContext) -> Any] = [
        "path": { $0.path },
        "sha256Prefix": { String($0.sha256.prefix(12)) },
    ]
}

/// A list of links: the site's navigation, the single file's table of contents.
final class LinkListContext: TemplateContext {
    let items: [LinkContext]

    init(_ items: [LinkContext]) { self.items = items }

    static let fields: [String: @Sendable (LinkListContext) -> Any] = [
        "items": { $0.items },
    ]
}

/// A link: its text, its target (nil: the item is not a link) and whether it is the current page.
final class LinkContext: TemplateContext {
    let label: String
    let href: String?
    let current: Bool

    init(label: String, href: String?, current: Bool = false) {
        self.label = label
        self.href = href
        self.current = current
    }

    static let fields: [String: @Sendable (LinkContext) -> Any] = [
        "label": { $0.label },
        "href": { orFalse($0.href) },
        "current": { $0.current },
    ]
}

extension PageSettings {
    enum NavItem { case index, quality, none }

    /// The site's one style sheet, written beside the pages (all in one folder): a page links
    /// it instead of inlining 17 KB of CSS. The single-file report keeps its CSS inline.
    static let stylesheetFile = "style.css"

    func page(title pageTitle: String, current: NavItem, nav showNav: Bool = true) -> PageContext {
        PageContext(
            title: pageTitle == title ? title : "\(pageTitle) · \(title)",
            siteTitle: title,
            stylesheet: links.singleFile ? nil : PageSettings.stylesheetFile,
            css: links.singleFile ? templates.css : nil,
            homeHref: links.narrowed ? nil : links.index,
            navigation: showNav ? LinkListContext([
                LinkContext(label: "Overview", href: links.index, current: current == .index),
                LinkContext(label: "Data quality (\(report.findings.count))", href: links.quality,
                            current: current == .quality),
            ]) : nil,
            inputs: report.inputs.map { InputFileContext(path: $0.path, sha256: $0.sha256) },
            window: windowText,
            generated: generated)
    }

    /// "2026-04-01 12:00 UTC" for a SOURCE_DATE_EPOCH value (seconds since 1970), else nil.
    static func generatedTime(sourceDateEpoch: String?) -> String? {
        guard let text = sourceDateEpoch?.trimmingCharacters(in: .whitespaces), let seconds = Int64(text),
              seconds >= 0, let days = Int32(exactly: seconds / 86_400) else { return nil }
        let day = Day(daysSinceEpoch: days)
        let rest = Int(seconds % 86_400)
        let hh = rest / 3600, mm = (rest % 3600) / 60
        return "\(day) \(hh < 10 ? "0" : "")\(hh):\(mm < 10 ? "0" : "")\(mm) UTC"
    }
}
