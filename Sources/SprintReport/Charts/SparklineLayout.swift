/// A Tufte sparkline, 120 × 24: the line, min and max dots, and the last point's dot and
/// value. The vertical scale is the series' own range (a word-sized trend, not an axis).
enum SparklineLayout {
    static let width = 120.0
    static let height = 24.0
    static let fontSize = 11.0

    static func make(_ values: [Double?], label: String, idPrefix: String, format: SparklineFormat = .amount) -> ChartGeometry {
        let clean = values.map { v in v.flatMap { $0.isFinite ? $0 : nil } }
        let present = SeriesStats.present(clean)
        let name = ChartText.oneLine(label)
        var geometry = ChartGeometry(width: width, height: height, idPrefix: idPrefix, title: name, description: "")
        guard let last = present.last,
              let lo = present.min(by: { $0.value < $1.value }), let hi = present.max(by: { $0.value < $1.value }) else {
            geometry.description = "No values."
            geometry.groups = [MarkGroup(cls: "chart-spark", marks: [
                .text(TextMark(x: width - 2, y: height / 2 + fontSize * 0.35, text: NumberFormat.undefined, cls: "chart-spark-value",
                               fontSize: fontSize, anchor: .end)),
            ])]
            return geometry
        }
        let f = format.text
        let valueText = f(last.value)
        let textWidth = TextMetrics.width(valueText, fontSize: fontSize)
        let x0 = 3.0, x1 = width - textWidth - 7, y0 = 4.0, y1 = height - 4
        let n = clean.count
        func x(_ i: Int) -> Double { n == 1 ? x1 : x0 + (x1 - x0) * Double(i) / Double(n - 1) }
        func y(_ v: Double) -> Double { hi.value == lo.value ? height / 2 : y1 - (v - lo.value) / (hi.value - lo.value) * (y1 - y0) }
        let pts: [(x: Double, y: Double)?] = clean.enumerated().map { i, v in v.map { (x(i), y($0)) } }
        var marks: [ChartMark] = []
        let d = LinePath.d(pts)
        if !d.isEmpty { marks.append(.path(PathMark(d: d, cls: "chart-spark-line"))) }
        if present.count > 1 && hi.value != lo.value {
            marks.append(.circle(CircleMark(cx: x(lo.index), cy: y(lo.value), r: 1.6, cls: "chart-spark-min", title: "Lowest \(f(lo.value))")))
            marks.append(.circle(CircleMark(cx: x(hi.index), cy: y(hi.value), r: 1.6, cls: "chart-spark-max", title: "Highest \(f(hi.value))")))
        }
        marks.append(.circle(CircleMark(cx: x(last.index), cy: y(last.value), r: 2, cls: "chart-spark-last", title: "Last \(valueText)")))
        marks.append(.text(TextMark(x: width - 2, y: height / 2 + fontSize * 0.35, text: valueText, cls: "chart-spark-value",
                                    fontSize: fontSize, anchor: .end)))
        geometry.groups = [MarkGroup(cls: "chart-spark", marks: marks)]
        geometry.description = present.count == 1 ? "One value: \(valueText)."
            : "\(present.count) values from \(f(lo.value)) to \(f(hi.value)), last \(valueText)."
        return geometry
    }
}

/// How a sparkline prints its values: amounts (`24.5`), whole percentages (`81 %`) or ratios (`0.96`).
public enum SparklineFormat: Sendable {
    case amount, percent, ratio

    var text: (Double?) -> String {
        switch self {
        case .amount: NumberFormat.amount
        case .percent: NumberFormat.percentWhole
        case .ratio: NumberFormat.ratio
        }
    }
}
