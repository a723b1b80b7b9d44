/// A key for marks that cannot carry a direct label (stacked bars, bands).
struct LegendItem: Sendable, Equatable {
    enum Swatch: Sendable, Equatable {
        /// A small box with a CSS class.
        case box(cls: String)
        /// A short line segment (trend, average).
        case line(cls: String)
    }
    var swatch: Swatch
    var text: String
}

/// Lays legend items out left to right from `startX`, wrapping into rows `rowHeight` apart.
enum Legend {
    static let swatchWidth = 14.0
    static let itemGap = 14.0

    /// Marks and the number of rows used. Rows' text baselines are at `firstBaseline + row × rowHeight`.
    static func layout(_ items: [LegendItem], startX: Double, maxX: Double, firstBaseline: Double,
                       rowHeight: Double, fontSize: Double) -> (marks: [ChartMark], rows: Int) {
        var marks: [ChartMark] = []
        var x = startX, row = 0
        for item in items {
            let w = swatchWidth + 4 + TextMetrics.width(item.text, fontSize: fontSize)
            if x + w > maxX && x > startX {
                row += 1
                x = startX
            }
            let base = firstBaseline + Double(row) * rowHeight
            switch item.swatch {
            case let .box(cls):
                marks.append(.rect(RectMark(x: x, y: base - fontSize * 0.8, width: swatchWidth, height: fontSize * 0.9,
                                            cls: cls)))
            case let .line(cls):
                marks.append(.line(LineMark(x1: x, y1: base - fontSize * 0.35, x2: x + swatchWidth, y2: base - fontSize * 0.35,
                                            cls: cls)))
            }
            marks.append(.text(TextMark(x: x + swatchWidth + 4, y: base, text: item.text, cls: "chart-legend",
                                        fontSize: fontSize)))
            x += w + itemGap
        }
        return (marks, items.isEmpty ? 0 : row + 1)
    }
}
