/// Complete CSV records handed from the reading thread to the mapping thread: their bytes
/// (quotes already resolved) and each field's range. Reused through the pipeline's pool.
final class RecordBatch {
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private var byteCapacity: Int
    private(set) var byteCount = 0
    private var starts: UnsafeMutablePointer<Int>
    private var ends: UnsafeMutablePointer<Int>
    private var kinds: UnsafeMutablePointer<UInt8>
    private var fieldCapacity: Int
    private var fieldCount = 0
    /// Per record: first field, field count, line.
    private var records: [(first: Int, count: Int, line: Int)] = []

    init(byteCapacity: Int) {
        self.byteCapacity = max(byteCapacity, 64)
        bytes = .allocate(capacity: self.byteCapacity)
        fieldCapacity = 1024
        starts = .allocate(capacity: fieldCapacity)
        ends = .allocate(capacity: fieldCapacity)
        kinds = .allocate(capacity: fieldCapacity)
    }

    deinit {
        bytes.deallocate(); starts.deallocate(); ends.deallocate(); kinds.deallocate()
    }

    var isEmpty: Bool { records.isEmpty }

    func reset() {
        byteCount = 0
        fieldCount = 0
        records.removeAll(keepingCapacity: true)
    }

    /// Adds a copy of a complete record: its bytes and its fields' ranges.
    func add(_ r: borrowing CSVRecord) {
        if fieldCount + r.count > fieldCapacity {
            let n = max(fieldCapacity * 2, fieldCount + r.count)
            let s = UnsafeMutablePointer<Int>.allocate(capacity: n)
            let e = UnsafeMutablePointer<Int>.allocate(capacity: n)
            let k = UnsafeMutablePointer<UInt8>.allocate(capacity: n)
            s.update(from: starts, count: fieldCount)
            e.update(from: ends, count: fieldCount)
            k.update(from: kinds, count: fieldCount)
            starts.deallocate(); ends.deallocate(); kinds.deallocate()
            starts = s; ends = e; kinds = k; fieldCapacity = n
        }
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
        for i in 0..<r.count {
            starts[fieldCount + i] = r.starts[i] + shift
            ends[fieldCount + i] = r.ends[i] + shift
            kinds[fieldCount + i] = r.kinds[i]
        }
        records.append((fieldCount, r.count, r.line))
        fieldCount += r.count
        byteCount += hi - lo
    }

    /// Calls `body` for each record, in order.
    func forEach(_ body: (borrowing CSVRecord) throws -> Void) rethrows {
        for (first, count, line) in records {
            try body(CSVRecord(base: bytes, starts: starts + first, ends: ends + first, kinds: kinds + first,
                               count: count, line: line))
        }
    }
}
