#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one input file into the shared `RowStore`: bytes through the `ChunkPipeline`,
/// records through the `CSVScanner`, the header through `HeaderPlan`, each record through
/// `RecordMapper`. Produces the file's `InputSummary`.
final class FileReader {
    let path: String
    let fileIndex: Int
    let store: RowStore
    let chunkSize: Int
    private var mapper: RecordMapper?

    init(path: String, fileIndex: Int, store: RowStore, chunkSize: Int) {
        self.path = path
        self.fileIndex = fileIndex
        self.store = store
        self.chunkSize = chunkSize
    }

    /// What the file held once read; throws the file's first error.
    func read() throws(InputError) -> (summary: InputSummary, extras: [FileExtra]) {
        let source = try ByteSource(path: path)
        let pipeline = ChunkPipeline(source: source, chunkSize: chunkSize)
        pipeline.start()
        var capacity = max(chunkSize * 2, 4096)
        var work = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { work.deallocate() }
        var count = 0
        var scanner = CSVScanner()
        var bomChecked = false
        func process(final: Bool) throws {
            var start = 0
            if !bomChecked {
                if count < 3 && !final { return }
                bomChecked = true
                if count >= 3, work[0] == 0xEF, work[1] == 0xBB, work[2] == 0xBF { start = 3 }
            }
            let consumed = try scanner.scan(work + start, count: count - start, final: final) { record in
                try self.handle(record)
            }
            let rest = count - start - consumed
            if rest > 0, start + consumed > 0 { memmove(work, work + start + consumed, rest) }
            count = rest
        }
        do {
            loop: while true {
                switch pipeline.next() {
                case .chunk(let p, let n):
                    if count + n > capacity {
                        capacity = max(capacity * 2, count + n)
                        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
                        bigger.update(from: work, count: count)
                        work.deallocate()
                        work = bigger
                    }
                    (work + count).update(from: p, count: n)
                    pipeline.recycle(p)
                    count += n
                    try process(final: false)
                case .end:
                    try process(final: true)
                    break loop
                case .failed(let e):
                    throw e
                }
            }
        } catch let e as InputError {
            pipeline.cancelAndWait()
            throw e
        } catch let e as CSVSyntaxError {
            pipeline.cancelAndWait()
            switch e {
            case .invalidUTF8(let line): throw InputError(file: path, line: line, "invalid UTF-8")
            case .unterminatedQuote(let line):
                throw InputError(file: path, line: line, "quoted field starting here never closes")
            }
        } catch {
            pipeline.cancelAndWait()
            throw InputError(file: path, "\(error)")
        }
        pipeline.waitUntilFinished()
        let outcome = pipeline.outcome
        if outcome.rawBytes == 0 { throw InputError(file: path, "empty file (0 bytes)") }
        guard let mapper else { throw InputError(file: path, "no header row (the file holds only blank lines)") }
        return mapper.finish(compressed: outcome.compressed, sha256: outcome.sha256)
    }

    private func handle(_ record: borrowing CSVRecord) throws {
        if let mapper {
            try mapper.map(record)
        } else {
            let headers = (0..<record.count).map { record.string($0).trimmingSpaces }
            let plan = try HeaderPlan(headers: headers, file: path, line: record.line)
            mapper = RecordMapper(plan: plan, path: path, fileIndex: fileIndex, store: store)
        }
    }
}

/// An extra metric of one file: its name, and whether all its cells were numbers.
struct FileExtra {
    var name: String
    var normalized: String
    var numeric: Bool
}
