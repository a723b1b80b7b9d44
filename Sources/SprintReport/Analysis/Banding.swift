/// Maturity bands (`docs/metrics.md#bands`).
extension BandThresholds.Limits {
    /// The band of a value: at or beyond the Elite limit is Elite, else at or beyond High is
    /// High, else at or beyond Medium is Medium, else Low ("beyond" = above when higher is
    /// better, below otherwise).
    public func band(of x: Double) -> Band {
        func reaches(_ limit: Double) -> Bool { higherIsBetter ? x >= limit : x <= limit }
        if reaches(elite) { return .elite }
        if reaches(high) { return .high }
        if reaches(medium) { return .medium }
        return .low
    }
}

extension BandThresholds {
    /// Bands of the four banded figures; a figure that is undefined has no band.
    public func bands(for summary: WindowSummary) -> [BandedFigure: Band] {
        var out: [BandedFigure: Band] = [:]
        for figure in BandedFigure.allCases {
            if let x = summary.value(of: figure), let l = limits[figure] { out[figure] = l.band(of: x) }
        }
        return out
    }
}
