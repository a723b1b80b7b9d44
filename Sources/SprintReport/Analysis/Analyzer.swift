/// Computes the `Report` from a `DataSet` (`metrics.md`): identities per period, window
/// summaries per team and mode, the org tree, bands and findings.
public enum Analyzer {
    public static func analyze(_ data: DataSet, window: Window = Window(),
                               thresholds: BandThresholds = .defaults) -> Report {
        var findings = data.findings
        var teams: [TeamReport] = []
        for series in data.series {
            let (report, found) = TeamAnalysis.analyze(series, in: data, window: window, thresholds: thresholds)
            findings += found
            if let report { teams.append(report) }
        }
        let tree = OrgTree.build(teams, data: data, thresholds: thresholds)
        findings += tree.findings
        let sortedTeams = tree.teams.sorted { a, b in
            if a.team.path != b.team.path { return PathOrder.precedes(a.team.path, b.team.path) }
            if a.mode != b.mode { return a.mode < b.mode }
            return a.team.key < b.team.key
        }
        let sortedNodes = tree.nodes.sorted { a, b in
            a.path != b.path ? PathOrder.precedes(a.path, b.path) : a.mode < b.mode
        }
        return Report(window: window, coverage: coverage(of: teams), inputs: data.inputs,
                      extraMetrics: data.extraMetrics, teams: sortedTeams, nodes: sortedNodes,
                      findings: findings.sorted(by: Finding.ordered), thresholds: thresholds)
    }

    /// First and last day the window's periods cover (start, else end; end, else start).
    static func coverage(of teams: [TeamReport]) -> (first: Day?, last: Day?) {
        var first: Day?, last: Day?
        for t in teams {
            for p in t.series {
                if let d = p.period.start ?? p.period.windowDay { first = min(first ?? d, d) }
                if let d = p.period.end ?? p.period.windowDay { last = max(last ?? d, d) }
            }
        }
        return (first, last)
    }
}
