import Testing
@testable import SprintReport

/// Hand-built data sets for the analysis and output tests (no reader involved).
enum TestData {
    static func values(_ d: [Metric: Double]) -> MetricValues {
        var v = MetricValues()
        for (m, x) in d { v[m] = x }
        return v
    }

    static func row(_ label: String, end: String?, start: String? = nil, _ v: [Metric: Double],
                    line: Int = 2, file: Int = 0) -> PeriodRow {
        let s = start.flatMap { Day(iso: $0) }
        let e = end.flatMap { Day(iso: $0) }
        return PeriodRow(period: Period(label: label, start: s, end: e, orderDay: s ?? e, sequence: line),
                         values: values(v), source: SourceRef(file: file, line: line))
    }

    /// Rows numbered from line 2, ending on consecutive month ends from January 2026.
    static func rows(_ list: [[Metric: Double]]) -> [PeriodRow] {
        list.enumerated().map { i, v in
            let month = i % 12 + 1, year = 2026 + i / 12
            let end = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
            return row("P\(i + 1)", end: end.description, v, line: i + 2)
        }
    }

    static func series(_ name: String, path: [String]? = nil, mode: ComputationMode = .storyPoints,
                       level: RowLevel = .sprint, _ rows: [PeriodRow]) -> TeamSeries {
        let p = path ?? [name]
        return TeamSeries(team: Team(key: p.joined(separator: "/"), name: name, path: p), mode: mode,
                          level: level, rows: rows)
    }

    static func dataSet(_ series: [TeamSeries], files: [String] = ["exports/q1.csv.gz"],
                        findings: [Finding] = []) -> DataSet {
        let inputs = files.map {
            InputSummary(path: $0, compressed: true, shape: .wide, level: .sprint, modes: [.storyPoints],
                         rows: 3, teams: 1, periods: 3, firstPeriod: nil, lastPeriod: nil,
                         sha256: String(repeating: "0", count: 64), columns: [])
        }
        return DataSet(inputs: inputs, series: series, findings: findings)
    }

    /// Analyses one team's rows and returns its report.
    static func team(_ list: [[Metric: Double]], level: RowLevel = .sprint,
                     mode: ComputationMode = .storyPoints) -> TeamReport {
        let r = Analyzer.analyze(dataSet([series("Falcon", mode: mode, level: level, rows(list))]))
        return r.teams[0]
    }
}

/// Two numbers agree to the tolerance the expected files are compared with.
func close(_ a: Double?, _ b: Double?, _ tol: Double = 1e-9) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case let (x?, y?): abs(x - y) <= tol
    default: false
    }
}

@Suite struct AnalysisSupportTests {
    @Test func rowsEndOnMonthEnds() {
        let r = TestData.rows([[.sprintCommit: 1], [.sprintCommit: 2]])
        #expect(r[1].period.end?.description == "2026-02-28")
        #expect(r[1].source.line == 3)
    }
}
