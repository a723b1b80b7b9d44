/// The chart kit's markup: one `<svg>` element per chart, written from its geometry.
///
/// This is the only place chart markup is written. Pages insert the finished SVG as it is;
/// charts are restyled through their CSS classes and custom properties (`Resources/charts.css`,
/// the contract in `docs/templates.md`), never by editing markup. Every text and class goes
/// through `HTMLText` (the escaper the templates use); every number is `SVGNumber` digits.
///
/// A chart is its frame (`<svg>` with its accessible name and description) and its mark groups
/// in drawing order. Inside a group the marks are written by element kind — rects, paths,
/// circles, lines, texts — so fills lie under strokes and labels on top.
enum SVGWriter {
    /// What a chart is, for its class (`chart chart-say-do`).
    enum Kind: String, Sendable {
        case plannedDelivered = "planned-delivered"
        case deliveredForecast = "delivered-forecast"
        case sayDo = "say-do"
        case creepChurn = "creep-churn"
        case heatmap
    }

    /// A chart: `<svg class="chart chart-KIND chart-size-N" … role="img">`, 100 % wide, named by its
    /// `<title>` and described by its `<desc>`.
    static func chart(_ g: ChartGeometry, kind: Kind) -> String {
        let out = buffer(for: g)
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-")
        HTMLText.append(kind.rawValue, to: out)
        out.append(" chart-size-")
        out.appendInteger(Int64(sizeClass(g.width)))
        out.append("\" viewBox=\"0 0 ")
        viewBoxSize(g, out)
        out.append("\" width=\"100%\" role=\"img\" aria-labelledby=\"")
        HTMLText.append(g.idPrefix, to: out)
        out.append("-title ")
        HTMLText.append(g.idPrefix, to: out)
        out.append("-desc\">\n")
        body(g, out)
        return out.string
    }

    /// A sparkline: a word-sized `<svg class="chart-spark">` (no width: `charts.css` sets it).
    static func sparkline(_ g: ChartGeometry) -> String {
        let out = buffer(for: g)
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-spark\" viewBox=\"0 0 ")
        viewBoxSize(g, out)
        out.append("\" role=\"img\" aria-labelledby=\"")
        HTMLText.append(g.idPrefix, to: out)
        out.append("-title\" aria-describedby=\"")
        HTMLText.append(g.idPrefix, to: out)
        out.append("-desc\">\n")
        body(g, out)
        return out.string
    }

    /// `1…8`: the chart's width in steps of 160 user units. `charts.css` caps the rendered
    /// width per step (about 1.2 px per unit), so text stays near its design size on wide
    /// screens without a per-chart style attribute.
    static func sizeClass(_ width: Double) -> Int {
        guard width.isFinite else { return 1 }  // never from a layout; no trap on a bad width
        return Int(clamping: (width / 160).rounded(.up), to: 1...8)
    }

    /// Room for the frame and about 120 bytes a mark, so most charts never regrow the buffer.
    private static func buffer(for g: ChartGeometry) -> ByteBuffer {
        let marks = g.groups.reduce(0) { $0 + $1.marks.count }
        return ByteBuffer(capacity: 400 + g.title.utf8.count + g.description.utf8.count + 4 * g.idPrefix.utf8.count
                              + g.groups.count * 64 + marks * 120)
    }

    /// `<title>`, `<desc>`, the groups and the closing tag (and a newline: a page inserts the
    /// SVG as a block).
    private static func body(_ g: ChartGeometry, _ out: ByteBuffer) {
        out.append("<title id=\"")
        HTMLText.append(g.idPrefix, to: out)
        out.append("-title\">")
        HTMLText.append(g.title, to: out)
        out.append("</title>\n<desc id=\"")
        HTMLText.append(g.idPrefix, to: out)
        out.append("-desc\">")
        HTMLText.append(g.description, to: out)
        out.append("</desc>\n")
        for group in g.groups { self.group(group, out) }
        out.append("</svg>\n")
    }

    /// `width height` of the view box.
    private static func viewBoxSize(_ g: ChartGeometry, _ out: ByteBuffer) {
        SVGNumber.append(g.width, to: out)
        out.append(" ")
        SVGNumber.append(g.height, to: out)
    }

    /// A `<g>` of marks, inside an `<a>` when the group is a link.
    static func group(_ group: MarkGroup, _ out: ByteBuffer) {
        if let href = group.href {
            out.append("<a href=\"")
            HTMLText.append(href, to: out)
            out.append("\">\n")
        }
        out.append("<g class=\"")
        HTMLText.append(group.cls, to: out)
        out.append("\">\n")
        for mark in group.marks { if case .rect(let r) = mark { rect(r, out) } }
        for mark in group.marks { if case .path(let p) = mark { path(p, out) } }
        for mark in group.marks { if case .circle(let c) = mark { circle(c, out) } }
        for mark in group.marks { if case .line(let l) = mark { line(l, out) } }
        for mark in group.marks { if case .text(let t) = mark { text(t, out) } }
        out.append("</g>\n")
        if group.href != nil { out.append("</a>\n") }
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

    /// A mark's own `<title>` (its tooltip), when it has one.
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
        if t.rotate != 0 {
            // `rotate(-45 x y)`: about the text's own anchor point.
            out.append(" transform=\"rotate(")
            SVGNumber.append(t.rotate, to: out)
            out.append(" ")
            SVGNumber.append(t.x, to: out)
            out.append(" ")
            SVGNumber.append(t.y, to: out)
            out.append(")\"")
        }
        out.append(">")
        title(t.title, out)
        HTMLText.append(t.text, to: out)
        out.append("</text>\n")
    }
}
