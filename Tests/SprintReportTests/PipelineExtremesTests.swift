import Foundation
import Testing
@testable import SprintReport

/// Figures no export holds, put straight into a data set (past the reader's bound): the
/// analysis, the three summaries and every page must still come out, without a trap. The
/// reader keeps cells within ±1e9, but ratios over a tiny denominator (a commit of 1e-20)
/// and sums get anywhere, so every later stage has to be total on its own.
@Suite struct PipelineExtremesTests {
    static let extremes: [Double] = [1e19, -1e19, 1e308, -1e308, .greatestFiniteMagnitude, 1e-20, -1e-20,
                                     .infinity, -.infinity, 9.3e18, .leastNonzeroMagnitude]

    static func dataSet(_ x: Double) -> DataSet {
        let team = Team(key: "t1", name: "Falcon", path: ["Org", "Falcon"], orgTree: "Org")
        let other = Team(key: "t2", name: "Hawk", path: ["Org", "Hawk"], orgTree: "Org")
        func sprintRows(_ value: Double) -> [PeriodRow] {
            (0..<8).map { i in
                var v = MetricValues()
                for m in Metric.allCases { v[m] = Double(10 + i) }
                // The extreme in every other period, in the metrics the charts and identities use.
                if i % 2 == 1 {
                    v[.sprintCommit] = value
                    v[.deliveredCommit] = value
                    v[.totalWorkDelivered] = value
                    v[.committedWorkDeliveredPercent] = value
                    v[.scopeCreepPercent] = value
                }
                let start = Day(year: 2026, month: 1, day: 5)!.adding(days: 14 * i)
                return PeriodRow(period: Period(label: "S\(i)", sprintId: "s\(i)", start: start, end: start.adding(days: 13),
                                                granularity: .sprint, sequence: i),
                                 values: v, extras: [value], source: SourceRef(file: 0, line: 2 + i))
            }
        }
        func monthRows(_ value: Double) -> [PeriodRow] {
            (0..<6).map { i in
                var v = MetricValues()
                v[.totalWorkDelivered] = i == 2 ? value : 30
                v[.sprintVelocity] = i == 3 ? value : 15  // a sprint count of 30 / 1e-20 = 3e21
                v[.committedWorkDeliveredPercent] = value
                let start = Day(year: 2026, month: 1 + i, day: 1)!
                return PeriodRow(period: Period(label: "M\(i)", start: start, granularity: .monthly, sequence: 100 + i),
                                 values: v, extras: [value], source: SourceRef(file: 0, line: 20 + i))
            }
        }
        let input = InputSummary(path: "x.csv", compressed: false, shape: .wide, level: .sprint, modes: [.storyPoints],
                                 rows: 14, teams: 2, periods: 14, firstPeriod: "S0", lastPeriod: "M5",
                                 sha256: String(repeating: "0", count: 64), columns: [])
        return DataSet(inputs: [input],
                       series: [TeamSeries(team: team, mode: .storyPoints, level: .sprint, rows: sprintRows(x)),
                                TeamSeries(team: team, mode: .tickets, level: .sprint, rows: sprintRows(-x)),
                                TeamSeries(team: other, mode: .storyPoints, level: .team, rows: monthRows(x))],
                       extraMetrics: ["Mood"])
    }

    @Test(arguments: extremes)
    func everyOutputComesOut(_ x: Double) throws {
        let report = Analyzer.analyze(Self.dataSet(x))
        let json = SummaryJSON.render(report)
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "the JSON summary parses")
        #expect(SummaryText.render(report).contains("Falcon"))
        #expect(SummaryMarkdown.render(report).contains("Falcon"))
        let s = SiteBuilder.settings(report, templates: try .embedded(), options: BuildOptions(), singleFile: false)
        let pages = try SiteBuilder.pages(report).map { try SiteBuilder.render($0, s) }
        #expect(pages.count >= 5)
        for (file, html) in pages {
            #expect(html.contains("</body>\n</html>"), "\(file) is complete")
            for bad in ["NaN", "nan,", ">nan", "inf<", ">inf", "\"inf", "\"nan", "Infinity"] {
                #expect(!html.contains(bad), "\(file) prints \(bad): \(html.components(separatedBy: bad).first?.suffix(80) ?? "")")
            }
        }
    }

    @Test func chartScalesOnExtremes() {
        for values in [[1e-20], [2e-20, 1e-20], [1e308], [-1e308, 1e308], [.greatestFiniteMagnitude, -.greatestFiniteMagnitude],
                       [.infinity, .nan, 5], [.nan], [], [1e15, -1e15], [3e-7, 1]] {
            for minStep in [0.0, 1] {
                let s = NiceScale(covering: values, minStep: minStep)
                #expect(s.lower.isFinite && s.upper.isFinite && s.step > 0, "\(values)")
                #expect((3...5).contains(s.ticks.count), "\(values): \(s.ticks)")
                #expect(s.step >= NiceScale.finestStep && s.upper - s.lower <= 4e15, "\(values)")
                #expect(Set(s.ticks.map(s.label)).count == s.ticks.count, "\(values): tick labels tell the ticks apart")
            }
        }
        // A commit of 1e-20 (it killed `build`): ticks a label can show.
        #expect(NiceScale(covering: [1e-20]).ticks.map(NiceScale(covering: [1e-20]).label) == ["0.000000", "0.000001", "0.000002"])
        let frame = CartesianFrame(labels: ["a", "b"], values: [1e308, -1e-20, .infinity], minStep: 1, unit: "story points",
                                   legend: [])
        #expect(frame.y(1e308).isFinite && frame.y(.nan).isNaN)
    }

    @Test func coordinatesArePinned() {
        #expect(SVGNumber.format(1e300) == "1000000000000000")
        #expect(SVGNumber.format(-.greatestFiniteMagnitude) == "-1000000000000000")
        #expect(SVGNumber.format(.nan) == "0" && SVGNumber.format(.infinity) == "0")
        #expect(PathData.tenths(1e300) == 10_000_000_000_000_000 && PathData.tenths(-1e300) == -10_000_000_000_000_000)
        #expect(PathData.tenths(.infinity) == 0)
        var p = PathData()
        p.move(-1e300, 1e300)
        p.line(1e300, -1e300)
        p.rect(x: 1e300, y: .nan, width: .infinity, height: -1e300)
        #expect(!p.isEmpty)
        #expect(SVGWriter.sizeClass(1e300) == 8 && SVGWriter.sizeClass(.nan) == 1)
        let axis = PeriodAxis(labels: ["Jan", "Feb", "Mar"], centers: [0, 1, 2], slot: .nan, chartWidth: 640, fontSize: 11)
        #expect(!axis.indices.isEmpty)
    }
}
