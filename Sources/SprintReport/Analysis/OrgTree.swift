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
            var nodePaths = Set<[String]>([[]])
            for t in inMode where !t.team.path.isEmpty {
                for k in 0..<t.team.path.count { nodePaths.insert(Array(t.team.path.prefix(k))) }
            }
            let leaves = inMode.filter { !nodePaths.contains($0.team.path) }
            let own = Dictionary(grouping: inMode.filter { nodePaths.contains($0.team.path) }, by: \.team.path)
            result.teams += leaves
            for path in nodePaths.sorted(by: PathOrder.precedes) {
                let below = leaves.filter { $0.team.path.starts(with: path) }
                let children = childPaths(of: path, nodes: nodePaths, leaves: leaves)
                let node: NodeReport
                if let mine = own[path]?.first {
                    node = NodeReport(path: path, mode: mode, rolledUp: false, teams: below.count,
                                      summary: mine.summary, series: mine.series, children: children)
                    result.findings += compare(mine, children: children, nodes: nodePaths, own: own,
                                               leaves: leaves, data: data)
                } else {
                    let rollup = Rollup(teams: below)
                    node = NodeReport(path: path, mode: mode, rolledUp: true, teams: below.count,
                                      summary: rollup.summary(thresholds: thresholds), series: rollup.months,
                                      children: children)
                }
                result.nodes.append(node)
            }
        }
        return result
    }

    /// Direct children (nodes and leaf teams) of `path`, sorted.
    static func childPaths(of path: [String], nodes: Set<[String]>, leaves: [TeamReport]) -> [[String]] {
        let candidates = Set(nodes.filter { $0.count == path.count + 1 && $0.starts(with: path) })
            .union(leaves.map(\.team.path).filter { $0.count == path.count + 1 && $0.starts(with: path) })
        return candidates.sorted(by: PathOrder.precedes)
    }

    /// The additive totals a child stands for: a node's own rows when it has them, else the
    /// sum of the leaves below it (or the leaf teams at that path).
    static func effectiveTotals(_ path: [String], nodes: Set<[String]>, own: [[String]: [TeamReport]],
                                leaves: [TeamReport]) -> MetricValues {
        if let mine = own[path]?.first { return mine.summary.totals }
        let below = nodes.contains(path)
            ? leaves.filter { $0.team.path.starts(with: path) }
            : leaves.filter { $0.team.path == path }
        return WindowSummarizer.totals(below.flatMap(\.series))
    }

    /// A node with own rows against the sum of its children: one finding per additive metric
    /// present on both sides that disagrees.
    static func compare(_ node: TeamReport, children: [[String]], nodes: Set<[String]>,
                        own: [[String]: [TeamReport]], leaves: [TeamReport], data: DataSet) -> [Finding] {
        var sum = MetricValues()
        for child in children {
            let t = effectiveTotals(child, nodes: nodes, own: own, leaves: leaves)
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
                                    message: "\(node.team.pathString): own \(m.rawValue) total is "
                                        + "\(FindingNumber.text(mine)) but its children add up to "
                                        + "\(FindingNumber.text(theirs))"))
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
