/// The largest organisation a site (or a whole-org single-file report) is made for.
///
/// The platform's org trees hold at most tens of thousands of teams; a site gets one page
/// per team (≈ 20–60 KB each), so 50,000 teams is already 1–3 GB of pages. Beyond the limit
/// the build is refused before anything is written, with the option that raises it
/// (`--max-teams`). `summary` has no such limit, and neither has a `--team` report.
/// docs/limits.md#teams has the measured time and memory per team.
public enum SiteLimit {
    public static let defaultMaxTeams = 50_000

    /// The number of distinct teams in the data (what the site would have a page for).
    public static func teamCount(_ data: DataSet) -> Int {
        Set(data.series.lazy.map(\.team.key)).count
    }

    public static func teamCount(_ report: Report) -> Int {
        Set(report.teams.lazy.map(\.team.key)).count
    }

    /// Throws when `teams` is beyond `maxTeams` (nil: the default).
    public static func check(teams: Int, maxTeams: Int?) throws {
        let limit = maxTeams ?? defaultMaxTeams
        guard teams > limit else { return }
        throw OutputError("the export has \(grouped(teams)) teams; a site is made for at most \(grouped(limit)) "
            + "(--max-teams N raises the limit; summary, or --single-file --team KEY, works at any size)")
    }

    /// 1000000 → "1,000,000".
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
