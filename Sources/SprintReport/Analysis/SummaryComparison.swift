/// One team's or node's figures in the baseline window beside those of the report window,
/// with the change of each figure and the move of each band. A figure undefined on either
/// side has no change (no entry), never a change against zero.
public struct SummaryComparison: Sendable {
    public var baseline: WindowSummary
    public var current: WindowSummary
    /// Only the figures defined in both windows.
    public var changes: [ComparedFigure: FigureChange]
    /// Only the banded figures with a band in both windows.
    public var bands: [BandedFigure: BandMove]
    /// The mean of delivered work (D) per period over the baseline window's periods that
    /// have D: the baseline's reference line on a planned-vs-delivered chart. Nil when no
    /// baseline period has D, or when not given.
    public var baselineMeanDelivered: Double?

    public init(baseline: WindowSummary, current: WindowSummary, baselineMeanDelivered: Double? = nil) {
        self.baseline = baseline
        self.current = current
        self.baselineMeanDelivered = baselineMeanDelivered
        var changes: [ComparedFigure: FigureChange] = [:]
        for f in ComparedFigure.allCases {
            if let c = FigureChange(f, baseline: baseline, current: current) { changes[f] = c }
        }
        var bands: [BandedFigure: BandMove] = [:]
        for f in BandedFigure.allCases {
            if let m = BandMove(f, baseline: baseline, current: current) { bands[f] = m }
        }
        self.changes = changes
        self.bands = bands
    }

    public func change(_ figure: ComparedFigure) -> FigureChange? { changes[figure] }

    /// The bands that moved, in the order of `BandedFigure.allCases`.
    public var bandsMoved: [(figure: BandedFigure, move: BandMove)] {
        BandedFigure.allCases.compactMap { f in bands[f].flatMap { $0.moved ? (f, $0) : nil } }
    }
}
