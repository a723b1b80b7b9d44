import ArgumentParser
import Foundation
import SprintReport

/// Options every command that reads exports shares.
struct InputFiles: ParsableArguments {
    @Argument(help: ArgumentHelp("Export files (.csv.gz or .csv); '-' reads standard input.",
                                 valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("""
        Computation mode of files that name none (no mode column, no unit suffix): STORY_POINTS \
        (the default) or TICKETS. A file that names another mode is an error.
        """, valueName: "mode"))
    var mode: ReadMode?

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
        try ExportReader.read(paths: paths ?? files, options: readOptions, limits: limits())
    }

    /// `read()` for data analysed next with `window` and `thresholds`: each team is analysed
    /// as soon as its rows are read (`ReadOptions.analysis`).
    func read(analysedWith window: Window, thresholds: BandThresholds) throws -> DataSet {
        var options = readOptions
        options.analysis = ReadOptions.Analysis(window: window, thresholds: thresholds)
        return try ExportReader.read(paths: files, options: options, limits: limits())
    }

    var readOptions: ReadOptions { ReadOptions(mode: mode?.value) }
}

/// `--mode` of the reading commands: one mode, no `both` (that is `sample`'s).
enum ReadMode: String, ExpressibleByArgument, CaseIterable {
    case storyPoints = "STORY_POINTS", tickets = "TICKETS"

    init?(argument: String) {
        guard let m = Self.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(argument) == .orderedSame }) else {
            return nil
        }
        self = m
    }

    var value: ComputationMode { self == .storyPoints ? .storyPoints : .tickets }
}

/// `--from` / `--to`: the report window. Dates are parsed as the arguments are, and checked in
/// `validate()`, so a bad one is reported with the subcommand's usage, not the top level's.
struct WindowOptions: ParsableArguments {
    @Option(help: ArgumentHelp("First day of the window (yyyy-MM-dd).", valueName: "date"))
    var from: Day?

    @Option(help: ArgumentHelp("Last day of the window (yyyy-MM-dd).", valueName: "date"))
    var to: Day?

    @Option(help: ArgumentHelp("Compare with a baseline window: 'previous' (the same number of days just before "
                               + "--from; needs --from and --to) or yyyy-MM-dd..yyyy-MM-dd.", valueName: "window"))
    var compare: String?

    func validate() throws {
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to).") }
    }

    /// The baseline window of `--compare` for the report window `window`; nil without it.
    func baselineWindow(for window: Window) throws -> Window? {
        guard let compare else { return nil }
        do {
            return try BaselineWindow(argument: compare).window(for: window)
        } catch {
            throw ValidationError(error.description)
        }
    }

    var window: Window { Window(from: from, to: to) }
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

/// The report over the window, and its comparison with the baseline window when `--compare`
/// names one.
func analyze(_ data: consuming DataSet, window: Window, baseline: Window?,
             thresholds: BandThresholds) -> (Report, WindowComparison?) {
    guard let baseline else { return (Analyzer.analyze(data, window: window, thresholds: thresholds), nil) }
    let (report, comparison) = WindowComparison.analyze(data, window: window, baselineWindow: baseline,
                                                        thresholds: thresholds)
    return (report, comparison)
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
        if let e = Descriptor.writeAll(1, UnsafeRawBufferPointer(b)) {
            StandardError.error("cannot write standard output: \(String(cString: strerror(e)))")
            // This may run off the main thread: `summary --format json` hands its pieces on
            // from whichever thread is composing teams. Exiting there is fine: the JSON
            // writer makes these calls one at a time, so no other piece and no second error
            // line can follow this one; the line is already out (write(2), not buffered);
            // nothing needs cleaning up (standard output is not a file we made); and `exit`
            // ends the process with the other workers, whose half-made batches are dropped.
            Foundation.exit(1)
        }
    }

    static func write(_ text: String) {
        var text = text
        text.withUTF8 { write($0) }
    }
}
