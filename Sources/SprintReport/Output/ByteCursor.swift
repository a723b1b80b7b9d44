/// Unchecked writes at a position in memory that the caller has made room for
/// (`ByteBuffer.write(atMost:_:)`): the inner loop of the JSON output.
///
/// Hand-written for speed: `summary --format json` of a 1.5 M-row export writes ≈ 1 GB,
/// ≈ 20 numbers per row; a capacity check, a class-property access (with its exclusivity
/// check) or a `String` per piece was most of its cost (callgrind).
struct ByteCursor {
    var p: UnsafeMutablePointer<UInt8>
    /// The writing buffer's memo of printed numbers, when it keeps one (`NumberMemo`).
    var memo: NumberMemo?

    init(p: UnsafeMutablePointer<UInt8>, memo: NumberMemo? = nil) {
        self.p = p
        self.memo = memo
    }

    /// Most bytes `number` writes (`-2.2250738585072014e-308` is 24).
    static let maxNumber = 32
    /// Most bytes `quoted` writes for a string of `utf8Count` bytes (a control character
    /// becomes 6 bytes; U+2028 is 3 bytes and becomes 6).
    static func maxQuoted(utf8Count: Int) -> Int { 6 * utf8Count + 2 }

    @inline(__always) mutating func put(_ b: UInt8) {
        p.pointee = b
        p += 1
    }

    @inline(__always) mutating func put(_ s: StaticString) {
        p.update(from: s.utf8Start, count: s.utf8CodeUnitCount)
        p += s.utf8CodeUnitCount
    }

    @inline(__always) mutating func put(_ b: UnsafeBufferPointer<UInt8>) {
        if let base = b.baseAddress { p.update(from: base, count: b.count) }
        p += b.count
    }

