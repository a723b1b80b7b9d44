import ArgumentParser
import Foundation
import SprintReport

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Write the static site (or, with --single-file, one self-contained HTML report).",
        discussion: """
            The site goes to a new folder: --output must be absent, empty, or an earlier \
            sprint-report site (it holds a .sprint-report file); anything else is refused unless \
            --force. Pages are written beside it first and moved into place when complete. \
            A "generated" time is printed only when SOURCE_DATE_EPOCH is set. The site carries \
            summary.json: what 'summary --format json' prints for the same inputs and options. \
            One closing line on standard error says what was written (and, on a terminal, a \
            progress line shows while a build takes more than a second); --quiet silences both.
            """
    )

    @OptionGroup var input: InputFiles
    @OptionGroup var window: WindowOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The site folder, or the HTML file with --single-file.", valueName: "path"))
    var output: String

    @Option(help: ArgumentHelp("Title of the site (default: the export's org tree name).", valueName: "text"))
    var title: String?

    @Option(help: ArgumentHelp("JSON file of band limits overriding the defaults (see README, summary).", valueName: "file"))
    var bands: String?

    @Option(help: ArgumentHelp("Folder of templates (*.mustache) and styles (*.css) that replace the built-in ones by name.",
                               valueName: "dir"))
    var templates: String?

    @Flag(help: "Write one self-contained HTML file instead of a site.")
    var singleFile = false

    @Option(help: ArgumentHelp("""
        With --single-file: only this team, for a retrospective: its id, its name or its \
        hierarchy path, in any letter case (`sprint-report inspect FILE` lists them).
        """, valueName: "team"))
    var team: String?

    @Flag(help: "Replace --output even when it is not an earlier sprint-report output.")
    var force = false

    @Flag(name: .shortAndLong, help: "Print nothing on success: no progress line, no closing line.")
    var quiet = false

    @Option(help: ArgumentHelp("An earlier report (its site folder, e.g. the --output being replaced, or its summary "
                               + "JSON): note what changed since then.", valueName: "path"))
    var previous: String?

    func validate() throws {
        if team != nil && !singleFile { throw ValidationError("--team needs --single-file.") }
    }

    func run() throws {
        let baseline = try window.baselineWindow(for: window.window)
        let progress = BuildProgress()
        // The progress line goes to a terminal only: a CI log or a pipe gets the closing line alone.
        let ticker = ProgressTicker(progress) { FileHandle.standardError.write(Data($0.utf8)) }
        if !quiet && isatty(2) == 1 { ticker.run() }
        defer { ticker.stop() }
        var options = BuildOptions(title: title, sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"],
                                   force: force, progress: progress)
        try reportingBuildErrors {
            let pageTemplates = try PageTemplates(directory: templates)
            // The earlier report is read before anything is written: `--previous` may name the
            // very folder this build replaces.
            let (earlier, thresholds, data) = try reportingInputErrors {
                (try previous.map { try PreviousSummary.load(path: $0) },
                 try bands.map { try BandConfig.load(path: $0) } ?? .defaults,
                 try ExportReader.read(paths: input.files, options: input.readOptions))
            }
            let key = try team.map { try teamKey($0, in: data) }
            progress.begin("analysing")
            let (report, comparison) = analyze(data, window: window.window, baseline: baseline, thresholds: thresholds)
            options.comparison = comparison
            options.sinceLastReport = earlier.map { SinceLastReport(previous: $0, current: report) }
            if singleFile {
                try SingleFileBuilder.write(report, templates: pageTemplates, options: options, team: key, output: output)
            } else {
                try SiteBuilder.writeSite(report, templates: pageTemplates, options: options, output: output)
            }
        }
        ticker.stop()
        if !quiet {
            let receipt = BuildReceipt.measure(output, seconds: ticker.elapsed)
            FileHandle.standardError.write(Data((receipt.line(folder: !singleFile) + "\n").utf8))
        }
    }

    /// The key of the team `--team` names (id, name or path), or an error listing the matches.
    private func teamKey(_ query: String, in data: DataSet) throws -> String {
        do {
            return try TeamDirectory(teams: data.series.map(\.team)).lookup(query).key
        } catch {
            FileHandle.standardError.write(Data("sprint-report: error: --team: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// Prints template and output errors as one line on standard error and exits with status 1.
func reportingBuildErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch where error is TemplateError || error is OutputError {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        throw ExitCode(1)
    }
}
