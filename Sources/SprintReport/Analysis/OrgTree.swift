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
            // One mode's teams: the array itself when it holds no other (no copy of a report).
            // Found by index: `allSatisfy` and `filter` took each report as a copy, a
            // reference count up and down on each of its parts.
            let mine = teams.indices.filter { teams[$0].mode == mode }
            guard !mine.isEmpty else { continue }
            let inMode = mine.count == teams.count ? teams : mine.map { teams[$0] }
            let tree = Shape(inMode)
            var rollups = tree.rolledUpSums()
            if tree.leaves.count == inMode.count, result.teams.isEmpty {
                result.teams = inMode  // every team a leaf: the same array, in the same order
            } else {
                result.teams += tree.leaves.map { inMode[$0] }
            }
            // Each node's report on its own (in parallel), into its slot: the same nodes and
            // findings, in the same order, whatever the thread count.
            let paths = tree.nodePaths.sorted(by: PathOrder.precedes)
            var made = [(node: NodeReport, findings: [Finding])?](repeating: nil, count: paths.count)
            made.withUnsafeMutableBufferPointer { out in
                rollups.withUnsafeMutableBufferPointer { sums in
                    // Each index written by one task; each node's sums taken by the one task
                    // that makes the node (freed as its report is made, as the tree's memory
                    // would otherwise hold every node's sums and series at once).
                    nonisolated(unsafe) let out = out, sums = sums
                    let chunk = 16
                    ParallelChunks.forEach(paths.count, size: chunk) { _, indexes in
                        for i in indexes {
                            var mine = MonthlySums()
                            if let n = tree.nodeIndex[paths[i]] { swap(&mine, &sums[n]) }
                            out[i] = node(paths[i], mode: mode, tree: tree, sums: mine, data: data,
                                          thresholds: thresholds)
                        }
                    }
                }
            }
            for case let (node, findings)? in made {
                result.nodes.append(node)
                result.findings += findings
            }
        }
        return result
    }

    /// The report of the node at `path`: its own rows when it has them (compared with its
    /// children), else the rollup of the leaves below it.
    private static func node(_ path: [String], mode: ComputationMode, tree: Shape, sums: consuming MonthlySums,
                             data: DataSet, thresholds: BandThresholds) -> (node: NodeReport, findings: [Finding]) {
        let below = tree.leavesBelow(path).count
        let children = tree.children(path)
        if let mine = tree.own[path]?.first {
            return (NodeReport(path: path, mode: mode, rolledUp: false, teams: below, summary: mine.summary,
                               series: mine.series, children: children),
                    compare(mine, children: children, tree: tree, data: data))
        }
        let rollup = Rollup(sums, mode: mode)
        return (NodeReport(path: path, mode: mode, rolledUp: true, teams: below,
                           summary: rollup.summary(thresholds: thresholds), series: rollup.months,
                           children: children), [])
    }

    /// The tree of one mode's teams, built from their paths.
    struct Shape: Sendable {
        var nodePaths: Set<[String]> = [[]]
        /// The mode's teams, and the indexes of those whose path is not a node (the leaves),
        /// in input order.
        let teams: [TeamReport]
        var leaves: [Int] = []
        /// Teams whose path is a node: that node's own rows.
        var own: [[String]: [TeamReport]] = [:]
        /// Each node's number, and per number the indexes into `leaves` of every leaf below it.
        var nodeIndex: [[String]: Int] = [:]
        private var below: [[Int]] = []
        /// Per leaf, the numbers of the nodes it lies below (root first): `ancestors[i]`
        /// runs over `ancestorList[ancestorStart[i] ..< ancestorStart[i + 1]]`.
        private var ancestorList: [Int32] = []
        private var ancestorStart: [Int] = [0]
        /// Direct children of each node, by node number: node paths, and leaf teams (indexes
        /// into `teams`; their paths are read when a node's children are, in parallel), unsorted
        /// and possibly repeated (two leaf teams at one path): `children(_:)` sorts them.
        private var childNodes: [[[String]]] = []
        private var childTeams: [[Int]] = []

        /// The nodes are found, and each team placed under its parent node, in parallel chunks
        /// of teams (reading a team's path is mostly a cache miss, and hashing it the rest);
        /// only joining the chunks' results is serial, in team order, so the shape is the same
        /// whatever the thread count.
        init(_ teams: [TeamReport]) {
            self.teams = teams
            let n = teams.count, chunk = 512
            // Every proper prefix of a team's path is a node: each chunk's prefixes, then
            // their union.
            var prefixes = [Set<[String]>](repeating: [], count: ParallelChunks.count(n, size: chunk))
            prefixes.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let out = out  // each chunk's slot written by its task
                ParallelChunks.forEach(n, size: chunk) { c, indexes in out[c] = Self.properPrefixes(teams, indexes) }
            }
            for set in prefixes { nodePaths.formUnion(set) }
            for p in nodePaths {
                nodeIndex[p] = nodeIndex.count
            }
            // Per node number, the numbers of the nodes above it (its proper prefixes), root first.
            var chains = [[Int32]](repeating: [], count: nodeIndex.count)
            for (p, number) in nodeIndex {
                chains[number] = (0..<p.count).compactMap { k in nodeIndex[Array(p.prefix(k))].map(Int32.init) }
            }
            // Per team, the number of the node it hangs from (its path without the last element;
            // the root for a path-less team), or −1 when its path is itself a node (own rows).
            var parents = [Int32](repeating: -1, count: n)
            let paths = nodePaths, numbers = nodeIndex  // for the tasks (not `self`, still being made)
            let root = numbers[[]] ?? 0
            parents.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let out = out  // each index written by one task
                ParallelChunks.forEach(n, size: chunk) { _, indexes in
                    for i in indexes {
                        let path = teams[i].team.path
                        if !path.isEmpty, paths.contains(path) { continue }
                        out[i] = Int32(path.isEmpty ? root : numbers[Array(path.dropLast())] ?? root)
                    }
                }
            }
            below = [[Int]](repeating: [], count: nodeIndex.count)
            childNodes = [[[String]]](repeating: [], count: nodeIndex.count)
            childTeams = [[Int]](repeating: [], count: nodeIndex.count)
            for index in teams.indices {
                let parent = parents[index]
                guard parent >= 0 else {
                    own[teams[index].team.path, default: []].append(teams[index])
                    continue
                }
                leaves.append(index)
                // The ancestors (a path-less team still counts under the root): those of its
                // parent node, then that node.
                ancestorList += chains[Int(parent)]
                ancestorList.append(parent)
                ancestorStart.append(ancestorList.count)
                for a in ancestors(leaves.count - 1) { below[Int(a)].append(leaves.count - 1) }
                childTeams[Int(parent)].append(index)
            }
            for (p, number) in nodeIndex where !p.isEmpty {
                if let parent = chains[number].last { childNodes[Int(parent)].append(p) }
            }
        }

        /// The proper prefixes of the paths of `teams[range]`. Teams come grouped by path, so
        /// a path mostly shares its first elements with the one before: those prefixes are
        /// known already (no array made or hashed).
        private static func properPrefixes(_ teams: [TeamReport], _ range: Range<Int>) -> Set<[String]> {
            var set = Set<[String]>()
            var previous: [String]?
            for index in range {  // by index, not `for t in teams`, which copies each report
                let path = teams[index].team.path
                var k = 0
                if let previous {
                    var common = 0
                    while common < path.count, common < previous.count, path[common] == previous[common] { common += 1 }
                    k = min(common, previous.count - 1) + 1  // prefixes of `previous` up to that length are in
                    if previous.isEmpty { k = 0 }
                }
                while k < path.count {
                    set.insert(Array(path.prefix(k)))
                    k += 1
                }
                previous = path
            }
            return set
        }

        /// The direct children of the node at `path` (node paths and leaf paths), each once,
        /// in path order; none for a path that is not a node.
        func children(_ path: [String]) -> [[String]] {
            guard let n = nodeIndex[path] else { return [] }
            // A path-less team hangs from the root but is not a child of it. (A loop, not a
            // closure over `teams`, which copied the whole shape.)
            var paths = childNodes[n]
            for t in childTeams[n] where !teams[t].team.path.isEmpty { paths.append(teams[t].team.path) }
            var out: [[String]] = []
            for p in paths.sorted(by: PathOrder.precedes) where out.last != p { out.append(p) }
            return out
        }

        /// Indexes into `leaves` of every leaf below the node at `path` (none for a path that
        /// is not a node).
        func leavesBelow(_ path: [String]) -> [Int] {
            nodeIndex[path].map { below[$0] } ?? []
        }

        /// The numbers of the nodes leaf `i` lies below.
        func ancestors(_ i: Int) -> ArraySlice<Int32> { ancestorList[ancestorStart[i]..<ancestorStart[i + 1]] }

        /// The monthly sums of every node without own rows, by node number (empty for a node
        /// with own rows): each leaf's months summed once (in parallel, a batch of leaves at a
        /// time) and added to each such ancestor in leaf order, so each node's sums are those
        /// of adding its leaves one by one. The additions are split among tasks by node (each
        /// node's sums are made by one task, leaf after leaf), balanced by the leaves each node
        /// has below it. Two batches of leaf sums exist at a time (a leaf's are ≈ 7 KB).
        func rolledUpSums() -> [MonthlySums] {
            var sums = [MonthlySums](repeating: MonthlySums(), count: nodeIndex.count)
            var rolled = [Bool](repeating: false, count: nodeIndex.count)
            for (path, n) in nodeIndex where own[path] == nil { rolled[n] = true }
            // Each rolled-up node to a task, the largest first, each to the least loaded task.
            let tasks = min(8, max(1, nodeIndex.count))
            var task = [Int](repeating: -1, count: nodeIndex.count)
            var load = [Int](repeating: 0, count: tasks)
            // (By the counts: a comparison reading `below` copied the whole shape, a reference
            // count up and down on each of its parts.)
            let counts = below.map(\.count)
            for n in (0..<nodeIndex.count).sorted(by: { (counts[$0], $0) > (counts[$1], $1) }) where rolled[n] {
                let t = load.indices.min { (load[$0], $0) < (load[$1], $1) } ?? 0
                task[n] = t
                load[t] += counts[n]
            }
            // Two batches' leaf sums, used in turn: while the tasks add one batch's into the
            // nodes, the next batch's are made beside them in chunks, in the same parallel
            // round. One join per batch, and the chunks fill in around the tasks (one task
            // adds every leaf into the root) instead of each kind of work waiting for the other.
            let batch = 512, chunk = 64
            // Batch b's sums are those from (b mod 2) · room on.
            let room = min(batch, leaves.count)
            var parts = [MonthlySums](repeating: MonthlySums(), count: 2 * room)
            let batches = ParallelChunks.count(leaves.count, size: batch), owner = task
            sums.withUnsafeMutableBufferPointer { out in
                parts.withUnsafeMutableBufferPointer { parts in
                    // Each node's slot written by one task; each batch slot by one chunk,
                    // and read only in the next round.
                    nonisolated(unsafe) let out = out, parts = parts
                    for round in 0...batches {
                        // Round r adds batch r − 1's sums (from round 1) and makes batch r's
                        // (up to the last batch).
                        let added = round == 0 ? 0..<0
                            : ParallelChunks.indexes(ofChunk: round - 1, count: leaves.count, size: batch)
                        let made = ParallelChunks.indexes(ofChunk: round, count: leaves.count, size: batch)
                        // Where batch r − 1's sums are (as batch r + 1's) and where batch r's go.
                        let from = (round + 1) % 2 * room, into = round % 2 * room
                        let add: @Sendable (Int) -> Void = { t in
                            guard let base = parts.baseAddress else { return }
                            let part = base + from
                            for i in added {
                                // Each leaf's sums read in place (`MonthlySums.add`).
                                for n in ancestors(i) where owner[Int(n)] == t {
                                    out[Int(n)].add(part + (i - added.lowerBound))
                                }
                            }
                        }
                        let make: @Sendable (Int, Range<Int>) -> Void = { _, indexes in
                            for i in indexes {
                                let team = leaves[made.lowerBound + i]
                                parts[into + i].refill(teams[team].points, level: teams[team].level)
                            }
                        }
                        ParallelChunks.forEach(made.count, size: chunk, alongside: round > 0 ? tasks : 0, add, make)
                    }
                }
            }
            return sums
        }

        /// The additive totals a child stands for: a node's own rows when it has them, else
        /// the sum of the leaves below it (or of the leaf teams at that path).
        func effectiveTotals(_ path: [String]) -> MetricValues {
            if let mine = own[path]?.first { return mine.summary.totals }
            let below = nodePaths.contains(path)
                ? leavesBelow(path).map { teams[leaves[$0]] }
                : leaves.map { teams[$0] }.filter { $0.team.path == path }
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
