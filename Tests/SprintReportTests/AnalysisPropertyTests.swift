import PropertyBased
import Testing
@testable import SprintReport

@Suite struct AnalysisPropertyTests {
    /// Teams whose rows are encoded as integers: month (0–5), day, D and C.
    static func teams(_ codes: [[Int]]) -> [TeamSeries] {
        codes.enumerated().map { t, rows in
            let list = rows.enumerated().map { i, code in
                let month = code % 6 + 1, day = code / 6 % 28 + 1
                let d = Double(code / 168 % 50), c = Double(code / 8400 % 60)
                let end = Day(year: 2026, month: month, day: day)!
                return TestData.row("S\(i)", end: end.description, [.totalWorkDelivered: d, .sprintCommit: c],
                                    line: i + 2)
            }
            return TestData.series("T\(t)", path: ["Org", "T\(t)"], list)
        }
    }

    @Test func rollupOfAnySplitAddsUpToTheRollupOfTheWhole() async {
        let gen = Gen.int(in: 0...99_999).array(of: 1...6).array(of: 1...8)
        await propertyCheck(input: gen, Gen.int(in: 0...255)) { codes, mask in
            let teams = Analyzer.analyze(TestData.dataSet(Self.teams(codes))).teams
            let left = teams.enumerated().filter { mask >> ($0.offset % 8) & 1 == 1 }.map(\.element)
            let right = teams.enumerated().filter { mask >> ($0.offset % 8) & 1 == 0 }.map(\.element)
            let whole = Rollup(teams: teams), a = Rollup(teams: left), b = Rollup(teams: right)
            #expect(whole.teamPeriods == a.teamPeriods + b.teamPeriods)
            #expect(close(whole.delivered, (a.delivered ?? 0) + (b.delivered ?? 0), 1e-6))
            for point in whole.months {
                for m in [Metric.totalWorkDelivered, .sprintCommit] {
                    let parts = (a.months + b.months).filter { $0.period.start == point.period.start }
                        .compactMap { $0.values[m] }
                    #expect(close(point.values[m], parts.reduce(0, +), 1e-6))
                }
                if let c = point.values[.sprintCommit], c > 0, let d = point.values[.totalWorkDelivered] {
                    #expect(close(point.values[.totalDeliveredWorkVsCommittedWork], d / c, 1e-12))
                }
            }
        }
    }

    @Test func derivedValuesSatisfyTheIdentities() async {
        let amounts = Gen.int(in: 0...400).array(of: 4)
        await propertyCheck(input: amounts, Gen.int(in: 0...255)) { a, hide in
            let c = Double(a[0]) / 4, cr = Double(a[1]) / 4
            let dc = min(Double(a[2]) / 4, c), da = min(Double(a[3]) / 4, cr)
            let truth: [Metric: Double] = [
                .sprintCommit: c, .sprintCreep: cr, .sprintSize: c + cr, .deliveredCommit: dc,
                .missedCommit: c - dc, .deliveredCreep: da, .missedCreep: cr - da, .totalWorkDelivered: dc + da,
            ]
            let order: [Metric] = [.sprintCommit, .sprintCreep, .sprintSize, .deliveredCommit, .missedCommit,
                                   .deliveredCreep, .missedCreep, .totalWorkDelivered]
            var values = TestData.values(truth)
            for (i, m) in order.enumerated() where hide >> i & 1 == 1 { values[m] = nil }
            var derived = MetricSet()
            let mismatches = Identities.complete(&values, derived: &derived, mode: .storyPoints)
            #expect(mismatches.isEmpty)
            for m in derived where truth[m] != nil { #expect(close(values[m], truth[m], 1e-9)) }
            for s in Identities.sums {
                if let r = values[s.result], let x = values[s.a], let y = values[s.b] {
                    #expect(close(r, s.combine(x, y), 1e-9))
                }
            }
            var slots = values.slots
            for r in Identities.ratios where !r.ticketsOnly {
                if let x = values[r.result], let expected = r.value(in: &slots) {
                    #expect(close(x, expected, 1e-9))
                }
            }
        }
    }
}
