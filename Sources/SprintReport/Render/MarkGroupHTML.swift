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
            out.appendText("<a href=\"")
            HTMLText.append(href, to: out)
            out.appendText("\">\n")
        }
        out.appendText("<g class=\"")
        HTMLText.append(group.cls, to: out)
        out.appendText("\">\n")
        // The template draws by element kind: rects, paths, circles, lines, texts.
        for mark in group.marks { if case .rect(let r) = mark { rect(r, out) } }
        for mark in group.marks { if case .path(let p) = mark { path(p, out) } }
        for mark in group.marks { if case .circle(let c) = mark { circle(c, out) } }
        for mark in group.marks { if case .line(let l) = mark { line(l, out) } }
        for mark in group.marks { if case .text(let t) = mark { text(t, out) } }
        out.appendText("</g>\n")
        if group.href != nil { out.appendText("</a>\n") }
        return out.string
    }

    @inline(__always) private static func number(_ name: String, _ x: Double, _ out: ByteBuffer) {
        out.appendText(name)
        out.appendText("=\"")
        SVGNumber.append(x, to: out)
        out.appendText("\"")
    }

    @inline(__always) private static func attribute(_ name: String, _ value: String, _ out: ByteBuffer) {
        out.appendText(name)
        out.appendText("=\"")
        HTMLText.append(value, to: out)
        out.appendText("\"")
    }

    @inline(__always) private static func title(_ title: String?, _ out: ByteBuffer) {
        guard let title else { return }
        out.appendText("<title>")
        HTMLText.append(title, to: out)
        out.appendText("</title>")
    }

    private static func rect(_ r: RectMark, _ out: ByteBuffer) {
        out.appendText("<rect ")
        number("x", r.x, out)
        number(" y", r.y, out)
        number(" width", r.width, out)
        number(" height", r.height, out)
        attribute(" class", r.cls, out)
        if let fill = r.fill { attribute(" fill", fill, out) }
        out.appendText(">")
        title(r.title, out)
        out.appendText("</rect>\n")
    }

    private static func path(_ p: PathMark, _ out: ByteBuffer) {
        out.appendText("<path ")
        attribute("d", p.d, out)
        attribute(" class", p.cls, out)
        out.appendText(">")
        title(p.title, out)
        out.appendText("</path>\n")
    }

    private static func circle(_ c: CircleMark, _ out: ByteBuffer) {
        out.appendText("<circle ")
        number("cx", c.cx, out)
        number(" cy", c.cy, out)
        number(" r", c.r, out)
        attribute(" class", c.cls, out)
        out.appendText(">")
        title(c.title, out)
        out.appendText("</circle>\n")
    }

    private static func line(_ l: LineMark, _ out: ByteBuffer) {
        out.appendText("<line ")
        number("x1", l.x1, out)
        number(" y1", l.y1, out)
        number(" x2", l.x2, out)
        number(" y2", l.y2, out)
        attribute(" class", l.cls, out)
        out.appendText("/>\n")
    }

    private static func text(_ t: TextMark, _ out: ByteBuffer) {
        out.appendText("<text ")
        number("x", t.x, out)
        number(" y", t.y, out)
        attribute(" class", t.cls, out)
        number(" font-size", t.fontSize, out)
        if t.anchor != .start { attribute(" text-anchor", t.anchor.rawValue, out) }
        if t.rotate != 0 { attribute(" transform", ChartHTML.rotation(t), out) }
        out.appendText(">")
        title(t.title, out)
        HTMLText.append(t.text, to: out)
        out.appendText("</text>\n")
    }
}
