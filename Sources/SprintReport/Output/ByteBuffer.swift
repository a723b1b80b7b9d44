/// A growable run of bytes with unchecked appends: the storage behind `JSONWriter`.
///
/// Hand-written for speed: `[UInt8].append(contentsOf:)` checks uniqueness and goes through
/// generic code on every call, which was ≈ 12 % of `summary --format json` (callgrind).
///
/// The fields are kept a cache line away from any other object (`guardBefore`, `guardAfter`):
/// `count` changes with every piece written, and buffers written by two threads at once
/// (`OrderedBatches`) were allocated side by side, or next to another thread's writer state,
/// so each core took the line from the other on nearly every write (perf: the reads of the
/// writer's state took about a third of the JSON's time when both cores wrote).
final class ByteBuffer {
    private let guardBefore: CacheLine = .init()
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    var count = 0
    /// Kept for a buffer that prints many numbers, most of them seen before (`NumberMemo`),
    /// and what keeps it allocated (shared by buffers that one thread writes in turn).
    private let memo: NumberMemo?
    private let memoOwner: NumberMemo.Owner?
    private let guardAfter: CacheLine = .init()

    /// 64 bytes that nothing reads or writes.
    private struct CacheLine {
        let words: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)
    }

    init(capacity: Int = 256, memoizingNumbers: Bool = false) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
        memoOwner = memoizingNumbers ? NumberMemo.Owner() : nil
        memo = memoOwner?.memo
    }

    /// A buffer printing numbers through `owner`'s memo.
    init(capacity: Int, sharing owner: NumberMemo.Owner) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
        memoOwner = owner
        memo = owner.memo
    }

    deinit {
        base.deallocate()
    }

    /// A copy of the bytes.
    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(UnsafeBufferPointer(start: base, count: count))
    }

    func reserve(_ n: Int) {
        guard n > capacity else { return }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: n)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = n
    }

    @inline(__always) func append(_ b: UInt8) {
        if count == capacity { reserve(capacity * 2) }
        base[count] = b
        count += 1
    }

    @inline(__always) func append(_ b: UnsafeBufferPointer<UInt8>) {
        if count + b.count > capacity { reserve(max(capacity * 2, count + b.count)) }
        if let p = b.baseAddress { (base + count).update(from: p, count: b.count) }
        count += b.count
    }

    /// Makes room for `n` more bytes and lets `body` write up to that many at the end with
    /// a `ByteCursor` (one capacity check for a run of pieces).
    @inline(__always) func write(atMost n: Int, _ body: (inout ByteCursor) -> Void) {
        if count + n > capacity { reserve(max(capacity * 2, count + n)) }
        var c = ByteCursor(p: base + count, memo: memo)
        body(&c)
        count = c.p - base
    }

    /// Integral values without `.0` (and `-0` as `0`); others in Swift's shortest
    /// round-trip form (`Double.description`), which is valid JSON (`20.884615384615383`,
    /// `1e-05`); `null` when undefined or not finite (`ByteCursor.number`).
    func appendNumber(_ x: Double?) {
        write(atMost: ByteCursor.maxNumber) { $0.number(x) }
    }

    func appendInteger(_ v: Int64) {
        write(atMost: 20) { $0.integer(v) }
    }

    /// Text as is (UTF-8).
    func appendText(_ s: String) {
        if s.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil { append(contentsOf: Array(s.utf8)) }
    }

    /// RFC 8259 string (`ByteCursor.quoted`).
    func appendQuoted(_ s: String) {
        write(atMost: ByteCursor.maxQuoted(utf8Count: s.utf8.count)) { $0.quoted(s) }
    }

    private func append(contentsOf bytes: [UInt8]) { bytes.withUnsafeBufferPointer { append($0) } }
}
