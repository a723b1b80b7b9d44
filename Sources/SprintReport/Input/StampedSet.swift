/// A small set of 64-bit hashes, each with a tag, that is emptied without being cleared:
/// open addressing over plain memory, a slot belonging to the set when its stamp is the
/// set's current one. Used where a set is filled and emptied again and again — a team's
/// period keys (`RowStore.noteKey`), a group of hashes being counted (`DistinctCount`) —
/// so that emptying costs nothing and an insert is a few loads and stores in the cache.
///
/// The caller keeps it at most half full (`capacity`): then a probe always meets an empty
/// slot.
struct StampedSet: ~Copyable {
    private struct Slot {
        var value: UInt64 = 0
        var tag: Int32 = 0
        var stamp: UInt32 = 0
    }

    private let slots: UnsafeMutablePointer<Slot>
    private let mask: Int
    private let shift: UInt64
    private var stamp: UInt32 = 1
    /// How many values it holds.
    private(set) var count = 0

    /// A set for up to `capacity` values, in twice as many slots (a power of two).
    init(capacity: Int) {
        var n = 2
        while n < 2 * capacity { n *= 2 }
        slots = .allocate(capacity: n)
        slots.initialize(repeating: Slot(), count: n)
        mask = n - 1
        shift = UInt64(64 - n.trailingZeroBitCount)
    }

    deinit { slots.deallocate() }

    /// The most values it takes.
    var capacity: Int { (mask + 1) / 2 }

    /// Empties the set (a new stamp; the slots are rewritten only when the stamps wrap).
    mutating func removeAll() {
        stamp &+= 1
        if stamp == 0 {
            for s in 0...mask { slots[s].stamp = 0 }
            stamp = 1
        }
        count = 0
    }

    /// Adds `value` with `tag`; false when that pair was there already. At most `capacity`
    /// values: the caller checks `count` first.
    @inline(__always)
    mutating func insert(_ value: UInt64, tag: Int32 = 0) -> Bool {
        precondition(count < capacity, "StampedSet: full")
        // The slot from all the bits, mixed (Fibonacci hashing): the values of a
        // `DistinctCount` group share their top bits.
        var s = Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while slots[s].stamp == stamp {
            if slots[s].value == value && slots[s].tag == tag { return false }
            s = (s + 1) & mask
        }
        slots[s] = Slot(value: value, tag: tag, stamp: stamp)
        count += 1
        return true
    }
}
