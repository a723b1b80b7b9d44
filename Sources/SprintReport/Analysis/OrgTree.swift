import Dispatch

/// The organisation tree of `docs/metrics.md#groups-and-the-organisation`, per computation mode.
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
            var rollups = tree.rolledUpSums()
            result.teams += tree.leaves
            for path in tree.nodePaths.sorted(by: PathOrder.precedes) {
                let below = tree.leavesBelow[path, default: []]
                let children = tree.children[path, default: []].sorted(by: PathOrder.precedes)
                if let mine = tree.own[path]?.first {
                    result.nodes.append(NodeReport(path: path, mode: mode, rolledUp: false, teams: below.count,
                                                   summary: mine.summary, series: mine.series, children: children))
                    result.findings += compare(mine, children: children, tree: tree, data: data)
                } else {
                    let rollup = Rollup(rollups.removeValue(forKey: path) ?? MonthlySums(), mode: mode)
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
            for p in nodePaths where !p.isEmpty { children[Array(p.dropLast()), default: []].insert(p) }
            for t in leaves where !t.team.path.isEmpty {
                children[Array(t.team.path.dropLast()), default: []].insert(t.team.path)
            }
        }

        /// The monthly sums of every node without own rows: each leaf's months summed once
        /// (in parallel, a batch of leaves at a time) and added to each such ancestor in leaf
        /// order, so each node's sums are those of adding its leaves one by one. Only one
        /// batch of leaf sums exists at a time (a leaf's are ≈ 10 KB).
        func rolledUpSums() -> [[String]: MonthlySums] {
            var nodes: [[String]] = []
            var id: [[String]: Int] = [:]
            for path in nodePaths where own[path] == nil {
                id[path] = nodes.count
                nodes.append(path)
            }
            var sums = [MonthlySums](repeating: MonthlySums(), count: nodes.count)
            let batch = 1024, chunk = 64
            var start = 0
            while start < leaves.count {
                let end = min(leaves.count, start + batch)
                let part = Self.monthlySums(leaves[start..<end], chunk: chunk)
                for i in start..<end {
                    let path = leaves[i].team.path
                    for k in 0..<max(path.count, 1) {  // the ancestors that `leavesBelow` lists
                        if let n = id[Array(path.prefix(k))] { sums[n].add(part[i - start]) }
                    }
                }
                start = end
            }
            var out: [[String]: MonthlySums] = [:]
            for (n, path) in nodes.enumerated() { out[path] = sums[n] }
            return out
        }

        /// Each leaf's `MonthlySums`, in parallel chunks (each result in its leaf's slot).
        static func monthlySums(_ leaves: ArraySlice<TeamReport>, chunk: Int) -> [MonthlySums] {
            var sums = [MonthlySums](repeating: MonthlySums(), count: leaves.count)
            let n = leaves.count, base = leaves.startIndex
            sums.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let out = out  // each index written by one task
                DispatchQueue.concurrentPerform(iterations: (n + chunk - 1) / chunk) { c in
                    for i in c * chunk..<min(n, (c + 1) * chunk) { out[i] = MonthlySums(team: leaves[base + i]) }
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
            var sum = MetricSlots()  // one running sum over every point, in order
            for t in below {
                switch t.points {
                case let .rows(r): for p in r { sum.add(p.values, of: .additive) }
                case let .points(p): for p in p { sum.add(p.values, of: .additive) }
                }
            }
            return MetricValues(slots: sum)
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
        let first: SourceRef? = switch node.points {
        case let .rows(r): r.first?.source
        case let .points(p): p.first?.source
        }
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
