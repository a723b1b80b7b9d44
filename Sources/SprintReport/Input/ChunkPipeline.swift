import Foundation

/// Reads one input on its own thread — raw bytes, gzip inflate, CSV records — and hands
/// complete records to the mapping thread in batches through a bounded queue, so the two
/// halves of the work run at the same time on two cores (`docs/architecture.md#threads-and-streaming`: inflate alone
/// is 206–231 MB/s, parsing 221–250 MB/s; one thread doing both manages 122–154 MB/s).
/// Each batch also carries the raw file bytes read since the previous one: the mapping
/// thread hashes them (SHA-256), which balances the two threads (profile of a 156,000-row
/// export: inflate + scan ≈ 5,900 instructions a record, mapping ≈ 4,500, hashing ≈ 1,150).
///
/// Memory is bounded: `depth` record batches of about `chunkSize` bytes circulate between
/// the threads and are reused; one record is bounded by `ReadLimits`, and raw bytes are
/// handed over at least every two chunks' worth even when no record completes (a file of
/// blank lines).
final class ChunkPipeline: @unchecked Sendable {
    /// What the producer hands over.
    enum Item {
        case batch(RecordBatch)
        /// The end, with the raw bytes read since the last batch.
        case end(raw: [UInt8])
        case failed(InputError)
    }

    /// Facts known once the producer is done.
    struct Outcome {
        var compressed = false
        var rawBytes = 0
    }

    private let source: ByteSource
    private let chunkSize: Int
    private let limits: ReadLimits
    private let condition = NSCondition()
    private var free: [RecordBatch] = []
    private var ready: [Item] = []
    private var readyHead = 0
    private var cancelled = false
    private var finished = false
    /// Producer side: the records being gathered, and the scanner that finds them.
    @exclusivity(unchecked) private var current: RecordBatch?
    @exclusivity(unchecked) private var csv: CSVChunkReader?
    private(set) var outcome = Outcome()
    /// Raw bytes read and not yet handed over (they go with the next batch, or the end).
    @exclusivity(unchecked) private var pendingRaw: [UInt8] = []

    init(source: ByteSource, chunkSize: Int, limits: ReadLimits = .defaults, depth: Int = 4) {
        self.source = source
        self.chunkSize = max(1, chunkSize)
        self.limits = limits
        for _ in 0..<max(2, depth) { free.append(RecordBatch(byteCapacity: self.chunkSize + self.chunkSize / 4)) }
    }

