/// Reads one input file into the shared `RowStore`: the `ChunkPipeline` reads, inflates and
/// scans it into record batches on its own thread; here, on the calling thread, the header
/// goes through `HeaderPlan` and each record through `RecordMapper`. Produces the file's
/// `InputSummary` (its distinct periods still to count, from the keys handed back).
final class FileReader {
    let path: String
    let fileIndex: Int
    let store: RowStore
    let chunkSize: Int
    let options: ReadOptions
    let limits: ReadLimits
    private let input: ByteSource.Origin
    private var mapper: RecordMapper?

    init(input: ByteSource.Origin, fileIndex: Int, store: RowStore, chunkSize: Int,
         options: ReadOptions = ReadOptions(), limits: ReadLimits) {
        self.path = input.name
        self.input = input
        self.fileIndex = fileIndex
        self.store = store
        self.chunkSize = chunkSize
        self.options = options
        self.limits = limits
    }

    /// What the file held once read; throws the file's first error.
    func read() throws(InputError) -> (summary: InputSummary, extras: [FileExtra], periodKeys: DistinctCount) {
        let source = try ByteSource(input)
        let pipeline = ChunkPipeline(source: source, chunkSize: chunkSize, limits: limits)
        pipeline.start()
        var hasher = SHA256()
        do {
            loop: while true {
                switch pipeline.next(idle: store.analyseEarly) {
                case .batch(let batch):
                    defer { pipeline.recycle(batch) }
                    batch.raw.withUnsafeBytes { hasher.update(bufferPointer: $0) }
                    // The mapper taken once per batch: read per record from the optional
                    // property, it was a retain and a release per record.
                    if let mapper {
                        try batch.forEach { try mapper.map($0) }
                    } else {
                        try batch.forEach { try handle($0) }
                    }
                case .end(let raw):
                    raw.withUnsafeBytes { hasher.update(bufferPointer: $0) }
                    break loop
                case .failed(let e):
                    throw e
                }
            }
        } catch let e as InputError {
            pipeline.cancelAndWait()
            throw e
        } catch {
            pipeline.cancelAndWait()
            throw InputError(file: path, "\(error)")
        }
        pipeline.waitUntilFinished()
        let outcome = pipeline.outcome
        if outcome.rawBytes == 0 { throw InputError(file: path, "empty file (0 bytes)") }
        guard let mapper else { throw InputError(file: path, "no header row (the file holds only blank lines)") }
        let (summary, extras) = mapper.finish(compressed: outcome.compressed, sha256: SHA256.hex(hasher.finalize()))
        return (summary, extras, mapper.periodKeys)
    }

    /// The header record makes the mapper; the records of the same batch after it are mapped.
    private func handle(_ record: borrowing CSVRecord) throws {
        if let mapper {
            try mapper.map(record)
        } else {
            let headers = (0..<record.count).map { FileText.string(record.bytes($0)).trimmingSpaces }
            let plan = try HeaderPlan(headers: headers, file: path, line: record.line)
            try options.check(plan, file: path, line: record.line)
            mapper = RecordMapper(plan: plan, path: path, fileIndex: fileIndex, store: store, options: options)
        }
    }
}

/// An extra metric of one file: its name, and whether all its cells were numbers.
struct FileExtra {
    var name: String
    var normalized: String
    var numeric: Bool
}
