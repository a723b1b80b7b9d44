/// Counts distinct 64-bit hashes (a file's period keys). Appending to an array and sorting
/// once at the end is cache-friendly; a hash set with a random probe per record was a
/// profile hot spot (a cache miss per record at a million records). The sort is in place
/// (no second array: at a million records the reader's memory peaks while it counts).
struct DistinctCount {
    private var values: [UInt64] = []

    init(capacity: Int = 0) { values.reserveCapacity(capacity) }

    mutating func insert(_ value: UInt64) {
        if values.last != value { values.append(value) }
    }

    /// The number of distinct values inserted (sorts; call once, at the end).
    mutating func count() -> Int {
        Self.sortInPlace(&values)
        var n = 0
        var previous: UInt64? = nil
        for v in values where v != previous {
            n += 1
            previous = v
        }
        values = []
        return n
    }

    /// In-place MSD radix sort on the top 16 bits (American flag sort: each value is swapped
    /// straight into its bucket), then each bucket — a few values for hashes — by insertion.
    static func sortInPlace(_ a: inout [UInt64]) {
        guard a.count > 64 else { a.sort(); return }
        a.withUnsafeMutableBufferPointer { p in
            var starts = [Int](repeating: 0, count: (1 << 16) + 1)
            for v in p { starts[Int(v >> 48) + 1] += 1 }
            for i in 1..<starts.count { starts[i] += starts[i - 1] }
            var next = starts
            for bucket in 0..<(1 << 16) {
                let end = starts[bucket + 1]
                while next[bucket] < end {
                    var v = p[next[bucket]]
                    var d = Int(v >> 48)
                    while d != bucket {  // follow the cycle until a value of this bucket comes back
                        swap(&v, &p[next[d]])
                        next[d] += 1
                        d = Int(v >> 48)
                    }
                    p[next[bucket]] = v
                    next[bucket] += 1
                }
            }
            for bucket in 0..<(1 << 16) {
                let lo = starts[bucket], hi = starts[bucket + 1]
                if hi - lo < 2 { continue }
                if hi - lo > 32 {
                    var part = UnsafeMutableBufferPointer(rebasing: p[lo..<hi])
                    part.sort()
                    continue
                }
                for i in (lo + 1)..<hi {
                    let v = p[i]
                    var j = i
                    while j > lo, p[j - 1] > v { p[j] = p[j - 1]; j -= 1 }
                    p[j] = v
                }
            }
        }
    }
}
