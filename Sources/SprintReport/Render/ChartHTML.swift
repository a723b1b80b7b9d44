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
            "width": SVGNumber.format(g.width),
            "height": SVGNumber.format(g.height),
            "titleId": g.idPrefix + "-title",
            "descId": g.idPrefix + "-desc",
            "title": g.title,
            "desc": g.description,
            "hasHatches": !g.hatches.isEmpty,
            "hatches": g.hatches.map { ["id": $0.id, "cls": $0.cls] },
            "groups": g.groups.map(context),
        ]
    }

    static func context(_ group: MarkGroup) -> [String: Any] {
        ["cls": group.cls, "href": opt(group.href), "marks": group.marks.map(context)]
    }

    static func context(_ mark: ChartMark) -> [String: Any] {
        var c: [String: Any] = ["rect": false, "path": false, "circle": false, "line": false, "text": false]
        let f = SVGNumber.format
        switch mark {
        case .rect(let r):
            c["rect"] = ["x": f(r.x), "y": f(r.y), "w": f(r.width), "h": f(r.height), "cls": r.cls,
                         "fill": opt(r.fill), "title": opt(r.title)] as [String: Any]
        case .path(let p):
            c["path"] = ["d": p.d, "cls": p.cls, "title": opt(p.title)] as [String: Any]
        case .circle(let o):
            c["circle"] = ["cx": f(o.cx), "cy": f(o.cy), "r": f(o.r), "cls": o.cls, "title": opt(o.title)] as [String: Any]
        case .line(let l):
            c["line"] = ["x1": f(l.x1), "y1": f(l.y1), "x2": f(l.x2), "y2": f(l.y2), "cls": l.cls]
        case .text(let t):
            c["text"] = ["x": f(t.x), "y": f(t.y), "text": t.text, "cls": t.cls, "size": f(t.fontSize),
                         "anchor": t.anchor == .start ? false : t.anchor.rawValue as Any,
                         "transform": t.rotate == 0 ? false : "rotate(\(f(t.rotate)) \(f(t.x)) \(f(t.y)))" as Any,
                         "title": opt(t.title)] as [String: Any]
        }
        return c
    }

    /// A string, or `false` so the template's section is skipped without a context lookup.
    static func opt(_ s: String?) -> Any { s.map { $0 as Any } ?? false }
}
