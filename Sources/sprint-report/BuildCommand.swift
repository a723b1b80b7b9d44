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
            --force. Never replaced, even with --force: the current folder, /, the home folder, \
            a folder above them, or one that holds an input. Pages are written beside it first \
            and swapped into place when complete; Ctrl-C removes them (exit status 130). \
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

    @Option(help: ArgumentHelp("Refuse a site (or a whole-org single file) of more teams than this (default \(SiteLimit.defaultMaxTeams)).",
                               valueName: "n"))
    var maxTeams: Int?

    func validate() throws {
        if team != nil && !singleFile { throw ValidationError("--team needs --single-file.") }
        if let maxTeams, maxTeams < 1 { throw ValidationError("--max-teams takes a number of teams of at least 1.") }
    }

    func run() throws {
        // Ctrl-C or SIGTERM: remove the staging, then exit 130 or 143.
        Interruption.install()
        let baseline = try window.baselineWindow(for: window.window)
        let progress = BuildProgress()
        // The progress line goes to a terminal only: a CI log or a pipe gets the closing line alone.
        let ticker = ProgressTicker(progress) { StandardError.write($0) }
        if !quiet && isatty(2) == 1 { ticker.run() }
        defer { ticker.stop() }
        var options = BuildOptions(title: title, sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"],
                                   force: force, progress: progress,
                                   reads: input.files + [bands, templates].compactMap { $0 }, maxTeams: maxTeams)
        try reportingBuildErrors {
            // A bad --output is refused before the inputs are read (and checked again when written).
            if singleFile {
                try SingleFileBuilder.checkOutput(output, options: options)
            } else {
                try SiteBuilder.checkOutput(output, options: options)
            }
            let pageTemplates = try PageTemplates(directory: templates)
            // The earlier report is read before anything is written: `--previous` may name the
            // very folder this build replaces.
            let (earlier, thresholds, data) = try reportingInputErrors {
                (try previous.map { try PreviousSummary.load(path: $0) },
                 try bands.map { try BandConfig.load(path: $0) } ?? .defaults,
                 try input.read())
            }
            if team == nil { try SiteLimit.check(teams: SiteLimit.teamCount(data), maxTeams: maxTeams) }
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
            StandardError.write(receipt.line(folder: !singleFile) + "\n")
        }
    }

    /// The key of the team `--team` names (id, name or path), or an error listing the matches.
    private func teamKey(_ query: String, in data: DataSet) throws -> String {
        do {
            return try TeamDirectory(teams: data.series.map(\.team)).lookup(query).key
        } catch {
            StandardError.write("sprint-report: error: --team: \(error)\n")  // the matches follow, one per line
            throw ExitCode(1)
        }
    }
}

/// Prints template and output errors as one line on standard error and exits with status 1.
func reportingBuildErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch where error is TemplateError || error is OutputError {
        StandardError.report(error)
        throw ExitCode(1)
    }
}