    /// Bytes from a table padded with at least `padding` readable bytes after `b`, copied 16
    /// at a time (the cursor's caller reserves `maxNumber` bytes beyond any piece, so the
    /// overshoot stays inside the buffer and is overwritten or left past its end).
    @inline(__always) mutating func putPadded(_ b: UnsafeBufferPointer<UInt8>) {
        let src = UnsafeRawPointer(b.baseAddress!), dst = UnsafeMutableRawPointer(p)
        var i = 0
        repeat {  // offsets below the table's size: no overflow
            dst.storeBytes(of: src.loadUnaligned(fromByteOffset: i, as: UInt64.self), toByteOffset: i, as: UInt64.self)
            dst.storeBytes(of: src.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self), toByteOffset: i &+ 8,
                           as: UInt64.self)
            i &+= 16
        } while i < b.count
        p += b.count
    }

    /// Readable bytes a `putPadded` table needs after its last piece.
    static let padding = 16

    /// Decimal digits, `-` first when negative.
    mutating func integer(_ v: Int64) {
        if v < 0 { put(0x2D) }
        unsigned(v.magnitude)
    }

    @inline(__always) mutating func unsigned(_ v: UInt64) {
        var n = 1, limit: UInt64 = 10
        while n < 20, v >= limit {
            n += 1
            limit &*= 10
        }
        var q = v, k = n
        repeat {
            k -= 1
            p[k] = 0x30 + UInt8(truncatingIfNeeded: q % 10)
            q /= 10
        } while k > 0
        p += n
    }

    /// A JSON number as `JSONWriter` prints it (see `number(_:)` there), or `null`.
    mutating func number(_ x: Double?) {
        guard let x, x.isFinite else {
            put("null")
            return
        }
        // Hundredths below 10^13 (integers among them: no `.00`, `-0` as `0`), then the other
        // integers below 2^53, exactly as the two definitions below print them.
        if cents(x) { return }
        if abs(x) < 9_007_199_254_740_992 {
            let i = Int64(x)
            if Double(i) == x {  // same test as `x == x.rounded()`, without libm's `round`
                integer(i)
                return
            }
        }
        // Other numbers (rolling means, ratios) as `description` prints them: `write(to:)`
        // formats the same text into a stack buffer and hands it over as ASCII bytes
        // (`_writeASCII` below), so no `String` is made. `OutputFastPathTests` checks it
        // against `description` on random finite doubles (NaN, not written here, differs).
        // A value printed so before is copied from the buffer's memo (`NumberMemo`).
        guard let memo else { return x.write(to: &self) }
        let bits = x.bitPattern
        if let n = memo.copy(bits, to: p) {
            p += n
            return
        }
        let start = p
        x.write(to: &self)
        memo.keep(bits, start, count: p - start)
    }

    /// `number(x)` for a value most often printed before (a series point's rolling mean,
    /// mostly a third): the memo is looked up first, before the tests for hundredths and
    /// integers. The same bytes: the memo keeps only what `number` printed through
    /// `description`, for finite numbers that are neither hundredths nor integers.
    @inline(__always) mutating func numberSeenBefore(_ x: Double?) {
        if let x, x.isFinite, let memo, let n = memo.copy(x.bitPattern, to: p) {
            p += n
            return
        }
        number(x)
    }

    /// The common case of exported amounts (`12.5`, `0.25`, `1.05`, `30`): when `x` is the
    /// double nearest to k/100 for an integer k with |k| < 10^15, that decimal (trailing zeros
    /// and a bare `.` dropped) is its shortest round-trip form, so it is what `description`
    /// prints (or, for an integral x, its digits): below 10^13 a double's rounding interval
    /// is narrower than 0.01, so k/100 is the only hundredth in it and any decimal of as few
    /// digits would be a hundredth too; and `description` uses exponents only below 1e-4 and
    /// from 2^53. k is x·100 rounded half away from zero, as `Double.rounded()` does (exactly:
    /// the fraction of a double is exact). `OutputFastPathTests` checks this against
    /// `description` on many values.
    @inline(__always) mutating func cents(_ x: Double) -> Bool {
        let y = x * 100
        guard abs(y) < 1e15 + 1 else { return false }
        let t = Int64(y)
        let f = y - Double(t)
        let k = f >= 0.5 ? t + 1 : (f <= -0.5 ? t - 1 : t)
        guard k.magnitude < 1_000_000_000_000_000, Double(k) / 100 == x else { return false }
        hundredths(k)
        return true
    }

    /// What `number` writes for the double `Double(k) / 100` (|k| < 10^15; `cents` finds this
    /// k for that double): k/100 as a decimal, trailing zeros and a bare `.` dropped, `0`
    /// for 0. A compact `MetricValues` slot holds its k, so its number needs no double maths.
    @inline(__always) mutating func hundredths(_ k: Int64) { hundredths(k, table: HundredthsText.slots) }

    /// `hundredths` with `HundredthsText.slots` fetched by the caller: a loop over many
    /// values reads the global once, not once per value (each read is a `swift_once` call).
    @inline(__always) mutating func hundredths(_ k: Int64, table: UnsafePointer<UInt64>) {
        // The common amounts (0 to 99.99) are copied from a table of this very function's
        // digits (`HundredthsText`), 8 bytes at once (callers reserve `maxNumber` bytes).
        if k >= 0, k < HundredthsText.count {
            let slot = table[Int(k)]
            UnsafeMutableRawPointer(p).storeBytes(of: slot, as: UInt64.self)
            p += Int(slot >> 56)
            return
        }
        hundredthsDigits(k)
    }

    /// `hundredths` digit by digit: the definition the table is made from.
    @inline(__always) mutating func hundredthsDigits(_ k: Int64) {
        if k < 0 { put(0x2D) }
        let whole = k.magnitude / 100, fraction = k.magnitude % 100
        unsigned(whole)
        if fraction == 0 { return }
        put(0x2E)
        put(0x30 + UInt8(truncatingIfNeeded: fraction / 10))
        if fraction % 10 != 0 { put(0x30 + UInt8(truncatingIfNeeded: fraction % 10)) }
    }

    /// `"yyyy-MM-dd"` as `Day.description` gives it, or `null`.
    mutating func day(_ d: Day?) { day(d, table: DayText.bytes) }

    /// `day` with `DayText.bytes` fetched by the caller (see `hundredths(_:table:)`).
    @inline(__always) mutating func day(_ d: Day?, table: UnsafePointer<UInt8>) {
        guard let d else {
            put("null")
            return
        }
        let k = Int(d.daysSinceEpoch) &- DayText.first
        if k >= 0, k < DayText.count {  // a common day: its 12 bytes from the table
            let src = UnsafeRawPointer(table + 16 * k), dst = UnsafeMutableRawPointer(p)
            dst.storeBytes(of: src.loadUnaligned(as: UInt64.self), as: UInt64.self)
            dst.storeBytes(of: src.loadUnaligned(fromByteOffset: 8, as: UInt32.self), toByteOffset: 8, as: UInt32.self)
            p += 12
            return
        }
        quoted(d.description)  // a day outside the table (rare): `Day.description`'s digits
    }

    /// RFC 8259 string: quote, backslash and control characters escaped (and U+2028/2029,
    /// which break JavaScript); other text as UTF-8. Needs `maxQuoted(utf8Count:)` bytes.
    mutating func quoted(_ s: String) {
        put(0x22)
        inside(s)
        put(0x22)
    }

    /// `quoted` of `Team.pathString(parts)` without making the joined string: the escapes
    /// are per character, so each part can be escaped alone. Needs `maxQuoted(utf8Count:)`
    /// of the joined length.
    mutating func quoted(path parts: [String]) {
        put(0x22)
        for i in parts.indices {
            if i > 0 { put(Team.pathSeparator) }
            inside(parts[i])
        }
        put(0x22)
    }

    /// What `quoted` writes between the quotes.
    @inline(__always) private mutating func inside(_ s: String) {
        let plain = s.utf8.withContiguousStorageIfAvailable { b in
            // 0xE2 leads U+2028/2029: such text takes the slow path
            for c in b where Self.needsEscape(byte: c) { return false }
            put(b)
            return true
        }
        if plain != true { escaped(s) }
    }

    /// `quoted` of the string whose UTF-8 bytes are `b` (valid UTF-8), without making it:
    /// the same check and the same bytes.
    mutating func quoted(utf8 b: UnsafeBufferPointer<UInt8>) {
        put(0x22)
        if b.count >= 8, let base = b.baseAddress {
            // One pass (a series label per point): each word is tested and copied, the last
            // one overlapping the one before; escaping text is then written over the copy
            // (room for `maxQuoted` bytes, more than the copy).
            let src = UnsafeRawPointer(base), dst = UnsafeMutableRawPointer(p), last = b.count &- 8
            var i = 0, found: UInt64 = 0
            while true {
                let at = Swift.min(i, last)
                let x = src.loadUnaligned(fromByteOffset: at, as: UInt64.self)
                found |= Self.escapeBits(x)
                dst.storeBytes(of: x, toByteOffset: at, as: UInt64.self)
                if at == last { break }
                i &+= 8
            }
            if found == 0 { p += b.count } else { escaped(String(decoding: b, as: UTF8.self)) }
        } else if !Self.needsEscape(b) {
            put(b)
        } else {
            escaped(String(decoding: b, as: UTF8.self))
        }
        put(0x22)
    }

    /// The byte test of `quoted`: a control character, `"`, `\` or 0xE2 (U+2028/2029 lead).
    @inline(__always) static func needsEscape(byte c: UInt8) -> Bool {
        c < 0x20 || c == 0x22 || c == 0x5C || c == 0xE2
    }

    /// Whether any byte of `b` passes `needsEscape(byte:)`, 8 bytes at a time (a series
    /// label per point): a word has a byte below 0x20 when `(x - 0x20…) & ~x & 0x80…` is
    /// not 0, and a byte equal to c when `x ^ c…` has a zero byte (both exact as yes/no).
    /// `OutputFastPathTests` compares it with the byte test.
    @inline(__always) static func needsEscape(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = b.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i &+ 8 <= b.count {
            if escapeBits(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) != 0 { return true }
            i &+= 8
        }
        while i < b.count {
            if needsEscape(byte: b[i]) { return true }
            i &+= 1
        }
        return false
    }

    /// Not 0 when one of the 8 bytes of `x` passes `needsEscape(byte:)`.
    @inline(__always) static func escapeBits(_ x: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & high }
        return ((x &- 0x20 &* ones) & ~x & high) | hasZero(x ^ (0x22 &* ones)) | hasZero(x ^ (0x5C &* ones))
            | hasZero(x ^ (0xE2 &* ones))
    }

    private mutating func escaped(_ s: String) {
        for u in s.unicodeScalars {
            switch u {
            case "\"": put("\\\"")
            case "\\": put("\\\\")
            case "\n": put("\\n")
            case "\r": put("\\r")
            case "\t": put("\\t")
            case _ where u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029:
                put("\\u")
                let hex: StaticString = "0123456789abcdef"
                for shift in [12, 8, 4, 0] { put(hex.utf8Start[Int(u.value >> UInt32(shift)) & 15]) }
            default:
                for b in String(u).utf8 { put(b) }
            }
        }
    }
}

