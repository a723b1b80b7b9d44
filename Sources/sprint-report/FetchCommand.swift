import ArgumentParser
import Foundation
import SprintReport

/// `sprint-report fetch`: create an export with the Sprint Export API, wait for it, download
/// it and keep it only when the reader accepts it. The work is the library's (Fetch/); this
/// parses options, checks them before any request, and prints the one-line error.
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Get an export from the Sprint Export API: create the job, wait for it, download and check the file.",
        discussion: """
            The API key comes from the environment variable SEI_API_KEY, never from the command \
            line; it is sent only to the base URL's own host (not to a download URL or redirect \
            elsewhere) and never printed. The base URL is --base-url, else SEI_BASE_URL.
            The job is created (an identical job of the last 30 minutes is reused, as the API \
            answers), polled with a growing interval, and its file downloaded beside --output. The \
            file is read through the same reader as `build`; only a complete, readable export is \
            renamed into place. On any failure no file appears and an earlier --output is left \
            as it was. An existing --output that is not an export is replaced only with --force.
            Rate limits (429, honouring Retry-After), server errors (5xx) and network errors are \
            retried with exponential backoff, at most 5 times per call; other 4xx answers are \
            final. --timeout bounds the whole run.
            Progress goes to standard error: one line per change of the job's status when \
            standard error is not a terminal (a CI log), a live status line on a terminal. \
            Errors are one line on standard error (the HTTP status and the server's message, \
            e.g. "401 Unauthorized: Invalid API key") and exit status 1.
            Example (the last quarter of an org tree, straight into a site), with SEI_API_KEY and \
            SEI_BASE_URL set: sprint-report fetch --project proj1 --org org1 --org-tree Engineering \
            --from 2026-01-01 --to 2026-03-31 --output - | sprint-report build - --output site
            """
    )

    @Option(help: ArgumentHelp("The API's base URL (default: the environment variable SEI_BASE_URL).", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("Project identifier (projectIdentifier).", valueName: "id"))
    var project: String

    @Option(help: ArgumentHelp("Organisation identifier (orgIdentifier).", valueName: "id"))
    var org: String

    @Option(help: ArgumentHelp("One team by its id (or use --org-tree).", valueName: "id"))
    var team: String?

    @Option(help: ArgumentHelp("An org tree by its name, every team under it (or use --team).", valueName: "name"))
    var orgTree: String?

    @Option(help: ArgumentHelp("First day of the export (yyyy-MM-dd).", valueName: "date"))
    var from: String

    @Option(help: ArgumentHelp("Last day of the export (yyyy-MM-dd).", valueName: "date"))
    var to: String

    @Option(help: "Period of a row.")
    var granularity: GranularityArgument = .monthly

    @Option(help: "Row level (default: the API's).")
    var level: RowLevelArgument?

    @Option(help: "Computation mode (default: the API's).")
    var mode: FetchModeArgument?

    @Option(name: .customLong("metric-group"),
            help: ArgumentHelp("A metric group to export; repeat the option for several (default: all).",
                               valueName: "group"))
    var metricGroups: [MetricGroupArgument] = []

    @Option(help: ArgumentHelp("Limit of the whole run in seconds: creating, waiting and downloading.", valueName: "seconds"))
    var timeout: Int = 1800

    @Option(name: .shortAndLong, help: ArgumentHelp("The export file to write, or '-' for standard output.", valueName: "file"))
    var output: String

    @Flag(help: "Replace --output even when the file there is not an export.")
    var force = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Also print every request and answer (the key is never shown).")
    var verbose = false

    @Flag(help: .private)
    var simulatedClock = false

    func validate() throws {
        if (team == nil) == (orgTree == nil) { throw ValidationError("Give exactly one of --team and --org-tree.") }
        if project.isEmpty || org.isEmpty { throw ValidationError("--project and --org must not be empty.") }
        if team?.isEmpty == true || orgTree?.isEmpty == true { throw ValidationError("--team and --org-tree must not be empty.") }
        if timeout < 1 { throw ValidationError("--timeout is a number of seconds, at least 1.") }
        if quiet && verbose { throw ValidationError("--quiet and --verbose exclude each other.") }
        _ = try days()
    }

    func days() throws -> (Day, Day) {
        func day(_ text: String, _ name: String) throws -> Day {
            guard text.utf8.count == 10, let d = Day(iso: text) else {
                throw ValidationError("--\(name) takes a date as yyyy-MM-dd, not '\(text)'.")
            }
            return d
        }
        let (a, b) = (try day(from, "from"), try day(to, "to"))
        if a > b { throw ValidationError("--from \(a) is after --to \(b).") }
        return (a, b)
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        // Everything is checked before the first request: the key, the base URL, the output.
        guard let key = APIKey(environment: environment) else {
            fail("\(APIKey.environmentVariable) is not set (or empty): set it to the Sprint Export API key; "
                + "it is read only from the environment", key: nil)
        }
        guard let base = baseURL ?? environment["SEI_BASE_URL"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            fail("no base URL: pass --base-url or set SEI_BASE_URL", key: key)
        }
        if output == "-" && isatty(1) == 1 {
            fail("standard output is a terminal: pipe it into a command (… --output - | sprint-report build - …) "
                + "or name a file with --output", key: key)
        }
        let (start, end) = try days()
        let parameters = ExportParameters(
            project: project, org: org, scope: team.map { .team($0) } ?? .orgTree(orgTree ?? ""),
            from: start, to: end, granularity: granularity.value, level: level?.value, mode: mode?.value,
            metricGroups: metricGroups.map(\.value))
        let progress = FetchProgress.standardError(quiet: quiet, verbose: verbose, key: key)
        do throws(FetchError) {
            let endpoints = try ExportEndpoints(baseURL: base, parameters: parameters, key: key)
            let target = try DownloadTarget(output: output, force: force)
            let clock: any FetchClock = simulatedClock ? SimulatedClock() : SystemClock()
            let fetcher = ExportFetcher(endpoints: endpoints, clock: clock, progress: progress, timeout: timeout)
            let staged = try target.makeStagingFile()
            do throws(FetchError) {
                let outcome = try fetcher.run(downloadTo: staged)
                let summary = try target.verify(staged, exportId: outcome.exportId)
                try target.commit(staged)
                let place = output == "-" ? "standard output" : output
                progress.event("wrote \(place): \(outcome.bytes) bytes, \(summary.rows) rows, \(summary.teams) teams "
                    + "(export \(outcome.exportId), \(summary.compressed ? "gzip" : "plain CSV"))")
            } catch {
                DownloadTarget.discard(staged)
                throw error
            }
        } catch {
            progress.finish()
            fail(error.message, key: key)
        }
    }

    /// One line on standard error, the key removed from it, and exit status 1.
    private func fail(_ message: String, key: APIKey?) -> Never {
        let line = key?.redact(message) ?? message
        StandardError.error(line)
        Foundation.exit(1)
    }
}

enum FetchModeArgument: String, ExpressibleByArgument, CaseIterable {
    case storyPoints = "STORY_POINTS", tickets = "TICKETS"
    var value: ComputationMode { self == .storyPoints ? .storyPoints : .tickets }
}

enum MetricGroupArgument: String, ExpressibleByArgument, CaseIterable {
    case work, delivery, deliveryAnalysis, analysis
    var value: ExportParameters.MetricGroup {
        switch self {
        case .work: .work
        case .delivery: .delivery
        case .deliveryAnalysis: .deliveryAnalysis
        case .analysis: .analysis
        }
    }
}
