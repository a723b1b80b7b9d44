/// Where a value came from: an input file (index into `DataSet.inputs`) and a 1-based line.
public struct SourceRef: Sendable, Hashable, Comparable {
    public var file: Int32
    public var line: Int32
    public init(file: Int, line: Int) {
        self.file = Int32(file)
        self.line = Int32(line)
    }
    public static func < (a: SourceRef, b: SourceRef) -> Bool {
        (a.file, a.line) < (b.file, b.line)
    }
}

/// One team's figures for one period in one computation mode, after merging all inputs.
public struct PeriodRow: Sendable {
    // Stored in this order (widest alignment last but one) so the row packs into 128 bytes.
    /// Exported values; after analysis also the derived ones (listed in `derived`).
    public var values: MetricValues
    /// Metrics whose value was derived from the identities, not exported.
    public var derived: MetricSet
    /// The record that supplied the row (for a long-shape file, its first record).
    public var source: SourceRef
    /// Extra numeric columns, parallel to `DataSet.extraMetrics` (empty when there are none;
    /// NaN where missing).
    public var extras: [Double]
    public var period: Period

    public init(period: Period, values: MetricValues = MetricValues(), derived: MetricSet = MetricSet(),
                extras: [Double] = [], source: SourceRef) {
        self.period = period
        self.values = values
        self.derived = derived
        self.extras = extras
        self.source = source
    }
}

/// All rows of one team in one computation mode, in period order.
public struct TeamSeries: Sendable {
    public var team: Team
    public var mode: ComputationMode
    public var level: RowLevel
    public var rows: [PeriodRow]
    /// The series' analysis made while it was read (`rows` is then empty until the analysis
    /// gives them back); nil for almost every caller. Only `TeamAnalysis` reads it.
    var early: EarlyAnalysis?

    public init(team: Team, mode: ComputationMode, level: RowLevel, rows: [PeriodRow]) {
        self.team = team
        self.mode = mode
        self.level = level
        self.rows = rows
    }

    init(team: Team, mode: ComputationMode, level: RowLevel, early: EarlyAnalysis) {
        self.init(team: team, mode: mode, level: level, rows: [])
        self.early = early
    }
}
