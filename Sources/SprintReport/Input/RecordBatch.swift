/// Complete CSV records handed from the reading thread to the mapping thread: their bytes
/// (quotes already resolved) and each field's range. Reused through the pipeline's pool.
final class RecordBatch {
    /// 128 bytes before the fields and 128 after (a class's stored properties lie in the
    /// order declared): no cache line, nor the pair of lines some processors fetch
    /// together, holds fields of two batches. The pipeline allocates its batches one after
    /// the other, and without this the reading thread's writes per record to one batch and
    /// the mapping thread's reads of another took the same lines away from each other all
    /// the time (up to a third of the reading thread's time, varying from run to run with
    /// where the allocator put them).
    private let paddingBefore: CacheLinePadding = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    // Filled by the reading thread, then read by the mapping thread, never both at once
    // (the pipeline's lock hands it over): no dynamic exclusivity checks per record.
    @exclusivity(unchecked) private(set) var bytes: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var byteCapacity: Int
    @exclusivity(unchecked) private(set) var byteCount = 0
    @exclusivity(unchecked) private var fields = FieldTable(capacity: 1024)
    @exclusivity(unchecked) private var fieldCount = 0
    /// Per record: first field, field count, line.
    @exclusivity(unchecked) private var records: [(first: Int, count: Int, line: Int)] = []
    /// Raw file bytes read before this batch was handed over (for the file's SHA-256).
    var raw: [UInt8] = []
    private let paddingAfter: CacheLinePadding = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

    init(byteCapacity: Int) {
        self.byteCapacity = max(byteCapacity, 64)
        bytes = .allocate(capacity: self.byteCapacity)
    }

    deinit {
        bytes.deallocate()
    }

    var isEmpty: Bool { records.isEmpty }

    func reset() {
        byteCount = 0
        fieldCount = 0
        records.removeAll(keepingCapacity: true)
        raw.removeAll(keepingCapacity: true)
    }

    /// Adds a copy of a complete record: its bytes and its fields' ranges.
    func add(_ r: borrowing CSVRecord) {
        fields.reserve(fieldCount + r.count, keeping: fieldCount)
        // Fields are in order, so the record's text runs from the first start to the last end.
        let lo = r.starts[0], hi = r.ends[r.count - 1]
        if byteCount + (hi - lo) > byteCapacity {
            let c = max(byteCapacity * 2, byteCount + hi - lo)
            let b = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
            b.update(from: bytes, count: byteCount)
            bytes.deallocate()
            bytes = b
            byteCapacity = c
        }
        (bytes + byteCount).update(from: r.base + lo, count: hi - lo)
        let shift = byteCount - lo
        // The table's pointers read once (through `self` they would be read again per field:
        // a store through an `Int` pointer might have changed them, as far as the compiler knows).
        let starts = fields.starts + fieldCount, ends = fields.ends + fieldCount
        let from = r.starts, to = r.ends, n = r.count
        // Two fields at a time, as vectors: records have a few dozen fields, too few for
        // the compiler's own vectorized loop to be taken.
        let shift2 = SIMD2(repeating: shift)
        var i = 0
        while i &+ 2 <= n {
            let s = UnsafeRawPointer(from + i).loadUnaligned(as: SIMD2<Int>.self) &+ shift2
            let e = UnsafeRawPointer(to + i).loadUnaligned(as: SIMD2<Int>.self) &+ shift2
            UnsafeMutableRawPointer(starts + i).storeBytes(of: s, as: SIMD2<Int>.self)
            UnsafeMutableRawPointer(ends + i).storeBytes(of: e, as: SIMD2<Int>.self)
            i &+= 2
        }
        if i < n {
            starts[i] = from[i] &+ shift
            ends[i] = to[i] &+ shift
        }
        (fields.kinds + fieldCount).update(from: r.kinds, count: n)
        records.append((fieldCount, r.count, r.line))
        fieldCount += r.count
        byteCount += hi - lo
    }

    /// Calls `body` for each record, in order.
    func forEach(_ body: (borrowing CSVRecord) throws -> Void) rethrows {
        for (first, count, line) in records {
            try body(CSVRecord(base: bytes, starts: fields.starts + first, ends: fields.ends + first,
                               kinds: fields.kinds + first, count: count, line: line))
        }
    }
}

/// 128 bytes: two cache lines of 64 bytes (x86-64), or one of 128 (Apple silicon).
typealias CacheLinePadding = (Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int)
