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

    func tiles(_ summary: WindowSummary, series: [SeriesPoint], teamsBelow: [TeamReport]? = nil) -> TilesContext {
        let halves = HalfComparison(series, teamsBelow: teamsBelow)
        return TilesContext(TileFigure.allCases.map { figure in
            let t = TileContext(label: figure.label)
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
                    : figure == .creep ? "work added after the start, vs committed"
                    : "of all planned work (commit + creep)"
            case .cv:
                t.value = NumberFormat.ratio(summary.coefficientOfVariation)
                if summary.coefficientOfVariation == nil { t.why = "needs 2 periods with delivered work" }
                t.note = "spread of delivered work ÷ its mean; lower is steadier"
            case .forecast:
                if let f = summary.forecast {
                    // A zero-width space after the dash lets a long range wrap in a narrow tile.
                    t.value = "\(NumberFormat.amount(f.low))–\u{200B}\(NumberFormat.amount(f.high))"
                    t.unit = mode.shortUnit
                    t.note = "likely range (25th–75th percentile of the last 6), median \(NumberFormat.amount(f.median))"
                } else {
                    t.value = NumberFormat.undefined
                    t.why = "needs 3 periods with delivered work"
                    t.note = "next period"
                }
            }
            if let b = figure.banded, let band = summary.bands[b] { t.band = BandContext(band) }
            t.change = halves?.change(figure, mode: mode)
            if let m = figure.sparkMetric, series.count >= 2 {
                t.sparkline = ChartKit.sparkline(series.map { $0.values[m] }, label: "\(figure.label) per period",
                                                 idPrefix: idPrefix + "spark-" + figure.id + "-")
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

/// One headline tile: the figure, its unit, band and note, the change against the previous
/// half, and a sparkline (finished SVG from the chart kit).
final class TileContext: TemplateContext {
    let label: String
    var value = ""
    var unit: String?
    /// Why the figure is undefined (a tooltip on the `—`).
    var why: String?
    var note: String?
    var band: BandContext?
    var change: ChangeContext?
    var sparkline: String?

    init(label: String) { self.label = label }

    static let fields: [String: @Sendable (TileContext) -> Any] = [
        "label": { $0.label },
        "value": { $0.value },
        "unit": { orFalse($0.unit) },
        "why": { orFalse($0.why) },
        "note": { orFalse($0.note) },
        "band": { orFalse($0.band) },
        "change": { orFalse($0.change) },
        "sparkline": { orFalse($0.sparkline) },
    ]
}

/// A tile's change line: an arrow (hidden from screen readers), the direction in a word for
/// them, and the amount ("▲ up 6 pp vs previous half").
final class ChangeContext: TemplateContext {
    let arrow: String
    /// "up", "down"; nil when there is no change.
    let word: String?
    let text: String

    init(arrow: String, word: String?, text: String) {
        self.arrow = arrow
        self.word = word
        self.text = text
    }

    static let fields: [String: @Sendable (ChangeContext) -> Any] = [
        "arrow": { $0.arrow },
        "word": { orFalse($0.word) },
        "text": { $0.text },
    ]
}
