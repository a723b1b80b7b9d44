/// The index's "Movers" (`--compare`): per banded figure, the teams that moved most towards
/// better and towards worse between the baseline window and the report window, each linked to
/// its page. The ranking is `WindowComparison.movers`; the change reads as in the summaries
/// (`ChangeTable.cell`: "+5.20 pp better").
struct Movers {
    let settings: PageSettings

    /// Teams listed per figure and direction.
    static let limit = 3

    /// The figures the index ranks teams by, in the order of the tiles.
    static let figures: [BandedFigure] = [.sayDoPercent, .scopeCreepPercent, .totalDeliveredPercent, .coefficientOfVariation]

    /// The movers of `mode` as a table, or nil without `--compare` (or when no team of the
    /// mode has a figure in both windows).
    func table(_ mode: ComputationMode, id: String) -> TableModel? {
        guard let comparison = settings.comparison, let window = settings.baselineText else { return nil }
        let teams = settings.report.teams
        var rows: [[TableCell]] = []
        for figure in Movers.figures {
            for direction in [ChangeDirection.better, .worse] {
                // Ranked over every mode, then this mode's first `limit`.
                let found = comparison.movers(figure.compared, direction, limit: teams.count)
                    .filter { teams[$0.team].mode == mode }.prefix(Movers.limit)
                for m in found {
                    let t = teams[m.team]
                    rows.append([
                        TableCell(text: "\(ChartText.capitalised(figure.label)), \(direction.rawValue)", header: true),
                        TableCell(text: t.team.name, href: settings.links.team(t.team.key)),
                        .number(Movers.value(figure, m.change.baseline)),
                        .number(Movers.value(figure, m.change.current)),
                        .number(ChangeTable.cell(figure.compared, m.change)),
                    ])
                }
            }
        }
        guard !rows.isEmpty else { return nil }
        return TableModel(id: id, caption: "Teams that moved most since the baseline window",
                          note: "(baseline \(window); at most \(Movers.limit) teams each way per figure)",
                          columns: [("Figure", false), ("Team", false), ("Baseline", true), ("Now", true),
                                    ("Change", true)],
                          rows: rows)
    }

    static func value(_ figure: BandedFigure, _ x: Double) -> String {
        figure == .coefficientOfVariation ? NumberFormat.ratio(x) : NumberFormat.percentWhole(x)
    }
}
