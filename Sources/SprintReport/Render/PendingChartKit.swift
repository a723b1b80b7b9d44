import Mustache

// Stand-in for the chart kit of the `charts` branch, with exactly its API, so the pages can be
// built before it lands. Deleted when `charts` is merged.

public struct ChartTable: Sendable {
    public var caption: String
    public var columns: [String]
    public var rows: [[String]]
}

public struct RenderedChart: Sendable {
    public var svg: String
    public var title: String
    public var description: String
    public var table: ChartTable
}

public struct HeatmapRow: Sendable {
    public var label: String
    public var href: String?
    public var indent: Int
    public var cells: [Double?]
}

public enum ChartKit {
    static func placeholder(_ title: String, _ points: [SeriesPoint], _ idPrefix: String) -> RenderedChart {
        let svg = "<svg role=\"img\" aria-labelledby=\"\(idPrefix)t\" viewBox=\"0 0 640 240\" width=\"100%\">"
            + "<title id=\"\(idPrefix)t\">\(title)</title><rect x=\"0\" y=\"0\" width=\"640\" height=\"240\" "
            + "fill=\"var(--surface)\"/></svg>"
        let rows = points.map { [$0.period.label, NumberFormat.amount($0.values[.totalWorkDelivered])] }
        return RenderedChart(svg: svg, title: title, description: "Placeholder chart.",
                             table: ChartTable(caption: title, columns: ["Period", "Delivered"], rows: rows))
    }

    static func plannedVsDelivered(_ points: [SeriesPoint], mode: ComputationMode, periodNoun: String,
                                   idPrefix: String, library: MustacheLibrary) -> RenderedChart {
        placeholder("Planned vs delivered", points, idPrefix)
    }

    static func deliveredForecast(_ points: [SeriesPoint], forecast: Forecast?, mode: ComputationMode,
                                  periodNoun: String, idPrefix: String, library: MustacheLibrary) -> RenderedChart {
        placeholder("Delivered and forecast", points, idPrefix)
    }

    static func sayDo(_ points: [SeriesPoint], limits: BandThresholds.Limits, periodNoun: String, idPrefix: String,
                      library: MustacheLibrary) -> RenderedChart {
        placeholder("Say/do", points, idPrefix)
    }

    static func creepAndChurn(_ points: [SeriesPoint], periodNoun: String, idPrefix: String,
                              library: MustacheLibrary) -> RenderedChart {
        placeholder("Scope creep and churn", points, idPrefix)
    }

    static func sparkline(_ values: [Double?], label: String, idPrefix: String, library: MustacheLibrary) -> String {
        "<svg role=\"img\" aria-label=\"sparkline\" viewBox=\"0 0 120 24\" width=\"120\" height=\"24\"></svg>"
    }

    static func heatmap(rows: [HeatmapRow], columns: [String], title: String, idPrefix: String,
                        library: MustacheLibrary) -> RenderedChart {
        placeholder(title, [], idPrefix)
    }
}
