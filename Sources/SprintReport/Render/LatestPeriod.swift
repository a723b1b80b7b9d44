/// The retrospective panel: the newest period against the team's own trailing median of
/// the 6 periods before it (`docs/metrics.md#figures-on-the-pages`).
struct LatestPeriod {
    static let trailing = 6

    /// The noun for one period of a series: "sprint", "month", "week", "quarter" or "period".
    static func noun(level: RowLevel, series: [SeriesPoint]) -> String {
        if level == .sprint { return "sprint" }
        switch series.last?.period.granularity {
        case .sprint?: return "sprint"
        case .weekly?: return "week"
        case .monthly?: return "month"
        case .quarterly?: return "quarter"
        case nil: return "period"
        }
    }

    static func median(_ xs: [Double]) -> Double? {
        guard !xs.isEmpty else { return nil }
        let s = xs.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// The panel, or nil when no period has delivered or committed work.
    /// - Parameter place: where the panel is (the page's and the mode's titles), for its table.
    static func context(_ series: [SeriesPoint], noun: String, mode: ComputationMode, id: String,
                        place: String) -> LatestContext? {
        guard let last = series.lastIndex(where: {
            $0.values[.totalWorkDelivered] != nil || $0.values[.sprintCommit] != nil
        }) else { return nil }
        let latest = series[last]
        let before = Array(series[max(0, last - trailing)..<last])
        let metrics: [Metric] = [.sprintCommit, .sprintCreep, .deliveredCommit, .totalWorkDelivered,
                                 .committedWorkDeliveredPercent, .scopeCreepPercent, .totalWorkDeliveredPercent,
                                 .churnRate]
        var rows: [[TableCell]] = []
        for m in metrics {
            let value = latest.values[m]
            let history = before.compactMap { $0.values[m] }
            if value == nil && history.isEmpty { continue }
            let med = median(history)
            var note = ""
            if let value, history.count >= 2 {
                if value > history.max()! { note = "highest in \(history.count + 1) \(noun)s" }
                if value < history.min()! { note = "lowest in \(history.count + 1) \(noun)s" }
            }
            rows.append([
                TableCell(text: m.displayName, header: true),
                .number(NumberFormat.value(value, of: m), undefinedReason: "not in the export"),
                .number(NumberFormat.value(med, of: m), undefinedReason: "no earlier \(noun)s"),
                TableCell(text: note),
            ])
        }
        let table = TableModel(
            id: id + "-table",
            caption: before.isEmpty ? "\(latest.period.label): no earlier \(noun) to compare with"
                : "\(latest.period.label) against the median of the \(before.count) \(noun)\(before.count == 1 ? "" : "s") before it",
            note: "(\(mode.unitName))",
            columns: [("Figure", false), ("Latest", true), ("Median before", true), ("Note", false)],
            rows: rows)
        return LatestContext(id: id, label: latest.period.label, sentence: sentence(latest, before, noun: noun, mode: mode),
                             table: before.isEmpty ? nil : table.context(place: place))
    }

    /// "Committed 24, delivered 19 of it (79 %; median 74 %). Creep 5 (21 %), highest in 7 sprints."
    static func sentence(_ p: SeriesPoint, _ before: [SeriesPoint], noun: String, mode: ComputationMode) -> String {
        var parts: [String] = []
        let v = p.values
        if let c = v[.sprintCommit] {
            var s = "Committed \(NumberFormat.amount(c)) \(mode.shortUnit)"
            if let dc = v[.deliveredCommit] {
                s += ", delivered \(NumberFormat.amount(dc)) of it"
                if let pct = v[.committedWorkDeliveredPercent] {
                    s += " (\(NumberFormat.percentWhole(pct))"
                    if let m = median(before.compactMap { $0.values[.committedWorkDeliveredPercent] }) {
                        s += "; median \(NumberFormat.percentWhole(m)) over the previous "
                            + (before.count == 1 ? noun : "\(before.count) \(noun)s")
                    }
                    s += ")"
                }
            }
            parts.append(s + ".")
        } else if let d = v[.totalWorkDelivered] {
            parts.append("Delivered \(NumberFormat.amount(d)) \(mode.shortUnit).")
        }
        if let a = v[.sprintCreep] {
            var s = "Creep \(NumberFormat.amount(a))"
            if let pct = v[.scopeCreepPercent] { s += " (\(NumberFormat.percentWhole(pct)) of committed)" }
            let history = before.compactMap { $0.values[.scopeCreepPercent] }
            if let pct = v[.scopeCreepPercent], history.count >= 2 {
                if pct > history.max()! { s += ", the highest in \(history.count + 1) \(noun)s" }
                if pct < history.min()! { s += ", the lowest in \(history.count + 1) \(noun)s" }
            }
            parts.append(s + ".")
        }
        return parts.joined(separator: " ")
    }
}

/// `part-latest`: the newest period against the ones before it.
final class LatestContext: TemplateContext {
    let id: String
    /// The period's label ("Sprint 14").
    let label: String
    let sentence: String
    /// The figures against the trailing median; nil when no period came before.
    let table: TableContext?

    init(id: String, label: String, sentence: String, table: TableContext?) {
        self.id = id
        self.label = label
        self.sentence = sentence
        self.table = table
    }

    static let fields: [String: @Sendable (LatestContext) -> Any] = [
        "id": { $0.id },
        "label": { $0.label },
        "sentence": { $0.sentence },
        "table": { orFalse($0.table) },
    ]
}
