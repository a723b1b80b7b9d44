/// A line through a per-period series, broken where a value is missing, and a dot per
/// present value (all dots one path: a zero-length step with a round or square cap) unless
/// the periods are too dense for dots; lone points always get one. The values' words are
/// the `<title>` of each period's hover area (`CartesianFrame.hoverAreas`), not of the dots.
enum SeriesLine {
    static func marks(_ values: [Double?], frame: CartesianFrame, cls: String) -> [ChartMark] {
        let pts: [(x: Double, y: Double)?] = values.enumerated().map { i, v in v.map { (frame.centers[i], frame.y($0)) } }
        var marks: [ChartMark] = []
        let d = LinePath.d(pts)
        if !d.isEmpty { marks.append(.path(PathMark(d: d, cls: cls))) }
        let dense = frame.slot < 8
        let lone = Set(LinePath.isolated(pts))
        var dots = PathData()
        for (i, _) in SeriesStats.present(values) where !dense || lone.contains(i) { dots.dot(pts[i]!.x, pts[i]!.y) }
        if !dots.isEmpty { marks.append(.path(PathMark(d: dots.text, cls: cls + "-dot"))) }
        return marks
    }
}

/// Labels at the right end of lines, nudged apart vertically so they never overlap.
enum DirectLabels {
    /// `items` (wanted baseline-centre y, text, class) → text marks at `x`, at least `fontSize + 2` apart,
    /// kept between `top` and `bottom`.
    static func place(_ items: [(y: Double, text: String, cls: String)], x: Double, top: Double, bottom: Double,
                      fontSize: Double) -> [ChartMark] {
        let gap = fontSize + 2
        let order = items.indices.sorted { items[$0].y < items[$1].y || (items[$0].y == items[$1].y && $0 < $1) }
        var ys = order.map { min(max(items[$0].y, top + fontSize * 0.5), bottom) }
        for k in ys.indices.dropFirst() where ys[k] - ys[k - 1] < gap { ys[k] = ys[k - 1] + gap }
        // Pushed past the bottom: shift the whole stack up.
        if let last = ys.last, last > bottom {
            let shift = last - bottom
            ys = ys.map { $0 - shift }
        }
        return zip(order, ys).map { i, y in
            .text(TextMark(x: x, y: y + fontSize * 0.35, text: items[i].text, cls: items[i].cls, fontSize: fontSize))
        }
    }
}
