/// A line through a per-period series, broken where a value is missing, with a titled dot
/// per present value when periods are few. Dense series (many periods) keep only the line
/// and the dots of lone points: a hidden dot per period carried a hover title that the
/// chart's data table already shows, at ≈ 120 bytes a dot.
enum SeriesLine {
    static func marks(_ values: [Double?], frame: CartesianFrame, cls: String, titles: (Int, Double) -> String) -> [ChartMark] {
        let pts: [(x: Double, y: Double)?] = values.enumerated().map { i, v in v.map { (frame.centers[i], frame.y($0)) } }
        var marks: [ChartMark] = []
        let d = LinePath.d(pts)
        if !d.isEmpty { marks.append(.path(PathMark(d: d, cls: cls))) }
        let dense = frame.slot < 8
        let r = frame.slot >= 12 ? 3.0 : 2.5
        let lone = Set(LinePath.isolated(pts))
        for (i, v) in SeriesStats.present(values) where !dense || lone.contains(i) {
            marks.append(.circle(CircleMark(cx: pts[i]!.x, cy: pts[i]!.y, r: r, cls: cls + "-dot", title: titles(i, v))))
        }
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
