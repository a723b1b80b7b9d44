/// The values of every known metric for one period, stored inline (no allocation per row).
/// A missing value is `nil` through the API (NaN inside); missing is never zero.
public struct MetricValues: Sendable, Equatable {
    @usableFromInline var storage: InlineArray<20, Double>

    public init() { storage = .init(repeating: .nan) }

    @inlinable public subscript(metric: Metric) -> Double? {
        get {
            let v = storage[metric.index]
            return v.isNaN ? nil : v
        }
        set { storage[metric.index] = newValue ?? .nan }
    }

    /// The metrics that have a value.
    public var present: MetricSet {
        var s = MetricSet()
        for m in Metric.allCases where !storage[m.index].isNaN { s.insert(m) }
        return s
    }

    public var isEmpty: Bool { present.isEmpty }

    public static func == (a: MetricValues, b: MetricValues) -> Bool {
        for i in 0..<Metric.count {
            let x = a.storage[i], y = b.storage[i]
            if x.isNaN != y.isNaN || (!x.isNaN && x != y) { return false }
        }
        return true
    }
}
