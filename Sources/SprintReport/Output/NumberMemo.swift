/// The text `ByteCursor.number` last printed through `description` (the standard library's
/// shortest round-trip form) for some doubles, by their bits: a cache of that output, so a
/// number seen again is copied rather than formatted again.
///
/// Why: a series point's rolling mean is the mean of up to three exported amounts, mostly a
/// third (`41.833333333333336`), which only the standard library's shortest round-trip
/// formatter prints; that was the largest single cost of the series after the copying of the
/// bytes (perf). A large export has few distinct means (the amounts are few: about 700
/// distinct ones among the million such means of a 1.56 M-row export), so nearly every one
/// is found here. Nothing is computed here: the text is what `description` gave the first
/// time, so the bytes are the same with or without the memo (`OutputFastPathTests`
/// compares the two).
///
/// One memo per `ByteBuffer` that asks for one (`JSONWriter`'s), or per thread for the
/// buffers it writes in turn (`OrderedBatches`), used by one thread at a time; direct-mapped (a number's slot is a hash of its bits; a number
/// takes its slot over from the one there). 1,024 slots (32 KB): with 256 the distinct
/// means took each other's slots and about one in seven was formatted again (callgrind of
/// a 156,000-row export: 67,000 formatter calls, 45,000 with 1,024, most of them the
/// teams' ratios, each printed once); 4,096 saved no more (perf), and one of 128 KB missed
/// the cache on most lookups and cost more than it saved.
struct NumberMemo {
    /// `slots` slots of 4 words: the double's bits, then its text zero-padded to 23 bytes
    /// and its length in the last byte.
    private let words: UnsafeMutablePointer<UInt64>

    static let slots = 1 << slotBits
    private static let slotBits = 10
    /// Longest text kept (`-2.2250738585072014e-308`, 24 bytes, is not).
    static let maxText = 23
    /// The key of an empty slot: a NaN's bits (only finite numbers are looked up).
    private static let empty = Double.nan.bitPattern

    /// A memo with every slot empty; `free()` releases it.
    init() {
        words = .allocate(capacity: 4 * Self.slots)
        words.initialize(repeating: 0, count: 4 * Self.slots)
        for i in 0..<Self.slots { words[4 * i] = Self.empty }
    }

    func free() { words.deallocate() }

    /// A memo's lifetime: made with it, freed with the last buffer that uses it (the buffers
    /// hold the memo itself, a pointer, so reading it takes no reference count).
    final class Owner {
        let memo = NumberMemo()
        deinit { memo.free() }
    }

    /// The slot of a double's bits (Fibonacci hashing: the top bits of a multiple).
    @inline(__always) private func slot(_ bits: UInt64) -> UnsafeMutablePointer<UInt64> {
        words + 4 * Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> (64 - Self.slotBits))
    }

    /// Copies the text kept for `bits` to `p` (24 bytes written; the caller has room for
    /// `ByteCursor.maxNumber`) and gives its length, or nil when it is not kept.
    @inline(__always) func copy(_ bits: UInt64, to p: UnsafeMutablePointer<UInt8>) -> Int? {
        let s = slot(bits)
        guard s[0] == bits else { return nil }
        let dst = UnsafeMutableRawPointer(p)
        dst.storeBytes(of: s[1], as: UInt64.self)
        dst.storeBytes(of: s[2], toByteOffset: 8, as: UInt64.self)
        dst.storeBytes(of: s[3], toByteOffset: 16, as: UInt64.self)
        return Int(s[3] >> 56)
    }

    /// Keeps `text` (what `number` printed) for `bits`, when it fits.
    @inline(__always) func keep(_ bits: UInt64, _ text: UnsafePointer<UInt8>, count: Int) {
        guard count <= Self.maxText else { return }
        let s = slot(bits)
        s[0] = bits
        s[1] = 0
        s[2] = 0
        s[3] = 0
        let raw = UnsafeMutableRawPointer(s + 1)
        raw.copyMemory(from: text, byteCount: count)
        s[3] |= UInt64(count) << 56
    }
}
