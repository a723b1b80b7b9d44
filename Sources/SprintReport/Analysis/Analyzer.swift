import Dispatch

/// Computes the `Report` from a `DataSet` (`docs/metrics.md`): identities per period, window
/// summaries per team and mode, the org tree, bands and findings.
public enum Analyzer {
    /// Teams are analysed in parallel, `chunkSize` series per task; each result goes to its
    /// series' slot, so the report is the same whatever the chunking or thread count. The
    /// data set is consumed: each series' rows move into its `TeamReport` (`TeamPoints`), so
    /// the report holds the input's rows and no second per-row copy of them.
    public static func analyze(_ data: consuming DataSet, window: Window = Window(),
                               thresholds: BandThresholds = .defaults, chunkSize: Int = 64) -> Report {
        // Take the series out of the consumed data set (no copy of it kept alive), so that
        // releasing each series' rows below really frees them.
        var series: [TeamSeries] = []
        swap(&series, &data.series)
        let (teams, analysed) = analyzeAll(&series, files: data.inputs.map(\.path), window: window,
                                           thresholds: thresholds, chunkSize: max(1, chunkSize))
        series = []
        var findings = data.findings
        var first: Day?, last: Day?
        for result in analysed {
            findings += result.findings
            if let d = result.coverage.first { first = min(first ?? d, d) }
            if let d = result.coverage.last { last = max(last ?? d, d) }
        }
        let tree = OrgTree.build(teams, data: data, thresholds: thresholds)
        findings += tree.findings
        // Teams mostly come in this order already: then the array is kept (a sorted copy
        // would copy every report).
        let sortedTeams = TeamOrder.isOrdered(tree.teams) ? tree.teams : tree.teams.sorted(by: TeamOrder.precedes)
        // Nodes come in path order within a mode (`OrgTree.build`): with one mode, in order
        // already, and then kept (sorting copied every node).
        let nodes = tree.nodes
        let nodesInOrder = nodes.indices.dropFirst().allSatisfy { i in
            !NodeOrder.precedes((nodes[i].path, nodes[i].mode), (nodes[i - 1].path, nodes[i - 1].mode))
        }
        let sortedNodes = nodesInOrder ? nodes
            : nodes.sorted { a, b in NodeOrder.precedes((a.path, a.mode), (b.path, b.mode)) }
        return Report(window: window, coverage: (first, last), inputs: data.inputs,
                      extraMetrics: data.extraMetrics, teams: sortedTeams, nodes: sortedNodes,
                      findings: findings.sorted(by: Finding.ordered), thresholds: thresholds)
    }

    /// `TeamAnalysis` of every series: the reports made, in series order, and each series'
    /// findings and the days its report covers (`coverage(of:)`, as the analysis gives it);
    /// each series' rows moved into its report, and the series left empty.
    static func analyzeAll(_ series: inout [TeamSeries], files: [String], window: Window,
                           thresholds: BandThresholds, chunkSize: Int)
        -> (teams: [TeamReport], analysed: [(findings: [Finding], coverage: (first: Day?, last: Day?))]) {
        let n = series.count
        // What each analysed series is left as: its team's references are released here, in
        // parallel, while they are in the cache (released with the array afterwards, they
        // were a pass over every team on one core while the other waited).
        let emptied = TeamSeries(team: Team(key: "", name: "", path: []), mode: .storyPoints, level: .sprint,
                                 rows: [])
        var analysed = [(findings: [Finding], coverage: (first: Day?, last: Day?))](repeating: ([], (nil, nil)),
                                                                                      count: n)
        let teams = series.withUnsafeMutableBufferPointer { input in
            analysed.withUnsafeMutableBufferPointer { output in
                nonisolated(unsafe) let input = input, output = output  // each index used by exactly one task
                return ParallelChunks.compactMap(n, size: chunkSize) { i in
                    let result = TeamAnalysis.analyze(&input[i], files: files, window: window, thresholds: thresholds)
                    input[i] = emptied
                    output[i] = (result.findings, result.coverage)
                    return result.report
                }
            }
        }
        return (teams, analysed)
    }

    /// First and last day the window's periods cover (start, else end; end, else start).
    static func coverage(of teams: [TeamReport]) -> (first: Day?, last: Day?) {
        var first: Day?, last: Day?
        for t in teams {
            let c = coverage(of: t)
            if let d = c.first { first = min(first ?? d, d) }
            if let d = c.last { last = max(last ?? d, d) }
        }
        return (first, last)
    }

    /// The same for one team (the first and last of teams' are those of all their periods).
    static func coverage(of t: TeamReport) -> (first: Day?, last: Day?) {
        var first: Day?, last: Day?
        switch t.points {
        case let .rows(r): cover(r, &first, &last)
        case let .points(p): cover(p, &first, &last)
        }
        return (first, last)
    }

    private static func cover<P: WindowRow>(_ points: [P], _ first: inout Day?, _ last: inout Day?) {
        for p in points { cover(p.period, &first, &last) }
    }

    /// One period's share of a coverage. (`TeamAnalysis` takes each row's as it keeps it:
    /// `AnalysisTeamTotalsTests` compares that with `coverage(of:)`.)
    @inline(__always)
    static func cover(_ period: borrowing Period, _ first: inout Day?, _ last: inout Day?) {
        if let d = period.start ?? period.windowDay { first = min(first ?? d, d) }
        if let d = period.end ?? period.windowDay { last = max(last ?? d, d) }
    }
}

/// Order of nodes in a report: by path (`PathOrder`), then mode.
enum NodeOrder {
    @inline(__always)
    static func precedes(_ a: (path: [String], mode: ComputationMode), _ b: (path: [String], mode: ComputationMode))
        -> Bool {
        a.path != b.path ? PathOrder.precedes(a.path, b.path) : a.mode < b.mode
    }
}

/// Order of teams in a report: as nodes (`NodeOrder`), then by key.
enum TeamOrder {
    @inline(__always)
    static func precedes(_ a: borrowing TeamReport, _ b: borrowing TeamReport) -> Bool {
        precedes((a.team.path, a.mode, a.team.key), (b.team.path, b.mode, b.team.key))
    }

    /// The order on the three fields it reads.
    @inline(__always)
    static func precedes(_ a: (path: [String], mode: ComputationMode, key: String),
                         _ b: (path: [String], mode: ComputationMode, key: String)) -> Bool {
        if a.path != b.path || a.mode != b.mode { return NodeOrder.precedes((a.path, a.mode), (b.path, b.mode)) }
        return a.key < b.key
    }

    /// Whether no team precedes the one before it, checked in parallel chunks (reading a
    /// report's path is mostly a cache miss) on the fields in place (a report taken as an
    /// argument was a copy of it, a reference count up and down on each of its parts).
    static func isOrdered(_ teams: [TeamReport]) -> Bool {
        let n = teams.count, chunk = 1024
        var ordered = [Bool](repeating: true, count: ParallelChunks.count(n, size: chunk))
        teams.withUnsafeBufferPointer { t in
            ordered.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let t = t, out = out  // each chunk's slot written by its task
                ParallelChunks.forEach(n, size: chunk) { c, indexes in
                    out[c] = (max(1, indexes.lowerBound)..<indexes.upperBound).allSatisfy { i in
                        !precedes((t[i].team.path, t[i].mode, t[i].team.key), (t[i - 1].team.path, t[i - 1].mode,
                                                                               t[i - 1].team.key))
                    }
                }
            }
        }
        return !ordered.contains(false)
    }
}
