/// The table that the text and Markdown summaries share: one row per team (or org node)
/// and mode, every figure formatted by `NumberFormat`, bands as words. The renderers only
/// lay it out.
struct SummaryTable {
    /// Column headings after the first ("team" or "node").
    static let figureHeaders = ["unit", "periods", "velocity", "say/do", "band", "scope creep", "band",
                          "delivered", "band", "predictability (CV)", "band"]
    /// Columns that hold numbers (right-aligned) in the figures tables.
    static let figureNumeric: Set<Int> = [2, 3, 4, 6, 8, 10]

    var headers: [String]
    var rows: [[String]]
    /// Columns that hold numbers (right-aligned).
    var numeric: Set<Int> = Self.figureNumeric

    init(headers: [String], rows: [[String]], numeric: Set<Int>) {
        self.headers = headers
        self.rows = rows
        self.numeric = numeric
    }

    /// Teams, labelled by their path.
    init(teams: [TeamReport]) {
        headers = ["team"] + Self.figureHeaders
        rows = teams.map { Self.row(label: $0.team.pathString, mode: $0.mode, $0.summary) }
    }

    /// Org nodes: the root reads "(all teams)", a node with own rows says so.
    init(nodes: [NodeReport]) {
        headers = ["node"] + Self.figureHeaders
        rows = nodes.map { n in
            let label = (n.path.isEmpty ? "(all teams)" : n.pathString) + (n.rolledUp ? "" : " (own rows)")
            return Self.row(label: label, mode: n.mode, n.summary)
        }
    }

    /// An approximate velocity (team-level rows without sprint counts) is prefixed with `~`.
    static func row(label: String, mode: ComputationMode, _ s: WindowSummary) -> [String] {
        func band(_ f: BandedFigure) -> String { s.bands[f]?.rawValue ?? NumberFormat.undefined }
        let velocity = NumberFormat.amount(s.velocity)
        return [
            label, mode.shortUnit, String(s.periods),
            s.velocityApproximate && s.velocity != nil ? "~" + velocity : velocity,
            NumberFormat.percent(s.sayDoPercent), band(.sayDoPercent),
            NumberFormat.percent(s.scopeCreepPercent), band(.scopeCreepPercent),
            NumberFormat.percent(s.totalDeliveredPercent), band(.totalDeliveredPercent),
            NumberFormat.twoDecimals(s.coefficientOfVariation), band(.coefficientOfVariation),
        ]
    }

    /// What the summaries show, in order, with their headings.
    enum Section {
        case table(String, SummaryTable)
        case thresholds(String, [(figure: String, limits: String)])
        case findings(String, [Finding])
        /// A list of sentences (text from the files inside them).
        case list(String, [String])
    }

    /// The sections; with a comparison (`--compare`), each figures table is followed by its
    /// change table (`ChangeTable`); with `since` (`--previous`), "since the last report" ends
    /// the summary.
    static func sections(_ report: Report, comparison: WindowComparison? = nil,
                         since: SinceLastReport? = nil) -> [Section] {
        var out: [Section] = [.table("Teams", SummaryTable(teams: report.teams))]
        if let comparison {
            out.append(.table(ChangeTable.heading("Teams", comparison), ChangeTable.teams(report, comparison)))
        }
        if !report.nodes.isEmpty {
            out.append(.table("Organisation (rolled up by calendar month)", SummaryTable(nodes: report.nodes)))
            if let comparison {
                out.append(.table(ChangeTable.heading("Organisation", comparison), ChangeTable.nodes(report, comparison)))
            }
        }
        out.append(.thresholds("Band thresholds (Elite / High / Medium)", thresholds(report.thresholds)))
        out.append(.findings("Findings (\(report.findings.count))", report.findings))
        if let since { out.append(.list(SinceLastReportLines.heading(since), SinceLastReportLines.lines(since))) }
        return out
    }

    /// The window and the days its data covers: `window 2026-01-01 to any later day, data
    /// 2026-01-05 to 2026-02-01`, or `all periods, data …` when no window was asked for.
    static func span(_ report: Report) -> String {
        var s = describe(report.window)
        if let first = report.coverage.first, let last = report.coverage.last { s += ", data \(first) to \(last)" }
        return s
    }

    /// `window 2026-01-01 to 2026-03-31`, `window up to …`, `window … onwards`, `all periods`.
    static func describe(_ w: Window) -> String {
        let s: String
        switch (w.from, w.to) {
        case (nil, nil): s = "all periods"
        case let (from?, nil): s = "window \(from) onwards"
        case let (nil, to?): s = "window up to \(to)"
        case let (from?, to?): s = "window \(from) to \(to)"
        }
        return s
    }

    /// The thresholds in use, one line per figure: name and "Elite / High / Medium" limits.
    static func thresholds(_ t: BandThresholds) -> [(figure: String, limits: String)] {
        BandedFigure.allCases.compactMap { f in
            guard let l = t.limits[f] else { return nil }
            let op = l.higherIsBetter ? "≥" : "≤"
            let limits = [l.elite, l.high, l.medium].map { "\(op) \(NumberFormat.plain($0))" }
                .joined(separator: " / ")
            return (f.label, limits + ", else Low")
        }
    }

    /// Where a finding was raised: `file:line`, or what is known of it.
    static func location(_ f: Finding) -> String {
        switch (f.file, f.line) {
        case let (file?, line?): "\(file):\(line)"
        case let (file?, nil): file
        default: "(no file)"
        }
    }

    /// Team and period of a finding, when known: `Falcon, Falcon Sprint 3: `.
    static func subject(_ f: Finding) -> String {
        let parts = [f.team, f.period].compactMap { $0 }
        return parts.isEmpty ? "" : parts.joined(separator: ", ") + ": "
    }
}

extension BandedFigure {
    /// The figure's name in tables and threshold lists.
    var label: String {
        switch self {
        case .sayDoPercent: "say/do %"
        case .scopeCreepPercent: "scope creep %"
        case .totalDeliveredPercent: "delivered %"
        case .coefficientOfVariation: "predictability (CV)"
        }
    }
}
