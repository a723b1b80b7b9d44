/// Total conversions from `Double` to `Int`.
///
/// `Int(x)` traps when `x` is NaN, infinite or beyond `Int`'s range, and a figure can get
/// there from a file: an export's cell is bounded when it is read (`NumberCell.magnitudeLimit`),
/// but a ratio with a tiny denominator (creep / a commit of 1e-20) or a long sum is not.
/// Every conversion of a computed figure goes through one of these two instead.
extension Int {
    /// `x` rounded toward zero, or nil when it is NaN, infinite or outside `Int`'s range.
    @inline(__always)
    init?(checked x: Double) {
        // -2^63 is a double and an Int; 2^63 is a double but one past Int.max. NaN fails both.
        guard x >= -9_223_372_036_854_775_808.0, x < 9_223_372_036_854_775_808.0 else { return nil }
        self = Int(x)
    }

    /// `x` rounded toward zero and clamped into `bounds`; NaN gives the value of `bounds`
    /// nearest to 0. For geometry and counts, where an answer at the edge beats none.
    @inline(__always)
    init(clamping x: Double, to bounds: ClosedRange<Int>) {
        if let i = Int(checked: x) {
            self = Swift.min(Swift.max(i, bounds.lowerBound), bounds.upperBound)
        } else if x.isNaN {
            self = Swift.min(Swift.max(0, bounds.lowerBound), bounds.upperBound)
        } else {
            self = x < 0 ? bounds.lowerBound : bounds.upperBound  // beyond Int: beyond the bounds
        }
    }
}
