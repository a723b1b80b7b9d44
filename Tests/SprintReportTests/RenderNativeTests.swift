import Foundation
import Mustache
import Testing
@testable import SprintReport

/// The native writers of `chart-group` and `part-table` produce exactly the bytes that
/// swift-mustache produces from the embedded templates, and escape exactly as swift-mustache.
@Suite struct RenderNativeTests {
    /// The embedded templates as written (no native variants), escaping as every page
    /// template does (`FastHTML`): the reference.
    static let classic: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in EmbeddedFiles.templates {
            library.register(try! FastHTML.template(text), named: String(name.dropLast(".mustache".count)))
        }
        return library
    }()

    static let native = try! PageTemplates.embedded().library

    static let hostile = [
        "", " ", "plain", "<script>alert(\"x\")</script>", "a & b", "it's", "\"quoted\"", "x > y < z",
        "&amp;", "&#39;", "line\nbreak\r\n", "tab\there", "🚀 rocket", "é\u{301}", "&\u{301}", "<\u{338}",
        "'\u{301}\"\u{302}", "\u{0}\u{7F}", "{{x}}", "}}{{", "—", "\u{202F}%", "Ünïcödé <b>bold</b> & 'q'",
    ]

    static func mustache(_ s: String) -> String { try! MustacheTemplate(string: "{{s}}").render(["s": s]) }

    /// swift-mustache's `{{s}}` applied to each Unicode scalar alone: what `HTMLText` must give.
    static func mustacheByScalar(_ s: String) -> String { s.unicodeScalars.map { mustache(String($0)) }.joined() }

    // MARK: escaping

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
            var out = "<"
            HTMLText.append(s, to: &out)
            #expect(out == "<" + Self.mustacheByScalar(s))
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

    @Test func templateErrorsNameTheUsersLine() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "<p>\n{{#open}}\n".write(to: dir.appendingPathComponent("part-table.mustache"), atomically: true, encoding: .utf8)
        #expect {
            try PageTemplates(directory: dir.path)
        } throws: { error in
            "\(error)".hasPrefix(dir.appendingPathComponent("part-table.mustache").path + ":")
                && (error as? TemplateError)?.line.map { $0 <= 3 } == true
        }
    }

    // MARK: numbers

    @Test func svgNumbersMatchNumberFormat() {
        var values: [Double] = [0, -0.0, 0.04, -0.04, 0.05, -0.05, 0.15, 0.25, 1.45, -1.45, 2.5, 99.95, 1234.56,
                                -1234.56, 1e9, 3e15, 7e17, .nan, .infinity, -.infinity, .ulpOfOne, 0.1 + 0.2]
        var state: UInt64 = 9
        for _ in 0..<5000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let r = Double(state >> 11) / Double(1 << 53)
            values.append((r - 0.5) * [1, 10, 1000, 1e6][Int(state % 4)])
        }
        for x in values {
            // Beyond ±SVGNumber.limit a coordinate is pinned at the limit (3e15, 7e17 above).
            let s = NumberFormat.fixed(x.isFinite ? min(max(x, -SVGNumber.limit), SVGNumber.limit) : 0, 1, grouping: false)
            let expected = s.hasSuffix(".0") ? String(s.dropLast(2)) : s
            #expect(SVGNumber.format(x) == expected, "\(x)")
            let bytes = ByteBuffer()
            SVGNumber.append(x, to: bytes)
            var text = "="
            SVGNumber.append(x, to: &text)
            #expect(bytes.string == expected && text == "=" + expected, "\(x)")
        }
    }

    // MARK: chart groups

    static func groups() -> [MarkGroup] {
        var groups: [MarkGroup] = []
        let texts = hostile
        for (i, s) in texts.enumerated() {
            let t: String? = i % 3 == 0 ? nil : s
            var marks: [ChartMark] = [
                .rect(RectMark(x: 1.25, y: -0.04, width: Double(i) * 3.33, height: 1e4 + 0.05, cls: s,
                               fill: i % 2 == 0 ? nil : "url(#" + s + ")", title: t)),
                .text(TextMark(x: 1, y: 2, text: s, cls: "lbl " + s, fontSize: 11.5,
                               anchor: [.start, .middle, .end][i % 3], rotate: i % 2 == 0 ? 0 : -45, title: t)),
                .path(PathMark(d: "M0 0L" + s, cls: s, title: t)),
                .circle(CircleMark(cx: -1.05, cy: 0.95, r: 2, cls: s, title: t)),
                .line(LineMark(x1: 0, y1: .nan, x2: -0.0, y2: 123456.789, cls: s)),
                .rect(RectMark(x: 0, y: 0, width: 1, height: 1, cls: "", fill: "", title: "")),
                .text(TextMark(x: 0, y: 0, text: "", cls: "", fontSize: 0, anchor: .middle, rotate: 90)),
            ]
            if i % 4 == 1 { marks.reverse() }
            groups.append(MarkGroup(cls: s, href: i % 2 == 0 ? nil : s, marks: marks))
        }
        groups.append(MarkGroup(cls: "empty", marks: []))
        groups.append(MarkGroup(cls: "", href: "", marks: []))
        return groups
    }

    @Test func markGroupsRenderLikeTheTemplate() {
        for group in Self.groups() {
            let classic = Self.classic.render(ChartHTML.context(group), withTemplate: "chart-group")
            #expect(MarkGroupHTML.render(group) == classic)
        }
        let g = ChartGeometry(width: 640, height: 200, idPrefix: "c", title: Self.hostile[3], description: Self.hostile[4],
                              hatches: [Hatch(id: "h", cls: "x")], groups: Self.groups())
        for kind in ["say-do", "sparkline", "heatmap"] {
            let classic = ChartHTML.render(g, kind: kind, template: "chart-" + kind, library: Self.classic)
            #expect(!classic.isEmpty)
            #expect(ChartHTML.render(g, kind: kind, template: "chart-" + kind, library: Self.native) == classic)
        }
    }

    /// The chart heads (`svgHead`, `sparkHead`) with hostile ids, titles, descriptions and sizes.
    @Test func chartHeadsRenderLikeTheTemplates() {
        for (i, s) in Self.hostile.enumerated() {
            let g = ChartGeometry(width: [0, 0.05, 159.95, 640, 2000, -3.25, 1281][i % 7], height: [24, 0.04, 1e6][i % 3],
                                  idPrefix: s, title: Self.hostile[(i + 3) % Self.hostile.count], description: s,
                                  groups: [MarkGroup(cls: s, marks: [])])
            for (kind, template) in [("say-do", "chart-say-do"), ("sparkline", "chart-sparkline"), (s, "chart-svg")] {
                let classic = ChartHTML.render(g, kind: kind, template: template, library: Self.classic)
                #expect(ChartHTML.render(g, kind: kind, template: template, library: Self.native) == classic, "\(i) \(kind)")
            }
        }
    }

    @Test func tileIdsAreTheCaseNames() {
        for figure in TileFigure.allCases { #expect(figure.id == "\(figure)") }
    }

    @Test func realChartsRenderLikeTheTemplates() {
        let limits = BandThresholds.defaults.limits[.sayDoPercent]!
        for n in [0, 1, 5, 78] {
            let points = ChartSamples.sprints(n, gaps: n > 3 ? [1, 2] : [], labels: { "\(Self.hostile[$0 % Self.hostile.count]) \($0)" })
            let layouts: [(ChartLayout, String)] = [
                (PlannedVsDeliveredLayout.make(points, mode: .storyPoints, periodNoun: "sprint", idPrefix: "a"), "planned-delivered"),
                (DeliveredForecastLayout.make(points, forecast: ChartSamples.forecast, mode: .tickets, periodNoun: "sprint",
                                              idPrefix: "b"), "delivered-forecast"),
                (SayDoLayout.make(points, limits: limits, periodNoun: "sprint", idPrefix: "c"), "say-do"),
                (CreepChurnLayout.make(points, periodNoun: "sprint", idPrefix: "d"), "creep-churn"),
            ]
            for (layout, kind) in layouts {
                let classic = ChartKit.render(layout, kind: kind, library: Self.classic).svg
                #expect(ChartKit.render(layout, kind: kind, library: Self.native).svg == classic, "\(kind) \(n)")
            }
        }
    }

    // MARK: tables

    /// Every combination of the cell flags, with hostile texts.
    static func cells() -> [TableCell] {
        var cells: [TableCell] = []
        var k = 0
        for flags in 0..<(1 << 9) {
            let s = hostile[k % hostile.count]
            k += 1
            var c = TableCell(text: s)
            c.header = flags & 1 != 0
            c.numeric = flags & 2 != 0
            c.href = flags & 4 != 0 ? "team-" + s + ".html" : nil
            c.title = flags & 8 != 0 ? s : nil
            c.mark = flags & 16 != 0 ? (k % 2 == 0 ? "*" : s) : nil
            c.muted = flags & 32 != 0
            c.band = flags & 64 != 0 ? Band.allCases[k % Band.allCases.count] : nil
            c.svg = flags & 128 != 0 ? "<svg>\(k)</svg>" : nil
            c.nowrap = flags & 256 != 0
            c.indent = k % 11
            cells.append(c)
        }
        return cells
    }

    func renderBoth(_ table: TableModel) -> (classic: String, native: String) {
        let page: [String: Any] = ["sTitle": "Team <A>", "mTitle": "Story 'points'", "t": table.context]
        let template = try! MustacheTemplate(string: "{{#t}}{{>part-table}}{{/t}}")
        return (template.render(page, library: Self.classic), template.render(page, library: Self.native))
    }

    @Test func tablesRenderLikeTheTemplate() {
        let cells = Self.cells()
        var tables: [TableModel] = []
        for width in [1, 3, 7] {
            var rows: [[TableCell]] = []
            var i = 0
            while i < cells.count {
                rows.append(Array(cells[i..<min(i + width, cells.count)]))
                i += width
            }
            tables.append(TableModel(id: "t\(width)", caption: Self.hostile[width], note: width == 3 ? nil : Self.hostile[3],
                                     columns: (0..<width).map { (Self.hostile[$0 + 3], $0 % 2 == 1) }, rows: rows,
                                     captionHidden: width == 7))
        }
        // Numeric tables (`num-cols`): plain cells and row headers.
        let numeric = (0..<30).map { r in
            [TableCell(text: "Sprint \(r) & <x>", header: true, nowrap: true)]
                + (0..<5).map { c in TableCell.number(c == r % 5 ? NumberFormat.undefined : "\(r * c).5") }
        }
        tables.append(TableModel(id: "n", caption: "Numbers", note: nil,
                                 columns: [("Sprint", false)] + (0..<5).map { ("C'\($0)", true) }, rows: numeric))
        tables.append(TableModel(id: "empty", caption: "", note: "", columns: [], rows: []))
        tables.append(TableModel(id: "one", caption: "x", note: nil, columns: [("a", false)], rows: [[]]))
        for table in tables {
            let (classic, native) = renderBoth(table)
            #expect(classic.contains("<tbody>"))
            #expect(native == classic, "table \(table.id)")
        }
    }

    // MARK: templates

    @Test func embeddedHotTemplatesAreRegisteredAsNativeVariants() throws {
        let table = try #require(NativeTemplates.variant(of: "part-table", embedded: String(decoding: PackageResources.part_table_mustache, as: UTF8.self)))
        #expect(table.contains("{{{tbBody}}}") && table.contains("{{{tbHead}}}"))
        #expect(!table.contains("{{#tbRows}}") && !table.contains("rCells"))
        let group = String(decoding: PackageResources.chart_group_mustache, as: UTF8.self)
        #expect(NativeTemplates.variant(of: "chart-group", embedded: group) == "{{{gHTML}}}")
        // An edit of the parts a writer replaces turns its native variant off.
        #expect(NativeTemplates.variant(of: "chart-group", embedded: group + " ") == nil)
        let tableText = String(decoding: PackageResources.part_table_mustache, as: UTF8.self)
        #expect(NativeTemplates.partTable(tableText.replacingOccurrences(of: "<tr>{{#rCells}}", with: "<tr class=\"r\">{{#rCells}}"))
            == nil)
        #expect(NativeTemplates.partTable(tableText.replacingOccurrences(of: "<caption", with: "<caption class=\"c\"")) != nil)
        for (name, key, text) in [("chart-svg", "svgHead", PackageResources.chart_svg_mustache),
                                  ("chart-sparkline", "sparkHead", PackageResources.chart_sparkline_mustache)] {
            let embedded = String(decoding: text, as: UTF8.self)
            let variant = try #require(NativeTemplates.variant(of: name, embedded: embedded))
            #expect(variant.hasPrefix("{{{\(key)}}}\n{{#") && !variant.contains("{{title}}"))
            #expect(NativeTemplates.variant(of: name, embedded: embedded.replacingOccurrences(of: "<desc", with: "<desc class=\"d\"")) == nil)
        }
        #expect(NativeTemplates.variant(of: "page-team", embedded: "x") == nil)
        #expect(NativeTemplates.partTable("no rows here") == nil)
    }

    /// A user's `chart-group` or `part-table` replaces the native path and is rendered by
    /// swift-mustache with the usual keys.
    @Test func overridingAHotTemplateFallsBackToMustache() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "{{#rects}}[R {{cls}}{{#title}} {{.}}{{/title}}]{{/rects}}{{#texts}}[T {{text}}]{{/texts}}\n"
            .write(to: dir.appendingPathComponent("chart-group.mustache"), atomically: true, encoding: .utf8)
        try "<t>{{#tbColumns}}({{hLabel}}){{/tbColumns}}{{#tbRows}}|{{#rCells}}{{cText}};{{/rCells}}{{/tbRows}}</t>\n"
            .write(to: dir.appendingPathComponent("part-table.mustache"), atomically: true, encoding: .utf8)
        let library = try PageTemplates(directory: dir.path).library
        let group = MarkGroup(cls: "g", marks: [.rect(RectMark(x: 0, y: 0, width: 1, height: 1, cls: "a<b", title: "t&")),
                                                .text(TextMark(x: 0, y: 0, text: "'hi'", cls: "c", fontSize: 9))])
        let g = ChartGeometry(width: 100, height: 50, idPrefix: "p", title: "T", description: "D", groups: [group])
        let svg = ChartHTML.render(g, kind: "say-do", template: "chart-say-do", library: library)
        #expect(svg.contains("[R a&lt;b t&amp;][T &#39;hi&#39;]\n"))
        #expect(!svg.contains("<rect x="))
        let table = TableModel(id: "x", caption: "c", note: nil, columns: [("A&", false), ("B", true)],
                               rows: [[TableCell(text: "r<1>", header: true), .number("2")]])
        let html = try MustacheTemplate(string: "{{#t}}{{>part-table}}{{/t}}").render(["t": table.context], library: library)
        #expect(html == "<t>(A&amp;)(B)|r&lt;1&gt;;2;</t>\n")
    }

    /// The size class of a chart: steps of 160 user units, 1…8, and 1 for a width that is
    /// not a number (no trap).
    @Test func sizeClassStepsAndBounds() {
        #expect(ChartHTML.sizeClass(640) == 4)
        #expect(ChartHTML.sizeClass(641) == 5)
        #expect(ChartHTML.sizeClass(0) == 1)
        #expect(ChartHTML.sizeClass(10_000) == 8)
        #expect(ChartHTML.sizeClass(.nan) == 1)
        #expect(ChartHTML.sizeClass(.infinity) == 1)
    }
}

