/// A byte-level RFC 4180 record scanner (`docs/input-format.md#csv`).
///
/// Hand-written for speed: measured on this machine (`docs/architecture.md#why-some-parts-are-written-by-hand`) a
/// byte-level parser over `UnsafeBufferPointer<UInt8>` that keeps fields as byte ranges
/// runs at 221–250 MB/s, while SwiftCSV (5.4–5.6 MB/s) and CSV.swift (6.3–7.0 MB/s) are
/// ~40× slower, use hundreds of MB, and both accept an unterminated quote silently.
///
/// The scanner sees a buffer that may end anywhere (inside a quoted field, between CR and
/// LF, inside a UTF-8 sequence): it hands over every complete record and reports how many
/// bytes it consumed; the caller keeps the rest and scans it again with more bytes. It
/// validates UTF-8, counts physical lines (a CR/LF inside quotes is a line too), skips
/// blank lines, and allocates nothing per field.
///
/// It also holds each record to `ReadLimits` (field bytes, record bytes, fields), checked
/// as soon as the bytes seen exceed one, complete record or not: what the caller must
/// keep for an unfinished record is bounded, and a file without line endings fails fast.
struct CSVScanner: ~Copyable {
    /// Physical line (1-based) where the next record starts.
    private(set) var line = 1
    /// Field boundaries of the current record: content `starts[i]..<ends[i]`.
    private var fields = FieldTable(capacity: 64)
    let limits: ReadLimits
    /// Whether records of plain ASCII fields go through `plainRecord` (the fast form) before
    /// the byte-by-byte definition below; off only in the test that compares the two.
    let fastRecords: Bool

    /// The most lines a file may have: line numbers are kept as `Int32` with each row.
    static let maxLines = Int(Int32.max)

    init(limits: ReadLimits = .defaults, fastRecords: Bool = true) {
        self.limits = limits
        self.fastRecords = fastRecords
    }

    /// Byte classes outside quotes: 1 = `,` CR LF, 2 = non-ASCII, 0 = ordinary.
    private static let plainClass: [UInt8] = (0..<256).map { b in
        b == 0x2C || b == 0x0D || b == 0x0A ? 1 : (b >= 0x80 ? 2 : 0)
    }
    /// Byte classes inside quotes: 1 = `"` CR LF, 2 = non-ASCII.
    private static let quotedClass: [UInt8] = (0..<256).map { b in
        b == 0x22 || b == 0x0D || b == 0x0A ? 1 : (b >= 0x80 ? 2 : 0)
    }

