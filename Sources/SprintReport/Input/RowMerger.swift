import Dispatch

/// Merges the rows of all inputs (`docs/input-format.md#several-files`): extra metrics
/// aligned across files, duplicates dropped (identical) or resolved in favour of the later
/// file and row (conflicting, with a finding), rows in period order, series in team-path order.
struct RowMerger {
    let store: RowStore
    let inputs: [InputSummary]
    let extras: [[FileExtra]]

    func dataSet() -> DataSet {
        // Extra metrics: numeric ones, by normalised name, in order of appearance.
        var names: [String] = []
        var index: [String: Int] = [:]
        var fileMaps: [[Int?]] = []
        for fileExtras in extras {
            var map: [Int?] = []
            for e in fileExtras {
                guard e.numeric else { map.append(nil); continue }
                if let i = index[e.normalized] {
                    map.append(i)
                } else {
                    index[e.normalized] = names.count
                    map.append(names.count)
                    names.append(e.name)
                }
            }
            fileMaps.append(map)
        }
        let anyExtras = !names.isEmpty || extras.contains { !$0.isEmpty }
        // Rows analysed while read (`EarlyAnalysis`) are given back wherever the merge may
        // change them: extras to align, several files, a renamed or moved team.
        if anyExtras || inputs.count != 1 {
            for k in store.buckets.indices { store.restoreEarly(k) }
        } else {
            for t in store.identities.keys {
                let b = store.teams[Int(t)].buckets
                for k in [b.0, b.1, b.2, b.3] where k >= 0 { store.restoreEarly(Int(k)) }
            }
        }
        var findings = store.findings
        let renamed = latestIdentities(findings: &findings)
        // Each bucket on its own, in parallel chunks: its series and findings go to its slot.
        // The findings are gathered in bucket order (then sorted) and the series taken in
        // `order`, so the result is that of one bucket after another, then the sort.
        // Beside the chunks, one more task puts the buckets in the order of the series
        // (`order(of:)`, by what each bucket's series will be named): the longest part of the
        // merge, which sorted the series once made, on one core while the other waited.
        // A bucket without rows makes no series: leaving it out of the order after the sort
        // leaves the others as sorting them alone would.
        let count = store.buckets.count, chunk = 64, extraCount = names.count, maps = fileMaps
        let parts = store.buckets.map { (team: $0.team, mode: $0.mode, level: $0.level) }
        var (made, order) = store.buckets.withUnsafeMutableBufferPointer { buckets in
            nonisolated(unsafe) let buckets = buckets, merger = self  // one task per index
            return ParallelChunks.map(count, size: chunk, alongside: {
                // Only the path and key of each team read (a whole `Team` copied was a
                // retain and a release of each of its parts).
                let teams = merger.store.teams
                return Self.order(of: parts.map { part in
                    if !renamed.isEmpty, let team = renamed[part.team] {
                        return OrderKey(path: team.path, key: team.key, mode: part.mode, level: part.level)
                    }
                    let t = Int(part.team)
                    return OrderKey(path: teams[t].team.path, key: teams[t].team.key, mode: part.mode,
                                    level: part.level)
                })
            }) { b in
                // Moved out, an empty bucket left in its place (a copy, then emptying the
                // slot, was a retain and a release of its rows).
                var bucket = RowStore.Bucket(team: buckets[b].team, mode: buckets[b].mode, level: buckets[b].level)
                swap(&bucket, &buckets[b])
                return merger.series(&bucket, renamed: renamed, extraCount: extraCount, maps: maps,
                                     anyExtras: anyExtras)
            }
        }
        for i in made.indices where !made[i].findings.isEmpty {
            findings += made[i].findings
        }
        var series: [TeamSeries] = []
        series.reserveCapacity(count)
        for i in order {
            // Moved out of its slot, not copied (a copy is a retain of every reference in it).
            if let s = made[i].series.take() { series.append(s) }
        }
        made = []
        findings.sort(by: Finding.ordered)
        return DataSet(inputs: inputs, series: series, extraMetrics: names, findings: findings)
    }

