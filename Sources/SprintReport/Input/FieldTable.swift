/// The byte ranges of fields (`start`, `end`, kind: 0 plain, 1 quoted, 2 quoted with `""`,
/// 3 text after a closing quote), in manually managed storage that only grows: the CSV
/// scanner and the record batches keep fields without an allocation per field.
struct FieldTable: ~Copyable {
    private(set) var starts: UnsafeMutablePointer<Int>
    private(set) var ends: UnsafeMutablePointer<Int>
    private(set) var kinds: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 8)
        starts = .allocate(capacity: self.capacity)
        ends = .allocate(capacity: self.capacity)
        kinds = .allocate(capacity: self.capacity)
    }

    deinit {
        starts.deallocate()
        ends.deallocate()
        kinds.deallocate()
    }

    /// Makes room for `count` fields, keeping the first `keeping`. Checked for every record:
    /// the check is inlined, the growing is not.
    @inline(__always)
    mutating func reserve(_ count: Int, keeping: Int) {
        if count > capacity { grow(count, keeping: keeping) }
    }

    @inline(never)
    private mutating func grow(_ count: Int, keeping: Int) {
        let n = max(capacity * 2, count)
        let s = UnsafeMutablePointer<Int>.allocate(capacity: n)
        let e = UnsafeMutablePointer<Int>.allocate(capacity: n)
        let k = UnsafeMutablePointer<UInt8>.allocate(capacity: n)
        s.update(from: starts, count: keeping)
        e.update(from: ends, count: keeping)
        k.update(from: kinds, count: keeping)
        starts.deallocate(); ends.deallocate(); kinds.deallocate()
        starts = s; ends = e; kinds = k; capacity = n
    }
}
