/// Counts distinct 64-bit hashes (a file's period keys): kept while reading, counted once at
/// the end. The count is that of a `Set` of the values (`InputDistinctCountTests` compares
/// the two); a hash set probed per record was a profile hot spot (a cache miss per record
/// at a million records).
///
/// Values are kept in blocks of `blockSize` (a growing array copied all it held at each
/// doubling, and its abandoned buffers had been paged in for nothing), and how many share
/// each top 11 bits is tallied as they come. The count moves them into one buffer grouped
/// by those bits (each block freed once moved), then counts each group on its own: a group
/// is small (a thousandth of the values for hashes) and is counted in a table that stays in
/// the cache; an unusually large one is sorted instead.
final class DistinctCount {
    static let blockSize = 1 << 16
    /// Groups up to this size are counted in the table; larger ones are sorted.
    static let tableLimit = 4096
    static let topBits: UInt64 = 11
    static let groupCount = 1 << Int(topBits)

    // Plain memory, not arrays: an insert (once per record) is then a compare, a store and
    // an increment, without an array's uniqueness checks. Owned here, freed by `count` or
    // `deinit`.
    private var blocks: [UnsafeMutablePointer<UInt64>] = []
    /// The block being filled (the last of `blocks`) and how many values it holds.
    private var block: UnsafeMutablePointer<UInt64>?
    private var used = DistinctCount.blockSize
    private var total = 0
    private var last: UInt64 = 0
    /// Values per top 11 bits.
    private let groups = UnsafeMutablePointer<Int>.allocate(capacity: DistinctCount.groupCount)

    init() { groups.initialize(repeating: 0, count: Self.groupCount) }

    deinit {
        for b in blocks { b.deallocate() }
        groups.deallocate()
    }

    @inline(__always)
    func insert(_ value: UInt64) {
        // A run of one value (a period's records together) is kept once.
        if total > 0, value == last { return }
        last = value
        total += 1
        groups[Int(value >> (64 - Self.topBits))] += 1
        if used == Self.blockSize {
            let fresh = UnsafeMutablePointer<UInt64>.allocate(capacity: Self.blockSize)
            blocks.append(fresh)
            block = fresh
            used = 0
        }
        block.unsafelyUnwrapped[used] = value  // set above when the last block was full
        used += 1
    }

    /// The number of distinct values inserted (call once, at the end: the values are gone).
    func count() -> Int {
        // Where each group begins in the buffer.
        var next = [Int](repeating: 0, count: Self.groupCount)
        var sum = 0
        for g in 0..<Self.groupCount { (next[g], sum) = (sum, sum + groups[g]) }
        // Every slot is written once below (the groups' sizes add up to `total`): not zeroed first.
        let blocks = self.blocks, used = self.used
        self.blocks = []
        block = nil
        self.used = Self.blockSize
        var buffer = [UInt64](unsafeUninitializedCapacity: total) { out, initialized in
            for (b, values) in blocks.enumerated() {
                let n = b == blocks.count - 1 ? used : Self.blockSize
                for v in UnsafeBufferPointer(start: values, count: n) {
                    let g = Int(v >> (64 - Self.topBits))
                    out.initializeElement(at: next[g], to: v)
                    next[g] += 1
                }
                values.deallocate()  // each block freed once moved
            }
            initialized = total
        }
        var table = StampedSet(capacity: Self.tableLimit)  // one group's values at a time
        var n = 0
        var start = 0
        buffer.withUnsafeMutableBufferPointer { all in
            for g in 0..<Self.groupCount {
                let size = groups[g]
                var group = UnsafeMutableBufferPointer(rebasing: all[start..<start + size])
                start += size
                if size <= 1 {
                    n += size
                } else if size <= Self.tableLimit {
                    table.removeAll()
                    for v in group { _ = table.insert(v) }
                    n += table.count
                } else {
                    group.sort()
                    n += 1
                    for i in 1..<size where group[i] != group[i - 1] { n += 1 }
                }
            }
        }
        total = 0
        groups.update(repeating: 0, count: Self.groupCount)
        return n
    }
}