    /// The order of the data set's series: by team path, element by element (a path before
    /// the paths it begins), then team key, mode, and sprint-level rows before team-level ones.
    /// The definition of the order; `order(of:)` sorts by it through ranks.
    static func precedes(_ a: TeamSeries, _ b: TeamSeries) -> Bool {
        precedes(OrderKey(a), OrderKey(b))
    }

    /// What the order reads of a series.
    struct OrderKey {
        var path: [String]
        var key: String
        var mode: ComputationMode
        var level: RowLevel

        init(path: [String], key: String, mode: ComputationMode, level: RowLevel) {
            (self.path, self.key, self.mode, self.level) = (path, key, mode, level)
        }

        init(_ series: TeamSeries) {
            self.init(path: series.team.path, key: series.team.key, mode: series.mode, level: series.level)
        }
    }

    static func precedes(_ a: OrderKey, _ b: OrderKey) -> Bool {
        if a.path != b.path { return a.path.lexicographicallyPrecedes(b.path) }
        if a.key != b.key { return a.key < b.key }
        if a.mode != b.mode { return a.mode < b.mode }
        return a.level == .sprint && b.level == .team
    }

    /// The indices of `series` (what the order reads of each) in `precedes` order (of two
    /// that tie, the earlier first).
    ///
    /// Comparing paths string by string, twice (`!=`, then `lexicographicallyPrecedes`), was
    /// most of the merge's serial time at 20,000 teams. Here each distinct path element gets
    /// its rank among the distinct elements once, so that a path compares as a list of
    /// integers, in the same order (equal strings share a rank, and ranks follow `<`);
    /// equal paths fall back to `precedes` (`InputMergeOrderTests` compares this with
    /// `precedes`).
    static func order(of series: [OrderKey]) -> [Int] {
        var id: [String: Int32] = [:]
        id.reserveCapacity(series.count + 16)  // about one new element per team: grown once, not rehashed
        var elements: [String] = []
        // Every path's element ids, one after another; path i is `ids[starts[i] ..< starts[i + 1]]`.
        var ids: [Int32] = []
        var starts: [Int] = [0]
        ids.reserveCapacity(series.count * 4)
        starts.reserveCapacity(series.count + 1)
        var previous: [String] = []
        for k in series.indices {
            let path = series[k].path
            for (d, e) in path.enumerated() {
                // Neighbouring teams tend to share the first elements: taken from the path
                // before when equal there, without hashing the string.
                if d < previous.count, previous[d] == e {
                    ids.append(ids[starts[k - 1] + d])
                } else if let i = id[e] {
                    ids.append(i)
                } else {
                    let i = Int32(elements.count)
                    id[e] = i
                    elements.append(e)
                    ids.append(i)
                }
            }
            starts.append(ids.count)
            previous = path
        }
        var rank = [Int32](repeating: 0, count: elements.count)
        for (r, i) in sortedIndices(of: elements).enumerated() {
            rank[i] = Int32(r)
        }
        for k in ids.indices { ids[k] = rank[Int(ids[k])] }
        return Self.order(of: series, paths: ids, starts: starts)
    }

    /// The indices of `elements` (distinct strings) in `<` order.
    ///
    /// When every element is ASCII, `<` is the order of their bytes (a shorter one first when
    /// it begins the other): then the first 16 bytes of each, as two big-endian integers
    /// (zeros past the end), decide most comparisons without reading the strings, and the
    /// bytes decide the rest. (`InputMergeOrderTests` compares both ways with `<`.)
    static func sortedIndices(of elements: [String]) -> [Int] {
        guard elements.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else {
            return elements.indices.sorted { elements[$0] < elements[$1] }
        }
        let heads = elements.map { e -> (UInt64, UInt64) in
            var head: (UInt64, UInt64) = (0, 0), k: UInt64 = 0
            for byte in e.utf8.prefix(16) {
                if k < 8 { head.0 |= UInt64(byte) << (56 - 8 * k) } else { head.1 |= UInt64(byte) << (120 - 8 * k) }
                k += 1
            }
            return head
        }
        return elements.indices.sorted { a, b in
            if heads[a] != heads[b] { return heads[a] < heads[b] }
            return elements[a].utf8.lexicographicallyPrecedes(elements[b].utf8)
        }
    }

