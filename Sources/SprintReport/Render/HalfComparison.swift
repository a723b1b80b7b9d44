/// The headline figures of the newer half of a series against the older half: the
/// "▲ 6 pp vs previous half" line of each tile.
///
/// The window's periods are split in two equal halves (the middle period of an odd count
/// belongs to neither); each half's figures are ratio-of-sums as in `docs/metrics.md#a-teams-figures` (described in `docs/metrics.md#figures-on-the-pages`), so they
/// compare like with like. Needs at least 2 periods.
struct HalfComparison {
    struct Figures {
        var velocity: Double?
        var sayDo: Double?
        var creep: Double?
        var delivered: Double?
        var cv: Double?

        func value(_ figure: TileFigure) -> Double? {
            switch figure {
            case .velocity: velocity
            case .sayDo: sayDo
            case .creep: creep
            case .delivered: delivered
            case .cv: cv
            case .forecast: nil
            }
        }
    }

    let previous: Figures
    let recent: Figures
    /// What the recent figures are compared with: "previous half", "baseline 2025-07-01 to 2025-09-30".
    let against: String

    /// The window's figures against those of the baseline window (`--compare`).
    init(baseline: WindowSummary, current: WindowSummary, window: String) {
        func figures(_ s: WindowSummary) -> Figures {
            Figures(velocity: s.velocity, sayDo: s.sayDoPercent, creep: s.scopeCreepPercent,
                    delivered: s.totalDeliveredPercent, cv: s.coefficientOfVariation)
        }
        previous = figures(baseline)
        recent = figures(current)
        against = "baseline " + window
    }

    /// - Parameter teamsBelow: for a rolled-up node, its teams: velocity is then ΣD per
    ///   team-sprint of each half's months, as the node's own velocity (`docs/metrics.md#rolled-up-groups`).
    init?(_ points: [SeriesPoint], teamsBelow: [TeamReport]? = nil) {
        let used = points.filter { !$0.values.isEmpty }
        let half = used.count / 2
        guard half >= 1 else { return nil }
        previous = HalfComparison.figures(used.prefix(half), teamsBelow: teamsBelow)
        recent = HalfComparison.figures(used.suffix(half), teamsBelow: teamsBelow)
        against = "previous half"
    }

    /// ΣD / number of team-sprints (a team-level row counts as its sprint count) in the
    /// team periods whose month is one of `points`' months. The teams' rows are read where
    /// they are: copying every period below the top node into one array cost ≈ 440 MB on an
    /// org of 1.56 M rows, per page being rendered.
    static func velocityPerTeamSprint(_ points: ArraySlice<SeriesPoint>, _ teams: [TeamReport]) -> Double? {
        let months = Set(points.compactMap { $0.period.alignmentDay?.monthStart })
        // A day before the first month or from the month after the last one is in none of
        // them: two comparisons instead of its month's start and a hash, for the rows of the
        // other half (every row below the node is read for each half).
        let first = months.min()?.daysSinceEpoch ?? .max
        let after = months.max().flatMap { last -> Int32? in
            let (y, m, _) = last.components
            return (m == 12 ? Day(year: y + 1, month: 1, day: 1) : Day(year: y, month: m + 1, day: 1))?.daysSinceEpoch
        } ?? .max
        func inMonths(_ day: Day?) -> Bool {
            guard let day, day.daysSinceEpoch >= first, day.daysSinceEpoch < after else { return false }
            return months.contains(day.monthStart)
        }
        var sum = 0.0, anyDelivered = false, sprints = 0
        func add<P: WindowRow>(_ rows: [P], level: RowLevel) {
            for p in rows where inMonths(p.period.alignmentDay) {
                if let d = p.values[.totalWorkDelivered] {
                    sum += d
                    anyDelivered = true
                }
                sprints += p.sprintCount(level: level) ?? 1
            }
        }
        for t in teams {
            switch t.points {
            case let .rows(rows): add(rows, level: t.level)
            case let .points(points): add(points, level: t.level)
            }
        }
        guard anyDelivered else { return nil }
        return sprints > 0 ? sum / Double(sprints) : nil
    }

    /// Ratio-of-sums figures over some periods.
    static func figures(_ points: ArraySlice<SeriesPoint>, teamsBelow: [TeamReport]? = nil) -> Figures {
        func sum(_ m: Metric) -> Double? {
            let xs = points.compactMap { $0.values[m] }
            return xs.isEmpty ? nil : xs.reduce(0, +)
        }
        func ratio(_ a: Double?, _ b: Double?) -> Double? {
            guard let a, let b, b != 0 else { return nil }
            return 100 * a / b
        }
        let d = points.compactMap { $0.values[.totalWorkDelivered] }
        var f = Figures()
        let counts = points.filter { $0.values[.totalWorkDelivered] != nil }.map(\.sprintCount)
        if let teamsBelow {
            f.velocity = velocityPerTeamSprint(points, teamsBelow)
        } else if !d.isEmpty {
            if counts.allSatisfy({ ($0 ?? 0) > 0 }) {
                f.velocity = d.reduce(0, +) / Double(counts.reduce(0) { $0 + ($1 ?? 0) })
            } else {
                f.velocity = d.reduce(0, +) / Double(d.count)
            }
        }
        let c = sum(.sprintCommit)
        f.sayDo = ratio(sum(.deliveredCommit), c)
        f.creep = ratio(sum(.sprintCreep), c)
        f.delivered = ratio(sum(.totalWorkDelivered), sum(.sprintSize))
        if d.count >= 2 {
            let mean = d.reduce(0, +) / Double(d.count)
            let variance = d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(d.count - 1)
            if mean != 0 { f.cv = variance.squareRoot() / mean }
        }
        return f
    }

    /// The change line for a tile, or nil when either side lacks the figure. Up or down in
    /// words, and better or worse for a figure with a better side (`ComparedFigure.higherIsBetter`:
    /// for scope creep and CV, down is better).
    func change(_ figure: TileFigure, mode: ComputationMode) -> ChangeContext? {
        guard let old = previous.value(figure), let new = recent.value(figure) else { return nil }
        let diff = new - old
        let text: String
        let shown: String
        switch figure {
        case .sayDo, .creep, .delivered:
            shown = NumberFormat.fixed(abs(diff), 0)
            text = "\(shown) pp"
        case .cv:
            shown = NumberFormat.ratio(abs(diff))
            text = shown
        case .velocity, .forecast:
            shown = NumberFormat.amount(abs(diff))
            text = "\(shown) \(mode.shortUnit)"
        }
        let zero = Double(shown.replacingOccurrences(of: ",", with: "")) == 0
        if zero { return ChangeContext(arrow: "=", text: "no change vs \(against)", verdict: nil) }
        let verdict = figure.compared?.higherIsBetter.map { (diff > 0) == $0 ? "better" : "worse" }
        return ChangeContext(arrow: diff > 0 ? "▲" : "▼",
                             text: "\(diff > 0 ? "up" : "down") \(text)\(verdict.map { ", \($0)," } ?? "") vs \(against)",
                             verdict: verdict)
    }
}
