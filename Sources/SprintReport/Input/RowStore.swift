/// Everything read so far, across files: teams (interned once each), and one bucket of
/// rows per (team, mode, level). Merging and duplicate handling happen in `finish`.
final class RowStore {
    struct TeamEntry {
        var team: Team
        /// Bucket index per (mode, level): `slot(mode, level)`; -1 when none yet.
        var buckets: (Int32, Int32, Int32, Int32) = (-1, -1, -1, -1)
    }

    struct Bucket {
        var team: Int32
        var mode: ComputationMode
        var level: RowLevel
        var rows: [PeriodRow] = []
        /// The number of rows the bucket had when its team's rows ended (another team's
        /// record came) and they were found to need no merging work (`RowMerger.needsNoWork`,
        /// its key clash read from the noted keys when it can be: `keyClash`);
        /// -1: not checked, or they did need it. Valid while the bucket still has that many
        /// rows: rows only ever come after the others, and what the check reads (period
        /// order and keys) never changes once a row is made.
        var settled: Int32 = -1
        /// Whether the bucket was checked once already (each is checked at most once, so an
        /// export that is not grouped by team costs nothing more than before).
        var checked = false
        /// The team's analysis made when its rows ended (`RowStore.early`); `rows` is empty
        /// meanwhile. Given back (`restoreEarly`) before anything else touches the rows.
        var early: EarlyAnalysis?
        /// How many of the rows had their period key noted (`noteKey`) since their team's
        /// records began, and whether two of those share a key hash. When that is all the rows,
        /// the check at the team's end reads `keyClash` instead of hashing and sorting them.
        var keysNoted: Int32 = 0
        var keyClash = false
    }

    /// The period key hashes of the current team's rows, tagged with their bucket (emptied
    /// when a team's records begin). A team with more rows than `keyLimit` stops noting them
    /// (its buckets are then checked from their rows). Small enough to stay in the L1 cache
    /// (8 KB: a 64 KB table missed it on most notes), for teams of up to `keyLimit` rows (an
    /// export's are usually under 200).
    @exclusivity(unchecked) private var keys = StampedSet(capacity: RowStore.keyLimit)
    private static let keyLimit = 256

    /// Notes the key hash of the row just added to bucket `b` (of the current team).
    @inline(__always)
    func noteKey(_ b: Int, _ hash: UInt64) {
        guard keys.count < keys.capacity else { return }
        buckets[b].keysNoted += 1
        if !keys.insert(hash, tag: Int32(truncatingIfNeeded: b)) { buckets[b].keyClash = true }
    }

    /// Whether two rows of bucket `k` may share a period key: from the noted keys when they
    /// are all its rows, else `RowMerger.hasKeyClash` (the definition).
    func keyClash(_ k: Int) -> Bool {
        if Int(buckets[k].keysNoted) == buckets[k].rows.count { return buckets[k].keyClash }
        return RowMerger.hasKeyClash(buckets[k].rows)
    }

    /// When set, each team whose checked rows end is analysed at once with this setting
    /// (`EarlyAnalysis`); set by `ExportReader` for a single input file only.
    var early: EarlyAnalysis.Setting?

    // Touched per record by the mapping thread only: no dynamic exclusivity checks.
    @exclusivity(unchecked) private(set) var teams: [TeamEntry] = []
    private var teamIndex: [String: Int32] = [:]
    @exclusivity(unchecked) var buckets: [Bucket] = []
    /// Findings raised while reading; add them through `report`.
    @exclusivity(unchecked) private(set) var findings: [Finding] = []
    /// Per file and kind: findings seen, and the line and severity of the first one not kept.
    @exclusivity(unchecked) private var findingCounts: [FindingKey: (seen: Int, line: Int?, severity: Severity)] = [:]
    /// Input order of records over all files (`Period.sequence`).
    @exclusivity(unchecked) var sequence = 0
    /// Teams whose id came with another name or path (a renamed or moved team): each identity
    /// from the record where it began (`sequence`; the first identity at 0). Rows read from
    /// that record on, until the next one, carry it. Empty for almost every team.
    @exclusivity(unchecked) var identities: [Int32: [Identity]] = [:]

    struct Identity {
        var sequence: Int
        var team: Team
    }

    /// Findings of one kind kept for one file (docs/limits.md, "Findings"). A finding is
    /// raised per record or cell, so without a bound a 12 KB gzip of 4 million empty records
    /// held a gigabyte of "record has no team" findings; past the bound they are counted.
    static let findingsPerKind = 1_000

    private struct FindingKey: Hashable {
        var file: String
        var kind: FindingKind
    }