/// The byte fast paths of `TextMetrics` and `ChartText.oneLine` give what the character
/// loops give (the reference loops are copied here as they were).
@Suite struct TextMetricsFastPathTests {
    static func referenceWidth(_ text: String, fontSize: Double) -> Double {
        var em = 0.0
        for ch in text { em += TextMetrics.advance(ch) }
        return em * fontSize
    }

    static func referenceTruncateMiddle(_ text: String, fontSize: Double, maxWidth: Double) -> String {
        if referenceWidth(text, fontSize: fontSize) <= maxWidth { return text }
        let chars = Array(text)
        let budget = maxWidth - TextMetrics.advance("…") * fontSize
        var head = 0, tail = 0, used = 0.0
        while head + tail < chars.count {
            let takeTail = (head + tail) % 2 == 1
            let ch = takeTail ? chars[chars.count - 1 - tail] : chars[head]
            let w = TextMetrics.advance(ch) * fontSize
            if used + w > budget { break }
            used += w
            if takeTail { tail += 1 } else { head += 1 }
        }
        return String(chars[0..<head]) + "…" + String(chars[(chars.count - tail)...])
    }

    static func referenceOneLine(_ s: String) -> String {
        String(s.map { $0.isNewline || ($0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) ? " " : $0 })
    }

