import ArgumentParser
import Foundation
import SprintReport

/// Options every command that reads exports shares.
struct InputFiles: ParsableArguments {
    @Argument(help: ArgumentHelp("Export files (.csv.gz or .csv); '-' reads standard input.",
                                 valueName: "file"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("Missing input: name at least one export file.") }
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
        StandardError.write(e.description + "\n")
        throw ExitCode(1)
    } catch let e as InputError {
        StandardError.write(e.description + "\n")
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
                StandardError.error("cannot write standard output: \(String(cString: strerror(errno)))")
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
