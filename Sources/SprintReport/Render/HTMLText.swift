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
}
