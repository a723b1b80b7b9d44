/// The platform's identities between the metrics of one period (docs/metrics.md, §1):
/// derive what is missing, check what is present. The one place these formulas live; the
/// analysis runs them as written here.
///
/// Notation of the comments: C = SPRINT_COMMIT, A = SPRINT_CREEP, S = SPRINT_SIZE,
/// DC / MC = DELIVERED / MISSED_COMMIT, DA / MA = DELIVERED / MISSED_CREEP,
/// D = TOTAL_WORK_DELIVERED, R = TICKETS_REMOVED_MID_SPRINT.
enum Identities {
    static let sums: [Sum] = [
        Sum(.sprintSize, is: .sprintCommit, plus: .sprintCreep),  // S = C + A
        Sum(.missedCommit, is: .sprintCommit, minus: .deliveredCommit),  // MC = C − DC
        Sum(.missedCreep, is: .sprintCreep, minus: .deliveredCreep),  // MA = A − DA
        Sum(.totalWorkDelivered, is: .deliveredCommit, plus: .deliveredCreep),  // D = DC + DA
    ]

    static let ratios: [Ratio] = [
        Ratio(.scopeCreepPercent, is: 100, times: .sprintCreep, over: .sprintCommit),  // 100 · A / C
        Ratio(.committedWorkDeliveredPercent, is: 100, times: .deliveredCommit, over: .sprintCommit),  // 100 · DC / C
        Ratio(.creepWorkDeliveredPercent, is: 100, times: .deliveredCreep, over: .sprintCreep),  // 100 · DA / A
        Ratio(.totalWorkDeliveredPercent, is: 100, times: .totalWorkDelivered, over: .sprintSize),  // 100 · D / S
        Ratio(.totalDeliveredWorkVsCommittedWork, is: 1, times: .totalWorkDelivered, over: .sprintCommit),  // D / C
        // R is a ticket count: these two hold only in TICKETS mode.
        Ratio(.churnRate, is: 100, times: .sprintCreep, plus: .ticketsRemovedMidSprint, over: .sprintCommit,
              ticketsOnly: true),  // 100 · (A + R) / C
        Ratio(.workRemovalRatePercent, is: 100, times: .ticketsRemovedMidSprint, over: .sprintCommit,
              ticketsOnly: true),  // 100 · R / C
    ]

    /// Every metric that one of the `sums` relates.
    static let sumMetrics = MetricSet(sums.flatMap { [$0.result, $0.a, $0.b] })

    /// `result = a + b`, or `result = a − b`.
    struct Sum: Sendable {
        let result: Metric, a: Metric, b: Metric, minus: Bool

        init(_ result: Metric, is a: Metric, plus b: Metric) {
            (self.result, self.a, self.b, minus) = (result, a, b, false)
        }

        init(_ result: Metric, is a: Metric, minus b: Metric) {
            (self.result, self.a, self.b, minus) = (result, a, b, true)
        }

        var expression: String { "\(a.rawValue) \(minus ? "-" : "+") \(b.rawValue)" }

        /// `a + b` or `a − b`.
        func combine(_ x: Double, _ y: Double) -> Double { minus ? x - y : x + y }

        /// Fills the one missing value of the three from the other two (the identity solved
        /// for it) and returns its metric; nil when not exactly one is missing.
        func derive(in v: inout MetricSlots) -> Metric? {
            switch (v[result], v[a], v[b]) {
            case (nil, let x?, let y?):
                v[result] = combine(x, y)
                return result
            case (let r?, nil, let y?):
                v[a] = minus ? r + y : r - y
                return a
            case (let r?, let x?, nil):
                v[b] = minus ? x - r : r - x
                return b
            default:
                return nil
            }
        }
    }

    /// `result = scale · (numerator [+ plus]) / denominator`.
    struct Ratio: Sendable {
        let result: Metric, scale: Double, numerator: Metric, plus: Metric?, denominator: Metric
        let ticketsOnly: Bool

        init(_ result: Metric, is scale: Double, times numerator: Metric, plus: Metric? = nil,
             over denominator: Metric, ticketsOnly: Bool = false) {
            self.result = result
            self.scale = scale
            self.numerator = numerator
            self.plus = plus
            self.denominator = denominator
            self.ticketsOnly = ticketsOnly
        }

