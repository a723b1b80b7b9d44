import ArgumentParser
import Foundation
import SprintReport

/// Options every command that reads exports shares.
struct InputFiles: ParsableArguments {
    @Argument(help: ArgumentHelp("Export files (.csv.gz or .csv); '-' reads standard input.",
                                 valueName: "file"))
    var files: [String]

    @Option(name: .customLong("limit"),
            help: ArgumentHelp("Raise a reading limit (repeatable): field-bytes (default 64K), record-bytes (1M), "
                + "record-fields (10000); VALUE is a whole number, optionally ending in K, M or G.",
                valueName: "name=value"))
    var limitOptions: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError("Missing input: name at least one export file.") }
        _ = try limits()
    }

    /// The reading limits: the defaults, with each `--limit` applied in order.
    func limits() throws -> ReadLimits {
        var limits = ReadLimits.defaults
        for option in limitOptions {
            do { try limits.set(option) } catch { throw ValidationError("--limit: \(error.description).") }
        }
        return limits
    }

    /// Reads `paths` (all the files by default) under the limits given.
    func read(_ paths: [String]? = nil) throws -> DataSet {
        try ExportReader.read(paths: paths ?? files, limits: limits())
    }
}

/// `--from` / `--to`: the report window.
struct WindowOptions: ParsableArguments {
    @Option(help: ArgumentHelp("First day of the window (yyyy-MM-dd).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day of the window (yyyy-MM-dd).", valueName: "date"))
    var to: String?

    func window() throws -> Window {
        func day(_ text: String?, _ name: String) throws -> Day? {
            guard let text else { return nil }
            guard let d = Day(iso: text) else {
                throw ValidationError("--\(name) takes a date as yyyy-MM-dd, not '\(text)'.")
            }
            return d
        }
        let w = Window(from: try day(from, "from"), to: try day(to, "to"))
        if let f = w.from, let t = w.to, f > t {
            throw ValidationError("--from \(f) is after --to \(t).")
        }
        return w
    }
}

/// Prints input errors the way the spec says (`FILE:LINE: error: WHAT`, one per line, on
/// standard error) and exits with status 1; other errors go to ArgumentParser.
func reportingInputErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as InputErrors {
        FileHandle.standardError.write(Data((e.description + "\n").utf8))
        throw ExitCode(1)
    } catch let e as InputError {
        FileHandle.standardError.write(Data((e.description + "\n").utf8))
        throw ExitCode(1)
    }
}

/// Standard output through write(2) (no `Data` copy per piece). A failed write (a full disk, a
/// closed descriptor) ends the run at once with one line on standard error and exit status 1,
/// so a CI job never takes a cut-off summary for a whole one.
enum StandardOutput {
    static func write(_ b: UnsafeBufferPointer<UInt8>) {
        guard let base = b.baseAddress else { return }
        var done = 0
        while done < b.count {
            let n = Foundation.write(1, base + done, b.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                FileHandle.standardError.write(Data("sprint-report: error: cannot write standard output: \(reason)\n".utf8))
                Foundation.exit(1)
            }
            done += n
        }
    }

    static func write(_ text: String) {
        var text = text
        text.withUTF8 { write($0) }
    }
}