/// A finite double's `write(to:)` goes straight into the cursor (at most `maxNumber` bytes).
extension ByteCursor: TextOutputStream {
    mutating func write(_ string: String) {
        var s = string
        s.withUTF8 { put($0) }
    }

    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { put(buffer) }
}

/// What `ByteCursor.hundredthsDigits` writes for every k in 0 ..< `count` (0 to 99.99, most
/// exported amounts), made once from it: the bytes in the low 7 bytes of a slot (at most
/// 5 are used), their number in the top byte. `OutputFastPathTests` compares the table's
/// output with the digits for every k it holds.
enum HundredthsText {
    static let count: Int64 = 10_000

    /// Never freed: it lives as long as the program, read-only once made.
    nonisolated(unsafe) static let slots: UnsafePointer<UInt64> = {
        let table = UnsafeMutablePointer<UInt64>.allocate(capacity: Int(count))
        var bytes = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))  // room for `maxNumber` bytes
        for k in 0..<count {
            bytes = (0, 0, 0, 0, 0)
            let n = withUnsafeMutableBytes(of: &bytes) { raw in
                let start = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
                var c = ByteCursor(p: start)
                c.hundredthsDigits(k)
                return c.p - start
            }
            table[Int(k)] = bytes.0 & 0x00FF_FFFF_FFFF_FFFF | UInt64(n) << 56
        }
        return UnsafePointer(table)
    }()
}

