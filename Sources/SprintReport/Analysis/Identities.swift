/// The platform's identities between the metrics of one period (`metrics.md` §1):
/// derive what is missing, check what is present. The one place these formulas live.
enum Identities {
    /// `result = a + b`, or `result = a − b` when `minus`.
    struct Sum: Sendable {
        let result: Metric, a: Metric, b: Metric, minus: Bool
        var expression: String { "\(a.rawValue) \(minus ? "-" : "+") \(b.rawValue)" }
        func combine(_ x: Double, _ y: Double) -> Double { minus ? x - y : x + y }
    }

    /// `result = scale · (Σ numerator) / denominator`.
    struct Ratio: Sendable {
        let result: Metric, numerator: [Metric], denominator: Metric, scale: Double
        /// CHURN_RATE and WORK_REMOVAL_RATE_PERCENT: R is a ticket count, so only in TICKETS mode.
        let ticketsOnly: Bool
        var expression: String {
            let num = numerator.map(\.rawValue).joined(separator: " + ")
            let top = numerator.count > 1 ? "(\(num))" : num
            return scale == 1 ? "\(top) / \(denominator.rawValue)" : "100 * \(top) / \(denominator.rawValue)"
        }
    }

    static let sums: [Sum] = [
        Sum(result: .sprintSize, a: .sprintCommit, b: .sprintCreep, minus: false),
        Sum(result: .missedCommit, a: .sprintCommit, b: .deliveredCommit, minus: true),
        Sum(result: .missedCreep, a: .sprintCreep, b: .deliveredCreep, minus: true),
        Sum(result: .totalWorkDelivered, a: .deliveredCommit, b: .deliveredCreep, minus: false),
    ]

    static let ratios: [Ratio] = [
        Ratio(result: .scopeCreepPercent, numerator: [.sprintCreep], denominator: .sprintCommit,
              scale: 100, ticketsOnly: false),
        Ratio(result: .committedWorkDeliveredPercent, numerator: [.deliveredCommit],
              denominator: .sprintCommit, scale: 100, ticketsOnly: false),
        Ratio(result: .creepWorkDeliveredPercent, numerator: [.deliveredCreep], denominator: .sprintCreep,
              scale: 100, ticketsOnly: false),
        Ratio(result: .totalWorkDeliveredPercent, numerator: [.totalWorkDelivered], denominator: .sprintSize,
              scale: 100, ticketsOnly: false),
        Ratio(result: .totalDeliveredWorkVsCommittedWork, numerator: [.totalWorkDelivered],
              denominator: .sprintCommit, scale: 1, ticketsOnly: false),
        Ratio(result: .churnRate, numerator: [.sprintCreep, .ticketsRemovedMidSprint],
              denominator: .sprintCommit, scale: 100, ticketsOnly: true),
        Ratio(result: .workRemovalRatePercent, numerator: [.ticketsRemovedMidSprint],
              denominator: .sprintCommit, scale: 100, ticketsOnly: true),
    ]

    /// An identity that does not hold: `metric` is `actual` but `expression` gives `expected`.
    struct Mismatch: Sendable, Equatable {
        let metric: Metric
        let actual: Double
        let expression: String
        let expected: Double
        /// Whether the values involved include derived ones (named in the message).
        let involvesDerived: Bool

        var message: String {
            "\(metric.rawValue) is \(NumberFormat.plain(actual)) but \(expression) is "
                + "\(NumberFormat.plain(expected))" + (involvesDerived ? " (using derived values)" : "")
        }
    }

    /// Derives every missing metric that the identities determine from present ones (marking
    /// it in `derived`), then checks every identity whose values are all present. Exported
    /// values are never overwritten.
    ///
    /// Order: the four sums are applied repeatedly until nothing changes (so C from S − A,
    /// or from MC + DC, and D from DC + DA, in whichever order the data allows); a sum used
    /// to derive a value holds by construction, every other sum with all three values
    /// present is checked (so two routes that disagree are reported). Amounts are never
    /// derived from ratios (those are rounded by the platform). Then each ratio is derived
    /// or checked; a zero or missing denominator leaves it undefined (nil).
    static func complete(_ values: inout MetricValues, derived: inout MetricSet,
                         mode: ComputationMode) -> [Mismatch] {
        var mismatches: [Mismatch] = []
        // On the value slots in place (this runs once per row: no copy of the values, no
        // retain of the tables); the arithmetic and order are those of the definitions above.
        values.withMutableSlots { v in
            var used: UInt8 = 0  // bit i: sums[i] derived a value (a bit set, not a Set: no allocation per row)
            var changed = true
            while changed {
                changed = false
                for i in 0..<sumSlots.count where used & (1 << i) == 0 {
                    if let m = deriveSum(sumSlots[i], v) {
                        derived.bits |= 1 << UInt32(m)
                        used |= 1 << i
                        changed = true
                    }
                }
            }
            for i in 0..<sumSlots.count where used & (1 << i) == 0 {
                let t = sumSlots[i]
                let r = v[t.result], a = v[t.a], b = v[t.b]
                if r.isNaN || a.isNaN || b.isNaN { continue }
                let expected = t.minus ? a - b : a + b
                if !Tolerance.agree(r, expected) {
                    let s = sums[i]
                    let d = derived.contains(s.result) || derived.contains(s.a) || derived.contains(s.b)
                    mismatches.append(Mismatch(metric: s.result, actual: r, expression: s.expression,
                                               expected: expected, involvesDerived: d))
                }
            }
            completeRatios(v, derived: &derived, mode: mode, into: &mismatches)
        }
        return mismatches
    }

