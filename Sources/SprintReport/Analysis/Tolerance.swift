/// When two figures agree (`docs/metrics.md#identities-derive-and-check`): |x − y| ≤ 0.01 + 0.005 · max(|x|, |y|).
/// Used by the identity checks and the parent/children comparison alike.
enum Tolerance {
    static func agree(_ x: Double, _ y: Double) -> Bool {
        abs(x - y) <= 0.01 + 0.005 * max(abs(x), abs(y))
    }
}
