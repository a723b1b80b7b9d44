/// Writes JSON as UTF-8 bytes into a buffer, pretty-printed with two-space indentation or,
/// inside a `compact` container, on one line (`{"a": 1, "b": [2, 3]}`), and hands the buffer
/// to `sink` each time it passes `chunk` bytes, so a large document never exists whole.
///
/// Hand-written for speed (`summary --format json` of a 1.5 M-row export is ≈ 1 GB of
/// text): no tree of values, no `String` per key or integral number; the separators, indentation and
/// number forms are those of `JSONValue` (which writes through this type), byte for byte.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private let chunk: Int
    private let sink: ([UInt8]) -> Void
    /// One entry per open container: true until its first member is written.
    private var first: [Bool] = []
    /// Stack level of the outermost compact container, if inside one.
    private var compactLevel: Int?
    /// A key was just written: the next value follows it directly.
    private var afterKey = false

    /// A writer that calls `sink` with about `chunk` bytes at a time (never inside a value).
    public init(chunk: Int = 1 << 20, sink: @escaping ([UInt8]) -> Void) {
        self.chunk = chunk
        self.sink = sink
        bytes.reserveCapacity(min(chunk, 1 << 20) + 4096)
    }

    /// The whole document as text, for tests and small outputs.
    public static func text(_ body: (inout JSONWriter) -> Void) -> String {
        var all: [UInt8] = []
        var w = JSONWriter(chunk: 1 << 16) { all += $0 }
        body(&w)
        w.finish()
        return String(decoding: all, as: UTF8.self)
    }

    /// The final newline, then everything left to the sink.
    public mutating func finish() {
        bytes.append(0x0A)
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    // MARK: Containers

    public mutating func beginObject(compact: Bool = false) { open(0x7B, compact: compact) }
    public mutating func endObject() { close(0x7D) }
    public mutating func beginArray(compact: Bool = false) { open(0x5B, compact: compact) }
    public mutating func endArray() { close(0x5D) }

    /// A member's key; the value written next belongs to it.
    public mutating func key(_ k: StaticString) {
        beforeValue()
        bytes.append(0x22)
        raw(k)
        bytes.append(contentsOf: [0x22, 0x3A, 0x20])
        afterKey = true
    }

    /// A member's key given as text (quoted and escaped).
    public mutating func key(_ k: String) {
        beforeValue()
        quote(k)
        bytes.append(contentsOf: [0x3A, 0x20])
        afterKey = true
    }

    // MARK: Values

    public mutating func null() { beforeValue(); raw("null") }
    public mutating func bool(_ b: Bool) { beforeValue(); raw(b ? "true" : "false") }

    /// A string, or `null`.
    public mutating func string(_ s: String?) {
        beforeValue()
        guard let s else { raw("null"); return }
        quote(s)
    }

    /// A number (see `appendNumber`), or `null` when undefined or not finite.
    public mutating func number(_ x: Double?) {
        beforeValue()
        Self.appendNumber(x, to: &bytes)
    }

    public mutating func number(_ n: Int) {
        beforeValue()
        Self.appendInteger(Int64(n), to: &bytes)
    }

    /// Integral values without `.0` (and `-0` as `0`); others in Swift's shortest
    /// round-trip form (`Double.description`), which is valid JSON (`20.884615384615383`,
    /// `1e-05`); `null` when undefined or not finite.
    static func appendNumber(_ x: Double?, to out: inout [UInt8]) {
        guard let x, x.isFinite else {
            out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
            return
        }
        if x == x.rounded(), abs(x) < 9_007_199_254_740_992 {
            appendInteger(Int64(x), to: &out)
            return
        }
        // The runtime's `swift_float64ToString` would avoid this `String`, but it leaves the
        // leading `0` of `0.x` unwritten in 6.3 (measured): `description` is the reference.
        var text = x.description
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    static func appendInteger(_ v: Int64, to out: inout [UInt8]) {
        if v < 0 { out.append(0x2D) }
        var m = v.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { p in
            var i = 20
            repeat {
                i -= 1
                p[i] = 0x30 + UInt8(m % 10)
                m /= 10
            } while m > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i...]))
        }
    }

    /// RFC 8259 string: quote, backslash and control characters escaped (and U+2028/2029,
    /// which break JavaScript); other text as UTF-8.
    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { b in
            out.append(0x22)
            var plain = true  // 0xE2 leads U+2028/2029: such text takes the slow path
            for c in b where c < 0x20 || c == 0x22 || c == 0x5C || c == 0xE2 {
                plain = false
                break
            }
            if plain {
                out.append(contentsOf: b)
            } else {
                appendEscaped(s: String(decoding: b, as: UTF8.self), to: &out)
            }
            out.append(0x22)
        }
    }

    private static func appendEscaped(s: String, to out: inout [UInt8]) {
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += [0x5C, 0x22]
            case "\\": out += [0x5C, 0x5C]
            case "\n": out += [0x5C, 0x6E]
            case "\r": out += [0x5C, 0x72]
            case "\t": out += [0x5C, 0x74]
            case _ where u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029:
                let hex = String(u.value, radix: 16)
                out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: out += Array(String(u).utf8)
            }
        }
    }

    // MARK: Layout

    private mutating func quote(_ s: String) { Self.appendQuoted(s, to: &bytes) }

    private mutating func raw(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    private mutating func open(_ bracket: UInt8, compact: Bool) {
        beforeValue()
        if compact, compactLevel == nil { compactLevel = first.count }
        bytes.append(bracket)
        first.append(true)
    }

    private mutating func close(_ bracket: UInt8) {
        let empty = first.removeLast()
        let level = first.count
        if !empty { separate(first: true, container: level, indent: level) }
        bytes.append(bracket)
        if compactLevel == level { compactLevel = nil }
    }

    /// Before a value: after a key nothing; in a container the separator and indentation;
    /// a full buffer goes to the sink first (only here, so never inside a value).
    private mutating func beforeValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard let top = first.indices.last else { return }
        if bytes.count >= chunk {
            sink(bytes)
            bytes.removeAll(keepingCapacity: true)
        }
        separate(first: first[top], container: top, indent: top + 1)
        first[top] = false
    }

    /// Before a member (or the closing bracket, as `first`) of the container at stack index
    /// `container`: `,` then a new line and `indent` levels, or `, ` on one line inside a
    /// compact container.
    private mutating func separate(first isFirst: Bool, container: Int, indent: Int) {
        if let compactLevel, container >= compactLevel {
            if !isFirst { bytes.append(contentsOf: [0x2C, 0x20]) }
            return
        }
        if !isFirst { bytes.append(0x2C) }
        bytes.append(0x0A)
        for _ in 0..<indent { bytes.append(contentsOf: [0x20, 0x20]) }
    }
}
