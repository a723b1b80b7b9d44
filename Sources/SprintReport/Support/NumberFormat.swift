/// The one number formatter of the tool (`design.md`, "Numbers"). Every page, table and
/// text report formats through here, so the same figure always reads the same.
public enum NumberFormat {
    /// The mark for an undefined figure.
    public static let undefined = "—"

    /// Rounds half away from zero to `places` decimals (`summary-json.md`).
    public static func rounded(_ x: Double, places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (x * scale).rounded(.toNearestOrAwayFromZero)
        return scaled / scale
    }

    /// Fixed decimals with comma thousands separators: `fixed(1234.5, 1)` → `1,234.5`.
    /// Negative zero prints as `0`.
    public static func fixed(_ x: Double, _ places: Int, grouping: Bool = true) -> String {
        guard x.isFinite else { return undefined }
        var r = rounded(x, places: places)
        if r == 0 { r = 0 }  // drop the sign of -0
        let negative = r < 0
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let units = (abs(r) * scale).rounded()
        let whole = (units / scale).rounded(.down)
        let frac = Int((units - whole * scale).rounded())
        var intText = String(Int(whole))
        if grouping && intText.count > 3 {
            var out = ""
            for (i, ch) in intText.enumerated() {
                if i > 0 && (intText.count - i) % 3 == 0 { out.append(",") }
                out.append(ch)
            }
            intText = out
        }
        var s = negative ? "-" + intText : intText
        if places > 0 {
            var f = String(frac)
            while f.count < places { f = "0" + f }
            s += "." + f
        }
        return s
    }

    /// An amount of work: up to 1 decimal, no trailing `.0` (`24.5`, `24`, `1,234.5`).
    public static func amount(_ x: Double?) -> String {
        guard let x, x.isFinite else { return undefined }
        let s = fixed(x, 1)
        return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
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
        guard s.contains(".") else { return s }
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
