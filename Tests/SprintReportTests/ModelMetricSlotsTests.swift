import PropertyBased
import Testing
@testable import SprintReport

/// `MetricSlots`, the plain working form: running sums follow their definition,
/// `sum[m] = (sum[m] ?? 0) + value` for each value present, bit for bit.
@Suite struct ModelMetricSlotsTests {
    @Test func missingIsNilAndZeroIsAValue() {
        var s = MetricSlots()
        #expect(Metric.allCases.allSatisfy { s[$0] == nil } && s.isEmpty)
        s[.sprintCreep] = 0
        #expect(s[.sprintCreep] == 0 && s[.sprintCommit] == nil && !s.isEmpty)
        s[.sprintCreep] = nil
        #expect(s[.sprintCreep] == nil && s.isEmpty)
    }

    @Test func sumsFollowTheirDefinition() async {
        let row = Gen.int(in: -2_000_000...2_000_000).array(of: Metric.count)
        await propertyCheck(count: 300, input: row.array(of: 1...8), Gen.uint32()) { rows, chosen in
            var metrics = MetricSet()
            metrics.bits = chosen & MetricSet.all.bits
            var fromValues = MetricSlots(), fromSlots = MetricSlots()
            var expected = [Double?](repeating: nil, count: Metric.count)
            for codes in rows {
                var v = MetricValues()
                for (i, c) in codes.enumerated() where c % 5 != 0 {
                    // hundredths (compact rows) and sevenths (wide rows)
                    v[Metric.allCases[i]] = c % 3 == 0 ? Double(c) / 7 : Double(c) / 100
                }
                fromValues.add(v, of: metrics)
                fromSlots.add(v.slots, of: metrics)
                // Each value's rank: the number of chosen metrics before its own.
                v.forEachValue(ranked: metrics) { rank, i, x in
                    #expect(rank == metrics.filter { $0.index < i }.count)
                    #expect(x.double.bitPattern == v[Metric.allCases[i]]?.bitPattern)
                }
                for m in metrics { if let x = v[m] { expected[m.index] = (expected[m.index] ?? 0) + x } }
            }
            for m in Metric.allCases {
                #expect(fromValues[m]?.bitPattern == expected[m.index]?.bitPattern, "\(m)")
                #expect(fromSlots[m]?.bitPattern == expected[m.index]?.bitPattern, "\(m)")
            }
        }
    }

    /// `hasAll` against its definition: every chosen metric has a value.
    @Test func hasAllIsEveryChosenMetricPresent() async {
        await propertyCheck(count: 300, input: Gen.uint32(), Gen.uint32()) { present, chosen in
            var s = MetricSlots()
            for m in Metric.allCases where present & (1 << UInt32(m.index)) != 0 { s[m] = Double(m.index) - 3 }
            let metrics = MetricSet(Metric.allCases.filter { chosen & (1 << UInt32($0.index)) != 0 })
            let definition = metrics.allSatisfy { s[$0] != nil }
            #expect(s.hasAll(metrics) == definition)
        }
        var none = MetricSlots()
        #expect(none.hasAll(MetricSet()) && !none.hasAll(MetricSet([.sprintCommit])))
    }

    @Test func metricSetsOfAllAndAdditive() {
        #expect(Array(MetricSet.all) == Metric.allCases)
        #expect(Array(MetricSet.additive) == Metric.additive)
    }
}
