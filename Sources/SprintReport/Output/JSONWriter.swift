/// Writes JSON as UTF-8 bytes into a buffer, pretty-printed with two-space indentation or,
/// inside a `compact` container, on one line (`{"a": 1, "b": [2, 3]}`), and hands the buffer
/// to `sink` each time it passes `chunk` bytes, so a large document never exists whole.
///
/// Hand-written for speed (`summary --format json` of a 1.5 M-row export is ≈ 1 GB of
/// text): no tree of values, no `String` per key or integral number. Numbers are written in
/// the shortest round-trip form (integral values without `.0`, never NaN or infinity: `null`).
import Foundation
import Synchronization

public struct JSONWriter {
    private let bytes: ByteBuffer
    private let chunk: Int
    /// Called from whichever thread composes (see `init(chunk:bytesSink:stop:)`): `@Sendable`.
    private let sink: @Sendable (UnsafeBufferPointer<UInt8>) -> Void
    /// Asked before each parallel batch of `elements` is started: true once the sink failed.
    private let stop: @Sendable () -> Bool
    /// One entry per open container: true until its first member is written.
    private var first: [Bool] = []
    /// Stack level of the outermost compact container, if inside one.
    private var compactLevel: Int?
    /// A key was just written: the next value follows it directly.
    private var afterKey = false
    /// The threads and buffers of `elements`, kept from one call to the next.
    private var pool: OrderedBatches?

    /// A writer that calls `sink` with about `chunk` bytes at a time (never inside a value),
    /// on the threads `init(chunk:bytesSink:stop:)` describes: one call at a time, in order.
    public init(chunk: Int = 1 << 20, sink: @escaping @Sendable ([UInt8]) -> Void) {
        self.init(chunk: chunk, bytesSink: { sink(Array($0)) })
    }

    /// A writer that hands `sink` its bytes in place (valid only during the call): no copy
    /// per piece. Pieces are about `chunk` bytes, or one batch of parallel elements.
    ///
    /// The sink is called on the writer's thread, and during `elements` on any of the
    /// threads composing the elements: one call at a time (each ends before the next
    /// starts), in the order of the document. `stop` is asked before each batch of
    /// `elements` is started; once it returns true (a sink that failed), no further batch
    /// is composed. The sink is still called with the batches already started and the
    /// members written outside `elements`; a sink that failed ignores them.
    public init(chunk: Int = 1 << 20, bytesSink: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Void,
                stop: @escaping @Sendable () -> Bool = { false }) {
        self.chunk = chunk
        self.sink = bytesSink
        self.stop = stop
        bytes = ByteBuffer(memoizingNumbers: true)
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
        let all = Collected()
        var w = JSONWriter(chunk: 1 << 16, bytesSink: { all.append($0) })
        body(&w)
        w.finish()
        return String(decoding: all.bytes, as: UTF8.self)
    }

    /// The pieces a sink was given, joined: the sink may run on any composing thread, so
    /// they are kept behind a lock.
    final class Collected: Sendable {
        private let all = Mutex<[UInt8]>([])
        func append(_ piece: UnsafeBufferPointer<UInt8>) { all.withLock { $0 += piece } }
        var bytes: [UInt8] { all.withLock { $0 } }
    }

    /// The final newline, then everything left to the sink.
    public mutating func finish() {
        bytes.append(0x0A)
        flush()
    }

    private func flush() { Self.flush(bytes, to: sink) }

    private static func flush(_ bytes: ByteBuffer, to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard bytes.count > 0 else { return }
        bytes.withBytes { sink($0) }
        bytes.count = 0
    }

    /// A writer for elements of an open container at stack depth `depth`, into `buffer`
    /// (never flushed): made on another thread, handed on in order by `elements`.
    private init(elementsAt depth: Int, first isFirst: Bool, compactLevel: Int?, buffer: ByteBuffer) {
        chunk = Int.max
        sink = { _ in }
        stop = { false }
        bytes = buffer
        first = Array(repeating: false, count: depth - 1) + [isFirst]
        self.compactLevel = compactLevel
    }

