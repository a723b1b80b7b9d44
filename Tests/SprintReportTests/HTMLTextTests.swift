import Foundation
import Mustache
import Testing
@testable import SprintReport

/// `HTMLText`, the one escaper of the pages (templates through `FastHTML`, the SVG writer, the
/// table rows), escapes exactly as swift-mustache does for each Unicode scalar — including a
/// quote followed by a combining mark, which swift-mustache 2.1.1 itself lets through.
@Suite struct HTMLTextTests {
    static let hostile = [
        "", " ", "plain", "<script>alert(\"x\")</script>", "a & b", "it's", "\"quoted\"", "x > y < z",
        "&amp;", "&#39;", "line\nbreak\r\n", "tab\there", "🚀 rocket", "é\u{301}", "&\u{301}", "<\u{338}",
        "'\u{301}\"\u{302}", "\u{0}\u{7F}", "{{x}}", "}}{{", "—", "\u{202F}%", "Ünïcödé <b>bold</b> & 'q'",
    ]

    static func mustache(_ s: String) -> String { try! MustacheTemplate(string: "{{s}}").render(["s": s]) }

    /// swift-mustache's `{{s}}` applied to each Unicode scalar alone: what `HTMLText` must give.
    static func mustacheByScalar(_ s: String) -> String { s.unicodeScalars.map { mustache(String($0)) }.joined() }

    @Test func everyASCIICharacterEscapesLikeMustache() {
        for v in 0..<128 {
            let c = String(UnicodeScalar(UInt8(v)))
            for s in [c, "a" + c + "b", c + c] {
                #expect(HTMLText.escaped(s) == Self.mustache(s), "\(v)")
            }
        }
    }

    @Test func everyBMPScalarIsPlainOrEscapedLikeMustache() {
        var checked = 0
        for v in UInt32(0)...0xFFFF {
            guard let u = UnicodeScalar(v) else { continue }
            let s = "x" + String(u) + "y"
            if HTMLText.isPlain(s) {
                #expect(Self.mustache(s) == s, "U+\(String(v, radix: 16))")
            } else {
                #expect(HTMLText.escaped(s) == Self.mustache(s))
            }
            checked += 1
        }
        #expect(checked == 0x10000 - 0x800)
    }

    @Test func randomAndHostileStringsEscapeLikeMustache() {
        var state: UInt64 = 42
        func next(_ n: UInt32) -> UInt32 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt32(truncatingIfNeeded: state >> 33) % n
        }
        let pool: [UInt32] = [0x3C, 0x3E, 0x26, 0x22, 0x27, 0x61, 0x20, 0x0A, 0x301, 0x338, 0xE9, 0x1F680, 0x202F, 0x2014]
        var strings = Self.hostile
        for _ in 0..<2000 {
            var s = ""
            for _ in 0..<next(12) {
                let v = next(3) == 0 ? pool[Int(next(UInt32(pool.count)))] : next(0x30000)
                if let u = UnicodeScalar(v) { s.unicodeScalars.append(u) }
            }
            strings.append(s)
        }
        for s in strings {
            #expect(HTMLText.escaped(s) == Self.mustacheByScalar(s), "\(s.debugDescription)")
            let buffer = ByteBuffer()
            HTMLText.append(s, to: buffer)
            #expect(buffer.string == Self.mustacheByScalar(s))
        }
    }

    @Test func fastHTMLTemplatesRenderLikePlainOnes() throws {
        let texts = ["{{x}}", "{{#a}}\n{{x}}\n{{/a}}\n", "  {{^b}}\n<p title=\"{{x}}\">{{{x}}}</p>\n  {{/b}}\n", "{{! c }}\n{{x}}",
                     "{{=<% %>=}}\n<%x%>\n"]
        for text in texts {
            let plain = try MustacheTemplate(string: text), fast = try FastHTML.template(text)
            // (Strings where swift-mustache's character-wise escaping misses a character are
            // checked in `aQuoteFollowedByACombiningMarkIsEscaped`.)
            for x in Self.hostile where Self.mustache(x) == Self.mustacheByScalar(x) {
                let context: [String: Any] = ["x": x, "a": true, "b": false]
                #expect(fast.render(context) == plain.render(context), "\(text.debugDescription) \(x.debugDescription)")
            }
        }
        // Partials and inheritance: every template of the library sets the content type.
        var library = MustacheLibrary()
        library.register(try FastHTML.template("<a>{{x}}</a>{{$b}}{{x}}{{/b}}\n"), named: "base")
        library.register(try FastHTML.template("{{<base}}{{$b}}[{{x}}]{{>p}}{{/b}}{{/base}}"), named: "child")
        library.register(try FastHTML.template("({{x}})\n"), named: "p")
        #expect(library.render(["x": "a<b & 'c'"], withTemplate: "child")
            == "<a>a&lt;b &amp; &#39;c&#39;</a>[a&lt;b &amp; &#39;c&#39;](a&lt;b &amp; &#39;c&#39;)\n\n")
        #expect(FastHTML().escapeText("plain é") == "plain é")
    }

    /// swift-mustache 2.1.1 compares grapheme clusters with its table, so `"` + U+0301 (one
    /// character) passes unescaped and ends an attribute; every page template escapes through
    /// `HTMLText`, scalar by scalar.
    @Test func aQuoteFollowedByACombiningMarkIsEscaped() throws {
        let evil = "X\"\u{301} onmouseover=alert(1) x='\u{301}<\u{338}b&\u{301}"
        #expect(HTMLText.escaped(evil) == "X&quot;\u{301} onmouseover=alert(1) x=&#39;\u{301}&lt;\u{338}b&amp;\u{301}")
        let page = try FastHTML.template("<p title=\"{{x}}\">{{x}}</p>").render(["x": evil])
        #expect(page.unicodeScalars.filter { $0 == "\"" }.count == 2)  // the template's own two
        #expect(!page.contains("onmouseover=alert(1) x='"))
        let buffer = ByteBuffer()
        HTMLText.append(evil, to: buffer)
        #expect(buffer.string == HTMLText.escaped(evil))
    }
}
