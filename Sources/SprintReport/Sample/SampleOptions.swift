/// What `sprint-report sample` generates: the export options of `docs/input-format.md#export-options`
/// (`metricLevel`, `granularity`, `computationMode`) plus the size and the seed.
public struct SampleOptions: Sendable, Equatable {
    /// Number of teams (leaves of the org tree).
    public var teams: Int
    /// Number of sprints per team. Team-level files bucket these sprints into periods.
    public var sprints: Int
    /// The seed: the same options always give the same CSV bytes, on every platform.
    public var seed: UInt64
    public var level: RowLevel
    /// The bucket of a team-level row (ignored for sprint-level files).
    public var granularity: Granularity
    /// One mode (unsuffixed columns), or both (`_story_points` / `_tickets` columns).
    public var modes: [ComputationMode]

    public init(teams: Int, sprints: Int, seed: UInt64 = 1, level: RowLevel = .sprint,
                granularity: Granularity = .monthly, modes: [ComputationMode] = [.storyPoints]) {
        self.teams = teams
        self.sprints = sprints
        self.seed = seed
        self.level = level
        self.granularity = granularity
        self.modes = modes
    }

    /// The largest sizes accepted (a 2 × 10⁸-row file is already ~35 GB of CSV).
    public static let maxTeams = 1_000_000
    public static let maxSprints = 1_000

    /// Problems with the options, one sentence each (empty when they are fine).
    public var problems: [String] {
        var out: [String] = []
        if teams < 1 || teams > Self.maxTeams { out.append("--teams must be between 1 and \(Self.maxTeams).") }
        if sprints < 1 || sprints > Self.maxSprints {
            out.append("--sprints must be between 1 and \(Self.maxSprints).")
        }
        if modes.isEmpty || Set(modes).count != modes.count { out.append("--mode names each mode at most once.") }
        return out
    }
}