    /// Writes `count` elements of the open array, `element(i, &writer)` each, made in
    /// parallel `batch` at a time (`OrderedBatches`) and handed on in index order: the same
    /// bytes as writing them one by one here, whatever the thread count or batch size.
    public mutating func elements(count: Int, batch: Int = 16,
                                  _ element: @escaping @Sendable (Int, inout JSONWriter) -> Void) {
        precondition(!afterKey && !first.isEmpty, "elements(count:) needs an open container")
        guard count > 0 else { return }
        let batch = max(1, min(batch, count))
        let batches = ParallelChunks.count(count, size: batch)
        let depth = first.count, wasFirst = first[depth - 1], compact = compactLevel
        if pool == nil {
            pool = OrderedBatches(workers: ProcessInfo.processInfo.activeProcessorCount, depth: Self.buffersPerThread,
                                  capacity: Self.batchCapacity)
        }
        // This writer's buffer is appended to by the thread handing on, one batch at a time
        // (`OrderedBatches` makes the hand-ons one at a time, in order, and this thread
        // waits in `run` meanwhile): never by two threads at once.
        nonisolated(unsafe) let bytes = bytes
        let sink = sink, chunk = chunk
        pool?.run(count: batches, compose: { b, buffer in
            var w = JSONWriter(elementsAt: depth, first: wasFirst && b == 0, compactLevel: compact, buffer: buffer)
            for i in ParallelChunks.indexes(ofChunk: b, count: count, size: batch) { element(i, &w) }
        }, hand: { Self.hand($0, to: bytes, chunk: chunk, sink: sink) }, stop: stop)
        first[depth - 1] = false
    }

    /// Buffers each composing thread of `elements` fills before it waits for the first to be
    /// handed on: room to go on while another thread writes out a batch.
    static let buffersPerThread = 3

    /// The room each of those buffers starts with (they grow to their largest batch, and
    /// keep it from one call to the next).
    static let batchCapacity = 1 << 16

    /// A composed batch smaller than this is copied into the writer's buffer (many small
    /// batches make one write); one this large or larger goes to the sink as it is.
    static let copiedBelow = 1 << 16

    /// Bytes another writer made for the open container of the writer with buffer `bytes`,
    /// in order: small pieces are copied into that buffer, large ones go to the sink as
    /// they are (no copy).
    private static func hand(_ other: ByteBuffer, to bytes: ByteBuffer, chunk: Int,
                             sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        if other.count < copiedBelow {
            if bytes.count >= chunk { flush(bytes, to: sink) }
            other.withBytes { bytes.append($0) }
        } else {
            flush(bytes, to: sink)
            other.withBytes { sink($0) }
        }
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

    /// A member's key given as its quoted UTF-8 bytes followed by `: ` (`keyBytes`), read
    /// in place.
    mutating func key(bytes k: UnsafeBufferPointer<UInt8>) {
        beforeValue()
        bytes.append(k)
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

    /// A day as `"yyyy-MM-dd"`, or `null` (`ByteCursor.day`).
    public mutating func day(_ d: Day?) {
        beforeValue()
        bytes.write(atMost: 128) { $0.day(d) }
    }

    /// A value written by `body` as raw bytes (at most `n` of them) in the container's
    /// layout: for values whose bytes are composed ahead (`SeriesJSON`).
    mutating func rawValue(atMost n: Int, _ body: (inout ByteCursor) -> Void) {
        beforeValue()
        bytes.write(atMost: n, body)
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

    /// `string(Team.pathString(parts))` (a team's or node's path) without making the
    /// joined string.
    public mutating func string(path parts: [String]) {
        beforeValue()
        var n = 0
        for p in parts { n += p.utf8.count + 1 }
        bytes.write(atMost: ByteCursor.maxQuoted(utf8Count: n)) { $0.quoted(path: parts) }
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
        if bytes.count >= chunk { flush() }
        separate(first: first[top], container: top, indent: top + 1)
        first[top] = false
    }

    /// Before a member (or the closing bracket, as `first`) of the container at stack index
    /// `container`: `,` then a new line and `indent` levels, or `, ` on one line inside a
    /// compact container.
    private mutating func separate(first isFirst: Bool, container: Int, indent: Int) {
        if let compactLevel, container >= compactLevel {
            if !isFirst { raw(Self.memberSeparator) }
            return
        }
        if indent <= Self.runIndent {
            // The same bytes as below, as one piece of `lineBreaks` (16 at a time): one per
            // series point, so a loop per level was a cost of its own (callgrind).
            let from = isFirst ? 1 : 0
            bytes.write(atMost: 2 + 2 * indent + ByteCursor.padding) { c in
                c.putPadded(UnsafeBufferPointer(start: Self.lineBreaks.utf8Start + from, count: 2 - from + 2 * indent))
            }
            return
        }
        bytes.write(atMost: 2 + 2 * indent) { c in
            if !isFirst { c.put(0x2C) }
            c.put(0x0A)
            for _ in 0..<indent { c.put("  ") }
        }
    }

    /// Between two members of a compact container (also in `MetricText`'s keys).
    static let memberSeparator: StaticString = ", "

    /// `,`, a new line and `runIndent` levels of indentation, then `ByteCursor.padding` more
    /// bytes for `putPadded` to read. `OutputJSONWriterTests` checks its layout.
    static let lineBreaks: StaticString = ",\n                                                                                "
    static let runIndent = 32
}
