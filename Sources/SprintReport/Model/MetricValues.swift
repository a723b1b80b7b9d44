/// The values of every known metric for one period, stored inline (no allocation per row).
/// A missing value is `nil` through the API; missing is never zero.
///
/// Compact representation (a row of an org export is retained for the whole run, so its
/// size is the reader's memory per row): each metric is a 3-byte code. Code 0 is missing;
/// any other code `s` stands for the hundredths `c = s − 2^23`, i.e. the double
/// `Double(c) / 100`. A value is stored that way only when that division gives back the
/// very same bits (IEEE division is correctly rounded, so every decimal with at most two
/// fraction digits and |c| < 2^23 — an export's figures — round-trips exactly; `-0.0`,
/// `1/3` and the like do not). The first value that does not switches the whole row to
/// `wide`: 20 plain doubles (NaN = missing) in a heap array. Reads return bit-identical
/// doubles to what was stored, in either form.
public struct MetricValues: Sendable, Equatable {
    /// Empty while compact; else all 20 values (NaN = missing), and `codes` is unused.
    @usableFromInline var wide: [Double]
    /// 3 bytes per metric, little-endian, by `Metric.index`.
    @usableFromInline var codes: InlineArray<60, UInt8>

    /// Bias of the codes: code `s` is the hundredths `s - bias`.
    @usableFromInline static let bias = 1 << 23
    /// Largest |hundredths| kept compact (codes 1 … 2^24 − 1; 0 is missing).
    @usableFromInline static let limit = (1 << 23) - 1

    public init() {
        wide = []
        codes = .init(repeating: 0)
    }

    @inlinable @inline(__always)
    func code(_ i: Int) -> Int {
        Int(codes[3 &* i]) | Int(codes[3 &* i &+ 1]) << 8 | Int(codes[3 &* i &+ 2]) << 16
    }

    @inlinable @inline(__always)
    mutating func setCode(_ s: Int, _ i: Int) {
        withUnsafeMutablePointer(to: &codes) { cp in  // in place: no copy of the 60 bytes
            let c = UnsafeMutableRawPointer(cp).assumingMemoryBound(to: UInt8.self)
            c[3 &* i] = UInt8(truncatingIfNeeded: s)
            c[3 &* i &+ 1] = UInt8(truncatingIfNeeded: s >> 8)
            c[3 &* i &+ 2] = UInt8(truncatingIfNeeded: s >> 16)
        }
    }

    /// The value of slot `i`, NaN when missing.
    @inlinable @inline(__always)
    func raw(_ i: Int) -> Double {
        if _slowPath(!wide.isEmpty) { return wide[i] }
        let s = code(i)
        return s == 0 ? .nan : Double(s &- Self.bias) / 100
    }

    // Inlined at every use: analysis and output read values per row and metric.
    @inlinable public subscript(metric: Metric) -> Double? {
        @inline(__always) get {
            let i = metric.index
            if _fastPath(wide.isEmpty) {
                let s = code(i)
                return s == 0 ? nil : Double(s &- Self.bias) / 100
            }
            let v = wide[i]
            return v.isNaN ? nil : v
        }
        set { set(newValue ?? .nan, at: metric.index) }
    }

    /// Stores `v` (NaN = missing) in slot `i`, compactly when it round-trips exactly.
    @inlinable
    mutating func set(_ v: Double, at i: Int) {
        if wide.isEmpty {
            if v.isNaN { setCode(0, i); return }
            let c = v * 100
            if c.magnitude < Double(Self.limit) + 1 {
                // Nearest integer by truncating c ± 0.5 (no libm call); the round trip below
                // is the proof of exactness, so a miss only costs the compact form.
                let n = Int(c < 0 ? c - 0.5 : c + 0.5)
                if n.magnitude <= UInt(Self.limit), (Double(n) / 100).bitPattern == v.bitPattern {
                    setCode(n &+ Self.bias, i)
                    return
                }
            }
            widen()
        }
        wide[i] = v
    }

    /// Switches to 20 plain doubles.
    @usableFromInline
    mutating func widen() {
        var w = [Double](repeating: .nan, count: Metric.count)
        for i in 0..<Metric.count { w[i] = raw(i) }
        wide = w
    }

    /// The reader's fast path: stores the value `hundredths / 100` exactly as `set` would
    /// store `Double(hundredths) / 100`, without the division. `|hundredths|` must be at
    /// most `compactLimit`.
    @inline(__always)
    mutating func set(hundredths: Int, at i: Int) {
        if wide.isEmpty { setCode(hundredths &+ Self.bias, i) } else { wide[i] = Double(hundredths) / 100 }
    }

    /// Compact values from 60 code bytes (3 per metric, little-endian, `hundredths + 2^23`,
    /// 0 = missing): the reader fills them straight from the cells (`codeBytes(hundredths:)`).
    init(codeBytes: UnsafeRawPointer) {
        wide = []
        codes = codeBytes.loadUnaligned(as: InlineArray<60, UInt8>.self)
    }

    /// The 3 code bytes of `hundredths` (|hundredths| ≤ `compactLimit`), as the low 24 bits.
    @inline(__always)
    static func code(hundredths: Int) -> Int { hundredths &+ bias }

    /// The largest |hundredths| that `set(hundredths:at:)` takes.
    static var compactLimit: Int { limit }

    /// The metrics that have a value.
    public var present: MetricSet {
        var s = MetricSet()
        for m in Metric.allCases where !raw(m.index).isNaN { s.insert(m) }
        return s
    }

