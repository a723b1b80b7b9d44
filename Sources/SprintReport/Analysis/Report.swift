// The output of Analysis: what every renderer (text, Markdown, JSON, pages) reads.
// One place computes each figure (see the other files of this folder); renderers only format.

/// The four banded figures of `docs/metrics.md#bands`.
public enum BandedFigure: String, Sendable, CaseIterable {
    case sayDoPercent, scopeCreepPercent, totalDeliveredPercent, coefficientOfVariation
}

/// Maturity band, best first.
public enum Band: String, Sendable, CaseIterable, Comparable {
    case elite = "Elite", high = "High", medium = "Medium", low = "Low"
    public static func < (a: Band, b: Band) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// `{low, median, high}`: 25th/50th/75th percentiles of D over the last 6 periods.
public struct Forecast: Sendable, Equatable {
    public var low: Double
    public var median: Double
    public var high: Double
    public init(low: Double, median: Double, high: Double) {
        self.low = low
        self.median = median
        self.high = high
    }
}

/// The window figures of `docs/metrics.md#a-teams-figures`, for a team or an org-tree node.
/// `nil` means undefined (printed `—`, JSON `null`), never zero.
public struct WindowSummary: Sendable {
    public var periods: Int
    /// Sums of the additive metrics over the periods where present (nil: never present).
    public var totals: MetricValues
    public var velocity: Double?
    public var velocityApproximate: Bool
    public var averageSprintSize: Double?
    public var sayDoPercent: Double?
    public var scopeCreepPercent: Double?
    public var creepDeliveredPercent: Double?
    public var totalDeliveredPercent: Double?
    public var deliveredVsCommitted: Double?
    public var deliveryConsistency: Double?
    public var commitmentReliability: Double?
    public var coefficientOfVariation: Double?
    public var trendPerPeriod: Double?
    public var forecast: Forecast?
    public var bands: [BandedFigure: Band]

    public init(periods: Int = 0, totals: MetricValues = MetricValues(), velocity: Double? = nil,
                velocityApproximate: Bool = false, averageSprintSize: Double? = nil,
                sayDoPercent: Double? = nil, scopeCreepPercent: Double? = nil,
                creepDeliveredPercent: Double? = nil, totalDeliveredPercent: Double? = nil,
                deliveredVsCommitted: Double? = nil, deliveryConsistency: Double? = nil,
                commitmentReliability: Double? = nil, coefficientOfVariation: Double? = nil,
                trendPerPeriod: Double? = nil, forecast: Forecast? = nil, bands: [BandedFigure: Band] = [:]) {
        self.periods = periods
        self.totals = totals
        self.velocity = velocity
        self.velocityApproximate = velocityApproximate
        self.averageSprintSize = averageSprintSize
        self.sayDoPercent = sayDoPercent
        self.scopeCreepPercent = scopeCreepPercent
        self.creepDeliveredPercent = creepDeliveredPercent
        self.totalDeliveredPercent = totalDeliveredPercent
        self.deliveredVsCommitted = deliveredVsCommitted
        self.deliveryConsistency = deliveryConsistency
        self.commitmentReliability = commitmentReliability
        self.coefficientOfVariation = coefficientOfVariation
        self.trendPerPeriod = trendPerPeriod
        self.forecast = forecast
        self.bands = bands
    }

    /// The value of a banded figure.
    public func value(of figure: BandedFigure) -> Double? {
        switch figure {
        case .sayDoPercent: sayDoPercent
        case .scopeCreepPercent: scopeCreepPercent
        case .totalDeliveredPercent: totalDeliveredPercent
        case .coefficientOfVariation: coefficientOfVariation
        }
    }
}

/// One point of a team's or node's series, in period order.
public struct SeriesPoint: Sendable {
    public var period: Period
    /// Exported plus derived values.
    public var values: MetricValues
    public var derived: MetricSet
    /// Mean of D over this period and up to 2 before it (nil when none of them has D).
    public var rolling: Double?
    /// Sprint count of a team-level row (round(D / SPRINT_VELOCITY)), when known.
    public var sprintCount: Int?
    /// The record it came from (nil for rolled-up node points).
    public var source: SourceRef?
    /// Extra numeric columns, parallel to `DataSet.extraMetrics`.
    public var extras: [Double]

    public init(period: Period, values: MetricValues, derived: MetricSet = MetricSet(), rolling: Double? = nil,
                sprintCount: Int? = nil, source: SourceRef? = nil, extras: [Double] = []) {
        self.period = period
        self.values = values
        self.derived = derived
        self.rolling = rolling
        self.sprintCount = sprintCount
        self.source = source
        self.extras = extras
    }
}

/// A team in one computation mode over the window.
public struct TeamReport: Sendable {
    public var team: Team
    public var mode: ComputationMode
    public var level: RowLevel
    public var summary: WindowSummary
    /// The window's periods: as `Analyzer` made them, the data set's own rows (moved, not
    /// copied) with the derived values filled in; else the points given to `init`.
    var points: TeamPoints

