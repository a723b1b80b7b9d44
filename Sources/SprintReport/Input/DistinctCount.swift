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
        Self.radixSort(&values)
        var n = 0
        var previous: UInt64? = nil
        for v in values where v != previous {
            n += 1
            previous = v
        }
        values = []
        return n
    }

    /// LSD radix sort, 16 bits a pass: linear time, sequential memory traffic.
    static func radixSort(_ a: inout [UInt64]) {
        guard a.count > 64 else { a.sort(); return }
        var buffer = [UInt64](repeating: 0, count: a.count)
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift in stride(from: 0, to: 64, by: 16) {
            for i in counts.indices { counts[i] = 0 }
            for v in a { counts[Int((v >> UInt64(shift)) & 0xFFFF)] += 1 }
            var total = 0
            for i in counts.indices {
                let c = counts[i]
                counts[i] = total
                total += c
            }
            for v in a {
                let d = Int((v >> UInt64(shift)) & 0xFFFF)
                buffer[counts[d]] = v
                counts[d] += 1
            }
            swap(&a, &buffer)
        }
    }
}
