/// One team's series in one mode → its window points (identities applied) and summary.
enum TeamAnalysis {
    /// The team's report over the window, and the findings its rows raised; nil when the
    /// team has no period with a value in the window.
    static func analyze(_ series: TeamSeries, files: [String], window: Window,
                        thresholds: BandThresholds) -> (report: TeamReport?, findings: [Finding]) {
        var findings: [Finding] = []
        var points: [SeriesPoint] = []
        points.reserveCapacity(series.rows.count)
        for row in series.rows where window.contains(row.period) {
            if !hasValue(row.values) {
                findings.append(Finding(severity: .info, kind: .missingPeriod, file: files[Int(row.source.file)],
                                        line: Int(row.source.line), team: series.team.name,
                                        period: row.period.label,
                                        message: "the period has no metric value (not counted)"))
                continue
            }
            var values = row.values
            var derived = row.derived
            for m in Identities.complete(&values, derived: &derived, mode: series.mode) {
                findings.append(Finding(kind: .identityMismatch, file: files[Int(row.source.file)], line: Int(row.source.line),
                                        team: series.team.name, period: row.period.label, message: m.message))
            }
            points.append(SeriesPoint(period: row.period, values: values, derived: derived,
                                      sprintCount: series.level == .team ? Velocity.sprintCount(values) : nil,
                                      source: row.source, extras: row.extras))
        }
        guard !points.isEmpty else { return (nil, findings) }
        WindowSummarizer.fillRolling(&points)
        let summary = WindowSummarizer.summarize(points, velocity: Velocity.of(points, level: series.level),
                                                 sizeDivisor: points.count, thresholds: thresholds)
        let report = TeamReport(team: series.team, mode: series.mode, level: series.level,
                                summary: summary, series: points)
        return (report, findings)
    }

    /// Whether any metric has a value (what `MetricValues.isEmpty` answers, without building
    /// the set of present metrics: this runs once per row).
    static func hasValue(_ v: MetricValues) -> Bool {
        for i in 0..<Metric.count where !v.storage[i].isNaN { return true }
        return false
    }
}
