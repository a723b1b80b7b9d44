/// The report window compared with a baseline window (`--compare`): for every team and node
/// of the report, its figures in the baseline window beside the current ones, and the change.
///
/// The baseline is analysed exactly as a report of its own (`Analyzer.analyze` over the same
/// data with the baseline window), so its figures are those `summary --from … --to …` prints
/// for that window. Teams are matched by key and mode, nodes by path and mode; a team or
/// node without a period in the baseline window has no comparison (nil), not zeros.
public struct WindowComparison: Sendable {
    public var baselineWindow: Window
    /// The baseline window's own report.
    public var baseline: Report
    /// Parallel to the report's `teams`.
    public var teams: [SummaryComparison?]
    /// Parallel to the report's `nodes`.
    public var nodes: [SummaryComparison?]

    /// Compares `current` with `baseline` (the report of the baseline window).
    public init(current: Report, baseline: Report) {
        baselineWindow = baseline.window
        self.baseline = baseline
        teams = Self.compare(current.teams, baseline.teams, by: TeamKey.init, summary: \.summary,
                             series: \.series)
        nodes = Self.compare(current.nodes, baseline.nodes, by: NodeKey.init, summary: \.summary,
                             series: \.series)
        teamSlot = Self.firstIndexes(current.teams, by: TeamKey.init)
        nodeSlot = Self.firstIndexes(current.nodes, by: NodeKey.init)
    }

    /// For each of `current`, its comparison with the first of `baseline` with the same key
    /// (nil when there is none): teams and nodes alike.
    private static func compare<T, K: Hashable>(_ current: [T], _ baseline: [T], by key: (T) -> K,
                                                summary: (T) -> WindowSummary,
                                                series: (T) -> [SeriesPoint]) -> [SummaryComparison?] {
        let index = firstIndexes(baseline, by: key)
        return current.map { c in
            index[key(c)].map {
                let b = baseline[$0]
                return SummaryComparison(baseline: summary(b), current: summary(c),
                                         baselineMeanDelivered: meanDelivered(series(b)))
            }
        }
    }

    /// The position of the first item with each key.
    private static func firstIndexes<T, K: Hashable>(_ items: [T], by key: (T) -> K) -> [K: Int] {
        var out: [K: Int] = [:]
        for (i, item) in items.enumerated() where out[key(item)] == nil { out[key(item)] = i }
        return out
    }

    /// Where each team and node of the report is in `teams` and `nodes`.
    private var teamSlot: [TeamKey: Int]
    private var nodeSlot: [NodeKey: Int]

    /// The comparison of a team of the report (by key and mode); nil without a baseline.
    public func team(_ t: TeamReport) -> SummaryComparison? { teamSlot[TeamKey(t)].flatMap { teams[$0] } }

    /// The comparison of a node of the report (by path and mode); nil without a baseline.
    public func node(_ n: NodeReport) -> SummaryComparison? { nodeSlot[NodeKey(n)].flatMap { nodes[$0] } }

    /// Mean of the present D values of a series.
    static func meanDelivered(_ points: [SeriesPoint]) -> Double? {
        Statistics.mean(points.compactMap { $0.values[.totalWorkDelivered] })
    }

    /// The report over `window` and its comparison with the same data over `baselineWindow`.
    /// The data set is consumed by the report; the baseline is analysed from a copy of it
    /// first (its rows are shared until the analysis drops those outside each window).
    public static func analyze(_ data: consuming DataSet, window: Window, baselineWindow: Window,
                               thresholds: BandThresholds = .defaults) -> (report: Report, comparison: WindowComparison) {
        let copy = data
        let baseline = Analyzer.analyze(copy, window: baselineWindow, thresholds: thresholds)
        let report = Analyzer.analyze(data, window: window, thresholds: thresholds)
        return (report, WindowComparison(current: report, baseline: baseline))
    }

    /// The teams whose `figure` moved most in `direction` (`better` or `worse`, for a figure
    /// with a better side; `up` or `down` for one without), largest change first, at most
    /// `limit`: indices into the report's `teams` with their change. Ties keep report order.
    public func movers(_ figure: ComparedFigure, _ direction: ChangeDirection, limit: Int) -> [(team: Int, change: FigureChange)] {
        var found: [(team: Int, change: FigureChange)] = []
        for (i, c) in teams.enumerated() {
            if let change = c?.changes[figure], change.direction == direction { found.append((i, change)) }
        }
        // Stable: a plain sort by size is not, so the index breaks ties.
        found.sort { a, b in
            let x = abs(a.change.delta), y = abs(b.change.delta)
            return x != y ? x > y : a.team < b.team
        }
        return Array(found.prefix(max(0, limit)))
    }

    private struct TeamKey: Hashable {
        var key: String
        var mode: ComputationMode
        init(_ t: TeamReport) {
            key = t.team.key
            mode = t.mode
        }
    }

    private struct NodeKey: Hashable {
        var path: [String]
        var mode: ComputationMode
        init(_ n: NodeReport) {
            path = n.path
            mode = n.mode
        }
    }
}
