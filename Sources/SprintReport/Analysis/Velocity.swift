/// Velocity of a window (`docs/metrics.md#velocity`, and for groups `docs/metrics.md#rolled-up-groups`): the one place its three definitions live.
enum Velocity {
    /// A team-level row's sprint count: round(D / SPRINT_VELOCITY) when both are present and
    /// the velocity is > 0 (`docs/metrics.md#velocity`).
    static func sprintCount(_ values: MetricValues) -> Int? {
        guard let d = values[.totalWorkDelivered], let v = values[.sprintVelocity], v > 0 else { return nil }
        let c = (d / v).rounded(.toNearestOrAwayFromZero)
        // A count past 2^31 sprints (a velocity of 1e-20) is no count: none, as for a
        // non-finite quotient; the window's sum of counts then cannot overflow.
        guard let n = Int(checked: c), n.magnitude <= 1 << 31 else { return nil }
        return n
    }

    /// Sprint-level rows: ΣD / n. Team-level rows: ΣD / Σ sprint counts when every row has a
    /// count, else the mean of the rows' SPRINT_VELOCITY values, marked approximate.
    static func of<P: WindowRow>(_ points: [P], level: RowLevel) -> (value: Double?, approximate: Bool) {
        // Read in place (no copy of a row per step): D of each row, and for team-level rows
        // the sprint counts and SPRINT_VELOCITY values, in period order.
        var deliveries: [Double] = [], counts: [Int] = [], velocities: [Double] = []
        let rows = points.span  // read in place: no copy of a row per step
        for i in rows.indices {
            // `rows[i].values[…]` each time: a `let` of the values would copy them.
            if let d = rows[i].values[.totalWorkDelivered] { deliveries.append(d) }
            guard level == .team else { continue }
            if let c = rows[i].sprintCount(level: level) { counts.append(c) }
            if let x = rows[i].values[.sprintVelocity] { velocities.append(x) }
        }
        let sumD: Double? = deliveries.isEmpty ? nil : deliveries.reduce(0, +)
        switch level {
        case .sprint:
            guard let sumD, !points.isEmpty else { return (nil, false) }
            return (sumD / Double(points.count), false)
        case .team:
            if counts.count == points.count, !points.isEmpty {
                let n = counts.reduce(0, +)
                guard let sumD, n > 0 else { return (nil, false) }
                return (sumD / Double(n), false)
            }
            let mean = Statistics.mean(velocities)
            return (mean, mean != nil)
        }
    }
}
