#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Feeds text that arrives in chunks of any size to the `CSVScanner`: keeps the unfinished
/// tail of the previous chunk in front of the next one, and skips a leading byte-order mark.
///
/// Linear in the input whatever the record length: the scanner starts an unfinished record
/// over from its beginning, so after a scan that ended inside one, the next scan waits until
/// the bytes held have doubled. A record of R bytes fed in small chunks is then scanned
/// about 2R bytes' worth in all, not R²/chunk (a 64 MB field took 8.8 s that way).
final class CSVChunkReader {
    private var scanner: CSVScanner
    private var work: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private var bomChecked = false
    /// Bytes held when the next scan is worth it (twice the unfinished tail of the last one).
    private var scanAt = 0
    /// Bytes handed to the scanner so far, rescans included: the measure of the linear bound
    /// (tests hold it to a small multiple of the input).
    private(set) var bytesScanned = 0

    /// `fastRecords: false` scans by the byte-by-byte definition alone (`CSVScanner`).
    init(capacity: Int = 64 * 1024, limits: ReadLimits = .defaults, fastRecords: Bool = true) {
        self.capacity = max(capacity, 16)
        work = .allocate(capacity: self.capacity)
        scanner = CSVScanner(limits: limits, fastRecords: fastRecords)
    }

    deinit { work.deallocate() }

    /// Appends a chunk and hands every record it completes to `onRecord`. Throws
    /// `CSVSyntaxError` or whatever `onRecord` throws.
    ///
    /// The handler comes with each call rather than once at `init`: a caller's closure can
    /// then capture what it fills as a local constant, with no reference counting per record
    /// (a stored closure reading a class property retained and released it every time).
    func feed(_ chunk: UnsafePointer<UInt8>, count n: Int, _ onRecord: (borrowing CSVRecord) throws -> Void) throws {
        space(for: n).update(from: chunk, count: n)
        try commit(n, onRecord)
    }

    /// Room for `n` bytes after those held, where a caller may write its next chunk (zlib
    /// inflates into it) and then `commit` it, rather than copy it in through `feed`. The
    /// same place until the next `commit` or `feed`.
    func space(for n: Int) -> UnsafeMutablePointer<UInt8> {
        if count + n > capacity {
            capacity = max(capacity * 2, count + n)
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            bigger.update(from: work, count: count)
            work.deallocate()
            work = bigger
        }
        return work + count
    }

    /// The `n` bytes written at `space(for:)` are the next chunk: as `feed`.
    func commit(_ n: Int, _ onRecord: (borrowing CSVRecord) throws -> Void) throws {
        precondition(n >= 0 && count + n <= capacity, "more bytes committed than there is room for")
        count += n
        if count >= scanAt { try process(final: false, onRecord) }
    }

    /// The input ended: the last record may lack its line ending.
    func finish(_ onRecord: (borrowing CSVRecord) throws -> Void) throws { try process(final: true, onRecord) }

    /// Hands over every record complete in what is held now, even if a scan is not yet due
    /// (the input breaks off here: its records come before the error that follows).
    func scanHeld(_ onRecord: (borrowing CSVRecord) throws -> Void) throws { try process(final: false, onRecord) }

    private func process(final: Bool, _ onRecord: (borrowing CSVRecord) throws -> Void) throws {
        var start = 0
        if !bomChecked {
            if count < 3 && !final { return }
            bomChecked = true
            if count >= 3, work[0] == 0xEF, work[1] == 0xBB, work[2] == 0xBF { start = 3 }
        }
        bytesScanned += count - start
        let consumed = try scanner.scan(work + start, count: count - start, final: final, onRecord)
        let rest = count - start - consumed
        if rest > 0, start + consumed > 0 { memmove(work, work + start + consumed, rest) }
        count = rest
        scanAt = 2 * rest
    }
}
