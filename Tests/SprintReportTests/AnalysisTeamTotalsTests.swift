import Testing
@testable import SprintReport

/// The team analysis adds up a team's totals as it completes each row
/// (`WindowSummarizer.addToTotals`) and takes the days it covers as it keeps each one
/// (`Analyzer.cover`): the same bits as `WindowSummarizer.totals` of the rows it keeps, and
/// the same days as `Analyzer.coverage(of:)` of its report, the definitions, whatever the
/// rows hold (derived values, values that are not hundredths, −0, missing metrics, rows
/// dropped by the window or without a value, rows with a start day or only an end day).
@Suite struct AnalysisTeamTotalsTests {
    static func bits(_ v: MetricValues) -> [UInt64?] {
        Metric.allCases.map { v[$0]?.bitPattern }
    }

    @Test(arguments: [false, true])
    func totalsAsTheDefinition(windowed: Bool) {
        var x: UInt64 = 0x5DEE_CE66_D1CE_4E5B
        func next(_ n: Int) -> Int {
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(x >> 33) % n
        }
        let pool: [Double] = [0, -0.0, 1, 2.5, 13.25, 1.0 / 3, 1e-9, 40, 7.77, 100, 0.1 + 0.2, 1e15]
        for round in 0..<40 {
            var list: [[Metric: Double]] = []
            for _ in 0..<(1 + next(30)) {
                var d: [Metric: Double] = [:]
                for m in Metric.allCases where next(4) != 0 { d[m] = pool[next(pool.count)] }
                if next(10) == 0 { d = [:] }  // a period without any value
                list.append(d)
            }
            // Some rows with a start day too (a sprint), others with only an end day (a month).
            let rows = TestData.rows(list).enumerated().map { i, row in
                guard i % 3 == 1, let end = row.period.end else { return row }
                return TestData.row(row.period.label, end: end.description, start: end.adding(days: -13).description,
                                    list[i], line: i + 2)
            }
            var series = TestData.series("T", mode: round % 2 == 0 ? .storyPoints : .tickets, rows)
            let window = windowed ? Window(from: Day(year: 2026, month: 4, day: 1), to: Day(year: 2027, month: 6, day: 30))
                : Window()
            let (report, _, coverage) = TeamAnalysis.analyze(&series, files: ["f.csv"], window: window,
                                                             thresholds: .defaults)
            guard let report else { continue }
            guard case let .rows(rows) = report.points else {
                Issue.record("rows expected")
                continue
            }
            #expect(Self.bits(report.summary.totals) == Self.bits(WindowSummarizer.totals(rows)), "round \(round)")
            let defined = Analyzer.coverage(of: report)
            #expect(coverage.first == defined.first && coverage.last == defined.last, "round \(round)")
        }
    }
}