    /// The indices of `series` in `precedes` order, path `i` being the element ranks
    /// `paths[starts[i] ..< starts[i + 1]]`.
    ///
    /// A path of at most 4 elements, each ranked below 2^16 − 1 (nearly every org's), is
    /// also one integer: each rank + 1 in 16 bits, the first highest, 0 past the end — the
    /// same order, a path before those it begins. Two such paths compare as integers;
    /// others as rank lists.
    private static func order(of series: [OrderKey], paths: [Int32], starts: [Int]) -> [Int] {
        let keys = series.indices.map { i -> UInt64? in
            guard starts[i + 1] - starts[i] <= 4 else { return nil }
            var key: UInt64 = 0, shift: UInt64 = 48
            for r in paths[starts[i]..<starts[i + 1]] {
                guard r < 0xFFFF else { return nil }
                key |= UInt64(r + 1) << shift
                shift &-= 16
            }
            return key
        }
        let all = keys.compactMap { $0 }
        if all.count == keys.count { return order(of: series, keys: all) }
        return paths.withUnsafeBufferPointer { ranks in
            series.indices.sorted { a, b in
                if let ka = keys[a], let kb = keys[b] {
                    if ka != kb { return ka < kb }
                } else {
                    let pa = UnsafeBufferPointer(rebasing: ranks[starts[a]..<starts[a + 1]])
                    let pb = UnsafeBufferPointer(rebasing: ranks[starts[b]..<starts[b + 1]])
                    for (x, y) in zip(pa, pb) where x != y { return x < y }
                    if pa.count != pb.count { return pa.count < pb.count }
                }
                return precedes(series[a], series[b])  // the same path
            }
        }
    }

