import PropertyBased
import Testing
@testable import SprintReport

/// `MetricValues`: the values read back bit for bit in either form, and the compact code
/// against its definition (hundredths h ↦ the double `Double(h) / 100`).
@Suite struct ModelMetricValuesTests {
    @Test func valuesKeepMissingApartFromZero() {
        var v = MetricValues()
        #expect(v[.sprintCommit] == nil)
        v[.sprintCommit] = 0
        #expect(v[.sprintCommit] == 0)
        #expect(v.present.contains(.sprintCommit))
        v[.sprintCommit] = nil
        #expect(v.isEmpty)
    }

    /// The storage sizes are literals (generic value parameters take nothing else): one slot
    /// per metric, whatever `Metric` holds.
    @Test func storageHoldsEveryMetric() {
        #expect(MetricValues.codeCapacity == Metric.count)
        #expect(MetricSlots.Storage.count == Metric.count)
    }

    /// What `exactForms` reports for `v`: each metric with a value, as `(slot, hundredths)` or
    /// `(slot, nil, double)`.
    static func exactForms(_ v: MetricValues) -> [(slot: Int, hundredths: Int?, double: Double)] {
        var out: [(slot: Int, hundredths: Int?, double: Double)] = []
        v.forEachValue { i, value in
            switch value {
            case .hundredths(let k): out.append((i, k, value.double))
            case .double(let x): out.append((i, nil, x))
            }
        }
        return out
    }

    /// The compact form against its definition: the hundredths h stored through the reader's
    /// shortcut and the double `Double(h) / 100` stored through the subscript give the same
    /// row, compact, reading back that double bit for bit and handing h to a writer.
    @Test func codesAreTheirDefinition() async {
        let limit = MetricValues.compactLimit
        #expect(limit == (1 << 23) - 1)
        let edges = [0, 1, -1, 99, -99, 100, limit, -limit, limit - 1, -limit + 1]
        await propertyCheck(count: 2000, input: Gen.int(in: -limit...limit), Gen.int(in: 0...(Metric.count - 1))) { random, i in
            for h in edges + [random] {
                let m = Metric.allCases[i], expected = Double(h) / 100
                var shortcut = MetricValues(), viaDouble = MetricValues()
                shortcut.set(hundredths: h, at: i)
                viaDouble[m] = expected
                for v in [shortcut, viaDouble] {
                    #expect(v.isCompact, "\(h)")
                    #expect(v[m]?.bitPattern == expected.bitPattern, "\(h)")
                    let forms = Self.exactForms(v)
                    #expect(forms.count == 1 && forms.first?.slot == i && forms.first?.hundredths == h, "\(h)")
                    #expect(forms.first?.double.bitPattern == expected.bitPattern)
                }
                #expect(shortcut == viaDouble)
            }
        }
    }

    /// Past the code range the shortcut still stores the exact double (the row goes wide).
    @Test func hundredthsBeyondTheCodesStillReadBack() {
        for h in [MetricValues.compactLimit + 1, -MetricValues.compactLimit - 1, Int(Int32.max), -1 << 40] {
            var v = MetricValues()
            v.set(hundredths: 1250, at: 0)
            v.set(hundredths: h, at: 3)
            #expect(!v.isCompact)
            #expect(v[.scopeCreepPercent]?.bitPattern == (Double(h) / 100).bitPattern)
            #expect(v[.sprintCommit] == 12.5)
            #expect(Self.exactForms(v).map(\.hundredths) == [nil, nil])
        }
    }

