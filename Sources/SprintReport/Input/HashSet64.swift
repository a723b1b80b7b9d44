/// A set of 64-bit hashes (open addressing, linear probing): counts the distinct periods of
/// a file without a `Set` insert per record, which profiling showed as a hot spot.
struct HashSet64 {
    private var slots: [UInt64] = Array(repeating: 0, count: 1024)
    private var hasZero = false
    private(set) var count = 0

    mutating func insert(_ value: UInt64) {
        if value == 0 {
            if !hasZero { hasZero = true; count += 1 }
            return
        }
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: value ^ (value >> 29)) & mask
        while true {
            let s = slots[i]
            if s == value { return }
            if s == 0 {
                slots[i] = value
                count += 1
                return
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for v in old where v != 0 {
            var i = Int(truncatingIfNeeded: v ^ (v >> 29)) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = v
        }
    }
}
