/// The change tables of the text and Markdown summaries with `--compare`: one row per team
/// (or node) and mode, the change of each headline figure from the baseline window, with its
/// direction in words, and the bands that moved.
///
/// A change is printed to 2 decimals with its sign (percentages in points, `pp`), then its
/// direction: `+5.20 pp better`, `-0.04 better` (CV), `+1.50 up` (velocity), `0.00 no change`.
/// A figure undefined in either window prints `—`; a row without any period in the baseline
/// window says so in its last column.
enum ChangeTable {
    /// The figures shown, in column order (the headline figures of the figures table).
    static let figures: [ComparedFigure] = [
        .velocity, .sayDoPercent, .scopeCreepPercent, .totalDeliveredPercent, .coefficientOfVariation,
    ]

    static let noBaseline = "no period in the baseline"

    static func heading(_ what: String, _ c: WindowComparison) -> String {
        "\(what): change from the baseline (\(SummaryTable.describe(c.baselineWindow)))"
    }

    static func teams(_ report: Report, _ c: WindowComparison) -> SummaryTable {
        table(first: "team", rows: report.teams.indices.map { i in
            let t = report.teams[i]
            return row(label: t.team.pathString, mode: t.mode, current: t.summary, c.teams[i])
        })
    }

    static func nodes(_ report: Report, _ c: WindowComparison) -> SummaryTable {
        table(first: "node", rows: report.nodes.indices.map { i in
            let n = report.nodes[i]
            let label = (n.path.isEmpty ? "(all teams)" : n.pathString) + (n.rolledUp ? "" : " (own rows)")
            return row(label: label, mode: n.mode, current: n.summary, c.nodes[i])
        })
    }

    static func table(first: String, rows: [[String]]) -> SummaryTable {
        let headers = [first, "unit", "periods"] + figures.map(header) + ["bands moved"]
        return SummaryTable(headers: headers, rows: rows, numeric: [2])
    }

    static func header(_ f: ComparedFigure) -> String {
        switch f {
        case .velocity: "velocity"
        default: f.banded?.label ?? f.rawValue
        }
    }

    static func row(label: String, mode: ComputationMode, current: WindowSummary, _ c: SummaryComparison?) -> [String] {
        guard let c else {
            return [label, mode.shortUnit, "— → \(current.periods)"]
                + figures.map { _ in NumberFormat.undefined } + [noBaseline]
        }
        let moved = c.bandsMoved.map { "\($0.figure.label) \($0.move.text)" }
        return [label, mode.shortUnit, "\(c.baseline.periods) → \(c.current.periods)"]
            + figures.map { cell($0, c.changes[$0]) }
            + [moved.isEmpty ? "none" : moved.joined(separator: "; ")]
    }

    /// `+5.20 pp better`; `—` when there is no change (a side undefined).
    static func cell(_ f: ComparedFigure, _ change: FigureChange?) -> String {
        guard let change else { return NumberFormat.undefined }
        var number = NumberFormat.twoDecimals(change.delta)
        if change.direction != .noChange && change.delta > 0 { number = "+" + number }
        let unit = isPercent(f) ? " pp" : ""
        return number + unit + " " + change.direction.rawValue
    }

    static func isPercent(_ f: ComparedFigure) -> Bool {
        switch f {
        case .sayDoPercent, .scopeCreepPercent, .creepDeliveredPercent, .totalDeliveredPercent: true
        default: false
        }
    }
}