    /// Whether no metric has a value.
    public var isEmpty: Bool {
        if wide.isEmpty {
            for i in 0..<Metric.count where code(i) != 0 { return false }
            return true
        }
        for v in wide where !v.isNaN { return false }
        return true
    }

    /// Whether the values are held as 3-byte codes (no heap storage).
    public var isCompact: Bool { wide.isEmpty }

    /// All 20 slots as plain doubles (NaN = missing), by `Metric.index`.
    @inlinable public var slots: InlineArray<20, Double> {
        var out = InlineArray<20, Double>(repeating: .nan)
        if _fastPath(wide.isEmpty) {  // the form is tested once, not per slot
            // Through raw pointers: InlineArray's checked subscripts were ≈ 40 instructions
            // a slot here (callgrind), and this runs for every row.
            withUnsafeMutablePointer(to: &out) { op in
                let o = UnsafeMutableRawPointer(op).assumingMemoryBound(to: Double.self)
                withUnsafePointer(to: codes) { cp in
                    let c = UnsafeRawPointer(cp).assumingMemoryBound(to: UInt8.self)
                    for i in 0..<Metric.count {
                        let s = Int(c[3 &* i]) | Int(c[3 &* i &+ 1]) << 8 | Int(c[3 &* i &+ 2]) << 16
                        if s != 0 { o[i] = Double(s &- Self.bias) / 100 }
                    }
                }
            }
        } else {
            for i in 0..<Metric.count { out[i] = wide[i] }
        }
        return out
    }

    /// Adds each slot of `mask` (bit i: slot i) that has a value to `sums` (a missing sum
    /// starts at 0), reading only those slots: `sums[i] = (sums[i] or 0) + value`.
    @inlinable @inline(__always)
    func addSlots(_ mask: Int, to sums: inout InlineArray<20, Double>) {
        var m = mask
        withUnsafeMutablePointer(to: &sums) { sp in
            let o = UnsafeMutableRawPointer(sp).assumingMemoryBound(to: Double.self)
            if _fastPath(wide.isEmpty) {
                withCodes { c in
                    while m != 0 {
                        let i = m.trailingZeroBitCount
                        m &= m &- 1
                        let s = Int(c[3 &* i]) | Int(c[3 &* i &+ 1]) << 8 | Int(c[3 &* i &+ 2]) << 16
                        if s == 0 { continue }
                        let t = o[i]
                        o[i] = (t.isNaN ? 0 : t) + Double(s &- Self.bias) / 100
                    }
                }
            } else {
                while m != 0 {
                    let i = m.trailingZeroBitCount
                    m &= m &- 1
                    let x = wide[i]
                    if x.isNaN { continue }
                    let t = o[i]
                    o[i] = (t.isNaN ? 0 : t) + x
                }
            }
        }
    }

    /// Runs `body` on the 60 code bytes (3 per slot, little-endian, 0 = missing, else
    /// hundredths + 2^23); meaningful only while compact (`isCompact`).
    @inlinable @inline(__always)
    func withCodes<R>(_ body: (UnsafePointer<UInt8>) throws -> R) rethrows -> R {
        try withUnsafePointer(to: codes) { try body(UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self)) }
    }

    /// The hundredths of a code read through `withCodes` (`code - 2^23`).
    @inlinable @inline(__always)
    static func hundredths(code: Int) -> Int { code &- bias }

    /// Values from 20 plain slots (NaN = missing), each stored as `set` stores it: the same
    /// bits read back, compact while every value round-trips.
    @inlinable public init(slots: InlineArray<20, Double>) {
        self.init()
        for i in 0..<Metric.count where !slots[i].isNaN { set(slots[i], at: i) }
    }

    /// Runs `body` on the 20 slots decoded into plain doubles (NaN = missing), for code that
    /// works on every metric of a row at once.
    @inlinable public func withSlots<R>(_ body: (UnsafePointer<Double>) throws -> R) rethrows -> R {
        let s = slots
        return try withUnsafePointer(to: s) { try body(UnsafeRawPointer($0).assumingMemoryBound(to: Double.self)) }
    }

    /// Runs `body` on the 20 slots decoded into plain doubles, then stores back every slot
    /// whose bits changed (through `set`, so exactness and the compact form are kept).
    @inlinable public mutating func withMutableSlots<R>(_ body: (UnsafeMutablePointer<Double>) throws -> R) rethrows -> R {
        let before = slots
        var after = before
        let result = try withUnsafeMutablePointer(to: &after) {
            try body(UnsafeMutableRawPointer($0).assumingMemoryBound(to: Double.self))
        }
        withUnsafePointer(to: before) { bp in
            withUnsafePointer(to: after) { ap in  // compared in place, not slot by slot through copies
                let b = UnsafeRawPointer(bp).assumingMemoryBound(to: UInt64.self)
                let a = UnsafeRawPointer(ap).assumingMemoryBound(to: Double.self)
                for i in 0..<Metric.count where a[i].bitPattern != b[i] { set(a[i], at: i) }
            }
        }
        return result
    }

    /// Slot view kept for code that reads `storage[i]` (NaN = missing).
    public struct Slots {
        @usableFromInline let values: MetricValues
        @usableFromInline init(values: MetricValues) { self.values = values }
        @inlinable public subscript(i: Int) -> Double { values.raw(i) }
    }

    /// The values by `Metric.index`, NaN where missing.
    @inlinable public var storage: Slots { Slots(values: self) }

    public static func == (a: MetricValues, b: MetricValues) -> Bool {
        for i in 0..<Metric.count {
            let x = a.raw(i), y = b.raw(i)
            if x.isNaN != y.isNaN || (!x.isNaN && x != y) { return false }
        }
        return true
    }
}
