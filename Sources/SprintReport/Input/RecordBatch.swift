/// Complete CSV records handed from the reading thread to the mapping thread: their bytes
/// (quotes already resolved) and each field's range. Reused through the pipeline's pool.
final class RecordBatch {
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
        for i in 0..<n {
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
