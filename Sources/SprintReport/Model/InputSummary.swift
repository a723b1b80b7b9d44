/// The layout of a file: one column per metric, or one `Metric`/`Value` pair per record.
public enum Shape: String, Sendable {
    case wide, long
}

/// The dimension columns of `docs/input-format.md#dimensions` (plus the long shape's own columns).
public enum Dimension: String, Sendable, CaseIterable {
    case teamName = "team name"
    case teamId = "team id"
    case hierarchy = "hierarchy"
    case orgTree = "org tree"
    case periodLabel = "period label"
    case sprintName = "sprint name"
    case sprintId = "sprint id"
    case startDate = "start date"
    case endDate = "end date"
    case computationMode = "computation mode"
    case metricLevel = "metric level"
    case metricName = "metric name"
    case value = "value"
    case metricGroup = "metric group"
}

/// What one header was mapped to (what `inspect` prints).
public enum ColumnRole: Sendable, Equatable {
    case dimension(Dimension)
    /// A metric column; the mode is set by a unit suffix, nil when it follows the row/file.
    case metric(Metric, ComputationMode?)
    /// An unknown column whose values are numbers: kept under its header text.
    case extra
    /// An unknown column that is not numeric (or empty): ignored, with the reason.
    case ignored(String)
}

public struct ColumnMapping: Sendable, Equatable {
    public var header: String
    public var normalized: String
    public var role: ColumnRole
    public init(header: String, normalized: String, role: ColumnRole) {
        self.header = header
        self.normalized = normalized
        self.role = role
    }
}

/// What was read from one input file.
public struct InputSummary: Sendable {
    /// The path as given on the command line (`-` for standard input).
    public var path: String
    public var compressed: Bool
    public var shape: Shape
    /// The file's metric level (sprint when it has sprint columns or says so).
    public var level: RowLevel
    public var modes: [ComputationMode]
    /// Data records read (not counting header and blank lines).
    public var rows: Int
    public var teams: Int
    public var periods: Int
    public var firstPeriod: String?
    public var lastPeriod: String?
    /// Lower-case hex SHA-256 of the file's bytes as read (compressed bytes for a .gz).
    public var sha256: String
    public var columns: [ColumnMapping]

    public init(path: String, compressed: Bool, shape: Shape, level: RowLevel, modes: [ComputationMode],
                rows: Int, teams: Int, periods: Int, firstPeriod: String?, lastPeriod: String?,
                sha256: String, columns: [ColumnMapping]) {
        self.path = path
        self.compressed = compressed
        self.shape = shape
        self.level = level
        self.modes = modes
        self.rows = rows
        self.teams = teams
        self.periods = periods
        self.firstPeriod = firstPeriod
        self.lastPeriod = lastPeriod
        self.sha256 = sha256
        self.columns = columns
    }
}