    /// Plain doubles and back: the same bits, in whichever form; `store(_:of:)` writes only
    /// the metrics it is given.
    @Test func slotsKeepTheBits() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...Int.max).array(of: 0...30)) { writes in
            var v = MetricValues()
            for r in writes { v[Metric.allCases[r % 20]] = (r >> 5) % 7 == 0 ? nil : Self.anyDouble(r >> 3) }
            let slots = v.slots
            let back = MetricValues(slots: slots)
            for m in Metric.allCases {
                #expect(slots[m]?.bitPattern == v[m]?.bitPattern)
                #expect(back[m]?.bitPattern == v[m]?.bitPattern)
            }
            #expect(back.isCompact || !v.isCompact)
            // Compact exactly when `set` would keep every value as a code, one after another.
            var oneByOne = MetricValues()
            for m in Metric.allCases { if let x = slots[m] { oneByOne[m] = x } }
            #expect(back.isCompact == oneByOne.isCompact && back == oneByOne)
            var w = v, changed = slots
            let missing = Metric.allCases.first { v[$0] == nil }
            var only = MetricSet()
            if let missing {
                changed[missing] = 1.0 / 3
                only.insert(missing)
            }
            for m in Metric.allCases where m != missing { changed[m] = 7 }  // not stored: not in `only`
            w.store(changed, of: only)
            for m in Metric.allCases where m != missing { #expect(w[m]?.bitPattern == v[m]?.bitPattern) }
            if let missing { #expect(w[missing] == 1.0 / 3 && !w.isCompact) }
        }
    }

    /// `decode(into:)` writes `slots`'s value of each metric that has one, bit for bit, and
    /// leaves every other slot as it was.
    @Test func decodeIntoIsSlotsInPlace() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int.max).array(of: 0...30)) { writes in
            var v = MetricValues()
            for r in writes { v[Metric.allCases[r % 20]] = (r >> 5) % 7 == 0 ? nil : Self.anyDouble(r >> 3) }
            var out = MetricSlots()
            for m in Metric.allCases { out[m] = 7 }
            v.decode(into: &out)
            let slots = v.slots
            for m in Metric.allCases {
                #expect(out[m]?.bitPattern == (v[m] == nil ? 7 : slots[m])?.bitPattern)
            }
        }
    }

    /// `forEachValue(of:)` visits exactly the chosen metrics that have a value, in order.
    @Test func forEachValueVisitsTheChosenMetrics() {
        var v = MetricValues()
        v[.sprintCommit] = 20
        v[.sprintVelocity] = 7.25
        v[.missedCreep] = 1
        #expect(Self.exactForms(v).map(\.slot) == [0, 5, 9])
        var additive: [Int] = []
        v.forEachValue(of: .additive) { i, _ in additive.append(i) }
        #expect(additive == [0, 9])
        v[.sprintVelocity] = 1.0 / 7
        additive = []
        v.forEachValue(of: .additive) { i, _ in additive.append(i) }
        #expect(additive == [0, 9] && !v.isCompact)
    }

    /// A double of every kind, from one random integer: two-decimal amounts, ratios
    /// (derived percentages), huge, tiny, negative zero, integers past the code range, and
    /// arbitrary finite bit patterns.
    static func anyDouble(_ r: Int) -> Double {
        let a = (r >> 8) % 20_000_001 - 10_000_000, b = (r >> 40) % 999 + 1
        switch r % 6 {
        case 0: return Double(a) / 100
        case 1: return 100 * Double(a) / Double(b)
        case 2: return Double(a) * 1e12 + 0.5
        case 3: return Double(b) * 1e-9
        case 4: return a % 2 == 0 ? -0.0 : Double(a) * 1000
        default:
            return Double(bitPattern: UInt64(bitPattern: Int64(r) &* -7_046_029_254_386_353_131) & 0x7FEF_FFFF_FFFF_FFFF)
        }
    }

    @Test func metricValuesGiveBackTheStoredBits() async {
        await propertyCheck(count: 1000, input: Gen.int(in: 0...Int.max).array(of: 0...30)) { writes in
            var v = MetricValues()
            var model = [Double?](repeating: nil, count: Metric.count)
            for r in writes {
                let i = r % 20
                let x: Double? = (r >> 5) % 7 == 0 ? nil : Self.anyDouble(r >> 3)
                v[Metric.allCases[i]] = x
                model[i] = x
            }
            for m in Metric.allCases {
                #expect(v[m]?.bitPattern == model[m.index]?.bitPattern, "\(m)")
                #expect(v.present.contains(m) == (model[m.index] != nil))
            }
            #expect(v.isEmpty == model.allSatisfy { $0 == nil })
            // Equality is by value, whichever form either side is in.
            var w = MetricValues()
            for m in Metric.allCases.reversed() { w[m] = model[m.index] }
            #expect(v == w)
        }
    }

    @Test func compactUntilAValueNeedsAllItsBits() {
        var v = MetricValues()
        v[.sprintCommit] = 63
        v[.churnRate] = 40.48
        v[.sprintCreep] = -83_886.07
        #expect(v.isCompact)
        v[.scopeCreepPercent] = 100.0 / 3
        #expect(!v.isCompact)
        #expect(v[.scopeCreepPercent] == 100.0 / 3)
        #expect(v[.sprintCommit] == 63 && v[.churnRate] == 40.48 && v[.sprintCreep] == -83_886.07)
        var z = MetricValues()
        z[.sprintCommit] = -0.0
        #expect(z[.sprintCommit]?.sign == .minus)
        z[.sprintCommit] = .nan
        #expect(z[.sprintCommit] == nil && z.isEmpty)
    }
}
