/// The unit of every work metric (`computationMode`). Modes are never mixed in one figure.
public enum ComputationMode: String, Sendable, CaseIterable, Comparable {
    case storyPoints = "STORY_POINTS"
    case tickets = "TICKETS"

    /// The unit as a reader names it: "story points" or "tickets".
    public var unitName: String {
        switch self {
        case .storyPoints: "story points"
        case .tickets: "tickets"
        }
    }

    /// Short unit for tight spaces: "pts" or "tickets".
    public var shortUnit: String {
        switch self {
        case .storyPoints: "pts"
        case .tickets: "tickets"
        }
    }

    public static func < (a: ComputationMode, b: ComputationMode) -> Bool {
        a == .storyPoints && b == .tickets
    }
}

/// `metricLevel`: one row per sprint, or one row per team per period bucket.
public enum RowLevel: String, Sendable, CaseIterable {
    case sprint, team
}

/// `granularity` of a team-level row's period.
public enum Granularity: String, Sendable, CaseIterable {
    case sprint = "SPRINT"
    case weekly = "WEEKLY"
    case monthly = "MONTHLY"
    case quarterly = "QUARTERLY"
}
