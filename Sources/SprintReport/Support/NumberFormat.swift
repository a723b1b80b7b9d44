/// The one number formatter of the tool (`docs/metrics.md#how-figures-are-printed`). Every page, table and
/// text report formats through here, so the same figure always reads the same.
public enum NumberFormat {
    /// The mark for an undefined figure.
    public static let undefined = "—"

    /// Rounds half away from zero to `places` decimals (`docs/metrics.md#how-figures-are-printed`).
    public static func rounded(_ x: Double, places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<max(places, 0) { scale *= 10 }
        let scaled = (x * scale).rounded(.toNearestOrAwayFromZero)
        return scaled / scale
    }

    /// Fixed decimals with comma thousands separators: `fixed(1234.5, 1)` → `1,234.5`.
    /// Negative zero prints as `0`.
    public static func fixed(_ x: Double, _ places: Int, grouping: Bool = true) -> String {
        fixed(x, places, grouping: grouping, droppingZeroFraction: false)
    }

    /// `fixed`, without a fraction of only zeros when `droppingZeroFraction` (`amount`'s
    /// `24` for `24.0`, without a second string).
    private static func fixed(_ x: Double, _ places: Int, grouping: Bool, droppingZeroFraction: Bool) -> String {
        guard x.isFinite else { return undefined }
        // No caller asks for more than a few decimals; past 17 the fraction's digits would
        // not fit an Int.
        let places = min(max(places, 0), 17)
        // A figure past Int's range (never an export's value: the reader bounds those, but a
        // ratio over a tiny denominator or a long sum can get there) has no digits worth
        // grouping: it prints as Swift's shortest form (`1e+19`), the same on every machine.
        guard let (negative, wholeUnits, frac) = parts(x, places: places) else { return x.description }
        // Written as bytes into a stack buffer (tables format every value of every period:
        // the `String` concatenations here were 9 % of a site build).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64 + places) { buf in
            var n = 0
            func put(_ b: UInt8) {
                buf[n] = b
                n += 1
            }
            /// `String(v)` zero-padded in front to `width` characters, with `,` every three
            /// digits when `group` (`v` is negative only for a fraction that rounding of huge
            /// values left below zero; it prints as `String` prints it).
            func putDigits(_ v: Int, width: Int, group: Bool) {
                let sign = v < 0 ? 1 : 0
                var count = 1, m = v.magnitude
                while m >= 10 {
                    m /= 10
                    count += 1
                }
                for _ in (count + sign)..<max(width, count + sign) { put(UInt8(ascii: "0")) }
                if sign == 1 { put(UInt8(ascii: "-")) }
                var p: UInt = 1
                for _ in 1..<count { p *= 10 }
                var rest = v.magnitude
                for i in 0..<count {
                    if group && i > 0 && (count - i) % 3 == 0 { put(UInt8(ascii: ",")) }
                    put(UInt8(ascii: "0") + UInt8(rest / p))
                    rest %= p
                    p /= 10
                }
            }
            if negative { put(UInt8(ascii: "-")) }
            putDigits(wholeUnits, width: 0, group: grouping)
            if places > 0 && !(droppingZeroFraction && frac == 0) {
                put(UInt8(ascii: "."))
                putDigits(frac, width: places, group: false)
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buf[0..<n]), as: UTF8.self)
        }
    }

    /// `x` (finite) rounded to `places` (0…17) decimals half away from zero: its sign (never
    /// that of a zero), whole units and decimals (an integer of `places` digits); nil when the
    /// whole units are past `Int`. `fastParts` where it applies, else `readableParts`.
    static func parts(_ x: Double, places: Int) -> (negative: Bool, whole: Int, frac: Int)? {
        fastParts(x, places: places) ?? readableParts(x, places: places)
    }

    /// The definition of `parts`, in the steps of `rounded`.
    static func readableParts(_ x: Double, places: Int) -> (negative: Bool, whole: Int, frac: Int)? {
        var r = rounded(x, places: places)
        if r == 0 { r = 0 }  // drop the sign of -0
        let negative = r < 0
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let units = (abs(r) * scale).rounded()
        let whole = (units / scale).rounded(.down)
        guard let wholeUnits = Int(checked: whole) else { return nil }
        let frac = Int(clamping: (units - whole * scale).rounded(), to: -Int(scale)...Int(scale))
        return (negative, wholeUnits, frac)
    }

    /// `readableParts` in integer arithmetic, for up to 6 places and |x| · 10^places < 2^50
    /// (every figure of a page); nil elsewhere. Tables format every value of every period
    /// and `rounded`'s steps are four calls into the C library (`round`, `floor`) and a
    /// division: this is a third of the work. A test compares the two on random and edge values.
    ///
    /// Why the same: `x * 10^places` is `rounded`'s own product, and below 2^50 its integer
    /// part (`Int(s)`, truncation) and the rest `s - Int(s)` are exact, so rounding half away
    /// from zero is a comparison of the rest with ±0.5. From those units, `readableParts`'
    /// divisions and roundings are exact (no quotient of integers below 2^50 is within an
    /// ulp of the next integer), which is integer division and remainder.
    static func fastParts(_ x: Double, places: Int) -> (negative: Bool, whole: Int, frac: Int)? {
        guard places >= 0, places < powersOfTen.count else { return nil }
        let k = powersOfTen[places]
        let s = x * Double(k)
        guard abs(s) < 0x1p50 else { return nil }  // false for NaN too
        var t = Int(s)
        let rest = s - Double(t)
        if rest >= 0.5 { t += 1 } else if rest <= -0.5 { t -= 1 }
        let (whole, frac) = t.magnitude.quotientAndRemainder(dividingBy: UInt(k))
        return (t < 0, Int(whole), Int(frac))
    }

    private static let powersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

    /// An amount of work: up to 1 decimal, no trailing `.0` (`24.5`, `24`, `1,234.5`).
    public static func amount(_ x: Double?) -> String {
        guard let x, x.isFinite else { return undefined }
        // `fixed(x, 1)` without a trailing `.0` (its tenths are written last, as one digit,
        // and only a zero fraction writes `.0`).
        return fixed(x, 1, grouping: true, droppingZeroFraction: true)
    }

    /// A percentage for tables: 1 decimal and a thin no-break space before `%` (`81.3 %`).
    public static func percent(_ x: Double?) -> String {
        guard let x, x.isFinite else { return undefined }
        return fixed(x, 1) + "\u{202F}%"
    }

    /// A percentage for tiles: whole number (`81 %`).
    public static func percentWhole(_ x: Double?) -> String {
        guard let x, x.isFinite else { return undefined }
        return fixed(x, 0) + "\u{202F}%"
    }

    /// A plain ratio: 2 decimals (`0.96`).
    public static func ratio(_ x: Double?) -> String {
        guard let x, x.isFinite else { return undefined }
        return fixed(x, 2)
    }

    /// A figure inside a sentence (findings, threshold lists): 2 decimals without grouping,
    /// trailing zeros dropped (`30`, `28.5`, `52.63`), so the two sides of a mismatch never
    /// print alike.
    public static func plain(_ x: Double) -> String {
        var s = fixed(x, 2, grouping: false)
        guard s.contains("."), !s.contains("e") else { return s }  // `1.5e+20` keeps its zero
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// A figure printed to 2 decimals (text and Markdown summaries).
    public static func twoDecimals(_ x: Double?) -> String {
        guard let x, x.isFinite else { return undefined }
        return fixed(x, 2)
    }

    /// A metric's value in the style its unit calls for.
    public static func value(_ x: Double?, of metric: Metric) -> String {
        switch metric.unitKind {
        case .amount, .spread: amount(x)
        case .percent: percent(x)
        case .ratio: ratio(x)
        }
    }
}
