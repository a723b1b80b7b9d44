/// One team's series in one mode → its window points (identities applied) and summary.
enum TeamAnalysis {
    /// The team's report over the window, and the findings its rows raised; nil when the
    /// team has no period with a value in the window.
    ///
    /// The series' rows are moved into the report (`series.rows` is left empty): rows outside
    /// the window or without any value are dropped in place and the derived values written
    /// into each kept row, so no second per-row array is made (`TeamPoints`).
    ///
    /// A series analysed while it was read (`EarlyAnalysis`) gives its result when it was made
    /// with the same window, thresholds and files; else its rows are given back and analysed.
    ///
    /// With the days the report covers (`Analyzer.coverage(of:)`), taken from each row as it
    /// is kept rather than by another pass over the rows.
    static func analyze(_ series: inout TeamSeries, files: [String], window: Window,
                        thresholds: BandThresholds)
        -> (report: TeamReport?, findings: [Finding], coverage: (first: Day?, last: Day?)) {
        if let early = series.early.take() {
            if early.setting == EarlyAnalysis.Setting(window: window, thresholds: thresholds, files: files) {
                return (early.report, early.findings, early.coverage)
            }
            series.rows = early.rows()
        }
        let (report, findings, _, coverage) = analyze(&series, files: files, window: window, thresholds: thresholds,
                                                      keepAside: false)
        return (report, findings, coverage)
    }

    /// `analyze`, and with `keepAside` the rows it did not keep (outside the window or without
    /// a value), as it left them: `EarlyAnalysis` needs them to give the rows back.
    static func analyze(_ series: inout TeamSeries, files: [String], window: Window, thresholds: BandThresholds,
                        keepAside: Bool)
        -> (report: TeamReport?, findings: [Finding], aside: [PeriodRow], coverage: (first: Day?, last: Day?)) {
        var findings: [Finding] = []
        var aside: [PeriodRow] = []
        var rows: [PeriodRow] = []
        swap(&rows, &series.rows)
        var kept = 0
        // `WindowSummarizer.totals` of the kept rows, added up as each is completed.
        var totals = MetricSlots()
        var first: Day?, last: Day?
        for i in rows.indices where window.contains(rows[i].period) {
            if rows[i].values.isEmpty {
                let row = rows[i]
                findings.append(Finding(severity: .info, kind: .missingPeriod, file: files[Int(row.source.file)],
                                        line: Int(row.source.line), team: series.team.name,
                                        period: row.period.label,
                                        message: "the period has no metric value (not counted)"))
                continue
            }
            let mismatches = complete(&rows[i], mode: series.mode, totals: &totals)
            for m in mismatches {
                let row = rows[i]
                findings.append(Finding(kind: .identityMismatch, file: files[Int(row.source.file)], line: Int(row.source.line),
                                        team: series.team.name, period: row.period.label, message: m.message))
            }
            Analyzer.cover(rows[i].period, &first, &last)
            if kept != i { rows.swapAt(kept, i) }
            kept += 1
        }
        if keepAside && kept < rows.count { aside = Array(rows[kept...]) }
        guard kept > 0 else { return (nil, findings, aside, (nil, nil)) }
        if kept < rows.count {
            // A window that keeps few rows: give the rest's space back.
            if kept < rows.count / 2 { rows = Array(rows[..<kept]) } else { rows.removeLast(rows.count - kept) }
        }
        let summary = WindowSummarizer.summarize(rows, velocity: Velocity.of(rows, level: series.level),
                                                 sizeDivisor: rows.count, thresholds: thresholds,
                                                 totals: MetricValues(slots: totals))
        let report = TeamReport(team: series.team, mode: series.mode, level: series.level,
                                summary: summary, points: .rows(rows))
        return (report, findings, aside, (first, last))
    }

    /// Derives and checks the row's identities in place (`Identities.complete`), and adds its
    /// completed values to `totals` (`WindowSummarizer.addToTotals`).
    @inline(__always)
    private static func complete(_ row: inout PeriodRow, mode: ComputationMode,
                                 totals: inout MetricSlots) -> [Identities.Mismatch] {
        Identities.complete(&row.values, derived: &row.derived, mode: mode) {
            WindowSummarizer.addToTotals(&totals, &$0)
        }
    }
}
