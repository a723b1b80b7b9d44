/// Coordinates in SVG attributes: 1 decimal, no grouping, no trailing `.0`, never `-0`.
/// Deterministic (goes through `NumberFormat.fixed`), so the same chart is the same bytes.
enum SVGNumber {
    static func format(_ x: Double) -> String {
        let s = NumberFormat.fixed(x.isFinite ? x : 0, 1, grouping: false)
        return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
    }
}
