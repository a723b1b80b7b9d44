/// The headline tiles of a team, node or the organisation (`docs/commands.md#the-site`; the change line: `docs/metrics.md#figures-on-the-pages`).
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

    /// The figure as a comparison of two windows knows it (which way is better); nil for the
    /// forecast.
    var compared: ComparedFigure? {
        switch self {
        case .velocity: .velocity
        case .sayDo: .sayDoPercent
        case .creep: .scopeCreepPercent
        case .delivered: .totalDeliveredPercent
        case .cv: .coefficientOfVariation
        case .forecast: nil
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
    /// What one period of the series is: "sprint", "month"…
    let periodNoun: String
    /// For a node: how its figures add up its teams ("all teams' total"); nil for a team.
    let total: String?
    let idPrefix: String

    /// "per sprint" for a team; for a node, velocity is delivered work per team-sprint.
    var velocityPer: String { total == nil ? "per sprint" : "per sprint, mean of the teams" }

    /// - Parameters:
    ///   - periods: how many periods with data the window's figures are over.
    ///   - baseline: with `--compare`, the figures of the baseline window and its dates: the
    ///     change line compares with them instead of the window's previous half.
    func tiles(_ summary: WindowSummary, series: [SeriesPoint], teamsBelow: [TeamReport]? = nil,
               baseline: (summary: WindowSummary, window: String)? = nil, compared: Bool = false) -> TilesContext {
        let changes: HalfComparison? = if let baseline {
            HalfComparison(baseline: baseline.summary, current: summary, window: baseline.window)
        } else if compared {
            nil  // --compare, but no period of this team or node lies in the baseline window
        } else {
            HalfComparison(series, teamsBelow: teamsBelow)
        }
        let over = "over " + PageSettings.count(summary.periods, periodNoun)
        return TilesContext(TileFigure.allCases.map { figure in
            let t = TileContext(label: figure.label)
            t.period = over
            switch figure {
            case .velocity:
                t.value = NumberFormat.amount(summary.velocity)
                t.unit = "\(mode.shortUnit) \(velocityPer)"
                if summary.velocityApproximate { t.note = "approximate: mean of exported velocities" }
                if summary.velocity == nil { t.why = "no delivered work in the window" }
            case .sayDo, .creep, .delivered:
                let v = summary.value(of: figure.banded!)
                t.value = NumberFormat.percentWhole(v)
                if v == nil { t.why = figure == .delivered ? "no planned work" : "no committed work" }
                t.note = figure == .sayDo ? "of committed work delivered"
                    : figure == .creep ? "work added after the start, vs committed; lower is better"
                    : "of all planned work (commit + creep)"
            case .cv:
                t.value = NumberFormat.ratio(summary.coefficientOfVariation)
                t.unit = "ratio"
                if summary.coefficientOfVariation == nil { t.why = "needs 2 periods with delivered work" }
                t.note = "spread of delivered work per \(periodNoun) ÷ its mean; lower is steadier"
            case .forecast:
                t.period = "next \(periodNoun)" + (total.map { ", \($0)" } ?? "")
                if let f = summary.forecast {
                    // A zero-width space after the dash lets a long range wrap in a narrow tile
                    // there, and only there (the figure never breaks inside a number).
                    t.value = "\(NumberFormat.amount(f.low))–\u{200B}\(NumberFormat.amount(f.high))"
                    t.unit = mode.shortUnit
                    t.note = "likely range (25th–75th percentile of the last 6 \(periodNoun)s), median \(NumberFormat.amount(f.median))"
                } else {
                    t.value = NumberFormat.undefined
                    t.why = "needs 3 periods with delivered work"
                }
            }
            if let b = figure.banded, let band = summary.bands[b] { t.band = BandContext(band) }
            t.change = changes?.change(figure, mode: mode)
            if let m = figure.sparkMetric, series.count >= 2 {
                // The velocity tile's sparkline draws delivered work per period (for a node, the
                // teams' total of each month), not the velocity: say so.
                let per = figure == .velocity ? "delivered per \(periodNoun)" + (total.map { ", \($0)" } ?? "")
                    : "per \(periodNoun)"
                t.sparkline = ChartKit.sparkline(series.map { $0.values[m] }, label: "\(figure.label): \(per)",
                                                 idPrefix: idPrefix + "spark-" + figure.id + "-")
                t.sparkNote = per
            }
            return t
        })
    }
}

/// `part-tiles`: the headline tiles of a mode.
final class TilesContext: TemplateContext {
    let items: [TileContext]

    init(_ items: [TileContext]) { self.items = items }

    static let fields: [String: @Sendable (TilesContext) -> Any] = [
        "items": { $0.items },
    ]
}

/// One headline tile: the figure, its unit, the periods it is about, band and note, the
/// change against the previous half (or the baseline window), and a sparkline (finished SVG
/// from the chart kit) with what one of its points is.
final class TileContext: TemplateContext {
    let label: String
    var value = ""
    var unit: String?
    /// The periods the figure is about: "over 13 sprints", "next month, all teams' total".
    var period = ""
    /// Why the figure is undefined (a tooltip on the `—`).
    var why: String?
    var note: String?
    var band: BandContext?
    var change: ChangeContext?
    var sparkline: String?
    /// What one point of the sparkline is: "per sprint", "delivered per month, all teams' total".
    var sparkNote: String?

    init(label: String) { self.label = label }

    static let fields: [String: @Sendable (TileContext) -> Any] = [
        "label": { $0.label },
        "value": { $0.value },
        "unit": { orFalse($0.unit) },
        "period": { $0.period },
        "why": { orFalse($0.why) },
        "note": { orFalse($0.note) },
        "band": { orFalse($0.band) },
        "change": { orFalse($0.change) },
        "sparkline": { orFalse($0.sparkline) },
        "sparkNote": { orFalse($0.sparkNote) },
    ]
}

/// A tile's change line: an arrow (hidden from screen readers) and the change in words —
/// which way, how much, better or worse where the figure has a better side, and against
/// what ("▲ up 6 pp, better, vs previous half").
final class ChangeContext: TemplateContext {
    let arrow: String
    let text: String
    /// "better", "worse"; nil for a figure without a better side (velocity) or no change.
    let verdict: String?

    init(arrow: String, text: String, verdict: String?) {
        self.arrow = arrow
        self.text = text
        self.verdict = verdict
    }

    static let fields: [String: @Sendable (ChangeContext) -> Any] = [
        "arrow": { $0.arrow },
        "text": { $0.text },
        "verdict": { orFalse($0.verdict) },
    ]
}
