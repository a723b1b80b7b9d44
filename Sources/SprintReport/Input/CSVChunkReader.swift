#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Feeds text that arrives in chunks of any size to the `CSVScanner`: keeps the unfinished
/// tail of the previous chunk in front of the next one, and skips a leading byte-order mark.
final class CSVChunkReader {
    private var scanner = CSVScanner()
    private var work: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private var bomChecked = false
    private let onRecord: (borrowing CSVRecord) throws -> Void

    init(capacity: Int = 64 * 1024, onRecord: @escaping (borrowing CSVRecord) throws -> Void) {
        self.capacity = max(capacity, 16)
        work = .allocate(capacity: self.capacity)
        self.onRecord = onRecord
    }

    deinit { work.deallocate() }

    /// Appends a chunk and hands over every record it completes. Throws `CSVSyntaxError`
    /// or whatever `onRecord` throws.
    func feed(_ chunk: UnsafePointer<UInt8>, count n: Int) throws {
        if count + n > capacity {
            capacity = max(capacity * 2, count + n)
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            bigger.update(from: work, count: count)
            work.deallocate()
            work = bigger
        }
        (work + count).update(from: chunk, count: n)
        count += n
        try process(final: false)
    }

    /// The input ended: the last record may lack its line ending.
    func finish() throws { try process(final: true) }

    private func process(final: Bool) throws {
        var start = 0
        if !bomChecked {
            if count < 3 && !final { return }
            bomChecked = true
            if count >= 3, work[0] == 0xEF, work[1] == 0xBB, work[2] == 0xBF { start = 3 }
        }
        let consumed = try scanner.scan(work + start, count: count - start, final: final, onRecord)
        let rest = count - start - consumed
        if rest > 0, start + consumed > 0 { memmove(work, work + start + consumed, rest) }
        count = rest
    }
}
