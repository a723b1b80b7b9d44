import Mustache

/// The headline tiles of a team, node or the organisation (`design.md`, reading order 2).
enum TileFigure: CaseIterable {
    case velocity, sayDo, creep, delivered, cv, forecast

    var label: String {
        switch self {
        case .velocity: "Velocity"
        case .sayDo: "Say/do"
        case .creep: "Scope creep"
        case .delivered: "Delivered"
        case .cv: "Predictability (CV)"
        case .forecast: "Next-period forecast"
        }
    }

    /// The case name (`sayDo`) for element ids, without reflection (`"\(figure)"` reads
    /// the name through the runtime's metadata, once per tile of every page).
    var id: String {
        switch self {
        case .velocity: "velocity"
        case .sayDo: "sayDo"
        case .creep: "creep"
        case .delivered: "delivered"
        case .cv: "cv"
        case .forecast: "forecast"
        }
    }

    var banded: BandedFigure? {
        switch self {
        case .sayDo: .sayDoPercent
        case .creep: .scopeCreepPercent
        case .delivered: .totalDeliveredPercent
        case .cv: .coefficientOfVariation
        case .velocity, .forecast: nil
        }
    }

    /// The per-period metric its sparkline draws.
    var sparkMetric: Metric? {
        switch self {
        case .velocity: .totalWorkDelivered
        case .sayDo: .committedWorkDeliveredPercent
        case .creep: .scopeCreepPercent
        case .delivered: .totalWorkDeliveredPercent
        case .cv, .forecast: nil
        }
    }
}

struct TileBuilder {
    let mode: ComputationMode
    /// "per sprint", "per team-month"…: what one velocity unit is.
    let velocityPer: String
    let idPrefix: String
    let templates: PageTemplates

    func tiles(_ summary: WindowSummary, series: [SeriesPoint], teamsBelow: [TeamReport]? = nil) -> [Context] {
        let halves = HalfComparison(series, teamsBelow: teamsBelow)
        return TileFigure.allCases.map { figure in
            var t: Context = ["tLabel": figure.label]
            var note: String?
            switch figure {
            case .velocity:
                t["tValue"] = NumberFormat.amount(summary.velocity)
                t["tUnit"] = "\(mode.shortUnit) \(velocityPer)"
                if summary.velocityApproximate { note = "approximate: mean of exported velocities" }
                if summary.velocity == nil { t["tWhy"] = "no delivered work in the window" }
            case .sayDo, .creep, .delivered:
                let v = summary.value(of: figure.banded!)
                t["tValue"] = NumberFormat.percentWhole(v)
                if v == nil { t["tWhy"] = figure == .delivered ? "no planned work" : "no committed work" }
                note = figure == .sayDo ? "of committed work delivered"
                    : figure == .creep ? "work added after the start, vs committed"
                    : "of all planned work (commit + creep)"
            case .cv:
                t["tValue"] = NumberFormat.ratio(summary.coefficientOfVariation)
                if summary.coefficientOfVariation == nil { t["tWhy"] = "needs 2 periods with delivered work" }
                note = "spread of delivered work ÷ its mean; lower is steadier"
            case .forecast:
                if let f = summary.forecast {
                    // A zero-width space after the dash lets a long range wrap in a narrow tile.
                    t["tValue"] = "\(NumberFormat.amount(f.low))–\u{200B}\(NumberFormat.amount(f.high))"
                    t["tUnit"] = mode.shortUnit
                    note = "likely range (25th–75th percentile of the last 6), median \(NumberFormat.amount(f.median))"
                } else {
                    t["tValue"] = NumberFormat.undefined
                    t["tWhy"] = "needs 3 periods with delivered work"
                    note = "next period"
                }
            }
            if let note { t["tNote"] = note }
            if let b = figure.banded, let band = summary.bands[b] { t["tBand"] = BandView.context(band) }
            if let change = halves?.change(figure, mode: mode) { t["tChange"] = change }
            if let m = figure.sparkMetric, series.count >= 2 {
                t["tSpark"] = ChartKit.sparkline(series.map { $0.values[m] }, label: "\(figure.label) per period",
                                                 idPrefix: idPrefix + "spark-" + figure.id + "-", library: templates.library)
            }
            return t
        }
    }
}