    /// Validates the UTF-8 sequence at `p`: its length, 0 when the buffer ends inside it,
    /// -1 when it is invalid.
    @inline(__always)
    private static func utf8Length(_ b: UnsafeMutablePointer<UInt8>, _ p: Int, _ end: Int) -> Int {
        let lead = b[p]
        let n: Int
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: n = 2
        case 0xE0: n = 3; lo = 0xA0
        case 0xED: n = 3; hi = 0x9F
        case 0xE1...0xEF: n = 3
        case 0xF0: n = 4; lo = 0x90
        case 0xF4: n = 4; hi = 0x8F
        case 0xF1...0xF3: n = 4
        default: return -1
        }
        if p + 1 < end {
            let c = b[p + 1]
            if c < lo || c > hi { return -1 }
        }
        var k = 2
        while k < n, p + k < end {
            if b[p + k] & 0xC0 != 0x80 { return -1 }
            k += 1
        }
        return p + n <= end ? n : 0
    }

    /// Scans `buffer[0..<count]` and calls `body` for each complete record. With `final`
    /// the buffer is the end of the input. Returns the bytes consumed (the start of the
    /// first incomplete record, or `count`).
    ///
    /// Where a file has several problems, the one at the earliest byte is thrown, whatever
    /// the buffer's boundaries (a pipe delivers a file in pieces of any size): a limit counts
    /// as broken at the first byte past it, and every other error is checked against the
    /// limits first (`checkLimits`).
    mutating func scan(_ b: UnsafeMutablePointer<UInt8>, count end: Int, final: Bool,
                       _ body: (borrowing CSVRecord) throws -> Void) throws -> Int
    {
        var pos = 0
        let plain = Self.plainClass
        let inQuotes = Self.quotedClass
        let limits = self.limits
        let plainLimit = min(limits.fieldBytes, limits.recordBytes)
        var block = Int.min, mask: UInt64 = 0  // for `plainRecord`
        return try plain.withUnsafeBufferPointer { (pc) throws -> Int in
            try inQuotes.withUnsafeBufferPointer { (qc) throws -> Int in
                record: while pos < end {
                    if b[pos] == 0x0A {
                        // Blank lines (LF) in a tight loop: a file of nothing but line endings
                        // scans at memory speed, up to the line limit.
                        var ln = line
                        while pos < end, b[pos] == 0x0A { pos += 1; ln += 1 }
                        line = ln
                        if ln > Self.maxLines { throw CSVSyntaxError.tooManyLines(line: Self.maxLines) }
                        continue record
                    }
                    // The common record first, 64 bytes at a time; anything it does not take
                    // is scanned again from its start by the exact definition below.
                    if fastRecords, line < Self.maxLines,
                       let (next, n) = Self.plainRecord(b, from: pos, end: end, fields: fields,
                                                        maxFields: min(fields.capacity, limits.recordFields),
                                                        plainLimit: plainLimit, block: &block, mask: &mask)
                    {
                        let startLine = line
                        line += 1
                        pos = next
                        try body(CSVRecord(base: b, starts: fields.starts, ends: fields.ends, kinds: fields.kinds,
                                           count: n, line: startLine))
                        continue record
                    }
                    let recordStart = pos
                    var ln = line
                    var n = 0
                    let recordLine = line
                    // The first byte past the record's limit, and `stop`: the first byte past
                    // the nearer of the record's and the open field's limits (the record's
                    // between fields).
                    let recordLimit = recordStart &+ limits.recordBytes
                    var stop = recordLimit, fieldLine = ln
                    /// Throws the limit broken before byte `p`, if one is.
                    @inline(__always) func checkLimits(before p: Int) throws {
                        if p > stop {
                            try Self.throwLimit(stop: stop, recordLimit: recordLimit, fieldLine: fieldLine,
                                                recordLine: recordLine, limits: limits)
                        }
                    }
                    /// The buffer ends inside this record: more bytes may complete it, unless
                    /// what is here already breaks a limit.
                    @inline(__always) func incomplete() throws -> Int {
                        try checkLimits(before: end)
                        return recordStart
                    }
                    field: while true {
                        if n == fields.capacity { fields.reserve(n + 1, keeping: n) }
                        stop = min(pos &+ limits.fieldBytes, recordLimit)
                        fieldLine = ln
                        var irregular = false
                        if pos < end, b[pos] == 0x22 {
                            // Quoted field.
                            let quoteLine = ln
                            let rawStart = pos
                            pos += 1
                            let contentStart = pos
                            var escaped = false
                            while true {
                                while pos < end, qc[Int(b[pos])] == 0 { pos += 1 }
                                if pos >= end {
                                    if final {
                                        try checkLimits(before: end)
                                        throw CSVSyntaxError.unterminatedQuote(line: quoteLine)
                                    }
                                    return try incomplete()
                                }
                                let c = b[pos]
                                if c == 0x22 {
                                    if pos + 1 < end {
                                        if b[pos + 1] == 0x22 { escaped = true; pos += 2; continue }
                                        break
                                    }
                                    if final { break }
                                    return try incomplete()
                                } else if c == 0x0A {
                                    ln += 1; pos += 1
                                } else if c == 0x0D {
                                    if pos + 1 < end {
                                        if b[pos + 1] != 0x0A { ln += 1 }
                                    } else if final {
                                        ln += 1
                                    } else {
                                        return try incomplete()
                                    }
                                    pos += 1
                                } else {
                                    let k = Self.utf8Length(b, pos, end)
                                    if k > 0 { pos += k } else if k == 0 && !final { return try incomplete() } else {
                                        try checkLimits(before: pos + 1)
                                        throw CSVSyntaxError.invalidUTF8(line: ln)
                                    }
                                }
                            }
                            let contentEnd = pos
                            pos += 1
                            if pos < end, pc[Int(b[pos])] != 1 {
                                // Text after the closing quote: keep it (lenient), unescaped below.
                                irregular = true
                            } else {
                                fields.starts[n] = contentStart
                                fields.ends[n] = contentEnd
                                fields.kinds[n] = escaped ? 2 : 1
                            }
                            if irregular {
                                let r = Self.skipPlain(b, &pos, end, pc, final: final)
                                if r == 0 { return try incomplete() }
                                if r < 0 {
                                    try checkLimits(before: pos + 1)
                                    throw CSVSyntaxError.invalidUTF8(line: ln)
                                }
                                if pos >= end && !final { return try incomplete() }
                                fields.starts[n] = rawStart
                                fields.ends[n] = pos
                                fields.kinds[n] = 3
                            }
                        } else {
                            let start = pos
                            let r = Self.skipPlain(b, &pos, end, pc, final: final)
                            if r == 0 { return try incomplete() }
                            if r < 0 {
                                try checkLimits(before: pos + 1)
                                throw CSVSyntaxError.invalidUTF8(line: ln)
                            }
                            fields.starts[n] = start
                            fields.ends[n] = pos
                            fields.kinds[n] = 0
                        }
                        try checkLimits(before: pos)
                        stop = recordLimit  // the field is complete: its separator is the record's
                        n += 1
                        if pos >= end {
                            if final { break field }
                            return try incomplete()
                        }
                        let c = b[pos]
                        if c == 0x2C {
                            pos += 1
                            try checkLimits(before: pos)  // the separator counts for the record
                            if n == limits.recordFields {
                                throw CSVSyntaxError.tooManyFields(line: recordLine, limit: limits.recordFields)
                            }
                            continue field
                        }
                        if c == 0x0A {
                            pos += 1
                        } else {  // CR
                            if pos + 1 < end {
                                pos += b[pos + 1] == 0x0A ? 2 : 1
                            } else if final {
                                pos += 1
                            } else {
                                return try incomplete()
                            }
                        }
                        ln += 1
                        break field
                    }
                    try checkLimits(before: pos)
                    let startLine = line
                    line = ln
                    if ln > Self.maxLines { throw CSVSyntaxError.tooManyLines(line: Self.maxLines) }
                    if n == 1, fields.kinds[0] == 0, fields.starts[0] == fields.ends[0] { continue record }  // blank line
                    // The record is complete: only now unescape in place (a rescan never sees it).
                    for i in 0..<n where fields.kinds[i] >= 2 {
                        fields.ends[i] = fields.kinds[i] == 2 ? Self.unescape(b, fields.starts[i], fields.ends[i])
                            : Self.unescapeIrregular(b, fields.starts[i], fields.ends[i])
                    }
                    try body(CSVRecord(base: b, starts: fields.starts, ends: fields.ends, kinds: fields.kinds, count: n,
                                       line: startLine))
                }
                return pos
            }
        }
    }

    /// The fast form of `scan` for the common record: one line, not blank, of unquoted
    /// ASCII fields ending in LF or CR LF, all of it in the buffer, no longer than
    /// `plainLimit` (the smaller of the field and record limits: then no field can break
    /// its limit either), and within the field table's capacity. Returns where the next
    /// record starts and the field count, the fields in the table exactly as the
    /// byte-by-byte path would leave them (kind 0); nil for any other record (a quote, a
    /// control or non-ASCII byte, a limit, the buffer's last 64 bytes), which that path
    /// then scans from its start.
    ///
    /// It classifies 64 bytes at a time into a bit mask (`flaggedBytes`) and visits only
    /// the set bits: fields are short (numbers of 1–8 bytes), so finding each `,` from one
    /// mask is what saves time, not skipping long stretches. The block classified last and
    /// its bits not yet visited (`block`, `mask`) carry over to the next record, which
    /// mostly starts inside it; a block's bits stay true while the scan goes on, as only
    /// bytes before the current record are ever rewritten (unescaping).
    @inline(__always)
    static func plainRecord(_ b: UnsafeMutablePointer<UInt8>, from start: Int, end: Int,
                            fields: borrowing FieldTable, maxFields: Int, plainLimit: Int,
                            block: inout Int, mask: inout UInt64) -> (next: Int, count: Int)? {
        let starts = fields.starts, ends = fields.ends, kinds = fields.kinds
        var q = block, m = mask
        if UInt(bitPattern: start &- q) < 64 {
            m &= ~0 &<< UInt64(start &- q)  // the bytes before `start` are done
        } else {
            q = start
            guard q &+ 64 <= end else { return nil }
            m = flaggedBytes(b + q)
        }
        var fieldStart = start, n = 0
        while true {
            while m == 0 {
                q &+= 64
                guard q &+ 64 <= end else { return nil }
                m = flaggedBytes(b + q)
            }
            let p = q &+ m.trailingZeroBitCount
            m &= m &- 1
            starts[n] = fieldStart
            ends[n] = p
            kinds[n] = 0
            n &+= 1
            let c = b[p]
            if c == 0x2C {
                // The byte-by-byte path would grow the table, or throw "too many fields".
                guard n < maxFields else { return nil }
                fieldStart = p &+ 1
                continue
            }
            let next: Int
            if c == 0x0A {
                next = p &+ 1
            } else if c == 0x0D, p &+ 1 < end, b[p &+ 1] == 0x0A {
                next = p &+ 2
            } else {
                return nil
            }
            // A blank line of CR LF is the byte-by-byte path's to skip (an LF alone never
            // gets here).
            guard next &- start <= plainLimit, p != start else { return nil }
            block = q
            mask = m
            return (next, n)
        }
    }

    /// Bit i set when byte i of the 64 at `p` is one `plainRecord` must look at: `,`, `"`,
    /// a control byte (below 0x20: LF, CR and the rest) or a non-ASCII one.
    @inline(__always)
    static func flaggedBytes(_ p: UnsafeMutablePointer<UInt8>) -> UInt64 {
        let r = UnsafeRawPointer(p)
        return flaggedBytes16(r) | flaggedBytes16(r + 16) &<< 16 | flaggedBytes16(r + 32) &<< 32
            | flaggedBytes16(r + 48) &<< 48
    }

    /// `flaggedBytes` of 16 bytes. Byte-wise arithmetic on a vector (no comparisons: those
    /// compile to a loop per byte): in each byte, bit 7 of `(x ^ c) + 0x7F` is set when its
    /// low seven bits `x` differ from `c`, and of `x + 0x60` when x ≥ 0x20 (no sum passes
    /// 0xFE). The flags, 0x80 per byte, are gathered into 8 bits per 8 bytes by a multiply
    /// that moves byte i's bit to bit 56 + i.
    @inline(__always)
    static func flaggedBytes16(_ p: UnsafeRawPointer) -> UInt64 {
        let v = p.loadUnaligned(as: SIMD16<UInt8>.self)
        let lows = SIMD16<UInt8>(repeating: 0x7F)
        let x = v & lows
        let notComma = (x ^ SIMD16(repeating: 0x2C)) &+ lows
        let notQuote = (x ^ SIMD16(repeating: 0x22)) &+ lows
        let notControl = x &+ SIMD16(repeating: 0x60)
        let flags = unsafeBitCast((v | ~(notComma & notQuote & notControl)) & ~lows, to: SIMD2<UInt64>.self)
        let gather: UInt64 = 0x0102_0408_1020_4080
        return (UInt64(littleEndian: flags[0]) &>> 7 &* gather) &>> 56
            | ((UInt64(littleEndian: flags[1]) &>> 7 &* gather) &>> 56) &<< 8
    }

    /// Throws the limit broken first: the open field's when its limit (`stop`) comes before
    /// the record's (`recordLimit`), else the record's (also when both fall on one byte).
    private static func throwLimit(stop: Int, recordLimit: Int, fieldLine: Int, recordLine: Int,
                                   limits: ReadLimits) throws -> Never {
        if stop < recordLimit { throw CSVSyntaxError.fieldTooLong(line: fieldLine, limit: limits.fieldBytes) }
        throw CSVSyntaxError.recordTooLong(line: recordLine, limit: limits.recordBytes)
    }

    /// Skips the ordinary bytes of an unquoted stretch (validating UTF-8) up to `,`, CR, LF
    /// or the end. 1: done; 0: the buffer ends inside a UTF-8 sequence and more may come;
    /// −1: invalid UTF-8 at `pos`.
    @inline(__always)
    private static func skipPlain(_ b: UnsafeMutablePointer<UInt8>, _ pos: inout Int, _ end: Int,
                                  _ pc: UnsafeBufferPointer<UInt8>, final: Bool) -> Int {
        while true {
            // Eight bytes at a time while they hold no `,` CR LF or non-ASCII byte (most of a
            // field), then byte by byte from the first one that does.
            while pos &+ 8 <= end {
                let m = specialBytes(UInt64(littleEndian: UnsafeRawPointer(b + pos).loadUnaligned(as: UInt64.self)))
                if m != 0 { pos &+= m.trailingZeroBitCount &>> 3; break }
                pos &+= 8
            }
            while pos < end, pc[Int(b[pos])] == 0 { pos += 1 }
            if pos < end, b[pos] >= 0x80 {
                let k = utf8Length(b, pos, end)
                if k > 0 { pos += k; continue }
                return k == 0 && !final ? 0 : -1
            }
            return 1
        }
    }

    /// A mask whose lowest set bit is the high bit of the first byte of `v` (in memory order)
    /// that is `,` CR LF or ≥ 0x80; 0 when there is none. The classic zero-byte test
    /// `(x − 0x01…) & ~x & 0x80…` can also flag bytes above a true zero byte, never below
    /// one, so the lowest flagged byte is exact.
    @inline(__always)
    static func specialBytes(_ v: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        return zeroBytes(v ^ (ones &* 0x2C)) | zeroBytes(v ^ (ones &* 0x0A)) | zeroBytes(v ^ (ones &* 0x0D)) | (v & highs)
    }

    /// Turns `""` into `"` in place; returns the new end.
    private static func unescape(_ b: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var r = start, w = start
        while r < end {
            b[w] = b[r]
            r += b[r] == 0x22 ? 2 : 1
            w += 1
        }
        return w
    }

    /// A field with text after its closing quote (`"ab"c`): quotes toggle, `""` inside
    /// quotes is a quote; done in place, returns the new end.
    private static func unescapeIrregular(_ b: UnsafeMutablePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var r = start, w = start
        var inside = false
        while r < end {
            let c = b[r]
            if c == 0x22 {
                if inside, r + 1 < end, b[r + 1] == 0x22 { b[w] = c; w += 1; r += 2; continue }
                inside.toggle()
                r += 1
                continue
            }
            b[w] = c; w += 1; r += 1
        }
        return w
    }
}

