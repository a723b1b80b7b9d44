import Mustache

/// Text for HTML, escaped exactly as swift-mustache's `{{x}}` escapes it — by swift-mustache.
///
/// The project never hand-writes HTML escaping. swift-mustache's HTML escaping
/// (`String.htmlEscape` in its `String.swift`) replaces only the characters `<`, `>`, `&`,
/// `"` and `'` and copies every other character. So a string whose UTF-8 holds none of those
/// five bytes is emitted as is (it would come out of `{{x}}` unchanged), and any other string
/// is escaped by rendering it through a cached one-variable swift-mustache template (`{{s}}`).
/// The native writers (`MarkGroupHTML`, `TableRowsHTML`) use this for every text they insert;
/// a test compares it with swift-mustache for every ASCII character, every BMP scalar and
/// hostile strings.
enum HTMLText {
    /// The template that escapes: swift-mustache's own `{{s}}`.
    private static let escaper = try! MustacheTemplate(string: "{{s}}")

    /// True when `s` holds none of `<`, `>`, `&`, `"`, `'` (as UTF-8 bytes).
    @inline(__always) static func isPlain(_ s: String) -> Bool {
        if let plain = s.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            for b in bytes where b == 0x3C || b == 0x3E || b == 0x26 || b == 0x22 || b == 0x27 { return false }
            return true
        }) {
            return plain
        }
        for b in s.utf8 where b == 0x3C || b == 0x3E || b == 0x26 || b == 0x22 || b == 0x27 { return false }
        return true
    }

    /// `s` as `{{s}}` renders it.
    static func escaped(_ s: String) -> String {
        isPlain(s) ? s : escaper.render(["s": s])
    }

    /// Appends `s` as `{{s}}` renders it.
    @inline(__always) static func append(_ s: String, to out: inout String) {
        if isPlain(s) { out += s } else { out += escaper.render(["s": s]) }
    }

    /// Appends `s` as `{{s}}` renders it, as UTF-8.
    static func append(_ s: String, to out: ByteBuffer) {
        let done = s.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for b in bytes where b == 0x3C || b == 0x3E || b == 0x26 || b == 0x22 || b == 0x27 { return false }
            out.append(bytes)
            return true
        }
        switch done {
        case true?: return
        case false?: out.appendText(escaper.render(["s": s]))
        case nil: out.appendText(escaped(s))
        }
    }
}

/// swift-mustache's HTML content type with `HTMLText`'s shortcut: text without any of the five
/// escaped characters is returned as is (as `htmlEscape` would return it, character for
/// character), other text is escaped by swift-mustache's own HTML escaping.
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

extension ByteBuffer {
    /// Appends a literal's UTF-8 bytes (no `String` machinery: the writers append a few
    /// literals per mark and per cell).
    @inline(__always) func append(_ s: StaticString) {
        s.withUTF8Buffer { append($0) }
    }

    /// The bytes as a `String` (they are UTF-8: text appended by `appendText` and `HTMLText`).
    var string: String { withBytes { String(decoding: $0, as: UTF8.self) } }
}
