/// Compact SVG path data: absolute `M` moves, relative `l`/`h`/`v` steps, at most 1 decimal,
/// no leading zero (`.5`), no space before a minus sign (`6.2-14`).
///
/// A line of 26 points or the bars of 26 periods as one `<path>` instead of one element
/// per mark: marks that carry no `<title>` of their own (the period's hover area carries
/// it) cost 10–25 bytes each instead of 80–130. Steps are differences of coordinates
/// already rounded to tenths, so the path never drifts.
struct PathData {
    private(set) var text = ""
    /// The current point, in tenths of a user unit.
    private var cx = 0, cy = 0
    /// The last command letter written: a `line` after a `line` needs no new `l`.
    private var command: Character = " "

    var isEmpty: Bool { text.isEmpty }

    /// Tenths of a user unit (finite; non-finite values are 0).
    static func tenths(_ x: Double) -> Int { x.isFinite ? Int((x * 10).rounded()) : 0 }

    /// `12`, `12.5`, `.5`, `-.5`: a number of tenths.
    static func number(_ t: Int) -> String {
        let a = abs(t)
        var s = t < 0 ? "-" : ""
        if a >= 10 { s += String(a / 10) }
        if a % 10 != 0 { s += "." + String(a % 10) } else if a < 10 { s += "0" }
        return s
    }

    private mutating func append(_ t: Int) {
        let n = Self.number(t)
        if let last = text.last, last.isNumber && !n.hasPrefix("-") {
            text += " "
        }
        text += n
    }

    private mutating func command(_ c: Character) {
        text.append(c)
        command = c
    }

    mutating func move(_ x: Double, _ y: Double) {
        command("M")
        cx = Self.tenths(x)
        cy = Self.tenths(y)
        append(cx)
        append(cy)
    }

    /// A straight line from the current point to (x, y).
    mutating func line(_ x: Double, _ y: Double) {
        let tx = Self.tenths(x), ty = Self.tenths(y)
        if command != "l" { command("l") }
        append(tx - cx)
        append(ty - cy)
        cx = tx
        cy = ty
    }

    /// A closed rectangle (`M x y h w v h h -w z`) with corners on tenths.
    mutating func rect(x: Double, y: Double, width: Double, height: Double) {
        move(x, y)
        let w = Self.tenths(x + width) - cx, h = Self.tenths(y + height) - cy
        command("h")
        append(w)
        command("v")
        append(h)
        command("h")
        append(-w)
        command("z")
    }

    /// A horizontal line from `from` to `to` at `y` (`M x y h w`).
    mutating func horizontal(from: Double, to: Double, y: Double) {
        move(from, y)
        command("h")
        append(Self.tenths(to) - cx)
        cx = Self.tenths(to)
    }

    /// A dot: a zero-length step that a round line cap paints as a circle of the stroke's width.
    mutating func dot(_ x: Double, _ y: Double) {
        move(x, y)
        command("h")
        text += "0"
    }
}
