/// A chart ready for a page: the SVG, its heading, its one-sentence description and its data.
public struct RenderedChart: Sendable {
    /// Complete `<svg role="img" aria-labelledby="ID-title ID-desc">…</svg>`.
    public var svg: String
    /// Heading that states the finding ("Delivered 81 % of committed work; …").
    public var title: String
    /// One sentence: what the chart shows ("Delivered work rose from 21 to 34 story points over 6 sprints.").
    public var description: String
    /// The chart's data as a table; no rows or columns when the chart was made without it
    /// (`table: false`, for a page that holds the numbers in a table of its own).
    public var table: ChartTable

    public init(svg: String, title: String, description: String, table: ChartTable) {
        self.svg = svg
        self.title = title
        self.description = description
        self.table = table
    }
}

/// The chart kit: inline SVG charts, finished markup for a page to insert.
///
/// A layout turns the figures into geometry (`ChartGeometry`); `SVGWriter` turns the geometry
/// into markup. `idPrefix` must be unique per page: every id in the SVG starts with it.
/// Missing values are gaps, never zeros.
public enum ChartKit {
    /// Two stacked bars per period — planned (commit, creep outlined on it) and delivered
    /// (delivered commit, delivered creep outlined on it) — with the least-squares trend of
    /// delivered work.
    public static func plannedVsDelivered(_ points: [SeriesPoint], mode: ComputationMode, periodNoun: String, idPrefix: String,
                                          span: ChartSpan? = nil, baselineMean: Double? = nil,
                                          table: Bool = true) -> RenderedChart {
        let parts = ChartParts(hover: true, table: table)
        return render(PlannedVsDeliveredLayout.make(points, mode: mode, periodNoun: periodNoun, idPrefix: ChartID.clean(idPrefix),
                                                    span: span, baselineMean: baselineMean, parts: parts),
                      kind: .plannedDelivered, span: span, periodNoun: periodNoun, parts: parts)
    }

    /// Delivered work per period, the 3-period rolling average, and the next period's
    /// forecast band (low–high, median marked).
    public static func deliveredForecast(_ points: [SeriesPoint], forecast: Forecast?, mode: ComputationMode, periodNoun: String,
                                         idPrefix: String, span: ChartSpan? = nil,
                                         hover: Bool = true, table: Bool = true) -> RenderedChart {
        let parts = ChartParts(hover: hover, table: table)
        return render(DeliveredForecastLayout.make(points, forecast: forecast, mode: mode, periodNoun: periodNoun,
                                                   idPrefix: ChartID.clean(idPrefix), span: span, parts: parts),
                      kind: .deliveredForecast, span: span, periodNoun: periodNoun, parts: parts)
    }

    /// Say/do % per period against the Elite/High/Medium limits (labelled lines).
    public static func sayDo(_ points: [SeriesPoint], limits: BandThresholds.Limits, periodNoun: String, idPrefix: String,
                             span: ChartSpan? = nil, hover: Bool = true, table: Bool = true) -> RenderedChart {
        let parts = ChartParts(hover: hover, table: table)
        return render(SayDoLayout.make(points, limits: limits, periodNoun: periodNoun, idPrefix: ChartID.clean(idPrefix),
                                       span: span, parts: parts),
                      kind: .sayDo, span: span, periodNoun: periodNoun, parts: parts)
    }

    /// Scope creep % and churn % per period: two lines, dash patterns differ, labelled directly.
    public static func creepAndChurn(_ points: [SeriesPoint], periodNoun: String, idPrefix: String,
                                     span: ChartSpan? = nil, hover: Bool = true, table: Bool = true) -> RenderedChart {
        let parts = ChartParts(hover: hover, table: table)
        return render(CreepChurnLayout.make(points, periodNoun: periodNoun, idPrefix: ChartID.clean(idPrefix), span: span,
                                            parts: parts),
                      kind: .creepChurn, span: span, periodNoun: periodNoun, parts: parts)
    }

    /// A 120 × 24 sparkline (line, min and max dots, last dot and value) named by `label`;
    /// `format` prints the values as amounts (default), whole percentages or ratios.
    public static func sparkline(_ values: [Double?], label: String, idPrefix: String,
                                 format: SparklineFormat = .amount) -> String {
        let g = SparklineLayout.make(values, label: label, idPrefix: ChartID.clean(idPrefix), format: format)
        return SVGWriter.sparkline(g)
    }

    /// Say/do % heatmap: rows × columns, number in every cell, `—` for empty cells.
    public static func heatmap(rows: [HeatmapRow], columns: [String], title: String, idPrefix: String) -> RenderedChart {
        render(HeatmapLayout.make(rows: rows, columns: columns, title: title, idPrefix: ChartID.clean(idPrefix)),
               kind: .heatmap)
    }

    /// - Parameters:
    ///   - span: when the chart draws only the last periods, its description gains the span's
    ///     note and its table caption names the periods it lists.
    ///   - parts: without `.hover`, no period has a hover area and its `<title>` (the page shows
    ///     the numbers elsewhere and saves ≈ 3.5 KB a chart); without `.table`, no data table.
    static func render(_ layout: ChartLayout, kind: SVGWriter.Kind, span: ChartSpan? = nil,
                       periodNoun: String = "", parts: ChartParts = .all) -> RenderedChart {
        var layout = layout
        // A layout told `parts` made no hover areas; one that makes them always loses them here.
        if !parts.contains(.hover) { layout.geometry.groups.removeAll { $0.cls == CartesianFrame.hoverGroup } }
        if let span, span.isCut {
            if let note = span.note { layout.geometry.description += " " + ChartText.capitalised(note) + "." }
            if !span.tableAll && parts.contains(.table) {
                layout.table.caption += ", the last \(span.shown) of \(ChartText.count(span.total, periodNoun))"
            }
        }
        return RenderedChart(svg: SVGWriter.chart(layout.geometry, kind: kind),
                             title: layout.heading, description: layout.geometry.description, table: layout.table)
    }
}

/// Ids inside an SVG: the caller's prefix reduced to `[A-Za-z0-9_-]`, starting with a letter.
enum ChartID {
    static func clean(_ prefix: String) -> String {
        var s = String(prefix.unicodeScalars.map { c -> Character in
            (c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_")) ? Character(c) : "-"
        })
        if s.first.map({ !$0.isLetter }) ?? true { s = "c" + s }
        return s
    }
}
