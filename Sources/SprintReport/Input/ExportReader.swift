/// Reads export files into a `DataSet` (`export-format.md`).
///
/// Stub of the public entry point: the Input stage implements it.
public enum ExportReader {
    /// Reads and merges `paths` (`-` is standard input) in command-line order.
    /// Throws `InputErrors` (one `InputError` per problem) when any input is unusable.
    public static func read(paths: [String]) throws -> DataSet {
        throw InputErrors([InputError(file: paths.first ?? "-", "reader not implemented yet")])
    }
}