    @Test func fastPathsMatchTheCharacterLoops() {
        var state: UInt64 = 3
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % n
        }
        var strings = ["", "Sprint 12", "Amber Lynx Platform Sprint 2026-14", "a\r\nb", "\r", "\n\n", "x\u{7F}y",
                       "é", "🚀 Sprint", "e\u{301}", "Mmmm WWWW iiii", String(repeating: "W", count: 200)]
        for _ in 0..<3000 {
            let pool = next(4) == 0 ? Array(0..<128) : Array(32..<127)
            strings.append(String(decoding: (0..<next(60)).map { _ in UInt8(pool[next(pool.count)]) }, as: UTF8.self))
        }
        for s in strings {
            for fs in [11.0, 12.0] {
                #expect(TextMetrics.width(s, fontSize: fs) == Self.referenceWidth(s, fontSize: fs), "\(s.debugDescription)")
                for maxWidth in [0.0, 20, 64.5, 100, 110] {
                    #expect(TextMetrics.truncateMiddle(s, fontSize: fs, maxWidth: maxWidth)
                        == Self.referenceTruncateMiddle(s, fontSize: fs, maxWidth: maxWidth), "\(s.debugDescription)")
                }
            }
            #expect(ChartText.oneLine(s) == Self.referenceOneLine(s), "\(s.debugDescription)")
        }
    }
}

