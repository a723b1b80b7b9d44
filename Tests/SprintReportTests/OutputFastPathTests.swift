import Foundation
import PropertyBased
import Testing
@testable import SprintReport

/// The JSON output's fast paths against the plain definitions they replace.
@Suite struct OutputFastPathTests {
    /// What a JSON number must read: integral values (|x| < 2^53) as their digits without
    /// `.0` (`-0` as `0`), every other finite value as `description` (the shortest
    /// round-trip form), `null` for NaN and infinities.
    static func reference(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == x.rounded(), abs(x) < 9_007_199_254_740_992 { return String(Int64(x)) }
        return x.description
    }

    static func fast(_ x: Double) -> String { JSONWriter.numberText(x) }

    static func check(_ x: Double) {
        #expect(fast(x) == reference(x), "bits \(x.bitPattern): \(x)")
    }

    @Test func edgeValues() {
        let twoTo53 = 9_007_199_254_740_992.0
        var xs: [Double] = [0, -0.0, 1, -1, 0.01, -0.01, 0.1, 0.5, 0.05, 0.005, 0.015, 0.995, 1.05, 23.5, 86.5,
                            99.99, 100.01, 1e-4, 9.99e-5, 1e13, 1e13 - 0.01, 1e13 + 0.01, 9_999_999_999_999.99,
                            10_000_000_000_000.01, 1e15, 1e15 - 1, 1e16, twoTo53, twoTo53 - 1, twoTo53 + 2,
                            -twoTo53, -(twoTo53 - 1), .leastNonzeroMagnitude, .leastNormalMagnitude,
                            .greatestFiniteMagnitude, .nan, .infinity, -.infinity, 0.1 + 0.2, 1.0 / 3,
                            92_233_720_368_547.75, 4_503_599_627_370_495.5, 0.3 - 0.1]
        // Around the cents limit (|k| < 10^15, i.e. |x| < 10^13) and the integer limit.
        for k in [1_000_000_000_000_000 as Int64, 999_999_999_999_999, 999_999_999_999_998, 100_000_000_000_001] {
            for d in -3...3 {
                xs.append(Double(k + Int64(d)) / 100)
                xs.append(-Double(k + Int64(d)) / 100)
            }
        }
        for x in xs {
            Self.check(x)
            Self.check(x.nextUp)
            Self.check(x.nextDown)
        }
    }

    @Test func randomHundredths() async {
        await propertyCheck(count: 2000, input: Gen.int64(in: -2_000_000_000_000_000...2_000_000_000_000_000),
                            Gen.int(in: 0...4)) { k, scale in
            // Exported amounts (k/100), their neighbours, small ones, and x·100 rounding cases.
            let small = k % 100_000_000
            for x in [Double(k) / 100, Double(small) / 100, Double(small) / 1000, Double(small) / 10,
                      (Double(small) / 100).nextUp, (Double(small) / 100).nextDown,
                      Double(small) * 0.01, Double(k) / pow(10, Double(scale))] {
                Self.check(x)
            }
        }
    }

    @Test func randomDoubles() async {
        await propertyCheck(count: 3000, input: Gen.uint64()) { bits in
            let x = Double(bitPattern: bits)
            Self.check(x)
            // Same significand at magnitudes where JSON numbers live.
            let m = Double(bitPattern: bits & 0x800F_FFFF_FFFF_FFFF | 0x3FF0_0000_0000_0000)
            for e in [-6.0, -2, 0, 1, 2, 5, 12, 13, 15, 16, 20] { Self.check(m * pow(10, e)) }
        }
    }

    /// Rolling means (sums of up to three exported amounts over 2 or 3) and ratios of two
    /// amounts: the values that are not hundredths and so take the `write(to:)` path.
    @Test func meansAndRatiosOfHundredths() async {
        await propertyCheck(count: 3000, input: Gen.int(in: -100_000_000...100_000_000),
                            Gen.int(in: -100_000_000...100_000_000), Gen.int(in: -100_000...100_000)) { a, b, c in
            let x = Double(a) / 100, y = Double(b) / 100, z = Double(c) / 100
            for v in [(x + y) / 2, (x + y + z) / 3, (0 + z + x) / 3, (0 + z) / 3, 100 * x / y, x / y, 100 * z / x] {
                Self.check(v)
            }
        }
    }

    @Test func integers() async {
        await propertyCheck(count: 1000, input: Gen.int64(in: -9_007_199_254_740_992...9_007_199_254_740_992)) { i in
            Self.check(Double(i))
            Self.check(Double(i % 1_000_000))
        }
    }
}

/// Days as bytes against `Day.description`, any year (and `null`).
@Suite struct OutputDayBytesTests {
    @Test func daysAreTheirQuotedDescription() {
        for days in stride(from: -1_000_000, through: 3_000_000, by: 331) {
            let d = Day(daysSinceEpoch: Int32(days))
            #expect(JSONWriter.text { $0.day(d) } == "\"\(d.description)\"\n")
        }
        #expect(JSONWriter.text { $0.day(nil) } == "null\n")
    }

    /// Every day of `DayText`'s table, and the days just outside it.
    @Test func tableDaysAreTheirQuotedDescription() {
        for days in DayText.first - 3..<DayText.first + DayText.count + 3 {
            let d = Day(daysSinceEpoch: Int32(days))
            let text = JSONWriter.text { $0.day(d) }
            if text != "\"\(d.description)\"\n" { Issue.record("day \(days): \(text)") }
        }
    }
}

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
}

/// Teams formatted in parallel chunks: the same bytes whatever the chunk size.
@Suite struct OutputChunkingTests {
    @Test func sameBytesWhateverTheTeamsPerTask() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let generated = dir.appendingPathComponent("org.csv.gz").path
        let options = SampleOptions(teams: 45, sprints: 9, seed: 11, level: .sprint, granularity: .monthly,
                                    modes: [.storyPoints, .tickets])
        _ = try SampleWriter.write(SampleGenerator(options), to: generated)
        for path in Fixtures.samples.map({ Fixtures.path($0.file) }) + [generated] {
            let report = Analyzer.analyze(try ExportReader.read(paths: [path]))
            let expected = SummaryJSON.render(report)  // golden-tested; one task writing every team:
            #expect(JSONWriter.text { SummaryJSON.write(report, to: &$0, teamsPerTask: .max) } == expected)
            for teams in [1, 2, 3, 7, 16, 1000] {
                for chunk in [1, 100, 1 << 20] {
                    nonisolated(unsafe) var all: [UInt8] = []
                    SummaryJSON.write(report, chunk: chunk, teamsPerTask: teams, bytes: { all += $0 })
                    #expect(String(decoding: all, as: UTF8.self) == expected, "\(path) \(teams) \(chunk)")
                }
            }
        }
    }
}