    /// The same when every path is one integer, `keys[i]`: the indices sorted with their keys
    /// as pairs (no lookups per comparison), the index second, which is the stable order;
    /// then each run of one path (a team's modes and levels) by `precedes`, the earlier first
    /// on a tie, as the stable sort by both leaves them.
    private static func order(of series: [OrderKey], keys: [UInt64]) -> [Int] {
        var pairs = keys.enumerated().map { (key: $0.element, index: $0.offset) }
        pairs.sort { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
        var out = pairs.map(\.index)
        var start = 0
        while start < pairs.count {
            var end = start + 1
            while end < pairs.count && pairs[end].key == pairs[start].key { end += 1 }
            if end - start > 1 {
                out[start..<end].sort { a, b in
                    precedes(series[a], series[b]) || (!precedes(series[b], series[a]) && a < b)
                }
            }
            start = end
        }
        return out
    }

    /// One bucket's series (nil when it has no rows): extras aligned, duplicates dropped
    /// (with their findings), rows in period order; the bucket's rows are moved out.
    private func series(_ bucket: inout RowStore.Bucket, renamed: [Int32: Team], extraCount: Int, maps: [[Int?]],
                        anyExtras: Bool) -> (series: TeamSeries?, findings: [Finding]) {
        var findings: [Finding] = []
        if let early = bucket.early.take() {
            // Analysed as it was read: its rows are unchanged since (a record of the team
            // would have given them back), so the merge would take them as they are. Checked
            // again here all the same; otherwise the rows are given back and merged.
            if renamed[bucket.team] == nil, !anyExtras, Int(bucket.settled) == early.count {
                return (TeamSeries(team: store.teams[Int(bucket.team)].team, mode: bucket.mode, level: bucket.level,
                                   early: early), findings)
            }
            bucket.rows = early.rows()
        }
        if bucket.rows.isEmpty { return (nil, findings) }
        if anyExtras { alignExtras(&bucket.rows, count: extraCount, maps: maps) }
        let team = renamed[bucket.team] ?? store.teams[Int(bucket.team)].team
        var rows: [PeriodRow]
        let asRead = bucket.settled >= 0 && Int(bucket.settled) == bucket.rows.count
        if asRead {
            rows = bucket.rows  // checked while reading: no duplicate keys, in period order
        } else {
            rows = dropDuplicates(bucket, team: team, findings: &findings)
            if !isOrdered(rows) { bucket.rows = []; rows.sort { Period.precedes($0.period, $1.period) } }
        }
        bucket.rows = []
        Self.trim(&rows)
        var series = TeamSeries(team: team, mode: bucket.mode, level: bucket.level, rows: [])
        swap(&series.rows, &rows)  // moved: the analysis below changes them in place
        // Rows the merge took as they were read (one file, the team never renamed, no extras
        // to align) are analysed here, as they would have been while reading had the mapping
        // thread had the time (`RowStore.analyseEarly`): this thread would otherwise wait for
        // the task that orders the series, and the analysis after the merge takes the result.
        if asRead, let setting = store.early, inputs.count == 1, renamed[bucket.team] == nil, !anyExtras,
           let early = EarlyAnalysis.make(&series, setting: setting) {
            series.early = early
        }
        return (series, findings)
    }

    /// A team id met under several names or paths (a renamed or moved team) is shown as its
    /// latest period names it (a tie: the later row); its other names are kept in
    /// `otherNames` and said in one info finding. Read before duplicates are dropped, while
    /// every row still has the sequence it was read with.
    private func latestIdentities(findings: inout [Finding]) -> [Int32: Team] {
        var out: [Int32: Team] = [:]
        for (t, identities) in store.identities {
            // Each identity's first row, and the latest row of all with the identity it carries.
            var firstRow = [SourceRef?](repeating: nil, count: identities.count)
            var latest: (period: Period, identity: Int)?
            let b = store.teams[Int(t)].buckets
            for bucket in [b.0, b.1, b.2, b.3] where bucket >= 0 {
                for row in store.buckets[Int(bucket)].rows {
                    let i = identities.lastIndex { $0.sequence <= row.period.sequence } ?? 0
                    if firstRow[i].map({ row.source < $0 }) ?? true { firstRow[i] = row.source }
                    if let l = latest, Period.precedes(row.period, l.period)
                        || (!Period.precedes(l.period, row.period) && row.period.sequence < l.period.sequence) {
                        continue
                    }
                    latest = (row.period, i)
                }
            }
            guard let latest else { continue }
            var team = identities[latest.identity].team
            var others: [(name: String, file: String)] = []
            for (i, identity) in identities.enumerated() {
                guard let first = firstRow[i], identity.team.name != team.name,
                      !others.contains(where: { $0.name == identity.team.name }) else { continue }
                others.append((identity.team.name, inputs[Int(first.file)].path))
            }
            team.otherNames = others.map(\.name)
            out[t] = team
            guard !others.isEmpty, let at = firstRow[latest.identity] else { continue }
            let also = others.map { "'\($0.name)' in \($0.file)" }.joined(separator: ", ")
            findings.append(Finding(severity: .info, kind: .teamRenamed, file: inputs[Int(at.file)].path,
                                    line: Int(at.line), team: team.name, period: latest.period.label,
                                    message: "team id '\(team.key)' is also named \(also); shown under its name in its latest period"))
        }
        return out
    }

    /// When appending doubled the capacity of `rows`, gives the slack back (rows are what the
    /// model retains).
    static func trim(_ rows: inout [PeriodRow]) {
        guard rows.capacity > rows.count + rows.count / 4 else { return }
        var exact: [PeriodRow] = []
        exact.reserveCapacity(rows.count)
        exact.append(contentsOf: rows)
        rows = exact
    }

    static func isOrdered(_ rows: [PeriodRow]) -> Bool {
        for i in rows.indices.dropFirst() where Period.precedes(rows[i].period, rows[i - 1].period) { return false }
        return true
    }

    private func isOrdered(_ rows: [PeriodRow]) -> Bool { Self.isOrdered(rows) }

    /// Whether a bucket's rows come out of the merge as they are (extras aside): no two share
    /// a period key, so `dropDuplicates` keeps them all, and they are in period order.
    static func needsNoWork(_ rows: [PeriodRow]) -> Bool {
        !hasKeyClash(rows) && isOrdered(rows)
    }

    /// Whether two rows may share a period key (sprint id, else label): equal keys have equal
    /// hashes, so distinct hashes rule it out.
    static func hasKeyClash(_ rows: [PeriodRow]) -> Bool {
        guard rows.count > 1 else { return false }
        var sortedHashes = rows.map { $0.period.withKeyBytes { RowStore.hash($0) } }
        sortedHashes.sort()
        for i in sortedHashes.indices.dropFirst() where sortedHashes[i] == sortedHashes[i - 1] { return true }
        return false
    }

    /// Rewrites each row's file-local extras into the data set's layout.
    private func alignExtras(_ rows: inout [PeriodRow], count: Int, maps: [[Int?]]) {
        for i in rows.indices {
            let local = rows[i].extras
            if count == 0 {
                if !local.isEmpty { rows[i].extras = [] }
                continue
            }
            var global = [Double](repeating: .nan, count: count)
            let map = maps[Int(rows[i].source.file)]
            for (k, v) in local.enumerated() where k < map.count {
                if let g = map[k] { global[g] = v }
            }
            rows[i].extras = global
        }
    }

    /// Rows with the same identity (period key within this team and mode): identical ones
    /// are dropped silently, conflicting ones keep the later row and raise a finding.
    private func dropDuplicates(_ bucket: RowStore.Bucket, team: Team, findings: inout [Finding]) -> [PeriodRow] {
        let rows = bucket.rows
        guard Self.hasKeyClash(rows) else { return rows }
        // Group by exact key, in input order.
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (i, r) in rows.enumerated() {
            let key = r.period.sprintId ?? r.period.label
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(i)
        }
        var dropped = [Bool](repeating: false, count: rows.count)
        for key in order {
            let members = groups[key]!.sorted { rows[$0].period.sequence < rows[$1].period.sequence }
            guard members.count > 1 else { continue }
            var kept = members[0]
            for m in members.dropFirst() {
                if rows[m].values == rows[kept].values && sameExtras(rows[m].extras, rows[kept].extras) {
                    dropped[m] = true
                    continue
                }
                let a = rows[kept].source, b = rows[m].source
                findings.append(Finding(kind: .duplicateConflict, file: inputs[Int(b.file)].path, line: Int(b.line),
                                        team: team.name, period: rows[m].period.label,
                                        message: "\(inputs[Int(a.file)].path):\(a.line) and \(inputs[Int(b.file)].path):\(b.line) give different values for the same team, period and mode (\(bucket.mode.unitName)); keeping \(inputs[Int(b.file)].path):\(b.line)"))
                dropped[kept] = true
                kept = m
            }
        }
        var kept: [PeriodRow] = []
        kept.reserveCapacity(rows.count)
        for i in rows.indices where !dropped[i] { kept.append(rows[i]) }
        // A replaced row keeps its period's place in input order.
        for key in order {
            let members = groups[key]!
            guard members.count > 1, let first = members.map({ rows[$0].period.sequence }).min() else { continue }
            for m in members where !dropped[m] {
                if let i = kept.firstIndex(where: { $0.source == rows[m].source }) { kept[i].period.sequence = first }
            }
        }
        return kept
    }

    private func sameExtras(_ a: [Double], _ b: [Double]) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where !(x == y || (x.isNaN && y.isNaN)) { return false }
        return true
    }
}
