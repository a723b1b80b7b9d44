/// Small statistics over a chart's series (present values only; missing is skipped).
enum SeriesStats {
    /// Least-squares line of the present values against their index: (intercept, slope),
    /// nil with fewer than 3 values (as `trendPerPeriod`, `docs/metrics.md#trend`).
    static func trend(_ values: [Double?]) -> (intercept: Double, slope: Double)? {
        let pts = values.enumerated().compactMap { i, v in v.map { (Double(i), $0) } }
        guard pts.count >= 3 else { return nil }
        let n = Double(pts.count)
        let mx = pts.map(\.0).reduce(0, +) / n, my = pts.map(\.1).reduce(0, +) / n
        let sxx = pts.map { ($0.0 - mx) * ($0.0 - mx) }.reduce(0, +)
        let sxy = pts.map { ($0.0 - mx) * ($0.1 - my) }.reduce(0, +)
        guard sxx > 0 else { return nil }
        let slope = sxy / sxx
        return (my - slope * mx, slope)
    }

    /// Present values with their index.
    static func present(_ values: [Double?]) -> [(index: Int, value: Double)] {
        values.enumerated().compactMap { i, v in v.map { (i, $0) } }
    }

    /// 100 · Σnum / Σden over periods where both are present; nil when Σden is 0.
    static func ratioOfSums(_ num: [Double?], _ den: [Double?]) -> Double? {
        var a = 0.0, b = 0.0
        for (x, y) in zip(num, den) {
            if let x, let y { a += x; b += y }
        }
        return b > 0 ? 100 * a / b : nil
    }
}

extension SeriesPoint {
    /// A value for charting: missing and non-finite values are nil.
    func chartValue(_ m: Metric) -> Double? {
        guard let v = values[m], v.isFinite else { return nil }
        return v
    }
}
