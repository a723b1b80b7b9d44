/// The opening `<svg …>` tag and the `<title>` and `<desc>` lines of `chart-svg` and
/// `chart-sparkline`, byte for byte what the embedded templates render from
/// `ChartHTML.context(_:kind:)`, up to and without the newline after `</desc>`.
///
/// Used through the keys `svgHead` (`chart-svg`, `sparkline: false`) and `sparkHead`
/// (`chart-sparkline`) by the native variants of both templates that
/// `NativeTemplates` registers while the user's templates do not replace them (a replacement
/// is rendered by swift-mustache from the usual keys). Eight lookups fewer per chart: a team
/// page draws about ten charts and sparklines. Texts go through `HTMLText`; numbers are
/// `SVGNumber` digits. A test renders hostile charts both ways.
enum ChartHeadHTML {
    static func render(_ g: ChartGeometry, kind: String, sparkline: Bool) -> String {
        let out = ByteBuffer(capacity: 320 + g.title.utf8.count + g.description.utf8.count + 2 * g.idPrefix.utf8.count)
        let titleId = g.idPrefix + "-title", descId = g.idPrefix + "-desc"
        if sparkline {
            out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-spark\" viewBox=\"0 0 ")
            size(g, out)
            out.append("\" role=\"img\" aria-labelledby=\"")
            HTMLText.append(titleId, to: out)
            out.append("\" aria-describedby=\"")
            HTMLText.append(descId, to: out)
        } else {
            out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-")
            HTMLText.append(kind, to: out)
            out.append(" chart-size-")
            out.appendInteger(Int64(ChartHTML.sizeClass(g.width)))
            out.append("\" viewBox=\"0 0 ")
            size(g, out)
            out.append("\" width=\"100%\" role=\"img\" aria-labelledby=\"")
            HTMLText.append(titleId, to: out)
            out.append(" ")
            HTMLText.append(descId, to: out)
        }
        out.append("\">\n<title id=\"")
        HTMLText.append(titleId, to: out)
        out.append("\">")
        HTMLText.append(g.title, to: out)
        out.append("</title>\n<desc id=\"")
        HTMLText.append(descId, to: out)
        out.append("\">")
        HTMLText.append(g.description, to: out)
        out.append("</desc>")
        return out.string
    }

    /// `width height` of the view box.
    private static func size(_ g: ChartGeometry, _ out: ByteBuffer) {
        SVGNumber.append(g.width, to: out)
        out.append(" ")
        SVGNumber.append(g.height, to: out)
    }
}