        var numerators: [Metric] { [numerator] + (plus.map { [$0] } ?? []) }

        var expression: String {
            let num = numerators.map(\.rawValue).joined(separator: " + ")
            let top = plus == nil ? num : "(\(num))"
            return scale == 1 ? "\(top) / \(denominator.rawValue)" : "100 * \(top) / \(denominator.rawValue)"
        }

        /// The ratio's value from the amounts; nil (undefined) when an input is missing or the
        /// denominator is 0. (`inout` only to read `v` in place: see `MetricSlots`.)
        func value(in v: inout MetricSlots) -> Double? {
            guard let den = v[denominator], den != 0, let x = v[numerator] else { return nil }
            var sum = 0 + x  // Σ numerator, from 0 (so −0 sums to +0 as in any sum)
            if let plus {
                guard let y = v[plus] else { return nil }
                sum += y
            }
            return scale * sum / den
        }
    }

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
    ///
    /// `completed` is given the values as completed, as plain doubles (what `values` then
    /// reads back, bit for bit): the team analysis adds them up there rather than decode
    /// every row again.
    @inline(__always)
    static func complete(_ values: inout MetricValues, derived: inout MetricSet, mode: ComputationMode,
                         completed: (inout MetricSlots) -> Void = { _ in }) -> [Mismatch] {
        var slots = MetricSlots()
        values.decode(into: &slots)  // `values.slots`, made in place
        let mismatches = complete(&slots, derived: &derived, mode: mode)
        // `complete` writes derived values only, and most rows derive none: those skip the
        // store (passing `slots` on copies them whole, 160 bytes).
        if !derived.isEmpty { values.store(slots, of: derived) }
        completed(&slots)
        return mismatches
    }

    /// `complete` on plain values.
    static func complete(_ v: inout MetricSlots, derived: inout MetricSet, mode: ComputationMode) -> [Mismatch] {
        var mismatches: [Mismatch] = []
        var usedToDerive = MetricSet()  // the results of the sums that derived a value
        // A sum derives a value only when one of its three is missing: with every metric of
        // the sums present (most rows of an export) the loop would change nothing.
        var changed = !v.hasAll(sumMetrics)
        while changed {
            changed = false
            for s in sums where !usedToDerive.contains(s.result) {
                if let m = s.derive(in: &v) {
                    derived.insert(m)
                    usedToDerive.insert(s.result)
                    changed = true
                }
            }
        }
        for s in sums where !usedToDerive.contains(s.result) {
            guard let r = v[s.result], let x = v[s.a], let y = v[s.b] else { continue }
            let expected = s.combine(x, y)
            if !Tolerance.agree(r, expected) {
                let d = derived.contains(s.result) || derived.contains(s.a) || derived.contains(s.b)
                mismatches.append(Mismatch(metric: s.result, actual: r, expression: s.expression,
                                           expected: expected, involvesDerived: d))
            }
        }
        completeRatios(&v, derived: &derived, mode: mode, into: &mismatches)
        return mismatches
    }

    /// Derives missing ratios from the amounts and checks present ones (the ratio half of
    /// `complete`; org rollups use it alone on summed amounts).
    static func completeRatios(_ v: inout MetricSlots, derived: inout MetricSet,
                               mode: ComputationMode) -> [Mismatch] {
        var mismatches: [Mismatch] = []
        completeRatios(&v, derived: &derived, mode: mode, into: &mismatches)
        return mismatches
    }

    private static func completeRatios(_ v: inout MetricSlots, derived: inout MetricSet,
                                       mode: ComputationMode, into mismatches: inout [Mismatch]) {
        for r in ratios where !r.ticketsOnly || mode == .tickets {
            guard let expected = r.value(in: &v) else { continue }
            guard let actual = v[r.result] else {
                v[r.result] = expected
                derived.insert(r.result)
                continue
            }
            if !Tolerance.agree(actual, expected) {
                let d = r.numerators.contains { derived.contains($0) } || derived.contains(r.denominator)
                mismatches.append(Mismatch(metric: r.result, actual: actual, expression: r.expression,
                                           expected: expected, involvesDerived: d))
            }
        }
    }
}
