/// The values of every known metric for one period, stored inline (no allocation per row).
/// A missing value is `nil` through the API; missing is never zero.
///
/// Compact representation (a row of an org export is kept for the whole run, so its size is
/// the reader's memory per row): each metric is a 3-byte `Code`, the hundredths of the value
/// (an export's figures have at most two decimals). The first value that is not exactly a
/// number of hundredths (`1/3`, `-0.0`, a derived percentage) switches the whole row to
/// `wide`: one plain double per metric (NaN = missing) in a heap array. Reads give back
/// bit-identical doubles to what was stored, in either form. The codes never leave this
/// file: the reader stores hundredths (`set(hundredths:at:)`), the JSON writer reads them
/// (`forEachValue`), everything else sees doubles.
public struct MetricValues: Sendable, Equatable {
    /// Empty while compact; else every slot (NaN = missing), and `codes` is unused.
    private var wide: [Double]
    /// The compact form, one code per metric.
    private var codes: Codes

    /// Every metric missing.
    public init() {
        wide = []
        codes = Codes()
    }

    // MARK: - The compact code

    /// The code of one value. This is the definition of the compact form:
    ///
    ///     code 0              missing
    ///     code h + 2^23       the hundredths h, |h| ≤ 2^23 − 1: the double Double(h) / 100
    ///
    /// A double is given a code only when it *is* `Double(h) / 100` for such an h, bit for
    /// bit (`hundredths(exactly:)`). IEEE division is correctly rounded, so every decimal
    /// with at most two fraction digits and |h| < 2^23 qualifies; `-0.0` and `1/3` do not.
    private enum Code {
        static let missing = 0
        static let bias = 1 << 23
        /// The largest |h| that has a code (codes are 1 … 2^24 − 1).
        static let limit = bias - 1

        @inline(__always) static func encode(hundredths h: Int) -> Int { h &+ bias }
        @inline(__always) static func hundredths(_ code: Int) -> Int { code &- bias }
        /// The double of a code, NaN when missing.
        @inline(__always) static func value(_ code: Int) -> Double {
            code == missing ? .nan : Double(hundredths(code)) / 100
        }

        /// The hundredths h with `Double(h) / 100 == v` bit for bit and |h| ≤ `limit`, if any.
        @inline(__always) static func hundredths(exactly v: Double) -> Int? {
            let c = v * 100
            guard c.magnitude < Double(limit) + 1 else { return nil }
            // Nearest integer by truncating c ± 0.5 (no libm call); the round trip below is
            // the proof of exactness, so a miss only costs the compact form.
            let h = Int(c < 0 ? c - 0.5 : c + 0.5)
            guard h.magnitude <= UInt(limit), (Double(h) / 100).bitPattern == v.bitPattern else { return nil }
            return h
        }

        /// The code `v` is stored as (NaN: missing), nil when it has none: the values are
        /// compact while every one of them has a code.
        @inline(__always) static func code(of v: Double) -> Int? {
            if v.isNaN { return missing }
            return hundredths(exactly: v).map { encode(hundredths: $0) }
        }
    }

    /// The codes of all metrics: 3 bytes each, little-endian, by `Metric.index`.
    private struct Codes {
        /// Three bytes per metric (a generic value parameter takes only a literal:
        /// `ModelMetricValuesTests` checks that this is `3 × Metric.count`).
        typealias Bytes = InlineArray<60, UInt8>
        var bytes = Bytes(repeating: 0)

        /// The code of metric `i`. A run of reads takes `bytes.span` once and reads through
        /// `code(_:in:)`: Swift copies a borrowed `InlineArray` for each access to it.
        @inline(__always) subscript(i: Int) -> Int {
            get {
                precondition(Self.holds(i), "no such metric")
                return Self.code(i, in: bytes.span)
            }
            set {
                precondition(Self.holds(i), "no such metric")  // once for the 3 bytes
                bytes[unchecked: 3 &* i] = UInt8(truncatingIfNeeded: newValue)
                bytes[unchecked: 3 &* i &+ 1] = UInt8(truncatingIfNeeded: newValue &>> 8)
                bytes[unchecked: 3 &* i &+ 2] = UInt8(truncatingIfNeeded: newValue &>> 16)
            }
        }

        @inline(__always) static func holds(_ i: Int) -> Bool { UInt(bitPattern: i) < UInt(Metric.count) }

        /// The code of metric `i`, which the caller has checked (`holds`).
        @inline(__always) static func code(_ i: Int, in bytes: Span<UInt8>) -> Int {
            Int(bytes[unchecked: 3 &* i]) | Int(bytes[unchecked: 3 &* i &+ 1]) << 8
                | Int(bytes[unchecked: 3 &* i &+ 2]) << 16
        }
    }

    /// How many metrics the compact form holds (`Metric.count`, checked by a test).
    static var codeCapacity: Int { Codes.Bytes.count / 3 }

    /// The largest |hundredths| that `set(hundredths:at:)` stores compactly.
    static var compactLimit: Int { Code.limit }

    // MARK: - Reading and writing one value

    /// The value of slot `i`, NaN when missing.
    @inline(__always)
    private func slot(_ i: Int) -> Double {
        if _slowPath(!wide.isEmpty) { return wide[i] }
        return Code.value(codes[i])
    }

    // Inlined at every use: analysis and output read values per row and metric.
    public subscript(metric: Metric) -> Double? {
        @inline(__always) get {
            let v = slot(metric.index)
            return v.isNaN ? nil : v
        }
        set { set(newValue ?? .nan, at: metric.index) }
    }

    /// Stores `v` (NaN = missing) in slot `i`, compactly when it has a code.
    mutating func set(_ v: Double, at i: Int) {
        if wide.isEmpty {
            if let code = Code.code(of: v) { codes[i] = code; return }
            widen()
        }
        wide[i] = v
    }