/// `"yyyy-MM-dd"` (with its quotes, 12 bytes in a 16-byte slot) of every day from
/// 1990-01-01 to 2089-12-31, made once: the series write two days per point, and the
/// calendar maths of `Day.components` per day was ≈ 2 % of a summary (callgrind).
/// `OutputDayBytesTests` checks every day of the table against `Day.description`.
enum DayText {
    /// `daysSinceEpoch` of the first day in the table, and the number of days.
    /// Literals, not `Day(year:month:day:)`, so that reading them costs no `swift_once`;
    /// `OutputDayBytesTests` checks them against those days.
    static let first = 7_305  // 1990-01-01
    static let count = 36_525  // to 2090-01-01

    /// Never freed: it lives as long as the program, read-only once made.
    /// Made by walking the calendar day by day (one `Day.description` per day, a `String`
    /// each, was ≈ 55 M instructions per run, as much as writing the days of 150 k points).
    nonisolated(unsafe) static let bytes: UnsafePointer<UInt8> = {
        let b = UnsafeMutablePointer<UInt8>.allocate(capacity: 16 * count)
        b.initialize(repeating: 0, count: 16 * count)
        var k = 0
        for year in 1990..<2090 {
            for month in 1...12 {
                for day in 1...Day.daysIn(month: month, year: year) {
                    let s = b + 16 * k
                    func digits(_ v: Int, at: Int, _ width: Int) {
                        var v = v
                        for j in (at..<at + width).reversed() {
                            s[j] = 0x30 + UInt8(v % 10)
                            v /= 10
                        }
                    }
                    s[0] = 0x22
                    digits(year, at: 1, 4)
                    s[5] = 0x2D
                    digits(month, at: 6, 2)
                    s[8] = 0x2D
                    digits(day, at: 9, 2)
                    s[11] = 0x22
                    k += 1
                }
            }
        }
        precondition(k == count, "DayText: the calendar walk and the day numbers disagree")
        return UnsafePointer(b)
    }()
}
