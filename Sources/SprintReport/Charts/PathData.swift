/// Compact SVG path data: absolute `M` moves, relative `l`/`h`/`v` steps, at most 1 decimal,
/// no leading zero (`.5`), no space before a minus sign (`6.2-14`).
///
/// A line of 26 points or the bars of 26 periods as one `<path>` instead of one element
/// per mark: marks that carry no `<title>` of their own (the period's hover area carries
/// it) cost 10–25 bytes each instead of 80–130. Steps are differences of coordinates
/// already rounded to tenths, so the path never drifts.
struct PathData {
    /// The path data as ASCII bytes: a layout writes tens of thousands of numbers per page,
    /// so digits go straight into one byte array and become a `String` once, in `text`.
    private var bytes: [UInt8] = []
    /// The current point, in tenths of a user unit.
    private var cx = 0, cy = 0
    /// The last command letter written: a `line` after a `line` needs no new `l`.
    private var command: UInt8 = 0x20

    /// The path data (`M12 3.5l2-1…`).
    var text: String { String(decoding: bytes, as: UTF8.self) }

    var isEmpty: Bool { bytes.isEmpty }

    /// Tenths of a user unit (non-finite values are 0; others pinned into ±`SVGNumber.limit`
    /// units, so the differences of two stay far inside `Int`).
    static func tenths(_ x: Double) -> Int {
        guard x.isFinite else { return 0 }
        let t = Int(SVGNumber.limit) * 10
        return Int(clamping: (x * 10).rounded(), to: -t...t)
    }

    /// `12`, `12.5`, `.5`, `-.5`: a number of tenths.
    static func number(_ t: Int) -> String {
        var p = PathData()
        p.put(t)
        return p.text
    }

    /// Appends `number(t)`'s bytes: `-`, the whole units, and `.` and the tenth unless it is 0
    /// (`0` for zero itself).
    private mutating func put(_ t: Int) {
        // Written backwards into a small stack buffer, then appended in one piece: one
        // capacity check per number instead of one per byte (tens of thousands per page).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buf in
            var i = buf.count
            func prepend(_ b: UInt8) {
                i -= 1
                buf[i] = b
            }
            let a = t.magnitude
            if a % 10 != 0 {
                prepend(UInt8(ascii: "0") &+ UInt8(a % 10))
                prepend(UInt8(ascii: "."))
            } else if a < 10 {
                prepend(UInt8(ascii: "0"))
            }
            var m = a / 10
            while m > 0 {
                prepend(UInt8(ascii: "0") &+ UInt8(m % 10))
                m /= 10
            }
            if t < 0 { prepend(UInt8(ascii: "-")) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[i...]))
        }
    }

    /// A number after the last one: a space only where digits would run together (a minus
    /// sign or a command letter separates by itself).
    private mutating func append(_ t: Int) {
        if t >= 0, let last = bytes.last, last >= UInt8(ascii: "0") && last <= UInt8(ascii: "9") {
            bytes.append(UInt8(ascii: " "))
        }
        put(t)
    }

    private mutating func command(_ c: UInt8) {
        bytes.append(c)
        command = c
    }

    mutating func move(_ x: Double, _ y: Double) {
        command(UInt8(ascii: "M"))
        cx = Self.tenths(x)
        cy = Self.tenths(y)
        append(cx)
        append(cy)
    }

    /// A straight line from the current point to (x, y).
    mutating func line(_ x: Double, _ y: Double) {
        let tx = Self.tenths(x), ty = Self.tenths(y)
        if command != UInt8(ascii: "l") { command(UInt8(ascii: "l")) }
        append(tx - cx)
        append(ty - cy)
        cx = tx
        cy = ty
    }

    /// A closed rectangle (`M x y h w v h h -w z`) with corners on tenths.
    mutating func rect(x: Double, y: Double, width: Double, height: Double) {
        move(x, y)
        let w = Self.tenths(x + width) - cx, h = Self.tenths(y + height) - cy
        command(UInt8(ascii: "h"))
        append(w)
        command(UInt8(ascii: "v"))
        append(h)
        command(UInt8(ascii: "h"))
        append(-w)
        command(UInt8(ascii: "z"))
    }

    /// A horizontal line from `from` to `to` at `y` (`M x y h w`).
    mutating func horizontal(from: Double, to: Double, y: Double) {
        move(from, y)
        command(UInt8(ascii: "h"))
        append(Self.tenths(to) - cx)
        cx = Self.tenths(to)
    }

    /// A dot: a zero-length step that a round line cap paints as a circle of the stroke's width.
    mutating func dot(_ x: Double, _ y: Double) {
        move(x, y)
        command(UInt8(ascii: "h"))
        bytes.append(UInt8(ascii: "0"))
    }
}
