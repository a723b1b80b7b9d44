/// Org rollups (`metrics.md` §4): the additive metrics of many teams' periods summed by
/// calendar month, ratios recomputed from the sums.
public struct Rollup: Sendable {
    /// One point per calendar month (label `yyyy-MM`), in month order.
    public var months: [SeriesPoint]
    /// Number of team-periods summed (the divisor of a node's average sprint size).
    public var teamPeriods: Int
    /// Number of team-sprints: 1 per sprint-level period, the sprint count of a team-level
    /// row (`metrics.md` §3); nil when a team-level row has no sprint count.
    public var teamSprints: Int?
    /// ΣD over those team-periods (nil: never present).
    public var delivered: Double?

    /// Sums the teams' window points by the month of each period's end date (else start).
    /// Periods without any date cannot be aligned and are left out.
    public init(teams: [TeamReport]) {
        var buckets: [Day: MetricValues] = [:]
        var count = 0
        var sprints: Int? = 0
        var sumD: Double?
        for team in teams {
            for p in team.series {
                guard let day = p.period.alignmentDay else { continue }
                count += 1
                let n = team.level == .sprint ? 1 : p.sprintCount
                sprints = sprints.flatMap { s in n.map { s + $0 } }
                if let d = p.values[.totalWorkDelivered] { sumD = (sumD ?? 0) + d }
                var b = buckets[day.monthStart] ?? MetricValues()
                for m in Metric.additive {
                    if let v = p.values[m] { b[m] = (b[m] ?? 0) + v }
                }
                buckets[day.monthStart] = b
            }
        }
        teamPeriods = count
        teamSprints = sprints
        delivered = sumD
        let mode = teams.first?.mode ?? .storyPoints
        months = buckets.keys.sorted().compactMap { start in
            var values = buckets[start]!
            guard !values.isEmpty else { return nil }
            var derived = MetricSet()
            _ = Identities.completeRatios(&values, derived: &derived, mode: mode)
            let c = start.components
            let end = start.adding(days: Day.daysIn(month: c.month, year: c.year) - 1)
            let label = String(start.description.prefix(7))
            let period = Period(label: label, start: start, end: end, granularity: .monthly)
            return SeriesPoint(period: period, values: values, derived: derived)
        }
        WindowSummarizer.fillRolling(&months)
    }

    /// Node velocity: ΣD over the descendant team-periods divided by their number, where a
    /// team-level row counts as its sprint count so that the figure is per sprint like its
    /// teams' (§3). When a team-level row has no sprint count, ΣD / team-periods, marked
    /// approximate.
    public var velocity: (value: Double?, approximate: Bool) {
        if let teamSprints {
            return (teamSprints > 0 ? delivered.map { $0 / Double(teamSprints) } : nil, false)
        }
        return (teamPeriods > 0 ? delivered.map { $0 / Double(teamPeriods) } : nil, true)
    }

    /// The node summary: §2 over the monthly series, velocity as above, average sprint size
    /// ΣS / team-periods (as a team's is ΣS / n).
    public func summary(thresholds: BandThresholds) -> WindowSummary {
        WindowSummarizer.summarize(months, velocity: velocity, sizeDivisor: teamPeriods, thresholds: thresholds)
    }
}