    /// The reader's shortcut: stores `Double(hundredths) / 100`, as `set` would, without the
    /// division and the round trip (every such value with |hundredths| ≤ `compactLimit` has
    /// a code; any other goes through `set`).
    @inline(__always)
    mutating func set(hundredths h: Int, at i: Int) {
        if _fastPath(wide.isEmpty && h.magnitude <= UInt(Code.limit)) {
            codes[i] = Code.encode(hundredths: h)
        } else {
            set(Double(h) / 100, at: i)
        }
    }

    /// Switches to one plain double per metric.
    private mutating func widen() {
        var w = [Double](repeating: .nan, count: Metric.count)
        for i in 0..<Metric.count { w[i] = Code.value(codes[i]) }
        wide = w
    }

    // MARK: - Many values at once

    /// A stored value in its exact form.
    enum Exact {
        /// The value is `Double(k) / 100` exactly (a compact row).
        case hundredths(Int)
        case double(Double)

        @inline(__always) var double: Double {
            switch self {
            case .hundredths(let k): Double(k) / 100
            case .double(let v): v
            }
        }
    }

    /// Calls `body` for each of `metrics` that has a value, in `Metric.index` order, with its
    /// slot and exact value: hundredths while the row is compact (so a writer can print them
    /// without going through a double), else the double. Reads only those metrics' slots.
    @inline(__always)
    func forEachValue(of metrics: MetricSet = .all, _ body: (_ slot: Int, _ value: Exact) -> Void) {
        forEachValue(ranked: metrics) { _, i, v in body(i, v) }
    }

    /// `forEachValue(of:_:)` that also gives each value's rank among `metrics`: how many of
    /// them come before its metric in `Metric.index` order, with a value or not. That is its
    /// place in an array holding only those metrics (`MonthlySums` keeps the additive ones).
    @inline(__always)
    func forEachValue(ranked metrics: MetricSet, _ body: (_ rank: Int, _ slot: Int, _ value: Exact) -> Void) {
        var m = metrics.bits & MetricSet.all.bits  // bits past the metrics name none
        var rank = 0
        if _fastPath(wide.isEmpty) {  // the form is tested once, not per slot
            let bytes = codes.bytes.span
            while m != 0 {
                let i = m.trailingZeroBitCount
                m &= m &- 1
                let code = Codes.code(i, in: bytes)  // i < Metric.count: the mask has no other bits
                if code != Code.missing { body(rank, i, .hundredths(Code.hundredths(code))) }
                rank &+= 1
            }
        } else {
            while m != 0 {
                let i = m.trailingZeroBitCount
                m &= m &- 1
                let v = wide[i]
                if !v.isNaN { body(rank, i, .double(v)) }
                rank &+= 1
            }
        }
    }

    /// Every value as a plain double, for code that computes on all metrics of a row.
    public var slots: MetricSlots {
        var out = MetricSlots()
        decode(into: &out)
        return out
    }

    /// `slots` written into `out` (every slot of a value; the others left as they are): a
    /// caller's own variable filled in place. The getter's result is built on its stack
    /// and then copied out whole, a 160-byte `memcpy` per row of the analysis (perf).
    @inline(__always)
    func decode(into out: inout MetricSlots) {
        forEachValue { i, v in out[slot: i] = v.double }
    }

    /// Values from plain doubles, each stored as `set` stores it: the same bits read back,
    /// compact when every value has a code. The codes are made aside and the wide form
    /// copied at once when a value has none: sums mostly have none, and widening at the
    /// first of them (an array made, the codes before it decoded again) was most of the
    /// cost of an org tree node's months.
    public init(slots: MetricSlots) {
        self.init()
        var codes = Codes(), compact = true
        slots.forEachValue { i, v in
            guard compact else { return }
            if let code = Code.code(of: v) { codes[i] = code } else { compact = false }
        }
        if compact {
            self.codes = codes
        } else {
            // Read in place through a pointer: each slot read of the borrowed parameter
            // copied all of it (160 bytes, a `memcpy` per slot).
            wide = withUnsafePointer(to: slots) { slots in
                [Double](unsafeUninitializedCapacity: Metric.count) { buffer, count in
                    for i in 0..<Metric.count { buffer.initializeElement(at: i, to: slots.pointee[slot: i]) }
                    count = Metric.count
                }
            }
        }
    }

    /// Stores the values that `slots` has of `metrics`, each as `set` stores it: e.g. the
    /// values a computation on `slots` derived.
    mutating func store(_ slots: MetricSlots, of metrics: MetricSet) {
        slots.forEachValue(of: metrics) { i, v in set(v, at: i) }
    }

    /// The metrics that have a value.
    public var present: MetricSet {
        var s = MetricSet()
        forEachValue { i, _ in s.bits |= 1 << UInt32(i) }
        return s
    }

    /// Whether no metric has a value.
    public var isEmpty: Bool {
        if wide.isEmpty {
            // The span taken once: read through `codes[i]`, each code copied all 60 bytes.
            let bytes = codes.bytes.span
            for i in 0..<Metric.count where Codes.code(i, in: bytes) != Code.missing { return false }
            return true
        }
        for v in wide where !v.isNaN { return false }
        return true
    }

    /// Whether the values are held as codes (no heap storage).
    public var isCompact: Bool { wide.isEmpty }

    /// Equal when every metric has the same value (or is missing in both), whichever form
    /// either side is in.
    public static func == (a: MetricValues, b: MetricValues) -> Bool {
        for i in 0..<Metric.count {
            let x = a.slot(i), y = b.slot(i)
            if x.isNaN != y.isNaN || (!x.isNaN && x != y) { return false }
        }
        return true
    }
}