    public init(team: Team, mode: ComputationMode, level: RowLevel, summary: WindowSummary, series: [SeriesPoint]) {
        self.init(team: team, mode: mode, level: level, summary: summary, points: .points(series))
    }

    init(team: Team, mode: ComputationMode, level: RowLevel, summary: WindowSummary, points: TeamPoints) {
        self.team = team
        self.mode = mode
        self.level = level
        self.summary = summary
        self.points = points
    }

    /// The window's points in period order. Made on each read from the rows the report
    /// keeps (one copy of every row at any time, not two): read it once per use.
    public var series: [SeriesPoint] {
        get {
            switch points {
            case let .points(p): return p
            case let .rows(rows): return TeamPoints.seriesPoints(rows, level: level)
            }
        }
        set { points = .points(newValue) }
    }
}

/// An org-tree node in one computation mode: rolled up from its descendants, or its own rows.
public struct NodeReport: Sendable {
    /// Path elements from the root; `[]` is the root (the whole organisation).
    public var path: [String]
    public var mode: ComputationMode
    /// True when the figures are rolled up from descendants; false when the node has own rows.
    public var rolledUp: Bool
    /// Number of descendant teams (in this mode).
    public var teams: Int
    public var summary: WindowSummary
    /// Monthly-aligned series (rolled-up nodes) or the node's own rows.
    public var series: [SeriesPoint]
    /// Paths of direct children (nodes and teams) in this mode, sorted.
    public var children: [[String]]

    public init(path: [String], mode: ComputationMode, rolledUp: Bool, teams: Int, summary: WindowSummary,
                series: [SeriesPoint], children: [[String]]) {
        self.path = path
        self.mode = mode
        self.rolledUp = rolledUp
        self.teams = teams
        self.summary = summary
        self.series = series
        self.children = children
    }

    public var pathString: String { Team.pathString(path) }
}

/// Band thresholds in use (`docs/metrics.md#bands`), printed by every report.
public struct BandThresholds: Sendable, Equatable {
    /// For each figure: the Elite, High and Medium limits, and whether higher is better.
    public struct Limits: Sendable, Equatable {
        public var elite: Double
        public var high: Double
        public var medium: Double
        public var higherIsBetter: Bool
        public init(elite: Double, high: Double, medium: Double, higherIsBetter: Bool) {
            self.elite = elite
            self.high = high
            self.medium = medium
            self.higherIsBetter = higherIsBetter
        }
    }
    public var limits: [BandedFigure: Limits]
    public init(limits: [BandedFigure: Limits]) { self.limits = limits }

    public static let defaults = BandThresholds(limits: [
        .sayDoPercent: Limits(elite: 85, high: 70, medium: 60, higherIsBetter: true),
        .scopeCreepPercent: Limits(elite: 10, high: 20, medium: 40, higherIsBetter: false),
        .totalDeliveredPercent: Limits(elite: 85, high: 70, medium: 60, higherIsBetter: true),
        .coefficientOfVariation: Limits(elite: 0.10, high: 0.20, medium: 0.35, higherIsBetter: false),
    ])
}

/// The report window (`--from`/`--to`); nil ends are open.
public struct Window: Sendable, Equatable {
    public var from: Day?
    public var to: Day?
    public init(from: Day? = nil, to: Day? = nil) {
        self.from = from
        self.to = to
    }
    public func contains(_ period: Period) -> Bool {
        guard let d = period.windowDay else { return from == nil && to == nil }
        if let from, d < from { return false }
        if let to, d > to { return false }
        return true
    }
}

/// Everything Analysis computed; the single source of every printed figure.
public struct Report: Sendable {
    public var window: Window
    /// The first and last day the data in the window covers (for display).
    public var coverage: (first: Day?, last: Day?)
    public var inputs: [InputSummary]
    public var extraMetrics: [String]
    /// Sorted by team path, then mode.
    public var teams: [TeamReport]
    /// Sorted by path, then mode; the root (`[]`) first.
    public var nodes: [NodeReport]
    /// Sorted by file, line, kind.
    public var findings: [Finding]
    public var thresholds: BandThresholds

    public init(window: Window, coverage: (first: Day?, last: Day?), inputs: [InputSummary], extraMetrics: [String],
                teams: [TeamReport], nodes: [NodeReport], findings: [Finding], thresholds: BandThresholds) {
        self.window = window
        self.coverage = coverage
        self.inputs = inputs
        self.extraMetrics = extraMetrics
        self.teams = teams
        self.nodes = nodes
        self.findings = findings
        self.thresholds = thresholds
    }
}
