/// Counts distinct 64-bit hashes (a file's period keys). Appending to an array and sorting
/// once at the end is cache-friendly; a hash set with a random probe per record was a
/// profile hot spot (a cache miss per record at a million records).
struct DistinctCount {
    private var values: [UInt64] = []

    mutating func insert(_ value: UInt64) {
        if values.last != value { values.append(value) }
    }

    /// The number of distinct values inserted (sorts; call once, at the end).
    mutating func count() -> Int {
        values.sort()
        var n = 0
        var previous: UInt64? = nil
        for v in values where v != previous {
            n += 1
            previous = v
        }
        values = []
        return n
    }
}
