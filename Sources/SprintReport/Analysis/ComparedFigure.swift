/// The window figures that a comparison of two windows reports a change for: every number
/// of the window summary (`WindowSummary`) except the count of periods, the totals and the
/// forecast, which are read beside each other rather than as a change.
public enum ComparedFigure: String, Sendable, CaseIterable {
    case velocity, averageSprintSize, sayDoPercent, scopeCreepPercent, creepDeliveredPercent,
         totalDeliveredPercent, deliveredVsCommitted, deliveryConsistency, commitmentReliability,
         coefficientOfVariation, trendPerPeriod

    /// The figure's value in a summary (nil: undefined).
    public func value(in s: WindowSummary) -> Double? {
        switch self {
        case .velocity: s.velocity
        case .averageSprintSize: s.averageSprintSize
        case .sayDoPercent: s.sayDoPercent
        case .scopeCreepPercent: s.scopeCreepPercent
        case .creepDeliveredPercent: s.creepDeliveredPercent
        case .totalDeliveredPercent: s.totalDeliveredPercent
        case .deliveredVsCommitted: s.deliveredVsCommitted
        case .deliveryConsistency: s.deliveryConsistency
        case .commitmentReliability: s.commitmentReliability
        case .coefficientOfVariation: s.coefficientOfVariation
        case .trendPerPeriod: s.trendPerPeriod
        }
    }

    /// The banded figure this is, if it is one.
    public var banded: BandedFigure? { BandedFigure(rawValue: rawValue) }

    /// Whether a higher value is better: known for the banded figures only, whose bands
    /// (`BandThresholds`) say which way is better — say/do % and delivered % up, scope creep %
    /// and CV down. Every other figure (velocity among them: more delivered work per period
    /// may be a bigger team or smaller stories) gets no judgement, only up or down: nil.
    public var higherIsBetter: Bool? {
        banded.flatMap { BandThresholds.defaults.limits[$0]?.higherIsBetter }
    }
}

extension BandedFigure {
    /// The same figure as a compared one.
    public var compared: ComparedFigure {
        switch self {
        case .sayDoPercent: .sayDoPercent
        case .scopeCreepPercent: .scopeCreepPercent
        case .totalDeliveredPercent: .totalDeliveredPercent
        case .coefficientOfVariation: .coefficientOfVariation
        }
    }
}
