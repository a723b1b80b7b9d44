/// One plain double per metric, inline: the working form for code that computes on every
/// metric of a period at once (the identities, running sums). `MetricValues` is the stored
/// form; `MetricValues.slots` and `MetricValues(slots:)` convert, keeping every bit.
///
/// A missing value is `nil` through the API; inside, it is NaN (no value an export can
/// hold, since cells are checked `isFinite`).
public struct MetricSlots: Sendable {
    /// One double per `Metric` case, by `Metric.index`. A generic value parameter takes only
    /// a literal, so the count is written here once; `ModelMetricValuesTests` checks that it
    /// is `Metric.count`.
    typealias Storage = InlineArray<20, Double>

    private var storage: Storage

    /// Every metric missing.
    public init() { storage = Storage(repeating: .nan) }

    /// The value of `metric`, nil when missing. Read in place from a `var` or `inout`
    /// `MetricSlots`; Swift copies a borrowed one (160 bytes) for each access, which is why
    /// the formulas in `Identities` take theirs `inout`.
    @inline(__always)
    public subscript(metric: Metric) -> Double? {
        get {
            let v = storage[metric.index]
            return v.isNaN ? nil : v
        }
        set { storage[metric.index] = newValue ?? .nan }
    }

    /// The value in slot `i` (`Metric.index`), NaN when missing: the form `MetricValues`
    /// converts from and to.
    @inline(__always)
    subscript(slot i: Int) -> Double {
        get { storage[i] }
        set { storage[i] = newValue }
    }

    /// Calls `body` for each of `metrics` that has a value, in `Metric.index` order, with its
    /// slot and value.
    @inline(__always)
    func forEachValue(of metrics: MetricSet = .all, _ body: (_ slot: Int, _ value: Double) -> Void) {
        let values = storage.span  // one copy of a borrowed `self` at most, not one per slot
        var m = metrics.bits & MetricSet.all.bits  // bits past the metrics name none
        while m != 0 {
            let i = m.trailingZeroBitCount
            m &= m &- 1
            let x = values[i]
            if !x.isNaN { body(i, x) }
        }
    }

    /// Whether every one of `metrics` has a value. `mutating` only to read the slots where
    /// they are: a borrowed `MetricSlots` was copied whole (160 bytes) for each slot read.
    @inline(__always)
    mutating func hasAll(_ metrics: MetricSet) -> Bool {
        var m = metrics.bits & MetricSet.all.bits  // bits past the metrics name none
        var missing = false
        while m != 0 {
            let i = m.trailingZeroBitCount
            m &= m &- 1
            missing = missing || storage[i].isNaN
        }
        return !missing
    }

    /// Whether no metric has a value.
    public var isEmpty: Bool {
        var empty = true
        forEachValue { _, _ in empty = false }
        return empty
    }

    /// Adds each value of `values` among `metrics` to its slot; a missing sum starts at 0, a
    /// missing value adds nothing: `self[m] = (self[m] ?? 0) + value`. Only those metrics'
    /// values are decoded.
    @inline(__always)
    public mutating func add(_ values: MetricValues, of metrics: MetricSet) {
        values.forEachValue(of: metrics) { i, value in add(value.double, toSlot: i) }
    }

    /// The same with the values of other sums.
    @inline(__always)
    public mutating func add(_ other: MetricSlots, of metrics: MetricSet) {
        other.forEachValue(of: metrics) { i, x in add(x, toSlot: i) }
    }

    /// The same with the sums at `other`, read in place: slots passed on as a value were
    /// copied whole (160 bytes) for every addition (perf). `storage` is the only stored
    /// property, so its `Metric.count` doubles start at `other`.
    @inline(__always)
    mutating func add(_ other: UnsafePointer<MetricSlots>, of metrics: MetricSet) {
        let values = UnsafeRawPointer(other).assumingMemoryBound(to: Double.self)
        var m = metrics.bits & MetricSet.all.bits  // bits past the metrics name none
        while m != 0 {
            let i = m.trailingZeroBitCount
            m &= m &- 1
            Self.add(sum: values[i], into: &storage[i])
        }
    }

    @inline(__always)
    private mutating func add(_ x: Double, toSlot i: Int) {
        storage[i] = Self.sum(storage[i], adding: x)
    }

    /// One step of a running sum: a missing sum (NaN) starts at 0. Every addition into
    /// slots is this one (also `MonthlySums`, which keeps the additive slots packed).
    @inline(__always)
    static func sum(_ sum: Double, adding x: Double) -> Double {
        (sum.isNaN ? 0 : sum) + x
    }

    /// Adds another running sum `x` into `sum` by that step: a missing one (NaN) adds
    /// nothing. Every addition of sums to sums is this one (also `MonthlySums.add`).
    @inline(__always)
    static func add(sum x: Double, into sum: inout Double) {
        if !x.isNaN { sum = Self.sum(sum, adding: x) }
    }
}
