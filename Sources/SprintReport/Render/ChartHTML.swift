import Mustache

/// Turns chart geometry into a mustache context and renders it with a chart template.
///
/// Contexts are dictionaries (swift-mustache reads them 3–4× faster than reflected
/// structs). Every key a template section tests is always present (`false` when absent), so
/// a lookup never falls through to an enclosing context. All text is escaped by `{{x}}`.
enum ChartHTML {
    static func render(_ g: ChartGeometry, kind: String, template: String, library: MustacheLibrary) -> String {
        library.render(context(g, kind: kind), withTemplate: template) ?? ""
    }

    static func context(_ g: ChartGeometry, kind: String) -> [String: Any] {
        [
            "kind": kind,
            "size": sizeClass(g.width),
            "width": SVGNumber.format(g.width),
            "height": SVGNumber.format(g.height),
            "titleId": g.idPrefix + "-title",
            "descId": g.idPrefix + "-desc",
            "title": g.title,
            "desc": g.description,
            "hasHatches": !g.hatches.isEmpty,
            "hatches": g.hatches.map { ["id": $0.id, "cls": $0.cls] },
            "groups": g.groups.map(GroupContext.init),
            // What the native variants of `chart-svg` and `chart-sparkline` insert (`NativeTemplates`);
            // both, since a user's chart template may include either.
            "svgHead": ChartHeadHTML.render(g, kind: kind, sparkline: false),
            "sparkHead": ChartHeadHTML.render(g, kind: kind, sparkline: true),
        ]
    }

    /// `rotate(-45 x y)`: a text mark's `transform` attribute.
    static func rotation(_ t: TextMark) -> String {
        var s = "rotate("
        SVGNumber.append(t.rotate, to: &s)
        s += " "
        SVGNumber.append(t.x, to: &s)
        s += " "
        SVGNumber.append(t.y, to: &s)
        s += ")"
        return s
    }

    /// A group's marks split by element kind: the template visits each mark once (one
    /// section per kind), and the drawing order becomes rects, paths, circles, lines, texts —
    /// fills under strokes, labels on top.
    static func context(_ group: MarkGroup) -> [String: Any] {
        var rects: [[String: Any]] = [], paths: [[String: Any]] = [], circles: [[String: Any]] = []
        var lines: [[String: Any]] = [], texts: [[String: Any]] = []
        let f = SVGNumber.format
        // `at`: the mark's coordinates as ready attributes (`x="1.5" y="20"`), inserted with
        // `{{{at}}}`. They are numbers from `SVGNumber.format` only — digits, `.`, `-` — so
        // nothing needs escaping; one tag instead of four per mark (the chart-group template
        // is the hottest of a page). Class names and every text still go through `{{x}}`.
        for mark in group.marks {
            switch mark {
            case .rect(let r):
                rects.append(["at": "x=\"\(f(r.x))\" y=\"\(f(r.y))\" width=\"\(f(r.width))\" height=\"\(f(r.height))\"",
                              "cls": r.cls, "fill": opt(r.fill), "title": opt(r.title)])
            case .path(let p):
                paths.append(["d": p.d, "cls": p.cls, "title": opt(p.title)])
            case .circle(let o):
                circles.append(["at": "cx=\"\(f(o.cx))\" cy=\"\(f(o.cy))\" r=\"\(f(o.r))\"", "cls": o.cls,
                                "title": opt(o.title)])
            case .line(let l):
                lines.append(["at": "x1=\"\(f(l.x1))\" y1=\"\(f(l.y1))\" x2=\"\(f(l.x2))\" y2=\"\(f(l.y2))\"", "cls": l.cls])
            case .text(let t):
                texts.append(["at": "x=\"\(f(t.x))\" y=\"\(f(t.y))\"", "text": t.text, "cls": t.cls, "size": f(t.fontSize),
                              "anchor": t.anchor == .start ? false : t.anchor.rawValue as Any,
                              "transform": t.rotate == 0 ? false : rotation(t) as Any,
                              "title": opt(t.title)])
            }
        }
        return ["cls": group.cls, "href": opt(group.href), "rects": rects, "paths": paths, "circles": circles,
                "lines": lines, "texts": texts]
    }

    /// `1…8`: the chart's width in steps of 160 user units. `charts.css` caps the rendered
    /// width per step (about 1.2 px per unit), so text stays near its design size on wide
    /// screens without a per-chart style attribute.
    static func sizeClass(_ width: Double) -> Int {
        guard width.isFinite else { return 1 }  // never from a layout; no trap on a bad width
        return Int(clamping: (width / 160).rounded(.up), to: 1...8)
    }

    /// A string, or `false` so the template's section is skipped without a context lookup.
    static func opt(_ s: String?) -> Any { s.map { $0 as Any } ?? false }
}

/// One mark group as the `chart-group` template sees it: `gHTML`, the group's markup written
/// by `MarkGroupHTML` (what the embedded template's native variant inserts), or the usual
/// keys of `ChartHTML.context(_:)` (`cls`, `href`, `rects`, …) for a user's own `chart-group`.
/// Each is computed only when a template asks for it.
final class GroupContext: MustacheParent {
    let group: MarkGroup
    private lazy var keys: [String: Any] = ChartHTML.context(group)

    init(_ group: MarkGroup) { self.group = group }

    func child(named name: String) -> Any? {
        name == "gHTML" ? MarkGroupHTML.render(group) : keys[name]
    }
}
