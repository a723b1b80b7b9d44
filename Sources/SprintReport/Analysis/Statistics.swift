/// The plain statistics of `docs/metrics.md#a-teams-figures`, each defined once.
enum Statistics {
    /// Arithmetic mean; nil for no values.
    static func mean(_ xs: [Double]) -> Double? {
        xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count)
    }

    /// Sample standard deviation (n − 1); nil for fewer than 2 values.
    static func sampleStandardDeviation(_ xs: [Double]) -> Double? {
        guard xs.count >= 2, let m = mean(xs) else { return nil }
        let ss = xs.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        return (ss / Double(xs.count - 1)).squareRoot()
    }

    /// Least-squares slope of `y` against `x`; nil for fewer than 2 points or no spread in x.
    static func slope(_ points: [(x: Double, y: Double)]) -> Double? {
        guard points.count >= 2 else { return nil }
        let mx = points.reduce(0) { $0 + $1.x } / Double(points.count)
        let my = points.reduce(0) { $0 + $1.y } / Double(points.count)
        var sxy = 0.0, sxx = 0.0
        for p in points {
            sxy += (p.x - mx) * (p.y - my)
            sxx += (p.x - mx) * (p.x - mx)
        }
        return sxx == 0 ? nil : sxy / sxx
    }

    /// The `p`-th quantile (0…1) with linear interpolation between closest ranks, as numpy's
    /// default (`method="linear"`): position p · (n − 1) in the sorted values.
    static func quantile(_ xs: [Double], _ p: Double) -> Double? {
        guard !xs.isEmpty else { return nil }
        let s = xs.sorted()
        let pos = p * Double(s.count - 1)
        // p is within 0…1 (the callers' 0.25, 0.5, 0.75), so pos is within 0…count−1.
        let lo = Int(clamping: pos.rounded(.down), to: 0...(s.count - 1))
        let hi = min(lo + 1, s.count - 1)
        let frac = pos - Double(lo)
        return s[lo] + (s[hi] - s[lo]) * frac
    }

    /// For each position, the mean of the present values among it and up to `window − 1`
    /// before it; nil when none of them is present.
    static func rollingMean(_ xs: [Double?], window: Int) -> [Double?] {
        xs.indices.map { i in
            let slice = xs[max(0, i - window + 1)...i].compactMap { $0 }
            return mean(slice)
        }
    }
}
