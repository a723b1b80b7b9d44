/// Counts distinct 64-bit hashes (a file's period keys): appended while reading, sorted
/// once at the end, equal neighbours counted once. The count is that of a `Set` of the
/// values (`InputDistinctCountTests` compares the two); a hash set probed per record was a
/// profile hot spot (a cache miss per record at a million records).
struct DistinctCount {
    private var values: [UInt64] = []

    init(capacity: Int = 0) { values.reserveCapacity(capacity) }

    mutating func insert(_ value: UInt64) {
        if values.last != value { values.append(value) }
    }

    /// The number of distinct values inserted (sorts; call once, at the end).
    mutating func count() -> Int {
        Self.sort(&values)
        var n = 0
        var previous: UInt64? = nil
        for v in values where v != previous {
            n += 1
            previous = v
        }
        values = []
        return n
    }

    /// Sorts `a`: two stable counting passes on the top 22 bits (11 bits each, least
    /// significant first: each pass reads in order and writes to 2,048 places that advance
    /// in order, so memory is touched almost sequentially), then each run of equal top bits
    /// — for hashes rarely more than one value — by insertion. Uses a second buffer of the
    /// same size for the passes. (An in-place bucket sort that swapped each value straight
    /// into its bucket missed the cache on almost every value.)
    static func sort(_ a: inout [UInt64]) {
        let n = a.count
        guard n > 64 else { a.sort(); return }
        var other = [UInt64](repeating: 0, count: n)
        a.withUnsafeMutableBufferPointer { p in
            other.withUnsafeMutableBufferPointer { q in
                var from = p, to = q
                var counts = [Int](repeating: 0, count: 1 << 11)
                for shift in [42, 53] as [UInt64] {
                    for i in counts.indices { counts[i] = 0 }
                    for v in from { counts[Int(v >> shift & 0x7FF)] += 1 }
                    var sum = 0
                    for i in counts.indices { (counts[i], sum) = (sum, sum + counts[i]) }
                    for v in from {
                        let d = Int(v >> shift & 0x7FF)
                        to[counts[d]] = v
                        counts[d] += 1
                    }
                    swap(&from, &to)
                }
                // Two passes: the sorted values are back in `p`. Runs of equal top 22 bits
                // are sorted on the whole value.
                var lo = 0
                while lo < n {
                    let top = p[lo] >> 42
                    var hi = lo + 1
                    while hi < n, p[hi] >> 42 == top { hi += 1 }
                    if hi - lo > 32 {
                        var run = UnsafeMutableBufferPointer(rebasing: p[lo..<hi])
                        run.sort()
                    } else if hi - lo > 1 {
                        for i in (lo + 1)..<hi {
                            let v = p[i]
                            var j = i
                            while j > lo, p[j - 1] > v { p[j] = p[j - 1]; j -= 1 }
                            p[j] = v
                        }
                    }
                    lo = hi
                }
            }
        }
    }
}
