/// Coordinates in SVG attributes: 1 decimal, no grouping, no trailing `.0`, never `-0`.
/// Deterministic, so the same chart is the same bytes.
///
/// The same digits as `NumberFormat.fixed(x, 1, grouping: false)` without a trailing `.0`
/// (the same arithmetic, step by step; a test compares both), written without the
/// intermediate strings: charts format tens of thousands of coordinates per page.
enum SVGNumber {
    static func format(_ x: Double) -> String {
        let (negative, whole, frac) = parts(x)
        // Into a stack buffer: a coordinate is a small string (no allocation), and layouts
        // format tens of thousands of them per page (path data).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buf in
            var n = 0
            func put(_ v: Int) {
                if v < 0 {
                    buf[n] = UInt8(ascii: "-")
                    n += 1
                }
                var m = v.magnitude, start = n
                repeat {
                    buf[n] = UInt8(ascii: "0") + UInt8(m % 10)
                    n += 1
                    m /= 10
                } while m > 0
                var end = n - 1
                while start < end {
                    buf.swapAt(start, end)
                    start += 1
                    end -= 1
                }
            }
            if negative {
                buf[0] = UInt8(ascii: "-")
                n = 1
            }
            put(whole)
            if frac != 0 {
                buf[n] = UInt8(ascii: ".")
                n += 1
                put(frac)
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buf[0..<n]), as: UTF8.self)
        }
    }

    /// Appends `format(x)`.
    static func append(_ x: Double, to out: inout String) {
        out += format(x)
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

    /// The largest coordinate written, in either direction: a layout fed an extreme figure
    /// (a bar of 1e300 story points) places marks far outside the view box, and those are
    /// pinned at ±1e15 user units — still outside any chart (a few thousand units wide), and
    /// every step of `parts` and `PathData` (tenths, and differences of tenths) stays in `Int`.
    static let limit = 1e15

    /// Sign, whole units and tenths of `x` rounded to 1 decimal (half away from zero);
    /// `x` is first pinned into ±`limit` (non-finite: 0).
    @inline(__always) private static func parts(_ x: Double) -> (negative: Bool, whole: Int, frac: Int) {
        let x = x.isFinite ? min(max(x, -limit), limit) : 0
        var r = (x * 10).rounded(.toNearestOrAwayFromZero) / 10  // NumberFormat.rounded(x, places: 1)
        if r == 0 { r = 0 }
        let units = (abs(r) * 10).rounded()
        let whole = (units / 10).rounded(.down)
        // In range: |x| ≤ 1e15, so whole ≤ 1e15 and the tenths are 0…10.
        let frac = Int(clamping: (units - whole * 10).rounded(), to: 0...10)
        return (r < 0, Int(clamping: whole, to: 0...Int(limit) + 1), frac)
    }
}
