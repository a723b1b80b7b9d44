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
            var fromValues = MetricSlots(), fromSlots = MetricSlots(), inPlace = MetricSlots()
            var noting = MetricSlots()
            var expected = [Double?](repeating: nil, count: Metric.count)
            for codes in rows {
                var v = MetricValues()
                for (i, c) in codes.enumerated() where c % 5 != 0 {
                    // hundredths (compact rows) and sevenths (wide rows)
                    v[Metric.allCases[i]] = c % 3 == 0 ? Double(c) / 7 : Double(c) / 100
                }
                fromValues.add(v, of: metrics)
                fromSlots.add(v.slots, of: metrics)
                let slots = v.slots
                withUnsafePointer(to: slots) { inPlace.add($0, of: metrics) }
                // Adding while noting one value: the same sums, and that value as the row has it.
                let noted = Metric.allCases[Int(chosen >> 27) % Metric.count]
                #expect(noting.add(v, of: metrics, noting: noted)?.bitPattern == v[noted]?.bitPattern)
                for m in metrics { if let x = v[m] { expected[m.index] = (expected[m.index] ?? 0) + x } }
            }
            for m in Metric.allCases {
                #expect(fromValues[m]?.bitPattern == expected[m.index]?.bitPattern, "\(m)")
                #expect(fromSlots[m]?.bitPattern == expected[m.index]?.bitPattern, "\(m)")
                #expect(inPlace[m]?.bitPattern == expected[m.index]?.bitPattern, "\(m)")
                #expect(noting[m]?.bitPattern == expected[m.index]?.bitPattern, "\(m)")
            }
        }
    }

    /// `add(_:of:)` from a pointer reads the sums as `Metric.count` doubles from their start.
    @Test func slotsAreTheirDoubles() {
        #expect(MemoryLayout<MetricSlots>.size == Metric.count * MemoryLayout<Double>.stride)
        var s = MetricSlots()
        for m in Metric.allCases { s[m] = Double(m.index) + 0.5 }
        withUnsafePointer(to: s) { p in
            let doubles = UnsafeRawPointer(p).assumingMemoryBound(to: Double.self)
            #expect(Metric.allCases.allSatisfy { doubles[$0.index] == Double($0.index) + 0.5 })
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