    /// Keeps `finding`, or counts it when its file already has `findingsPerKind` of its kind.
    func report(_ finding: Finding) {
        let key = FindingKey(file: finding.file ?? "", kind: finding.kind)
        var c = findingCounts[key] ?? (0, nil, finding.severity)
        c.seen += 1
        if c.seen <= Self.findingsPerKind {
            findings.append(finding)
        } else if c.seen == Self.findingsPerKind + 1 {
            c.line = finding.line
            c.severity = finding.severity
        }
        findingCounts[key] = c
    }

    /// Adds, for each file and kind past `findingsPerKind`, one finding saying how many more
    /// there were from where the list stops. Called once, when every file is read.
    func closeFindings() {
        let n = Self.findingsPerKind
        for (key, c) in findingCounts where c.seen > n {
            findings.append(Finding(severity: c.severity, kind: key.kind, file: key.file.isEmpty ? nil : key.file,
                                    line: c.line,
                                    message: "\(c.seen - n) more \(key.kind.rawValue) findings from this line on are not listed (the first \(n) are)"))
        }
        findingCounts = [:]
    }

    /// The team with `key`, created from `make` the first time.
    func team(key: String, make: () -> Team) -> Int32 {
        if let i = teamIndex[key] { return i }
        let i = Int32(teams.count)
        teams.append(TeamEntry(team: make()))
        teamIndex[key] = i
        return i
    }

    func teamName(_ i: Int32) -> String { teams[Int(i)].team.name }

    /// The identity (name, path, org tree) team `i` has at this point of the input.
    func currentIdentity(_ i: Int32) -> Team { identities[i]?.last?.team ?? teams[Int(i)].team }

    /// Team `i` appears as `team` from the current record on.
    func noteIdentity(_ i: Int32, _ team: Team) {
        if identities[i] == nil { identities[i] = [Identity(sequence: 0, team: teams[Int(i)].team)] }
        identities[i]?.append(Identity(sequence: sequence, team: team))
    }

    /// The rows of team `i` ended here (the next record is another team's): each of its
    /// buckets not checked yet is checked now, on the mapping thread (which waits for the
    /// reading thread a third of the time), instead of by the merge after reading.
    func teamRowsEnded(_ i: Int32) {
        let b = teams[Int(i)].buckets
        for k in [b.0, b.1, b.2, b.3] where k >= 0 && !buckets[Int(k)].checked {
            buckets[Int(k)].checked = true
            guard !keyClash(Int(k)), RowMerger.isOrdered(buckets[Int(k)].rows) else { continue }
            buckets[Int(k)].settled = Int32(clamping: buckets[Int(k)].rows.count)
            // Rows the merge takes as they are: analysed when the mapping thread has time.
            if early != nil { pendingEarly.append(Int32(k)) }
        }
    }

    /// Buckets waiting for `analyseEarly`, oldest first; `pendingHead` is the next.
    @exclusivity(unchecked) private var pendingEarly: [Int32] = []
    @exclusivity(unchecked) private var pendingHead = 0
    /// The team whose records are being read (its rows may still grow or change).
    @exclusivity(unchecked) private var currentTeam: Int32 = -1

    /// Analyses one bucket waiting since its team's rows ended (`EarlyAnalysis`), if one
    /// can still be; false when none is left. Called by the mapping thread only while it
    /// would wait for the reading thread (`ChunkPipeline.next(idle:)`), so it costs the
    /// reading no time: what is not done by the end is done after reading as before.
    func analyseEarly() -> Bool {
        guard let early else { return false }
        while pendingHead < pendingEarly.count {
            let k = Int(pendingEarly[pendingHead])
            pendingHead += 1
            if pendingHead == pendingEarly.count { pendingEarly.removeAll(keepingCapacity: true); pendingHead = 0 }
            let t = buckets[k].team
            // Rows still as checked (a team that came back has more), of a team with one
            // identity so far (a rename met later gives them back: `restoreEarly`), and not
            // the team being read.
            guard buckets[k].early == nil, buckets[k].settled >= 0, Int(buckets[k].settled) == buckets[k].rows.count,
                  identities[t] == nil, t != currentTeam else { continue }
            // No copy of the bucket or its rows is held here: the analysis changes the rows
            // in place, and a second reference would make it copy them all.
            var series = TeamSeries(team: teams[Int(t)].team, mode: buckets[k].mode, level: buckets[k].level, rows: [])
            swap(&series.rows, &buckets[k].rows)
            RowMerger.trim(&series.rows)  // as the merge would before the analysis
            if let result = EarlyAnalysis.make(&series, setting: early) {
                buckets[k].early = result
            } else {
                swap(&series.rows, &buckets[k].rows)
            }
            return true
        }
        return false
    }

