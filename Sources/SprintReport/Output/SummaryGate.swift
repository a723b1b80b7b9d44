/// The CI gates of `summary`: `--fail-on-findings` and `--fail-on-band BAND`.
public struct SummaryGate: Sendable {
    /// Trip on any finding of severity warning (info findings never trip).
    public var failOnFindings: Bool
    /// Trip when any team's banded figure is in a band strictly worse than this one
    /// (`high` trips on Medium and Low). Undefined figures have no band and never trip.
    /// Org nodes are not gated.
    public var failOnBand: Band?

    public init(failOnFindings: Bool = false, failOnBand: Band? = nil) {
        self.failOnFindings = failOnFindings
        self.failOnBand = failOnBand
    }

    /// Why the gate trips, or nil when it passes.
    public func failure(_ report: Report) -> String? {
        var reasons: [String] = []
        if failOnFindings {
            let n = report.findings.filter { $0.severity == .warning }.count
            if n > 0 { reasons.append("\(n) warning finding\(n == 1 ? "" : "s")") }
        }
        if let limit = failOnBand {
            let below = report.teams.flatMap { t in
                BandedFigure.allCases.compactMap { f -> String? in
                    guard let b = t.summary.bands[f], b > limit else { return nil }
                    return "\(t.team.pathString) (\(t.mode.rawValue)) \(f.label) is \(b.rawValue)"
                }
            }
            if !below.isEmpty {
                reasons.append("\(below.count) banded figure\(below.count == 1 ? "" : "s") below \(limit.rawValue): "
                    + below.joined(separator: "; "))
            }
        }
        return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }
}
