/// Which way a figure moved from the baseline window to the report window, in words.
public enum ChangeDirection: String, Sendable, CaseIterable {
    /// A figure with a better side (`ComparedFigure.higherIsBetter`) moved towards it …
    case better
    /// … or away from it.
    case worse
    /// The change prints as zero at two decimals (|Δ| < 0.005), whatever the figure.
    case noChange = "no change"
    /// A figure without a better side went up or down.
    case up, down
}

/// One figure in the baseline window and in the report window, and the change between them.
/// There is no change without both values: an undefined figure on either side gives none
/// (`init` returns nil), never a change against zero.
public struct FigureChange: Sendable, Equatable {
    public var baseline: Double
    public var current: Double
    /// current − baseline, at full precision.
    public var delta: Double
    public var direction: ChangeDirection

    /// - Parameter higherIsBetter: true or false for a figure with a better side; nil for one
    ///   without (its direction is then up, down or no change).
    public init?(baseline: Double?, current: Double?, higherIsBetter: Bool?) {
        guard let baseline, let current, baseline.isFinite, current.isFinite else { return nil }
        self.baseline = baseline
        self.current = current
        delta = current - baseline
        direction = Self.direction(delta, higherIsBetter: higherIsBetter)
    }

    /// The change of `figure` between two summaries.
    public init?(_ figure: ComparedFigure, baseline: WindowSummary, current: WindowSummary) {
        self.init(baseline: figure.value(in: baseline), current: figure.value(in: current),
                  higherIsBetter: figure.higherIsBetter)
    }

    /// A change that prints as 0.00 is no change: the reader could not see it.
    static func direction(_ delta: Double, higherIsBetter: Bool?) -> ChangeDirection {
        if NumberFormat.rounded(delta, places: 2) == 0 { return .noChange }
        guard let higherIsBetter else { return delta > 0 ? .up : .down }
        return (delta > 0) == higherIsBetter ? .better : .worse
    }

    /// How far the figure moved towards its worse side (positive when worse; nil for a figure
    /// without a better side).
    public func worsening(higherIsBetter: Bool?) -> Double? {
        higherIsBetter.map { $0 ? -delta : delta }
    }
}
