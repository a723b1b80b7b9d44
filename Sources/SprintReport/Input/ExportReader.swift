/// Reads export files into a `DataSet` (`export-format.md`).
public enum ExportReader {
    /// The text chunk size handed from the inflating thread to the parsing thread.
    public static let defaultChunkSize = 256 * 1024

    /// Reads and merges `paths` (`-` is standard input) in command-line order.
    /// Throws `InputErrors` (one `InputError` per bad file) when any input is unusable.
    public static func read(paths: [String], options: ReadOptions = ReadOptions()) throws -> DataSet {
        try read(paths: paths, chunkSize: defaultChunkSize, options: options)
    }

    /// `read(paths:)` with the chunk size injectable, so tests can split a stream anywhere.
    public static func read(paths: [String], chunkSize: Int, options: ReadOptions = ReadOptions()) throws -> DataSet {
        let store = RowStore()
        var summaries: [InputSummary] = []
        var extras: [[FileExtra]] = []
        var errors: [InputError] = []
        for (i, path) in paths.enumerated() {
            let reader = FileReader(path: path, fileIndex: i, store: store, chunkSize: chunkSize, options: options)
            do {
                let (summary, fileExtras) = try reader.read()
                summaries.append(summary)
                extras.append(fileExtras)
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
        if summaries.allSatisfy({ $0.rows == 0 }) {
            throw InputErrors([InputError(file: paths.joined(separator: ", "), "no data rows")])
        }
        return RowMerger(store: store, inputs: summaries, extras: extras).dataSet()
    }
}
