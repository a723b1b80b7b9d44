import Dispatch

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
///
/// The count runs after the last record is read, when nothing else is left to do until the
/// merge: both of its passes are split in two halves run in parallel (the blocks of even
/// and of odd number are moved apart, each half's values of a group placed after the
/// other's; then the lower and the upper half of the groups are counted apart), so it does
/// not leave a core idle. The number counted is the same whatever the split.
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
    /// Values per top 11 bits, tallied apart for the blocks of even and of odd number: the
    /// even blocks' tallies, then the odd blocks' (`groupCount` each).
    private let groups = UnsafeMutablePointer<Int>.allocate(capacity: 2 * DistinctCount.groupCount)
    /// The tallies of the block being filled (one of the halves of `groups`).
    private var tally: UnsafeMutablePointer<Int>

    init() {
        groups.initialize(repeating: 0, count: 2 * Self.groupCount)
        tally = groups
    }

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
        if used == Self.blockSize {
            let fresh = UnsafeMutablePointer<UInt64>.allocate(capacity: Self.blockSize)
            tally = groups + (blocks.count & 1) * Self.groupCount  // the new block's number is even or odd
            blocks.append(fresh)
            block = fresh
            used = 0
        }
        tally[Int(value >> (64 - Self.topBits))] += 1
        block.unsafelyUnwrapped[used] = value  // set above when the last block was full
        used += 1
    }

    /// The number of distinct values inserted (call once, at the end: the values are gone).
    func count() -> Int {
        let g = Self.groupCount
        // Where each group begins in the buffer, for the even blocks' values and for the odd
        // blocks' (right after the even ones'), and the size of each group.
        var next = [Int](repeating: 0, count: 2 * g)
        var starts = [Int](repeating: 0, count: g + 1)
        for k in 0..<g {
            let even = groups[k], odd = groups[g + k]
            (next[k], next[g + k]) = (starts[k], starts[k] + even)
            starts[k + 1] = starts[k] + even + odd
        }
        let begin = starts
        // Every slot is written once below (the groups' sizes add up to `total`): not zeroed first.
        nonisolated(unsafe) let blocks = self.blocks  // each half frees its own blocks
        let used = self.used, total = self.total
        self.blocks = []
        block = nil
        self.used = Self.blockSize
        self.tally = groups
        var buffer = [UInt64](unsafeUninitializedCapacity: total) { out, initialized in
            next.withUnsafeMutableBufferPointer { next in
                nonisolated(unsafe) let out = out, next = next  // each half writes its own slots
                DispatchQueue.concurrentPerform(iterations: 2) { half in
                    let starts = UnsafeMutableBufferPointer(rebasing: next[half * g ..< (half + 1) * g])
                    for b in stride(from: half, to: blocks.count, by: 2) {
                        let n = b == blocks.count - 1 ? used : Self.blockSize
                        for v in UnsafeBufferPointer(start: blocks[b], count: n) {
                            let k = Int(v >> (64 - Self.topBits))
                            out.initializeElement(at: starts[k], to: v)
                            starts[k] += 1
                        }
                        blocks[b].deallocate()  // each block freed once moved
                    }
                }
            }
            initialized = total
        }
        var counted = [0, 0]
        buffer.withUnsafeMutableBufferPointer { all in
            counted.withUnsafeMutableBufferPointer { counted in
                nonisolated(unsafe) let all = all, counted = counted  // each half's groups and slot its own
                DispatchQueue.concurrentPerform(iterations: 2) { half in
                    var table = StampedSet(capacity: Self.tableLimit)  // one group's values at a time
                    var n = 0
                    for k in half == 0 ? 0 ..< g / 2 : g / 2 ..< g {
                        var group = UnsafeMutableBufferPointer(rebasing: all[begin[k]..<begin[k + 1]])
                        n += Self.countDistinct(&group, table: &table)
                    }
                    counted[half] = n
                }
            }
        }
        self.total = 0
        groups.update(repeating: 0, count: 2 * g)
        return counted[0] + counted[1]
    }

    /// The number of distinct values in `group` (reordered).
    private static func countDistinct(_ group: inout UnsafeMutableBufferPointer<UInt64>,
                                      table: inout StampedSet) -> Int {
        let size = group.count
        if size <= 1 { return size }
        if size <= tableLimit {
            table.removeAll()
            for v in group { _ = table.insert(v) }
            return table.count
        }
        group.sort()
        var n = 1
        for i in 1..<size where group[i] != group[i - 1] { n += 1 }
        return n
    }
}
