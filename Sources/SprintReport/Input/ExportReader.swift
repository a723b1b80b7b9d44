import Dispatch

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
    static func read(contents: [(name: String, bytes: [UInt8])], chunkSize: Int = defaultChunkSize,
                     options: ReadOptions = ReadOptions(), limits: ReadLimits = .defaults) throws -> DataSet {
        try read(inputs: contents.map { .memory(name: $0.name, bytes: $0.bytes) }, chunkSize: chunkSize,
                 options: options, limits: limits)
    }

    private static func read(inputs: [ByteSource.Origin], chunkSize: Int, options: ReadOptions,
                             limits: ReadLimits) throws -> DataSet {
        let store = RowStore()
        var summaries: [InputSummary] = []
        var extras: [[FileExtra]] = []
        var errors: [InputError] = []
        var periodKeys: [DistinctCount] = []
        let paths = inputs.map(\.name)
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
            }
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        store.closeFindings()
        if summaries.allSatisfy({ $0.rows == 0 }) {
            throw InputErrors([InputError(file: paths.joined(separator: ", "), "no data rows")])
        }
        // Each file's distinct periods are counted (a sort of its keys) on another thread
        // while the rows are merged.
        let counts = DistinctCounts(&periodKeys)
        var data = RowMerger(store: store, inputs: summaries, extras: extras).dataSet()
        for (i, n) in counts.wait().enumerated() { data.inputs[i].periods = n }
        return data
    }

    /// The counts of several `DistinctCount`s, made on a thread of their own.
    private final class DistinctCounts: @unchecked Sendable {
        private var keys: [DistinctCount]
        private var counts: [Int] = []
        private let done = DispatchGroup()

        /// Takes the keys (`keys` is left empty: the only copy of each array is sorted in place).
        init(_ keys: inout [DistinctCount]) {
            self.keys = []
            swap(&self.keys, &keys)
            DispatchQueue.global().async(group: done) { [self] in
                for i in self.keys.indices { counts.append(self.keys[i].count()) }
                self.keys = []
            }
        }

        /// The counts, in the order of the keys given (waits for them).
        func wait() -> [Int] {
            done.wait()
            return counts
        }
    }
}
