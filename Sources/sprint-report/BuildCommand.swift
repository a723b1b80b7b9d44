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
            A "generated" time is printed only when SOURCE_DATE_EPOCH is set.
            """
    )

    @OptionGroup var input: InputFiles
    @OptionGroup var window: WindowOptions

    @Option(help: ArgumentHelp("The site folder, or the HTML file with --single-file.", valueName: "path"))
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

    @Option(help: ArgumentHelp("With --single-file: only this team (its key), for a retrospective.", valueName: "key"))
    var team: String?

    @Flag(help: "Replace --output even when it is not an earlier sprint-report output.")
    var force = false

    func validate() throws {
        if team != nil && !singleFile { throw ValidationError("--team needs --single-file.") }
    }

    func run() throws {
        let window = try self.window.window()
        let options = BuildOptions(title: title, sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"],
                                   force: force)
        try reportingBuildErrors {
            let pageTemplates = try PageTemplates(directory: templates)
            let (thresholds, data) = try reportingInputErrors {
                (try bands.map { try BandConfig.load(path: $0) } ?? .defaults, try input.read())
            }
            let report = Analyzer.analyze(data, window: window, thresholds: thresholds)
            if singleFile {
                try SingleFileBuilder.write(report, templates: pageTemplates, options: options, team: team, output: output)
            } else {
                try SiteBuilder.writeSite(report, templates: pageTemplates, options: options, output: output)
            }
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
