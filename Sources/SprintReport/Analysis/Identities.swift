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
        var used: UInt8 = 0  // bit i: sums[i] derived a value (a bit set, not a Set: no allocation per row)
        var changed = true
        while changed {
            changed = false
            for (i, s) in sums.enumerated() where used & (1 << i) == 0 {
                if let m = deriveSum(s, &values) {
                    derived.insert(m)
                    used |= 1 << i
                    changed = true
                }
            }
        }
        var mismatches: [Mismatch] = []
        for (i, s) in sums.enumerated() where used & (1 << i) == 0 {
            guard let r = values[s.result], let a = values[s.a], let b = values[s.b] else { continue }
            let expected = s.combine(a, b)
            if !Tolerance.agree(r, expected) {
                let d = derived.contains(s.result) || derived.contains(s.a) || derived.contains(s.b)
                mismatches.append(Mismatch(metric: s.result, actual: r, expression: s.expression,
                                           expected: expected, involvesDerived: d))
            }
        }
        mismatches += completeRatios(&values, derived: &derived, mode: mode)
        return mismatches
    }

    /// Derives missing ratios from the amounts and checks present ones (the ratio half of
    /// `complete`; org rollups use it alone on summed amounts).
    static func completeRatios(_ values: inout MetricValues, derived: inout MetricSet,
                               mode: ComputationMode) -> [Mismatch] {
        var mismatches: [Mismatch] = []
        for r in ratios where !r.ticketsOnly || mode == .tickets {
            guard let expected = ratio(r, values) else { continue }
            if let actual = values[r.result] {
                if !Tolerance.agree(actual, expected) {
                    let d = r.numerator.contains { derived.contains($0) } || derived.contains(r.denominator)
                    mismatches.append(Mismatch(metric: r.result, actual: actual, expression: r.expression,
                                               expected: expected, involvesDerived: d))
                }
            } else {
                values[r.result] = expected
                derived.insert(r.result)
            }
        }
        return mismatches
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

    /// Fills the one missing value of a sum whose other two are present; returns it.
    private static func deriveSum(_ s: Sum, _ v: inout MetricValues) -> Metric? {
        switch (v[s.result], v[s.a], v[s.b]) {
        case (nil, let a?, let b?):
            v[s.result] = s.combine(a, b)
            return s.result
        case (let r?, nil, let b?):
            v[s.a] = s.minus ? r + b : r - b
            return s.a
        case (let r?, let a?, nil):
            v[s.b] = s.minus ? a - r : r - a
            return s.b
        default:
            return nil
        }
    }
}
