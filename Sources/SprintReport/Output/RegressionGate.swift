/// `--fail-on-regression FIGURE:AMOUNT`: one limit of the regression gate, e.g.
/// `sayDoPercent:10` (say/do % fell by 10 points or more) or `coefficientOfVariation:0.1`
/// (CV rose by 0.1 or more). FIGURE is a banded figure, the ones with a better side.
public struct RegressionLimit: Sendable, Equatable {
    public var figure: BandedFigure
    /// Positive, in the figure's unit (percentage points for the percentages).
    public var amount: Double

    public init(figure: BandedFigure, amount: Double) {
        self.figure = figure
        self.amount = amount
    }

    public init(argument: String) throws(UsageProblem) {
        let known = BandedFigure.allCases.map(\.rawValue).joined(separator: ", ")
        let parts = argument.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw UsageProblem("--fail-on-regression takes FIGURE:AMOUNT (e.g. sayDoPercent:10), not '\(argument)'.")
        }
        guard let figure = BandedFigure.allCases.first(where: { $0.rawValue.lowercased() == parts[0].lowercased() }) else {
            throw UsageProblem("--fail-on-regression: unknown figure '\(parts[0])' (expected one of \(known)).")
        }
        guard let amount = Double(parts[1]), amount.isFinite, amount > 0 else {
            throw UsageProblem("--fail-on-regression \(argument): the amount must be a number above 0.")
        }
        self.init(figure: figure, amount: amount)
    }
}

/// The regression gate of `summary --compare`: trips when any team's figure got worse, from
/// the baseline window to the report window, by at least a limit's amount.
///
/// "Worse by at least AMOUNT" is read on the change as printed: its direction is `worse`
/// and its size rounded to 2 decimals is at least AMOUNT (a fall from 80 to 70.004 trips
/// `sayDoPercent:10`). A figure undefined in either window, or a team without a period in
/// the baseline window, has no change and never trips. Org nodes are not gated (as with
/// `--fail-on-band`).
public struct RegressionGate: Sendable {
    public var limits: [RegressionLimit]
    /// Teams named in a reason before "and N more".
    public var namedTeams: Int

    public init(limits: [RegressionLimit], namedTeams: Int = 5) {
        self.limits = limits
        self.namedTeams = namedTeams
    }

    /// Why the gate trips (one sentence per limit that trips), or nil when it passes.
    public func failure(_ report: Report, _ comparison: WindowComparison) -> String? {
        var reasons: [String] = []
        for limit in limits {
            let teams = regressed(limit, report, comparison)
            guard !teams.isEmpty else { continue }
            let named = teams.prefix(namedTeams).map { i, change in
                let t = report.teams[i]
                return "\(t.team.pathString) (\(t.mode.rawValue)) \(NumberFormat.plain(change.baseline)) → "
                    + NumberFormat.plain(change.current)
            }
            let more = teams.count > namedTeams ? ", and \(teams.count - namedTeams) more" : ""
            let by = NumberFormat.plain(limit.amount)
            reasons.append("\(limit.figure.rawValue) got worse by \(by) or more for \(teams.count) "
                + "team\(teams.count == 1 ? "" : "s"): " + named.joined(separator: ", ") + more)
        }
        return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }

    /// The teams that trip `limit`, in report order, with their change.
    public func regressed(_ limit: RegressionLimit, _ report: Report,
                          _ comparison: WindowComparison) -> [(team: Int, change: FigureChange)] {
        let figure = limit.figure.compared
        return comparison.teams.enumerated().compactMap { i, c in
            guard let change = c?.changes[figure], change.direction == .worse,
                  let worse = change.worsening(higherIsBetter: figure.higherIsBetter),
                  NumberFormat.rounded(worse, places: 2) >= limit.amount else { return nil }
            return (i, change)
        }
    }
}
