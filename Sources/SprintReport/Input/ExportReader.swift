/// Reads export files into a `DataSet` (`docs/input-format.md`).
public enum ExportReader {
    /// The text chunk size handed from the inflating thread to the parsing thread.
    public static let defaultChunkSize = 256 * 1024

    /// Reads and merges `paths` (`-` is standard input) in command-line order, each record
    /// held to `limits`. Throws `InputErrors` (one `InputError` per bad file) when any input
    /// is unusable.
    public static func read(paths: [String], options: ReadOptions = ReadOptions(),
                            limits: ReadLimits = .defaults) throws -> DataSet {
        try read(paths: paths, chunkSize: defaultChunkSize, options: options, limits: limits)
    }

    /// `read(paths:)` with the chunk size injectable, so tests can split a stream anywhere.
    public static func read(paths: [String], chunkSize: Int, options: ReadOptions = ReadOptions(),
                            limits: ReadLimits = .defaults) throws -> DataSet {
        try read(inputs: paths.map { .file($0) }, chunkSize: chunkSize, options: options, limits: limits)
    }

    /// Reads exports held in memory (`name` stands for the file in messages), as files are
    /// read: for the fuzz targets and tests, which feed thousands of inputs a second.
    /// With `analysesAtOnce` (and `options.analysis`), every team is analysed as soon as its
    /// rows end, not only while the mapping thread would wait: the fuzz target compares that
    /// path with the plain one on every input.
    static func read(contents: [(name: String, bytes: [UInt8])], chunkSize: Int = defaultChunkSize,
                     options: ReadOptions = ReadOptions(), limits: ReadLimits = .defaults,
                     analysesAtOnce: Bool = false) throws -> DataSet {
        try read(inputs: contents.map { .memory(name: $0.name, bytes: $0.bytes) }, chunkSize: chunkSize,
                 options: options, limits: limits, analysesAtOnce: analysesAtOnce)
    }

    private static func read(inputs: [ByteSource.Origin], chunkSize: Int, options: ReadOptions,
                             limits: ReadLimits, analysesAtOnce: Bool = false) throws -> DataSet {
        let store = RowStore()
        store.analysesAtOnce = analysesAtOnce
        var summaries: [InputSummary] = []
        var extras: [[FileExtra]] = []
        var errors: [InputError] = []
        var periodKeys: [DistinctCount] = []
        let paths = inputs.map(\.name)
        if inputs.count == 1, let a = options.analysis {
            store.early = EarlyAnalysis.Setting(window: a.window, thresholds: a.thresholds, files: paths)
        }
        for (i, input) in inputs.enumerated() {
            let path = paths[i]
            let reader = FileReader(input: input, fileIndex: i, store: store, chunkSize: chunkSize, options: options,
                                    limits: limits)
            do {
                let (summary, fileExtras, keys) = try reader.read()
                summaries.append(summary)
                extras.append(fileExtras)
                periodKeys.append(keys)
            } catch {
                errors.append(error)
                // Keep indexes aligned with `SourceRef.file`; the run fails anyway.
                summaries.append(InputSummary(path: path, compressed: false, shape: .wide, level: .team, modes: [],
                                              rows: 0, teams: 0, periods: 0, firstPeriod: nil, lastPeriod: nil,
                                              sha256: "", columns: []))
                extras.append([])
                periodKeys.append(DistinctCount())
            }
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        store.closeFindings()
        if summaries.allSatisfy({ $0.rows == 0 }) {
            throw InputErrors([InputError(file: paths.joined(separator: ", "), "no data rows")])
        }
        // Each file's distinct periods are counted (a sort of its keys) before the merge, on
        // this thread, so that the sort's memory is free again before the merge allocates.
        // (Counted on another thread beside the merge, it saved about 0.03 s of 1.5 million
        // rows but added about 10 MB to the peak memory of the whole run: the freed buffers
        // were not reused.)
        for i in periodKeys.indices { summaries[i].periods = periodKeys[i].count() }
        periodKeys = []
        return RowMerger(store: store, inputs: summaries, extras: extras).dataSet()
    }
}
