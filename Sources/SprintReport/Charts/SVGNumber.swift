/// Coordinates in SVG attributes: 1 decimal, no grouping, no trailing `.0`, never `-0`.
/// Deterministic, so the same chart is the same bytes.
///
/// The same digits as `NumberFormat.fixed(x, 1, grouping: false)` without a trailing `.0`
/// (the same arithmetic, step by step; a test compares both), written without the
/// intermediate strings: charts format tens of thousands of coordinates per page.
enum SVGNumber {
    static func format(_ x: Double) -> String {
        var s = ""
        append(x, to: &s)
        return s
    }

    /// Appends `format(x)`.
    static func append(_ x: Double, to out: inout String) {
        let (negative, whole, frac) = parts(x)
        if negative { out += "-" }
        out += String(whole)
        if frac != 0 {
            out += "."
            out += String(frac)
        }
    }

    /// Appends `format(x)` as UTF-8.
    static func append(_ x: Double, to out: ByteBuffer) {
        let (negative, whole, frac) = parts(x)
        if negative { out.append(0x2D) }
        out.appendInteger(Int64(whole))
        if frac != 0 {
            out.append(0x2E)
            out.appendInteger(Int64(frac))
        }
    }

    /// Sign, whole units and tenths of `x` rounded to 1 decimal (half away from zero).
    @inline(__always) private static func parts(_ x: Double) -> (negative: Bool, whole: Int, frac: Int) {
        let x = x.isFinite ? x : 0
        var r = (x * 10).rounded(.toNearestOrAwayFromZero) / 10  // NumberFormat.rounded(x, places: 1)
        if r == 0 { r = 0 }
        let units = (abs(r) * 10).rounded()
        let whole = (units / 10).rounded(.down)
        let frac = Int((units - whole * 10).rounded())
        return (r < 0, Int(whole), frac)
    }
}
