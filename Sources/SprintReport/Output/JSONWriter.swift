/// Writes JSON as UTF-8 bytes into a buffer, pretty-printed with two-space indentation or,
/// inside a `compact` container, on one line (`{"a": 1, "b": [2, 3]}`), and hands the buffer
/// to `sink` each time it passes `chunk` bytes, so a large document never exists whole.
///
/// Hand-written for speed (`summary --format json` of a 1.5 M-row export is ≈ 1 GB of
/// text): no tree of values, no `String` per key or integral number. Numbers are written in
/// the shortest round-trip form (integral values without `.0`, never NaN or infinity: `null`).
import Dispatch

public struct JSONWriter {
    private let bytes = ByteBuffer()
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
        bytes.reserve(min(chunk, 1 << 20) + 4096)
    }

    /// The text of one number as the writer prints it (for tests and messages).
    public static func numberText(_ x: Double) -> String {
        let out = ByteBuffer()
        out.appendNumber(x)
        return String(decoding: out.array, as: UTF8.self)
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
        sink(bytes.array)
        bytes.count = 0
    }

    /// A writer for elements of an open container at stack depth `depth` (its own buffer,
    /// never flushed): made on another thread, appended in order with `append(_:)`.
    private init(elementsAt depth: Int, first isFirst: Bool, compactLevel: Int?) {
        chunk = Int.max
        sink = { _ in }
        first = Array(repeating: false, count: depth - 1) + [isFirst]
        self.compactLevel = compactLevel
    }

    /// Writes `count` elements of the open array, `element(i, &writer)` each, made in
    /// parallel `batch` at a time and appended in index order: the same bytes as writing them
    /// one by one here, whatever the thread count.
    public mutating func elements(count: Int, batch: Int = 16,
                                  _ element: @escaping @Sendable (Int, inout JSONWriter) -> Void) {
        precondition(!afterKey && !first.isEmpty, "elements(count:) needs an open container")
        let tasks = 8, batch = max(1, batch)
        var start = 0
        while start < count {
            let parts = min(tasks, (count - start + batch - 1) / batch)
            var written = [JSONWriter?](repeating: nil, count: parts)
            let depth = first.count, wasFirst = first[depth - 1], compact = compactLevel, from = start
            written.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let out = out  // each task writes its own slot
                DispatchQueue.concurrentPerform(iterations: parts) { t in
                    var w = JSONWriter(elementsAt: depth, first: wasFirst && t == 0, compactLevel: compact)
                    for i in from + t * batch..<min(count, from + (t + 1) * batch) { element(i, &w) }
                    out[t] = w
                }
            }
            for w in written {
                if let w { append(w) }
            }
            start += parts * batch
        }
    }

    /// The bytes another writer made for elements of this one's open container.
    private mutating func append(_ other: JSONWriter) {
        if bytes.count >= chunk {
            sink(bytes.array)
            bytes.count = 0
        }
        other.bytes.withBytes { bytes.append($0) }
        first[first.count - 1] = false
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
        raw("\": ")
        afterKey = true
    }

    /// A member's key given as its quoted UTF-8 bytes followed by `: ` (see `keyBytes`).
    public mutating func key(bytes k: [UInt8]) {
        beforeValue()
        k.withUnsafeBufferPointer { bytes.append($0) }
        afterKey = true
    }

    /// `"text": ` as bytes, made once for keys written many times (metric names).
    public static func keyBytes(_ k: String) -> [UInt8] {
        quotedBytes(k) + [0x3A, 0x20]
    }

    /// A string value given as its quoted UTF-8 bytes (see `quotedBytes`).
    public mutating func string(bytes q: [UInt8]) {
        beforeValue()
        q.withUnsafeBufferPointer { bytes.append($0) }
    }

    /// `"text"` as bytes, made once for values written many times (metric names).
    public static func quotedBytes(_ s: String) -> [UInt8] {
        let out = ByteBuffer()
        out.appendQuoted(s)
        return out.array
    }

    /// A day as `"yyyy-MM-dd"`, or `null`.
    public mutating func day(_ d: Day?) {
        beforeValue()
        guard let d else { raw("null"); return }
        let c = d.components
        guard (0...9999).contains(c.year) else { quote(d.description); return }
        func digit(_ v: Int) -> UInt8 { 0x30 + UInt8(v % 10) }
        let text: InlineArray<12, UInt8> = [0x22, digit(c.year / 1000), digit(c.year / 100), digit(c.year / 10),
                                            digit(c.year), 0x2D, digit(c.month / 10), digit(c.month), 0x2D,
                                            digit(c.day / 10), digit(c.day), 0x22]
        for i in text.indices { bytes.append(text[i]) }
    }

    /// A member's key given as text (quoted and escaped).
    public mutating func key(_ k: String) {
        beforeValue()
        quote(k)
        raw(": ")
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
        bytes.appendNumber(x)
    }

    public mutating func number(_ n: Int) {
        beforeValue()
        bytes.appendInteger(Int64(n))
    }

    // MARK: Layout

    private mutating func quote(_ s: String) { bytes.appendQuoted(s) }

    private mutating func raw(_ s: StaticString) {
        bytes.append(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
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
            sink(bytes.array)
            bytes.count = 0
        }
        separate(first: first[top], container: top, indent: top + 1)
        first[top] = false
    }

    /// Before a member (or the closing bracket, as `first`) of the container at stack index
    /// `container`: `,` then a new line and `indent` levels, or `, ` on one line inside a
    /// compact container.
    private mutating func separate(first isFirst: Bool, container: Int, indent: Int) {
        if let compactLevel, container >= compactLevel {
            if !isFirst { raw(", ") }
            return
        }
        if !isFirst { bytes.append(0x2C) }
        bytes.append(0x0A)
        for _ in 0..<indent { raw("  ") }
    }
}