/// A CSV syntax error with the physical line it names.
enum CSVSyntaxError: Error, Equatable {
    /// Invalid UTF-8: the line of the bad byte.
    case invalidUTF8(line: Int)
    /// A quoted field that never closes: the line where it started.
    case unterminatedQuote(line: Int)
    /// A field past `ReadLimits.fieldBytes`: the line where it starts.
    case fieldTooLong(line: Int, limit: Int)
    /// A record past `ReadLimits.recordBytes`: the line where it starts.
    case recordTooLong(line: Int, limit: Int)
    /// A record past `ReadLimits.recordFields`: the line where it starts.
    case tooManyFields(line: Int, limit: Int)
    /// More lines than `CSVScanner.maxLines`.
    case tooManyLines(line: Int)
}

extension CSVSyntaxError {
    /// The error line (`docs/input-format.md#errors`) for this problem in `file`.
    func inputError(file: String) -> InputError {
        switch self {
        case .invalidUTF8(let line): InputError(file: file, line: line, "invalid UTF-8")
        case .unterminatedQuote(let line): InputError(file: file, line: line, "quoted field starting here never closes")
        case .fieldTooLong(let line, let limit):
            InputError(file: file, line: line,
                       "a field longer than \(limit) bytes (limit field-bytes; \(ReadLimits.advice("field-bytes")))")
        case .recordTooLong(let line, let limit):
            InputError(file: file, line: line,
                       "a record longer than \(limit) bytes (limit record-bytes; \(ReadLimits.advice("record-bytes")))")
        case .tooManyFields(let line, let limit):
            InputError(file: file, line: line,
                       "a record of more than \(limit) fields (limit record-fields; \(ReadLimits.advice("record-fields")))")
        case .tooManyLines(let line):
            InputError(file: file, line: line, "more than \(line) lines, the most a file may have")
        }
    }
}

/// One record as byte ranges into the scanner's buffer (valid only inside the callback).
struct CSVRecord: ~Copyable {
    let base: UnsafeMutablePointer<UInt8>
    let starts: UnsafeMutablePointer<Int>
    let ends: UnsafeMutablePointer<Int>
    let kinds: UnsafeMutablePointer<UInt8>
    /// Number of fields.
    let count: Int
    /// Physical line where the record starts.
    let line: Int

    /// The bytes of field `i` (quotes removed, `""` unescaped).
    @inline(__always) func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + starts[i], count: ends[i] - starts[i])
    }

    @inline(__always) func isQuoted(_ i: Int) -> Bool { kinds[i] != 0 }

    /// Field `i` as a string.
    func string(_ i: Int) -> String { String(decoding: bytes(i), as: UTF8.self) }
}
