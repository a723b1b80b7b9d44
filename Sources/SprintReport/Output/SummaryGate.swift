/// The CI gates of `summary`: `--fail-on-findings` and `--fail-on-band BAND`.
public struct SummaryGate: Sendable {
    /// Trip on any finding of severity warning (info findings never trip).
    public var failOnFindings: Bool
    /// Trip when any team's banded figure is in a band strictly worse than this one
    /// (`high` trips on Medium and Low). Undefined figures have no band and never trip.
    /// Org nodes are not gated.
    public var failOnBand: Band?

    /// How many tripping figures the reason names; a CI log line stays short however many trip.
    public static let named = 5

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
            var named: [String] = []
            var total = 0
            var teams = Set<String>()
            for t in report.teams {
                for f in BandedFigure.allCases {
                    guard let b = t.summary.bands[f], b > limit else { continue }
                    total += 1
                    teams.insert(t.team.key)
                    // The first few are named, the rest counted: the summary lists them all.
                    if named.count < Self.named {
                        named.append(TerminalText.clean("\(t.team.pathString) (\(t.mode.unitName)) \(f.label) is \(b.rawValue)"))
                    }
                }
            }
            if total > 0 {
                var reason = "\(total) banded figure\(total == 1 ? "" : "s") of \(teams.count) team\(teams.count == 1 ? "" : "s") "
                    + "below \(limit.rawValue): " + named.joined(separator: "; ")
                if total > named.count { reason += "; … and \(total - named.count) more: see the summary" }
                reasons.append(reason)
            }
        }
        return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }
}
