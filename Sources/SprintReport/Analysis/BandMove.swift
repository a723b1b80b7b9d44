/// A banded figure's band in the baseline window and in the report window: "High → Medium".
/// Made only when both bands are known (an undefined figure has no band).
public struct BandMove: Sendable, Equatable {
    public var from: Band
    public var to: Band

    public init(from: Band, to: Band) {
        self.from = from
        self.to = to
    }

    /// The bands of `figure` in two summaries; nil when either is undefined.
    public init?(_ figure: BandedFigure, baseline: WindowSummary, current: WindowSummary) {
        guard let from = baseline.bands[figure], let to = current.bands[figure] else { return nil }
        self.init(from: from, to: to)
    }

    public var moved: Bool { from != to }

    /// Better when the band is nearer Elite, worse when nearer Low.
    public var direction: ChangeDirection { from == to ? .noChange : (to < from ? .better : .worse) }

    /// `High → Medium`, or the one band when it did not move.
    public var text: String { moved ? "\(from.rawValue) → \(to.rawValue)" : from.rawValue }
}
