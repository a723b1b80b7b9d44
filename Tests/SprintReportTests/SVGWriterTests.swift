import Foundation
import Testing
@testable import SprintReport

/// `SVGWriter`, the one writer of chart markup: its format, its numbers, and its escaping —
/// every chart read back by an XML parser gives the geometry's classes, numbers and texts.
@Suite struct SVGWriterTests {
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

    /// The size class of a chart: steps of 160 user units, 1…8, and 1 for a width that is
    /// not a number (no trap).
    @Test func sizeClassStepsAndBounds() {
        #expect(SVGWriter.sizeClass(640) == 4)
        #expect(SVGWriter.sizeClass(641) == 5)
        #expect(SVGWriter.sizeClass(0) == 1)
        #expect(SVGWriter.sizeClass(10_000) == 8)
        #expect(SVGWriter.sizeClass(.nan) == 1)
        #expect(SVGWriter.sizeClass(.infinity) == 1)
    }

    /// The markup of a small chart, byte for byte: the frame, then each group's marks by
    /// element kind (rects, paths, circles, lines, texts) whatever their order in the group.
    @Test func aSmallChartByteForByte() {
        let g = ChartGeometry(width: 320.5, height: 100, idPrefix: "c1", title: "Say/do", description: "Rose.", groups: [
            MarkGroup(cls: "chart-key", marks: [
                .text(TextMark(x: 20, y: 14, text: "Elite", cls: "chart-legend", fontSize: 11, anchor: .end, rotate: -45,
                               title: "band")),
                .line(LineMark(x1: 0, y1: 10, x2: 14, y2: 10, cls: "chart-trend")),
                .circle(CircleMark(cx: 3, cy: 4.25, r: 2, cls: "chart-spark-last", title: "Last 5")),
                .path(PathMark(d: "M0 0h4", cls: "chart-grid")),
                .rect(RectMark(x: 0, y: -0.04, width: 14, height: 9.9, cls: "chart-heat-1")),
            ]),
            MarkGroup(cls: "chart-rows", href: "team.html", marks: [
                .text(TextMark(x: 1, y: 2, text: "Falcon", cls: "chart-row-label", fontSize: 11)),
            ]),
        ])
        #expect(SVGWriter.chart(g, kind: .sayDo) == """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart chart-say-do chart-size-3" viewBox="0 0 320.5 100" \
            width="100%" role="img" aria-labelledby="c1-title c1-desc">
            <title id="c1-title">Say/do</title>
            <desc id="c1-desc">Rose.</desc>
            <g class="chart-key">
            <rect x="0" y="0" width="14" height="9.9" class="chart-heat-1"></rect>
            <path d="M0 0h4" class="chart-grid"></path>
            <circle cx="3" cy="4.3" r="2" class="chart-spark-last"><title>Last 5</title></circle>
            <line x1="0" y1="10" x2="14" y2="10" class="chart-trend"/>
            <text x="20" y="14" class="chart-legend" font-size="11" text-anchor="end" transform="rotate(-45 20 14)">\
            <title>band</title>Elite</text>
            </g>
            <a href="team.html">
            <g class="chart-rows">
            <text x="1" y="2" class="chart-row-label" font-size="11">Falcon</text>
            </g>
            </a>
            </svg>

            """)
        #expect(SVGWriter.sparkline(g).hasPrefix("""
            <svg xmlns="http://www.w3.org/2000/svg" class="chart-spark" viewBox="0 0 320.5 100" role="img" \
            aria-labelledby="c1-title" aria-describedby="c1-desc">
            <title id="c1-title">Say/do</title>
            """))
    }

    /// Hostile texts in every place a chart carries text: the markup parses, and gives back
    /// exactly the geometry's texts, classes and links.
    @Test func hostileChartsReadBackAsTheirGeometry() throws {
        let strings = HTMLTextTests.hostile.filter(XMLTree.isXMLText) + ["\u{7F}", "a\tb\r\nc"]
        for (i, s) in strings.enumerated() {
            let t: String? = i % 3 == 0 ? nil : s
            let marks: [ChartMark] = [
                .text(TextMark(x: 1, y: 2, text: s, cls: "lbl " + s, fontSize: 11.5,
                               anchor: [.start, .middle, .end][i % 3], rotate: i % 2 == 0 ? 0 : -45, title: t)),
                .path(PathMark(d: "M0 0L" + s, cls: s, title: t)),
                .rect(RectMark(x: 1.25, y: -0.04, width: Double(i) * 3.33, height: 1e4 + 0.05, cls: s, title: t)),
                .line(LineMark(x1: 0, y1: .nan, x2: -0.0, y2: 123456.789, cls: s)),
                .circle(CircleMark(cx: -1.05, cy: 0.95, r: 2, cls: s, title: t)),
            ]
            let groups = [MarkGroup(cls: s, href: i % 2 == 0 ? nil : s, marks: marks), MarkGroup(cls: "empty", marks: [])]
            let g = ChartGeometry(width: 640, height: 200, idPrefix: "p" + s, title: s, description: s + "!", groups: groups)
            for (svg, sparkline) in [(SVGWriter.chart(g, kind: .heatmap), false), (SVGWriter.sparkline(g), true)] {
                let tree = try #require(XMLTree.parse(svg), "\(s.debugDescription) does not parse: \(svg)")
                #expect(tree == Self.expected(g, sparkline: sparkline), "\(s.debugDescription)")
            }
        }
    }

    /// The tree an XML parser must read from the writer's markup of `g`.
    static func expected(_ g: ChartGeometry, sparkline: Bool) -> XMLTree {
        typealias X = XMLTree
        let a = X.attribute, f = SVGNumber.format
        func title(_ t: String?) -> [X] { t.map { [X.el("title", children: [.text(X.text($0))])] } ?? [] }
        var children: [X] = [
            X.el("title", ["id": a(g.idPrefix + "-title")], children: [.text(X.text(g.title))]),
            X.el("desc", ["id": a(g.idPrefix + "-desc")], children: [.text(X.text(g.description))]),
        ]
        for group in g.groups {
            var marks: [X] = []
            for m in group.marks { if case .rect(let r) = m {
                marks.append(X.el("rect", ["x": f(r.x), "y": f(r.y), "width": f(r.width), "height": f(r.height),
                                           "class": a(r.cls)], children: title(r.title)))
            } }
            for m in group.marks { if case .path(let p) = m {
                marks.append(X.el("path", ["d": a(p.d), "class": a(p.cls)], children: title(p.title)))
            } }
            for m in group.marks { if case .circle(let c) = m {
                marks.append(X.el("circle", ["cx": f(c.cx), "cy": f(c.cy), "r": f(c.r), "class": a(c.cls)],
                                  children: title(c.title)))
            } }
            for m in group.marks { if case .line(let l) = m {
                marks.append(X.el("line", ["x1": f(l.x1), "y1": f(l.y1), "x2": f(l.x2), "y2": f(l.y2), "class": a(l.cls)]))
            } }
            for m in group.marks { if case .text(let t) = m {
                var attributes = ["x": f(t.x), "y": f(t.y), "class": a(t.cls), "font-size": f(t.fontSize)]
                if t.anchor != .start { attributes["text-anchor"] = t.anchor.rawValue }
                if t.rotate != 0 { attributes["transform"] = "rotate(\(f(t.rotate)) \(f(t.x)) \(f(t.y)))" }
                marks.append(X.el("text", attributes, children: title(t.title) + [.text(X.text(t.text))]))
            } }
            let element = X.el("g", ["class": a(group.cls)], children: marks)
            children.append(group.href.map { X.el("a", ["href": a($0)], children: [element]) } ?? element)
        }
        let size = "0 0 \(f(g.width)) \(f(g.height))"
        let frame: [String: String] = sparkline
            ? ["class": "chart-spark", "viewBox": size, "role": "img", "aria-labelledby": a(g.idPrefix + "-title"),
               "aria-describedby": a(g.idPrefix + "-desc")]
            : ["class": "chart chart-heatmap chart-size-4", "viewBox": size, "width": "100%", "role": "img",
               "aria-labelledby": a(g.idPrefix + "-title " + g.idPrefix + "-desc")]
        return X.el("svg", frame, children: children)
    }
}
