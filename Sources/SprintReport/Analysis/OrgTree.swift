import Dispatch

/// The organisation tree of `metrics.md` §4, per computation mode.
///
/// Nodes are the root `[]` and every proper prefix of a team's path. A team whose path is
/// itself a node (other teams lie below it) is that node's **own rows**: it becomes a node
/// with `rolledUp == false` and is not listed among the teams. Every other team is a leaf;
/// rollups sum leaves only, so nothing is counted twice.
enum OrgTree {
    struct Result {
        /// Leaf teams (own-row teams removed), in input order.
        var teams: [TeamReport]
        var nodes: [NodeReport]
        var findings: [Finding]
    }

    static func build(_ teams: [TeamReport], data: DataSet, thresholds: BandThresholds) -> Result {
        var result = Result(teams: [], nodes: [], findings: [])
        for mode in ComputationMode.allCases {
            let inMode = teams.filter { $0.mode == mode }
            guard !inMode.isEmpty else { continue }
            let tree = Shape(inMode)
            result.teams += tree.leaves
            for path in tree.nodePaths.sorted(by: PathOrder.precedes) {
                let below = tree.leavesBelow[path, default: []]
                let children = tree.children[path, default: []].sorted(by: PathOrder.precedes)
                if let mine = tree.own[path]?.first {
                    result.nodes.append(NodeReport(path: path, mode: mode, rolledUp: false, teams: below.count,
                                                   summary: mine.summary, series: mine.series, children: children))
                    result.findings += compare(mine, children: children, tree: tree, data: data)
                } else {
                    var sums = MonthlySums()
                    for i in below { sums.add(tree.leafSums[i]) }
                    let rollup = Rollup(sums, mode: mode)
                    result.nodes.append(NodeReport(path: path, mode: mode, rolledUp: true, teams: below.count,
                                                   summary: rollup.summary(thresholds: thresholds),
                                                   series: rollup.months, children: children))
                }
            }
        }
        return result
    }

    /// The tree of one mode's teams, built in one pass over their paths.
    struct Shape {
        var nodePaths: Set<[String]> = [[]]
        /// Teams whose path is not a node, in input order.
        var leaves: [TeamReport] = []
        /// Teams whose path is a node: that node's own rows.
        var own: [[String]: [TeamReport]] = [:]
        /// Indexes into `leaves` of every leaf below a node.
        var leavesBelow: [[String]: [Int]] = [:]
        /// Direct children (node paths and leaf paths) of each node.
        var children: [[String]: Set<[String]>] = [:]
        /// Each leaf's months, summed once for all its ancestors.
        var leafSums: [MonthlySums] = []

        init(_ teams: [TeamReport]) {
            for t in teams {
                for k in 0..<t.team.path.count { nodePaths.insert(Array(t.team.path.prefix(k))) }
            }
            for t in teams {
                let path = t.team.path
                if nodePaths.contains(path), !path.isEmpty {
                    own[path, default: []].append(t)
                    continue
                }
                leaves.append(t)
                for k in 0..<max(path.count, 1) {  // a path-less team still counts under the root
                    leavesBelow[Array(path.prefix(k)), default: []].append(leaves.count - 1)
                }
            }
            leafSums = Self.monthlySums(leaves)
            for p in nodePaths where !p.isEmpty { children[Array(p.dropLast()), default: []].insert(p) }
            for t in leaves where !t.team.path.isEmpty {
                children[Array(t.team.path.dropLast()), default: []].insert(t.team.path)
            }
        }

        /// Each leaf's `MonthlySums`, in parallel chunks (each result in its leaf's slot).
        static func monthlySums(_ leaves: [TeamReport]) -> [MonthlySums] {
            var sums = [MonthlySums](repeating: MonthlySums(), count: leaves.count)
            let chunk = 64, n = leaves.count
            sums.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let out = out  // each index written by one task
                DispatchQueue.concurrentPerform(iterations: (n + chunk - 1) / chunk) { c in
                    for i in c * chunk..<min(n, (c + 1) * chunk) { out[i] = MonthlySums(team: leaves[i]) }
                }
            }
            return sums
        }

        /// The additive totals a child stands for: a node's own rows when it has them, else
        /// the sum of the leaves below it (or of the leaf teams at that path).
        func effectiveTotals(_ path: [String]) -> MetricValues {
            if let mine = own[path]?.first { return mine.summary.totals }
            let below = nodePaths.contains(path)
                ? leavesBelow[path, default: []].map { leaves[$0] }
                : leaves.filter { $0.team.path == path }
            return WindowSummarizer.totals(below.flatMap(\.series))
        }
    }

    /// A node with own rows against the sum of its children: one finding per additive metric
    /// present on both sides that disagrees.
    static func compare(_ node: TeamReport, children: [[String]], tree: Shape, data: DataSet) -> [Finding] {
        var sum = MetricValues()
        for child in children {
            let t = tree.effectiveTotals(child)
            for m in Metric.additive { if let v = t[m] { sum[m] = (sum[m] ?? 0) + v } }
        }
        let first = node.series.first?.source
        var findings: [Finding] = []
        for m in Metric.additive {
            guard let mine = node.summary.totals[m], let theirs = sum[m], !Tolerance.agree(mine, theirs) else {
                continue
            }
            findings.append(Finding(kind: .parentRollupMismatch, file: first.map { data.fileName($0) },
                                    line: first.map { Int($0.line) }, team: node.team.name, period: nil,
                                    message: "\(node.team.pathString)'s own \(m.rawValue) total is "
                                        + "\(NumberFormat.plain(mine)) but its children add up to "
                                        + "\(NumberFormat.plain(theirs))"))
        }
        return findings
    }
}

/// Order of paths: element by element, a parent before its children (the root `[]` first).
public enum PathOrder {
    public static func precedes(_ a: [String], _ b: [String]) -> Bool {
        a.lexicographicallyPrecedes(b)
    }
}
