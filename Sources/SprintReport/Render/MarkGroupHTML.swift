/// The markup of one mark group, byte for byte what the embedded
/// `Templates/charts/chart-group.mustache` renders from `ChartHTML.context(_:)` — written
/// directly, without a context lookup per attribute.
///
/// Used through the key `gHTML` by the native variant of `chart-group` that `NativeTemplates`
/// registers when the user's templates do not replace `chart-group` (a replacement is rendered
/// by swift-mustache from the usual keys). Every text goes through `HTMLText` (swift-mustache's
/// escaping); coordinates are `SVGNumber` digits. A test renders hostile groups both ways.
enum MarkGroupHTML {
    static func render(_ group: MarkGroup) -> String {
        let out = ByteBuffer(capacity: 64 + group.marks.count * 120)
        if let href = group.href {
            out.append("<a href=\"")
            HTMLText.append(href, to: out)
            out.append("\">\n")
        }
        out.append("<g class=\"")
        HTMLText.append(group.cls, to: out)
        out.append("\">\n")
        // The template draws by element kind: rects, paths, circles, lines, texts.
        for mark in group.marks { if case .rect(let r) = mark { rect(r, out) } }
        for mark in group.marks { if case .path(let p) = mark { path(p, out) } }
        for mark in group.marks { if case .circle(let c) = mark { circle(c, out) } }
        for mark in group.marks { if case .line(let l) = mark { line(l, out) } }
        for mark in group.marks { if case .text(let t) = mark { text(t, out) } }
        out.append("</g>\n")
        if group.href != nil { out.append("</a>\n") }
        return out.string
    }

    @inline(__always) private static func number(_ name: StaticString, _ x: Double, _ out: ByteBuffer) {
        out.append(name)
        out.append("=\"")
        SVGNumber.append(x, to: out)
        out.append("\"")
    }

    @inline(__always) private static func attribute(_ name: StaticString, _ value: String, _ out: ByteBuffer) {
        out.append(name)
        out.append("=\"")
        HTMLText.append(value, to: out)
        out.append("\"")
    }

    @inline(__always) private static func title(_ title: String?, _ out: ByteBuffer) {
        guard let title else { return }
        out.append("<title>")
        HTMLText.append(title, to: out)
        out.append("</title>")
    }

    private static func rect(_ r: RectMark, _ out: ByteBuffer) {
        out.append("<rect ")
        number("x", r.x, out)
        number(" y", r.y, out)
        number(" width", r.width, out)
        number(" height", r.height, out)
        attribute(" class", r.cls, out)
        if let fill = r.fill { attribute(" fill", fill, out) }
        out.append(">")
        title(r.title, out)
        out.append("</rect>\n")
    }

    private static func path(_ p: PathMark, _ out: ByteBuffer) {
        out.append("<path ")
        attribute("d", p.d, out)
        attribute(" class", p.cls, out)
        out.append(">")
        title(p.title, out)
        out.append("</path>\n")
    }

    private static func circle(_ c: CircleMark, _ out: ByteBuffer) {
        out.append("<circle ")
        number("cx", c.cx, out)
        number(" cy", c.cy, out)
        number(" r", c.r, out)
        attribute(" class", c.cls, out)
        out.append(">")
        title(c.title, out)
        out.append("</circle>\n")
    }

    private static func line(_ l: LineMark, _ out: ByteBuffer) {
        out.append("<line ")
        number("x1", l.x1, out)
        number(" y1", l.y1, out)
        number(" x2", l.x2, out)
        number(" y2", l.y2, out)
        attribute(" class", l.cls, out)
        out.append("/>\n")
    }

    private static func text(_ t: TextMark, _ out: ByteBuffer) {
        out.append("<text ")
        number("x", t.x, out)
        number(" y", t.y, out)
        attribute(" class", t.cls, out)
        number(" font-size", t.fontSize, out)
        if t.anchor != .start { attribute(" text-anchor", t.anchor.rawValue, out) }
        if t.rotate != 0 { attribute(" transform", ChartHTML.rotation(t), out) }
        out.append(">")
        title(t.title, out)
        HTMLText.append(t.text, to: out)
        out.append("</text>\n")
    }
}
