/// How a `TeamReport` keeps its window's periods.
///
/// `Analyzer` moves each series' rows out of the consumed `DataSet`, drops those outside the
/// window in place and writes the derived values into each row's own `values`: the report
/// then holds the input's rows, not a second per-row copy (`SeriesPoint` is ≈ 280 B a row,
/// and the allocator could not reuse the freed rows' space for it). What a `SeriesPoint`
/// adds is derived on demand: the sprint count from the row's values, the rolling mean from
/// D of the row and the two before it.
enum TeamPoints: Sendable {
    /// Rows of the data set, identities applied, in period order.
    case rows([PeriodRow])
    /// Points given by a caller of `TeamReport.init`.
    case points([SeriesPoint])

    /// The points `TeamAnalysis` made before it kept the rows: identical figures.
    static func seriesPoints(_ rows: [PeriodRow], level: RowLevel) -> [SeriesPoint] {
        var out: [SeriesPoint] = []
        out.reserveCapacity(rows.count)
        for i in rows.indices {
            let row = rows[i]
            out.append(SeriesPoint(period: row.period, values: row.values, derived: row.derived,
                                   rolling: RollingMean.at(i, in: rows),
                                   sprintCount: row.sprintCount(level: level), source: row.source,
                                   extras: row.extras))
        }
        return out
    }
}

/// What the window statistics read of a period: a data-set row or a report point.
protocol WindowRow {
    var period: Period { get }
    var values: MetricValues { get }
    var derived: MetricSet { get }
    /// The sprint count of a team-level row (`Velocity.sprintCount`), nil otherwise.
    func sprintCount(level: RowLevel) -> Int?
}

extension PeriodRow: WindowRow {
    func sprintCount(level: RowLevel) -> Int? { level == .team ? Velocity.sprintCount(values) : nil }
}

extension SeriesPoint: WindowRow {
    func sprintCount(level: RowLevel) -> Int? { sprintCount }
}

/// The rolling mean of D (`WindowSummarizer.rollingWindow` periods), one position at a time,
/// with the arithmetic of `Statistics.rollingMean` (present values summed from 0 in period
/// order, divided by their number), so both give the same bits.
enum RollingMean {
    @inline(__always)
    static func at<C: RandomAccessCollection>(_ i: C.Index, in rows: C) -> Double?
    where C.Element: WindowRow, C.Index == Int {
        var sum = 0.0, n = 0
        for j in Swift.max(rows.startIndex, i - WindowSummarizer.rollingWindow + 1)...i {
            if let d = rows[j].values[.totalWorkDelivered] {
                sum += d
                n += 1
            }
        }
        return n == 0 ? nil : sum / Double(n)
    }
}