    /// Derives missing ratios from the amounts and checks present ones (the ratio half of
    /// `complete`; org rollups use it alone on summed amounts).
    static func completeRatios(_ values: inout MetricValues, derived: inout MetricSet,
                               mode: ComputationMode) -> [Mismatch] {
        var mismatches: [Mismatch] = []
        values.withMutableSlots { v in
            completeRatios(v, derived: &derived, mode: mode, into: &mismatches)
        }
        return mismatches
    }

    /// `completeRatios` on the value slots (`ratio(_:_:)`'s arithmetic: 0 + each numerator
    /// in order, times the scale, divided by the denominator).
    private static func completeRatios(_ v: UnsafeMutablePointer<Double>, derived: inout MetricSet,
                                       mode: ComputationMode, into mismatches: inout [Mismatch]) {
        for k in 0..<ratioSlots.count {
            let t = ratioSlots[k]
            if t.ticketsOnly && mode != .tickets { continue }
            let den = v[t.denominator]
            if den.isNaN || den == 0 { continue }
            var num = 0.0
            let x = v[t.numerator0]
            if x.isNaN { continue }
            num += x
            if t.numerator1 >= 0 {
                let y = v[t.numerator1]
                if y.isNaN { continue }
                num += y
            }
            let expected = t.scale * num / den
            let actual = v[t.result]
            if actual.isNaN {
                v[t.result] = expected
                derived.bits |= 1 << UInt32(t.result)
            } else if !Tolerance.agree(actual, expected) {
                let r = ratios[k]
                let d = r.numerator.contains { derived.contains($0) } || derived.contains(r.denominator)
                mismatches.append(Mismatch(metric: r.result, actual: actual, expression: r.expression,
                                           expected: expected, involvesDerived: d))
            }
        }
    }

    /// `sums` and `ratios` as value slots (`Metric.index`), for the per-row loop.
    struct SumSlots {
        let result: Int, a: Int, b: Int, minus: Bool
    }

    struct RatioSlots {
        let result: Int, numerator0: Int, numerator1: Int, denominator: Int, scale: Double, ticketsOnly: Bool
    }

    static let sumSlots: [SumSlots] = sums.map { SumSlots(result: $0.result.index, a: $0.a.index, b: $0.b.index,
                                                          minus: $0.minus) }
    static let ratioSlots: [RatioSlots] = ratios.map { r in
        precondition(r.numerator.count == 1 || r.numerator.count == 2, "a ratio has one or two numerators")
        return RatioSlots(result: r.result.index, numerator0: r.numerator[0].index,
                          numerator1: r.numerator.count > 1 ? r.numerator[1].index : -1,
                          denominator: r.denominator.index, scale: r.scale, ticketsOnly: r.ticketsOnly)
    }

    /// The ratio's value from the amounts; nil when an input is missing or the denominator is 0.
    static func ratio(_ r: Ratio, _ values: MetricValues) -> Double? {
        guard let den = values[r.denominator], den != 0 else { return nil }
        var num = 0.0
        for m in r.numerator {
            guard let v = values[m] else { return nil }
            num += v
        }
        return r.scale * num / den
    }

    /// Fills the one missing value of a sum whose other two are present; returns its slot.
    @inline(__always)
    private static func deriveSum(_ s: SumSlots, _ v: UnsafeMutablePointer<Double>) -> Int? {
        let r = v[s.result], a = v[s.a], b = v[s.b]
        switch (r.isNaN, a.isNaN, b.isNaN) {
        case (true, false, false):
            v[s.result] = s.minus ? a - b : a + b
            return s.result
        case (false, true, false):
            v[s.a] = s.minus ? r + b : r - b
            return s.a
        case (false, false, true):
            v[s.b] = s.minus ? a - r : r - a
            return s.b
        default:
            return nil
        }
    }
}