    /// Tests: each waiting bucket is analysed as soon as the next team's records begin, not
    /// only while the mapping thread would wait, so that the early path is taken for certain.
    var analysesAtOnce = false

    /// Team `i`'s records begin (again): rows analysed early are given back first, since
    /// more may come or change.
    func teamRowsBegin(_ i: Int32) {
        currentTeam = i
        keys.removeAll()  // the keys of the team before no longer count
        let b = teams[Int(i)].buckets
        for k in [b.0, b.1, b.2, b.3] where k >= 0 {
            buckets[Int(k)].keysNoted = 0
            buckets[Int(k)].keyClash = false
            restoreEarly(Int(k))
        }
        if analysesAtOnce { while analyseEarly() {} }
    }

    /// Gives bucket `k`'s rows back from its early analysis, if it has one.
    func restoreEarly(_ k: Int) {
        guard let result = buckets[k].early.take() else { return }
        buckets[k].rows = result.rows()
    }

    /// The bucket of (team, mode, level).
    @inline(__always)
    func bucket(team: Int32, mode: ComputationMode, level: RowLevel) -> Int {
        let slot = (mode == .storyPoints ? 0 : 2) + (level == .sprint ? 0 : 1)
        let t = Int(team)
        let existing: Int32 = switch slot {
        case 0: teams[t].buckets.0
        case 1: teams[t].buckets.1
        case 2: teams[t].buckets.2
        default: teams[t].buckets.3
        }
        if existing >= 0 { return Int(existing) }
        let b = Int32(buckets.count)
        var fresh = Bucket(team: team, mode: mode, level: level)
        // Exports list a team's periods together, and teams tend to have as many periods as
        // the team before: reserving that many spares the doubling slack of appends.
        // (A bucket analysed early holds no rows: its count is the analysis'.)
        if let last = buckets.last, case let previous = max(last.rows.count, last.early?.count ?? 0), previous > 1 {
            fresh.rows.reserveCapacity(previous)
        }
        buckets.append(fresh)
        switch slot {
        case 0: teams[t].buckets.0 = b
        case 1: teams[t].buckets.1 = b
        case 2: teams[t].buckets.2 = b
        default: teams[t].buckets.3 = b
        }
        return Int(b)
    }

    /// A 64-bit hash of a period key's bytes and length, eight bytes at a time
    /// (MurmurHash64A's steps): each word is mixed on its own and then folded in, so that
    /// every output bit depends on every byte — `DistinctCount` groups by the top bits,
    /// `noteKey` places by the low ones. Byte at a time (FNV-1a), a key of 13 bytes was a
    /// chain of 13 dependent multiplications, once per record.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let m: UInt64 = 0xC6A4_A793_5BD1_E995
        let n = bytes.count
        var h = 0x9E37_79B9_7F4A_7C15 ^ (UInt64(n) &* m)
        @inline(__always) func fold(_ word: UInt64) {
            var k = word &* m
            k ^= k >> 47
            k &*= m
            h ^= k
            h &*= m
        }
        if let base = bytes.baseAddress, n > 0 {
            let raw = UnsafeRawPointer(base)
            var i = 0
            while i + 8 <= n {
                fold(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                i += 8
            }
            if i < n {
                // The last 1 to 7 bytes: in the key's last 8 (which overlap the word before)
                // or, in a shorter key, read by two loads that may overlap; never past the end.
                fold(n >= 8 ? UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
                     : shortWord(raw, n))
            }
        }
        h ^= h >> 47
        h &*= m
        h ^= h >> 47
        return h
    }

    /// The `n` bytes at `p` (1 ≤ n < 8) as a little-endian word, zeros above.
    @inline(__always)
    private static func shortWord(_ p: UnsafeRawPointer, _ n: Int) -> UInt64 {
        if n >= 4 {
            let lo = UInt64(UInt32(littleEndian: p.loadUnaligned(as: UInt32.self)))
            let hi = UInt64(UInt32(littleEndian: p.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)))
            return lo | hi << (8 &* UInt64(n - 4))
        }
        if n >= 2 {
            let lo = UInt64(UInt16(littleEndian: p.loadUnaligned(as: UInt16.self)))
            let hi = UInt64(UInt16(littleEndian: p.loadUnaligned(fromByteOffset: n - 2, as: UInt16.self)))
            return lo | hi << (8 &* UInt64(n - 2))
        }
        return UInt64(p.load(as: UInt8.self))
    }

    static func hash(_ s: String) -> UInt64 {
        var s = s
        return s.withUTF8 { hash($0) }
    }
}
