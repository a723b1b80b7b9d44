import PropertyBased
import Testing
@testable import SprintReport

/// The byte-composed series points against writing the same point member by member.
@Suite struct OutputSeriesBytesTests {
    /// A point as `SummaryJSON` wrote it before `SeriesJSON` (member by member).
    static func reference(_ p: SeriesPoint, to w: inout JSONWriter) {
        w.beginObject(compact: true)
        w.key("label"); w.string(p.period.label)
        w.key("start"); w.day(p.period.start)
        w.key("end"); w.day(p.period.end)
        w.key("values")
        w.beginObject()
        for m in Metric.allCases {
            if let v = p.values[m] { w.key(m.rawValue); w.number(v) }
        }
        w.endObject()
        w.key("derived")
        w.beginArray()
        for m in Metric.allCases where p.derived.contains(m) { w.string(m.rawValue) }
        w.endArray()
        w.key("rolling"); w.number(p.rolling)
        w.endObject()
    }

    static let labels = ["Falcon Sprint 1", "", "Zürich – Team", "a\"b\\c", "tab\there", "line\u{2028}sep",
                         "ctl\u{01}\u{1F}", "日本語チーム スプリント 12", "😀"]

    /// A point from `codes`: on an even label only hundredths (compact values, up to the
    /// compact limit), else hundredths mixed with sevenths (wide values).
    static func point(_ codes: [Int], label: Int, mask: UInt32, days: Int) -> SeriesPoint {
        var values = MetricValues()
        for (i, c) in codes.enumerated() where c % 7 != 0 {
            let v: Double
            if label % 2 == 0 {
                v = Double(c % 5 == 0 ? c.signum() * MetricValues.compactLimit - c % 3 : c * (c % 11)) / 100
            } else {
                v = c % 3 == 0 ? Double(c) / 100 : Double(c) / 7
            }
            values[Metric.allCases[i % Metric.count]] = v
        }
        #expect(label % 2 != 0 || values.isCompact)
        let start = days % 5 == 0 ? nil : Day(daysSinceEpoch: Int32(days))
        let end = days % 3 == 0 ? nil : Day(daysSinceEpoch: Int32(days + 13))
        var derived = MetricSet()
        derived.bits = mask & 0xFFFFF
        return SeriesPoint(period: Period(label: labels[label % labels.count], start: start, end: end),
                           values: values, derived: derived,
                           rolling: codes.first.map { $0 % 4 == 0 ? nil : Double($0) / 3 } ?? nil)
    }

    @Test func pointsAreTheMemberByMemberBytes() async {
        let gen = Gen.int(in: -100_000...100_000).array(of: 0...24)
        await propertyCheck(count: 500, input: gen, Gen.int(in: 0...100), Gen.uint32(), Gen.int(in: -800_000...3_000_000)) {
            codes, label, mask, days in
            let points = (0..<3).map { Self.point(codes.map { $0 &+ $0 % 5 }, label: label + $0, mask: mask >> $0, days: days) }
            let team = TeamReport(team: Team(key: "k", name: "n", path: ["n"]), mode: .storyPoints, level: .sprint,
                                  summary: WindowSummary(), series: points)
            let expected = JSONWriter.text { w in
                w.beginArray()
                for p in points { Self.reference(p, to: &w) }
                w.endArray()
            }
            let fast = JSONWriter.text { w in
                w.beginArray()
                SeriesJSON.write(team, to: &w)
                w.endArray()
            }
            #expect(fast == expected)
        }
    }

    /// A report made by `Analyzer` keeps the data set's rows: its points (rolling mean, sprint
    /// count) are those `Statistics.rollingMean` and `Velocity.sprintCount` give.
    @Test func keptRowsGiveTheDefinedPoints() async {
        let gen = Gen.int(in: 0...40_000).array(of: 1...12)
        await propertyCheck(count: 200, input: gen, Gen.bool()) { codes, teamLevel in
            let rows = codes.enumerated().map { i, c in
                var v: [Metric: Double] = [.sprintCommit: Double(c % 97) / 2]
                if c % 5 != 0 { v[.totalWorkDelivered] = Double(c % 89) / 4 }
                if c % 3 != 0 { v[.sprintVelocity] = Double(c % 13) / 2 }
                return TestData.row("P\(i)", end: Day(daysSinceEpoch: Int32(20_000 + 14 * i)).description, v, line: i + 2)
            }
            let series = TestData.series("T", path: ["Org", "T"], level: teamLevel ? .team : .sprint, rows)
            let report = Analyzer.analyze(TestData.dataSet([series]))
            guard let team = report.teams.first else {
                Issue.record("no team")
                return
            }
            let points = team.series
            let rolling = Statistics.rollingMean(points.map { $0.values[.totalWorkDelivered] },
                                                 window: WindowSummarizer.rollingWindow)
            #expect(points.count == codes.count)
            for (i, p) in points.enumerated() {
                #expect(p.rolling?.bitPattern == rolling[i]?.bitPattern)
                #expect(p.sprintCount == (teamLevel ? Velocity.sprintCount(p.values) : nil))
                #expect(p.source?.line == Int32(i + 2))
            }
        }
    }

    /// `WindowSummarizer.fillRolling` (an org tree node's months) gives each point the
    /// rolling mean `Statistics.rollingMean` defines, bit for bit.
    @Test func filledRollingMeansAreTheDefinedOnes() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...40_000).array(of: 0...12)) { codes in
            var points = codes.enumerated().map { i, c in
                var v = MetricValues()
                if c % 5 != 0 { v[.totalWorkDelivered] = c % 3 == 0 ? Double(c) / 3 : Double(c % 89) / 4 }
                let day = Day(daysSinceEpoch: Int32(20_000 + 31 * i))
                return SeriesPoint(period: Period(label: "M\(i)", start: day, end: day), values: v)
            }
            let rolling = Statistics.rollingMean(points.map { $0.values[.totalWorkDelivered] },
                                                 window: WindowSummarizer.rollingWindow)
            WindowSummarizer.fillRolling(&points)
            for (i, p) in points.enumerated() { #expect(p.rolling?.bitPattern == rolling[i]?.bitPattern) }
        }
    }
}