    /// Starts the producer thread.
    func start() {
        let thread = Thread { [self] in
            produce()
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// The next item (blocks until there is one). While there is none, `idle` is called
    /// (without the lock) as long as it finds something to do and returns true: the caller's
    /// spare work runs only in time it would spend waiting.
    func next(idle: () -> Bool = { false }) -> Item {
        condition.lock()
        defer { condition.unlock() }
        while readyHead == ready.count {
            condition.unlock()
            let worked = idle()
            condition.lock()
            if !worked && readyHead == ready.count { condition.wait() }
        }
        let item = ready[readyHead]
        readyHead += 1
        if readyHead == ready.count {
            ready.removeAll(keepingCapacity: true)
            readyHead = 0
        }
        return item
    }

    /// Gives a batch back for reuse.
    func recycle(_ batch: RecordBatch) {
        batch.reset()
        condition.lock()
        free.append(batch)
        condition.signal()
        condition.unlock()
    }

    /// Stops the producer early (the parser failed) and waits for it to finish.
    func cancelAndWait() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }

    /// Waits until the producer has finished (after `.end` or `.failed`).
    func waitUntilFinished() {
        condition.lock()
        while !finished { condition.wait() }
        condition.unlock()
    }

    private struct Cancelled: Error {}

    private func acquire() throws -> RecordBatch {
        condition.lock()
        defer { condition.unlock() }
        while free.isEmpty && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        return free.removeLast()
    }

    private func push(_ item: Item) {
        condition.lock()
        ready.append(item)
        condition.signal()
        condition.unlock()
    }

    private func produce() {
        do {
            // The first two bytes decide: gzip by its magic 1F 8B, never by the file name.
            var prefix: [UInt8] = []
            var peek: (UInt8, UInt8) = (0, 0)
            while prefix.count < 2 {
                let n = try withUnsafeMutableBytes(of: &peek) {
                    try source.read(into: $0.baseAddress!, count: 2 - prefix.count)
                }
                if n == 0 { break }
                prefix.append(peek.0)
                if n == 2 { prefix.append(peek.1) }
            }
            try produceWithPrefix(prefix)
        } catch is Cancelled {
            push(.end(raw: []))
        } catch let e as InputError {
            flush()
            push(.failed(e))
        } catch let e as CSVSyntaxError {
            flush()  // the records before the bad one still go first
            push(.failed(e.inputError(file: source.path)))
        } catch {
            push(.failed(InputError(file: source.path, "\(error)")))
        }
    }

    /// The CSV reader, made on first use.
    private func reader() -> CSVChunkReader {
        if let csv { return csv }
        let r = CSVChunkReader(capacity: 2 * chunkSize, limits: limits)
        csv = r
        return r
    }

    /// Runs `scan` on the CSV reader with the batch being filled (taken from the pool first
    /// if there is none) receiving the records it completes.
    ///
    /// The batch is a local constant that the record closure captures: each record is
    /// added without the retain and release that reading `current` per record cost.
    private func fill(_ scan: (CSVChunkReader, (borrowing CSVRecord) throws -> Void) throws -> Void) throws {
        let batch: RecordBatch
        if let c = current { batch = c } else { batch = try acquire(); current = batch }
        try scan(reader()) { batch.add($0) }
    }

    /// Scans the `count` bytes just written into the reader's space (`CSVChunkReader.space`)
    /// into records and hands each full batch over.
    private func emit(_ count: Int) throws {
        try fill { try $0.commit(count, $1) }
        // Raw bytes go over at least every two chunks, even in a batch without records
        // (blank lines, or one long record), so they are never all held.
        if let c = current, c.byteCount >= chunkSize || pendingRaw.count >= 2 * chunkSize {
            handOver(c)
            current = nil
        }
    }

    /// Hands over the records gathered so far.
    private func flush() {
        guard let c = current else { return }
        current = nil
        if c.isEmpty { recycle(c) } else { handOver(c) }
    }

    /// Pushes a batch with the raw bytes read so far.
    private func handOver(_ c: RecordBatch) {
        swap(&c.raw, &pendingRaw)
        pendingRaw.removeAll(keepingCapacity: true)
        push(.batch(c))
    }

    /// Raw bytes to be hashed by the mapping thread.
    private func keepRaw(_ bytes: UnsafeRawBufferPointer) {
        pendingRaw.append(contentsOf: bytes)
        outcome.rawBytes += bytes.count
    }

    /// Continues after the first bytes (`prefix`) have been read.
    private func produceWithPrefix(_ prefix: [UInt8]) throws {
        prefix.withUnsafeBytes { keepRaw($0) }
        if prefix.isEmpty {
            push(.end(raw: pendingRaw))
            return
        }
        let gzip = prefix.count >= 2 && prefix[0] == 0x1F && prefix[1] == 0x8B
        outcome.compressed = gzip
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: max(chunkSize, 2), alignment: 1)
        defer { raw.deallocate() }
        if gzip {
            let inflater: GzipInflater
            do { inflater = try GzipInflater() } catch { throw InputError(file: source.path, "cannot start zlib") }
            // zlib inflates straight into the CSV reader's buffer, after the bytes it holds.
            let csv = reader()
            var used = 0
            func feed(_ bytes: UnsafeRawBufferPointer) throws {
                try inflater.inflate(bytes, output: { (csv.space(for: chunkSize), chunkSize, used) }, filled: { n in
                    used = n
                    if used == chunkSize { try emit(used); used = 0 }
                })
            }
            do {
                try prefix.withUnsafeBytes { try feed($0) }
                while true {
                    let n = try source.read(into: raw.baseAddress!, count: chunkSize)
                    if n == 0 { break }
                    let bytes = UnsafeRawBufferPointer(rebasing: raw[0..<n])
                    keepRaw(bytes)
                    try feed(bytes)
                    // Raw bytes that inflate to little (empty members) still go over in time.
                    if pendingRaw.count >= 2 * chunkSize {
                        try emit(used)
                        used = 0
                    }
                }
                if inflater.inMember { throw GzipError.truncated }
            } catch let e as GzipError {
                // The text inflated before the damage is scanned first, whatever the chunk
                // size: a problem in it comes earlier in the file, so it is the one reported.
                if used > 0 { try emit(used) }
                try fill { try $0.scanHeld($1) }
                switch e {
                case .corrupt(let why): throw InputError(file: source.path, "corrupt gzip stream (\(why))")
                case .truncated:
                    throw InputError(file: source.path, "truncated gzip stream (it ends before its last member does)")
                }
            }
            if used > 0 { try emit(used) }
        } else {
            let csv = reader()
            prefix.withUnsafeBufferPointer { csv.space(for: $0.count).update(from: $0.baseAddress!, count: $0.count) }
            try emit(prefix.count)
            while true {
                // Read straight into the CSV reader's buffer; the raw bytes are kept before
                // the scan, which unescapes quoted fields in place.
                let text = csv.space(for: chunkSize)
                let n = try source.read(into: text, count: chunkSize)
                if n == 0 { break }
                keepRaw(UnsafeRawBufferPointer(start: text, count: n))
                try emit(n)
            }
        }
        try fill { try $0.finish($1) }
        flush()
        push(.end(raw: pendingRaw))
    }

}
