/// The window figures of `docs/metrics.md#a-teams-figures` over a series of points (a team's periods, or a
/// node's months), given the velocity and the count that averages are taken over.
enum WindowSummarizer {
    /// Periods the forecast looks back over, and the rolling-mean window.
    static let forecastPeriods = 6
    static let rollingWindow = 3

    /// - Parameters:
    ///   - points: the series in period order, every one with at least one metric present.
    ///   - velocity: from `Velocity` (teams) or the rollup (nodes).
    ///   - sizeDivisor: what ΣS is divided by for `averageSprintSize` (n for a team; the
    ///     number of team-periods for a rolled-up node).
    ///   - totals: `totals(points)` when the caller added them up already (`addToTotals`).
    static func summarize<P: WindowRow>(_ points: [P], velocity: (value: Double?, approximate: Bool),
                          sizeDivisor: Int, thresholds: BandThresholds, totals: MetricValues? = nil)
        -> WindowSummary {
        var s = WindowSummary(periods: points.count)
        s.totals = totals ?? Self.totals(points)
        s.velocity = velocity.value
        s.velocityApproximate = velocity.approximate
        let t = s.totals
        if let size = t[.sprintSize], sizeDivisor > 0 { s.averageSprintSize = size / Double(sizeDivisor) }
        s.sayDoPercent = percent(t[.deliveredCommit], of: t[.sprintCommit])
        s.scopeCreepPercent = percent(t[.sprintCreep], of: t[.sprintCommit])
        s.creepDeliveredPercent = percent(t[.deliveredCreep], of: t[.sprintCreep])
        s.totalDeliveredPercent = percent(t[.totalWorkDelivered], of: t[.sprintSize])
        s.deliveredVsCommitted = percent(t[.totalWorkDelivered], of: t[.sprintCommit]).map { $0 / 100 }

        // D by position, and 100 · DC / C where C > 0, in period order (rows read in place).
        var delivered: [(x: Double, y: Double)] = [], reliability: [Double] = []
        delivered.reserveCapacity(points.count)
        reliability.reserveCapacity(points.count)
        let rows = points.span
        for i in rows.indices {
            // `rows[i].values[…]` each time: a `let` of the values would copy them.
            if let y = rows[i].values[.totalWorkDelivered] { delivered.append((x: Double(i), y: y)) }
            if let c = rows[i].values[.sprintCommit], c > 0, let dc = rows[i].values[.deliveredCommit] {
                reliability.append(100 * dc / c)
            }
        }
        let d = delivered.map(\.y)
        s.deliveryConsistency = Statistics.sampleStandardDeviation(d)
        s.commitmentReliability = Statistics.sampleStandardDeviation(reliability)
        if let sd = s.deliveryConsistency, let m = Statistics.mean(d), m != 0 {
            s.coefficientOfVariation = sd / m
        }
        s.trendPerPeriod = points.count >= 3 ? Statistics.slope(delivered) : nil
        let recent = Array(d.suffix(forecastPeriods))
        if recent.count >= 3, let lo = Statistics.quantile(recent, 0.25), let me = Statistics.quantile(recent, 0.5),
           let hi = Statistics.quantile(recent, 0.75) {
            s.forecast = Forecast(low: lo, median: me, high: hi)
        }
        s.bands = thresholds.bands(for: s)
        return s
    }

    /// Sums of the additive metrics over the points where present (nil: never present).
    /// The sums are plain doubles: each step gives the bits that summing into `MetricValues`
    /// would (those store every double exactly), without encoding the sums on every row.
    static func totals<P: WindowRow>(_ points: [P]) -> MetricValues {
        var t = MetricSlots()
        let additive = MetricSet.additive
        let rows = points.span
        for k in rows.indices { t.add(rows[k].values, of: additive) }
        return MetricValues(slots: t)
    }

    /// One step of `totals` from a point's values already decoded: `totals(points)` is
    /// `MetricValues(slots: t)` after this for each point's values in order, from an empty
    /// `t` (`AnalysisTeamTotalsTests` compares the two).
    @inline(__always)
    static func addToTotals(_ t: inout MetricSlots, _ values: UnsafePointer<MetricSlots>) {
        t.add(values, of: .additive)
    }

    /// Sets each point's `rolling` (mean of D over it and up to 2 before it), as
    /// `Statistics.rollingMean` gives it: read from the points where they lie
    /// (`RollingMean`), not from a copy of every point and an array per mean.
    static func fillRolling(_ points: inout [SeriesPoint]) {
        let rolling = points.indices.map { RollingMean.at($0, in: points) }
        for i in points.indices { points[i].rolling = rolling[i] }
    }

    /// 100 · part / whole; nil (undefined) when either is missing or whole is 0.
    private static func percent(_ part: Double?, of whole: Double?) -> Double? {
        guard let part, let whole, whole != 0 else { return nil }
        return 100 * part / whole
    }
}
