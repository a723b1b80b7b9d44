/// A team's analysis made while its file is still being read: when the team's rows end (the
/// next record is another team's), the mapping thread, which waits for the reading thread
/// about a third of the time, runs `TeamAnalysis` on them there instead of after reading
/// (docs/architecture.md, "Threads and streaming").
///
/// It is provisional. The analysis moves the rows into the report, drops those outside the
/// window or without a value and writes derived values into the kept ones; so the early
/// result keeps the dropped rows aside, and `rows()` gives every row back exactly as it was
/// read: the derived values (listed in each row's `derived`) are removed and the rows put
/// back in input order. That happens whenever the result cannot stand: the team comes back
/// later in the input, its rows are changed by the merge (renamed team, extra metrics,
/// several files), or the final analysis has another window, thresholds or files.
///
/// A class: the result waits in the reader's bucket and in the merged series, and held
/// inline there it would widen every bucket and series by several hundred bytes (about
/// 80 MB more at the peak for 40,000 of them).
final class EarlyAnalysis: Sendable {
    /// What the analysis depends on besides the rows: the final pass takes the early result
    /// only when its own are equal.
    struct Setting: Sendable, Equatable {
        var window: Window
        var thresholds: BandThresholds
        /// The input paths (`DataSet.inputs`), which the findings name.
        var files: [String]
    }

    let setting: Setting
    /// `TeamAnalysis.analyze`'s result.
    let report: TeamReport?
    let findings: [Finding]
    /// The rows the analysis did not keep, as it left them.
    let aside: [PeriodRow]
    /// How many rows the team had.
    let count: Int
    /// The days the report covers.
    let coverage: (first: Day?, last: Day?)

    private init(setting: Setting, report: TeamReport?, findings: [Finding], aside: [PeriodRow], count: Int,
                 coverage: (first: Day?, last: Day?)) {
        self.setting = setting
        self.report = report
        self.findings = findings
        self.aside = aside
        self.count = count
        self.coverage = coverage
    }

    /// The analysis of `series`, its rows moved in; nil (rows untouched) when they could not
    /// be given back in order (their input sequence numbers are not strictly increasing).
    static func make(_ series: inout TeamSeries, setting: Setting) -> EarlyAnalysis? {
        // Read in place (no local copy of the array: the analysis changes the rows in place,
        // and a second reference would make it copy them all).
        guard canGiveBack(series.rows) else { return nil }
        let count = series.rows.count
        let (report, findings, aside, coverage) = TeamAnalysis.analyze(&series, files: setting.files,
                                                                       window: setting.window,
                                                                       thresholds: setting.thresholds, keepAside: true)
        return EarlyAnalysis(setting: setting, report: report, findings: findings, aside: aside, count: count,
                             coverage: coverage)
    }

    /// Whether `rows()` can restore `rows`: input sequence numbers strictly increasing (their
    /// order), nothing derived yet.
    private static func canGiveBack(_ rows: [PeriodRow]) -> Bool {
        for i in rows.indices.dropFirst() where rows[i].period.sequence <= rows[i - 1].period.sequence { return false }
        for row in rows where !row.derived.isEmpty { return false }
        return true
    }

    /// Every row as read, in input order: the report's rows without their derived values,
    /// and the rows set aside.
    func rows() -> [PeriodRow] {
        var rows: [PeriodRow] = []
        rows.reserveCapacity(count)
        if let report, case let .rows(kept) = report.points { rows += kept }
        rows += aside
        for i in rows.indices where !rows[i].derived.isEmpty {
            for m in rows[i].derived { rows[i].values[m] = nil }
            rows[i].derived = MetricSet()
        }
        rows.sort { $0.period.sequence < $1.period.sequence }
        return rows
    }
}
