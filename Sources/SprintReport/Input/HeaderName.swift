/// Header-name matching (`docs/input-format.md#header-names`): normalisation, the
/// dimension aliases, the metric aliases and their unit suffixes.
enum HeaderName {
    /// Lower-case, `%` → `percent`, then drop everything that is not `a`–`z` or `0`–`9`.
    static func normalize(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                out.unicodeScalars.append(Unicode.Scalar(b + 32))
            case UInt8(ascii: "%"):
                out += "percent"
            default:
                break
            }
        }
        return out
    }

    /// Normalised dimension names (the long shape's `Metric`, `Value`, `Metric_Group` included).
    static let dimensions: [String: Dimension] = {
        let table: [(Dimension, [String])] = [
            (.teamName, ["Team", "Team_Name", "teamName"]),
            (.teamId, ["Team_Id", "teamId", "Team_Ref_Id"]),
            (.hierarchy, ["Team_Hierarchy", "Hierarchy", "Org_Tree_Path", "Team_Path"]),
            (.orgTree, ["Org_Tree", "Org_Tree_Name", "orgTreeName"]),
            (.periodLabel, ["Granularity", "Period", "Time_Period", "Interval"]),
            (.sprintName, ["Sprint", "Sprint_Name"]),
            (.sprintId, ["Sprint_Id", "sprintId"]),
            (.startDate, ["Start_Date", "Sprint_Start_Date", "Period_Start", "Start"]),
            (.endDate, ["End_Date", "Sprint_End_Date", "Period_End", "End"]),
            (.computationMode, ["Computation_Mode", "Mode", "Unit"]),
            (.metricLevel, ["Metric_Level"]),
            (.metricName, ["Metric", "Metric_Name"]),
            (.value, ["Value"]),
            (.metricGroup, ["Metric_Group"]),
        ]
        var map: [String: Dimension] = [:]
        for (d, names) in table { for n in names { map[normalize(n)] = d } }
        return map
    }()

    /// Normalised metric names: every alias and the enum name.
    static let metrics: [String: Metric] = {
        var map: [String: Metric] = [:]
        for m in Metric.allCases {
            map[normalize(m.rawValue)] = m
            for a in m.aliases { map[normalize(a)] = m }
        }
        return map
    }()

    /// Unit suffixes and the mode each one sets, longest first so `workitemcount` wins over `count`.
    static let unitSuffixes: [(String, ComputationMode)] = [
        ("workitemcount", .tickets), ("storypoints", .storyPoints), ("workitems", .tickets),
        ("tickets", .tickets), ("points", .storyPoints), ("count", .tickets), ("sp", .storyPoints),
    ]

    /// The metric a normalised name means, with the mode its unit suffix sets (nil: none).
    /// Whole names only: a name matches as it is, or as a metric name plus one suffix.
    static func metric(normalized name: String) -> (Metric, ComputationMode?)? {
        if let m = metrics[name] { return (m, nil) }
        for (suffix, mode) in unitSuffixes where name.count > suffix.count && name.hasSuffix(suffix) {
            if let m = metrics[String(name.dropLast(suffix.count))] { return (m, mode) }
        }
        return nil
    }

    /// A computation-mode cell (`STORY_POINTS`, `Story Points`, `points`, `TICKETS`,
    /// `Work Item Count`, `count`…), or nil when it names neither mode.
    static func mode(_ text: String) -> ComputationMode? {
        switch normalize(text) {
        case "storypoints", "storypoint", "points", "point", "sp", "pts": .storyPoints
        case "tickets", "ticket", "workitemcount", "workitems", "workitem", "count", "issues": .tickets
        default: nil
        }
    }

    /// A `Metric_Level` cell.
    static func level(_ text: String) -> RowLevel? {
        switch normalize(text) {
        case "sprint", "sprints": .sprint
        case "team", "teams": .team
        default: nil
        }
    }

    /// A `Granularity` cell that names a bucket size (`SPRINT`, `Monthly`…) instead of a period.
    static func granularity(_ text: String) -> Granularity? {
        switch normalize(text) {
        case "sprint": .sprint
        case "weekly", "week": .weekly
        case "monthly", "month": .monthly
        case "quarterly", "quarter": .quarterly
        default: nil
        }
    }
}