/// `NumberFormat.fixed` writes bytes; the string-building version it replaced is the reference.
@Suite struct NumberFormatFixedTests {
    static func reference(_ x: Double, _ places: Int, grouping: Bool = true) -> String {
        guard x.isFinite else { return NumberFormat.undefined }
        var r = NumberFormat.rounded(x, places: places)
        if r == 0 { r = 0 }
        let negative = r < 0
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let units = (abs(r) * scale).rounded()
        let whole = (units / scale).rounded(.down)
        let frac = Int((units - whole * scale).rounded())
        var intText = String(Int(whole))
        if grouping && intText.count > 3 {
            var out = ""
            for (i, ch) in intText.enumerated() {
                if i > 0 && (intText.count - i) % 3 == 0 { out.append(",") }
                out.append(ch)
            }
            intText = out
        }
        var s = negative ? "-" + intText : intText
        if places > 0 {
            var f = String(frac)
            while f.count < places { f = "0" + f }
            s += "." + f
        }
        return s
    }

    @Test func fixedMatchesTheStringVersion() {
        var values: [Double] = [0, -0.0, 0.004, -0.004, 0.005, 0.05, 1, 12, 123, 1234, 12345, 123456, 1234567.891,
                                -1234567.891, 999.995, 1e15, 3e17, -9e17, .nan, .infinity, 0.1 + 0.2, 100, 1000]
        var state: UInt64 = 5
        for _ in 0..<5000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let r = Double(state >> 11) / Double(1 << 53)
            values.append((r - 0.5) * [1, 100, 1e4, 1e7, 1e12][Int(state % 5)])
        }
        for x in values {
            for places in 0...3 {
                for grouping in [true, false] {
                    #expect(NumberFormat.fixed(x, places, grouping: grouping) == Self.reference(x, places, grouping: grouping),
                            "\(x) \(places) \(grouping)")
                }
            }
        }
    }
}
