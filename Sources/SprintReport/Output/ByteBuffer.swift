/// A growable run of bytes with unchecked appends: the storage behind `JSONWriter`.
///
/// Hand-written for speed: `[UInt8].append(contentsOf:)` checks uniqueness and goes through
/// generic code on every call, which was ≈ 12 % of `summary --format json` (callgrind).
final class ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    var count = 0

    init(capacity: Int = 256) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

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

    /// Integral values without `.0` (and `-0` as `0`); others in Swift's shortest
    /// round-trip form (`Double.description`), which is valid JSON (`20.884615384615383`,
    /// `1e-05`); `null` when undefined or not finite.
    func appendNumber(_ x: Double?) {
        guard let x, x.isFinite else {
            appendText("null")
            return
        }
        if x == x.rounded(), abs(x) < 9_007_199_254_740_992 {
            appendInteger(Int64(x))
            return
        }
        if appendCents(x) { return }
        // The runtime's `swift_float64ToString` would avoid this `String`, but it leaves the
        // leading `0` of `0.x` unwritten in 6.3 (measured): `description` is the reference.
        appendText(x.description)
    }

    /// The common case of exported amounts (`12.5`, `0.25`): when `x` is the double nearest
    /// to k/100 for an integer k, that decimal (trailing zero dropped) is its shortest
    /// round-trip form, since any other decimal of as few digits lies ≥ 0.01 away; so it
    /// is what `description` prints (which uses exponents only below 1e-4 and from 1e16).
    private func appendCents(_ x: Double) -> Bool {
        let k = (x * 100).rounded()
        guard abs(k) < 1e15, k / 100 == x else { return false }
        let cents = Int64(k)
        if cents < 0 { append(0x2D) }
        let whole = cents.magnitude / 100, fraction = cents.magnitude % 100
        appendInteger(Int64(whole))
        append(0x2E)
        append(0x30 + UInt8(fraction / 10))
        if fraction % 10 != 0 { append(0x30 + UInt8(fraction % 10)) }
        return true
    }

    func appendInteger(_ v: Int64) {
        if v < 0 { append(0x2D) }
        var m = v.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { p in
            var i = 20
            repeat {
                i -= 1
                p[i] = 0x30 + UInt8(m % 10)
                m /= 10
            } while m > 0
            append(UnsafeBufferPointer(rebasing: p[i...]))
        }
    }

    /// Text as is (UTF-8).
    func appendText(_ s: String) {
        if s.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil { append(contentsOf: Array(s.utf8)) }
    }

    /// RFC 8259 string: quote, backslash and control characters escaped (and U+2028/2029,
    /// which break JavaScript); other text as UTF-8.
    func appendQuoted(_ s: String) {
        append(0x22)
        let plain = s.utf8.withContiguousStorageIfAvailable { b in
            // 0xE2 leads U+2028/2029: such text takes the slow path
            for c in b where c < 0x20 || c == 0x22 || c == 0x5C || c == 0xE2 { return false }
            append(b)
            return true
        }
        if plain != true { appendEscaped(s) }
        append(0x22)
    }

    private func append(contentsOf bytes: [UInt8]) { bytes.withUnsafeBufferPointer { append($0) } }

    private func appendEscaped(_ s: String) {
        for u in s.unicodeScalars {
            switch u {
            case "\"": appendText("\\\"")
            case "\\": appendText("\\\\")
            case "\n": appendText("\\n")
            case "\r": appendText("\\r")
            case "\t": appendText("\\t")
            case _ where u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029:
                let hex = String(u.value, radix: 16)
                appendText("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: appendText(String(u))
            }
        }
    }
}
