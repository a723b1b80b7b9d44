import Mustache

/// swift-mustache's HTML content type, escaping through `HTMLText`: text without any of the
/// five escaped characters is returned as is (as `htmlEscape` would return it), other text is
/// escaped scalar by scalar with swift-mustache's replacements (so a quote followed by a
/// combining mark is escaped too, which `htmlEscape` misses).
///
/// swift-mustache's `htmlEscape` walks characters and looks each up in a dictionary
/// (≈ 900 instructions per character, 13 % of a site build for page-level text). Every
/// template of `PageTemplates` starts with this content type (`template(_:)`); since
/// swift-mustache resets the content type to HTML in each partial, each template sets it.
struct FastHTML: MustacheContentType {
    static let name = "sprint-report-html"

    private static let registered: Bool = {
        MustacheContentTypes.register(FastHTML(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String { HTMLText.escaped(text) }

    /// `text` parsed as a template that escapes through `FastHTML`: a standalone
    /// `{{% CONTENT_TYPE: …}}` line (removed from the output) is put before it.
    static func template(_ text: String) throws -> MustacheTemplate {
        precondition(registered)
        return try MustacheTemplate(string: "{{% CONTENT_TYPE: \(name)}}\n" + text)
    }
}
