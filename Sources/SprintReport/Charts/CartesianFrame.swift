/// The shared frame of the period charts: value axis with nice ticks and light gridlines,
/// the unit named once (top left), an optional legend, and thinned period labels.
///
/// Slots are the periods in order, plus an optional trailing slot (the forecast) of its own
/// width. Direct labels to the right of the plot get `rightLabelWidth` of margin.
struct CartesianFrame {
    static let width = 640.0
    /// Height of the plot area; the chart grows by its legend rows and label band, so every
    /// chart's bars and lines get the same room whatever the labels need.
    static let plotHeight = 170.0
    static let fontSize = 12.0
    static let tickFontSize = 11.0

    var left: Double, top: Double, right: Double, bottom: Double
    /// Height of the whole chart (viewBox).
    var height: Double
    var scale: NiceScale
    var slot: Double
    var centers: [Double]
    var trailingCenter: Double?
    var trailingWidth: Double
    /// Grid, ticks, unit, legend, period labels.
    var groups: [MarkGroup]

    struct Trailing {
        var label: String
        var width: Double
    }

    init(labels: [String], values: [Double], minStep: Double, unit: String, legend: [LegendItem],
         rightLabelWidth: Double = 0, trailing: Trailing? = nil) {
        let W = Self.width, fs = Self.fontSize, tfs = Self.tickFontSize
        let sc = NiceScale(covering: values, minStep: minStep)
        scale = sc
        // Top: unit label, then the legend on the same row (wrapping below it).
        let unitText = TextMark(x: 2, y: fs + 2, text: unit, cls: "chart-unit", fontSize: tfs)
        let unitEnd = 2 + TextMetrics.width(unit, fontSize: tfs)
        let legendStart = legend.isEmpty ? unitEnd : (unitEnd + 18 > W * 0.45 ? 2 : unitEnd + 18)
        let firstLegendBaseline = legendStart == 2 ? fs + 2 + 17 : fs + 2
        let key = Legend.layout(legend, startX: legendStart, maxX: W - 2, firstBaseline: firstLegendBaseline,
                                rowHeight: 17, fontSize: fs)
        let lastBaseline = legend.isEmpty ? fs + 2 : firstLegendBaseline + Double(key.rows - 1) * 17
        top = lastBaseline + 14
        let tickWidth = sc.ticks.map { TextMetrics.width(sc.label($0), fontSize: tfs) }.max() ?? 0
        let rightEdge = W - 8 - rightLabelWidth
        let trailingW = trailing?.width ?? 0
        let n = labels.count
        var axisLabels = labels
        if let trailing { axisLabels.append(trailing.label) }
        func place(_ leftEdge: Double) -> (slot: Double, centers: [Double], axis: PeriodAxis) {
            let slotWidth = (rightEdge - leftEdge - trailingW) / Double(max(n, 1))
            var centers = (0..<n).map { leftEdge + slotWidth * (Double($0) + 0.5) }
            if trailing != nil { centers.append(rightEdge - trailingW / 2) }
            let spacing = trailing.map { min(slotWidth, (slotWidth + $0.width) / 2) } ?? slotWidth
            return (slotWidth, centers, PeriodAxis(labels: axisLabels, centers: centers, slot: spacing, chartWidth: W, fontSize: tfs))
        }
        var leftEdge = max(28, tickWidth + 10)
        var placed = place(leftEdge)
        // Rotated labels hang left of their period: give the first one room to be read.
        if placed.axis.rotated && leftEdge < 64 {
            leftEdge = 64
            placed = place(leftEdge)
        }
        let axis = placed.axis, axisCenters = placed.centers
        left = leftEdge
        right = rightEdge
        trailingWidth = trailingW
        slot = placed.slot
        centers = Array(placed.centers.prefix(n))
        trailingCenter = trailing.map { _ in rightEdge - trailingW / 2 }
        let b = top + Self.plotHeight
        bottom = b
        height = b + axis.height + 4
        groups = []
        // Gridlines and tick labels.
        var grid: [ChartMark] = []
        var gridPath = PathData()
        var ticks: [ChartMark] = []
        let (lo, hi, t) = (sc.lower, sc.upper, top)
        func yOf(_ v: Double) -> Double { b - (v - lo) / (hi - lo) * (b - t) }
        for tick in sc.ticks {
            let y = yOf(tick)
            if tick == 0 {
                grid.append(.line(LineMark(x1: leftEdge, y1: y, x2: rightEdge, y2: y, cls: "chart-baseline")))
            } else {
                gridPath.horizontal(from: leftEdge, to: rightEdge, y: y)
            }
            ticks.append(.text(TextMark(x: leftEdge - 6, y: y + tfs * 0.35, text: sc.label(tick), cls: "chart-tick",
                                        fontSize: tfs, anchor: .end)))
        }
        if !gridPath.isEmpty { grid.insert(.path(PathMark(d: gridPath.text, cls: "chart-grid")), at: 0) }
        groups.append(MarkGroup(cls: "chart-grid-lines", marks: grid))
        groups.append(MarkGroup(cls: "chart-y-axis", marks: ticks + [.text(unitText)]))
        if !key.marks.isEmpty { groups.append(MarkGroup(cls: "chart-key", marks: key.marks)) }
        groups.append(MarkGroup(cls: "chart-x-axis",
                                marks: axis.marks(centers: axisCenters, axisY: b, chartWidth: W,
                                                  titles: axisLabels.map(ChartText.oneLine))))
    }

    /// The y coordinate of a value.
    func y(_ v: Double) -> Double {
        bottom - (v - scale.lower) / (scale.upper - scale.lower) * (bottom - top)
    }

    /// Width of one bar group inside a slot.
    var groupWidth: Double { min(slot * 0.8, 56) }

    /// A vertical bar from `from` to `to` (values), centred at `x`, `width` wide.
    func bar(x: Double, width: Double, from: Double, to: Double, cls: String, title: String?) -> RectMark {
        let y0 = y(from), y1 = y(to)
        return RectMark(x: x - width / 2, y: min(y0, y1), width: width, height: abs(y1 - y0), cls: cls, title: title)
    }

    /// The class of the group of hover areas.
    static let hoverGroup = "chart-hits"

    /// One hover area per period: the period's slot over the whole plot height, drawn on top
    /// of the marks (transparent; `charts.css` tints it on hover), carrying the period's one
    /// `<title>`. Bars and dots are then plain path data without an element each.
    func hoverAreas(_ titles: [String?]) -> MarkGroup {
        var marks: [ChartMark] = []
        for (i, title) in titles.enumerated() {
            guard let title, i < centers.count else { continue }
            var p = PathData()
            p.rect(x: centers[i] - slot / 2, y: top, width: slot, height: bottom - top)
            marks.append(.path(PathMark(d: p.text, cls: "chart-hit", title: title)))
        }
        return MarkGroup(cls: Self.hoverGroup, marks: marks)
    }

    /// A muted `—` on the baseline of a period without data: missing, not zero.
    func missingMark(_ i: Int, label: String) -> ChartMark {
        .text(TextMark(x: centers[i], y: y(0) - 4, text: NumberFormat.undefined, cls: "chart-missing",
                       fontSize: Self.tickFontSize, anchor: .middle, title: "\(label): no data"))
    }
}
