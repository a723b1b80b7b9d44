import ArgumentParser
import Foundation
import SprintReport

/// `sprint-report summary`: the figures as text, Markdown or JSON on standard output, with
/// optional CI gates.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Print the team and org figures as text, Markdown or JSON (for CI).",
        discussion: """
            Exit status: 0 on success; 1 on bad input (one FILE:LINE: error: line each); \
            2 when a gate (--fail-on-findings, --fail-on-band, --fail-on-regression) trips, after \
            the summary is printed; 64 on a bad option. The text format colours the bands on a \
            terminal only (never in a pipe or a file), and not at all when NO_COLOR is set.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @OptionGroup var input: InputFiles
    @OptionGroup var windowOptions: WindowOptions

    @Option(help: "Output format: text, json or markdown.")
    var format: Format = .text

    @Option(help: ArgumentHelp("JSON file of band limits overriding the defaults.", valueName: "file"))
    var bands: String?

    @Flag(help: "Exit with status 2 when there is any warning-severity finding.")
    var failOnFindings = false

    @Option(help: ArgumentHelp("""
        Exit with status 2 when any team's banded figure is in a band worse than this one \
        (high trips on Medium and Low).
        """, valueName: "band"))
    var failOnBand: GateBand?

    @Option(help: ArgumentHelp("With --compare: exit with status 2 when any team's FIGURE (sayDoPercent, "
                               + "scopeCreepPercent, totalDeliveredPercent, coefficientOfVariation) got worse by AMOUNT "
                               + "or more; repeatable.", valueName: "figure:amount"))
    var failOnRegression: [String] = []

    @Option(help: ArgumentHelp("An earlier report (its site folder or summary JSON): add what changed since then "
                               + "(text and Markdown).", valueName: "path"))
    var previous: String?

    func validate() throws {
        _ = try regressionLimits()
        if !failOnRegression.isEmpty && windowOptions.compare == nil {
            throw ValidationError("--fail-on-regression needs --compare: a team regresses from a baseline window.")
        }
        if previous != nil && format == .json {
            throw ValidationError("--previous adds a section to the text and Markdown summaries; the JSON holds "
                + "this report's figures only.")
        }
    }

    func regressionLimits() throws -> [RegressionLimit] {
        var limits: [RegressionLimit] = []
        for text in failOnRegression {
            do {
                limits.append(try RegressionLimit(argument: text))
            } catch {
                throw ValidationError(error.description)
            }
        }
        return limits
    }

    func run() throws {
        let window = windowOptions.window
        let baseline = try windowOptions.baselineWindow(for: window)
        let (report, comparison, since) = try reportingInputErrors {
            let earlier = try previous.map { try PreviousSummary.load(path: $0) }
            let thresholds = try bands.map { try BandConfig.load(path: $0) } ?? .defaults
            let data = try input.read(analysedWith: window, thresholds: thresholds)
            let (report, comparison) = analyze(data, window: window, baseline: baseline, thresholds: thresholds)
            return (report, comparison, earlier.map { SinceLastReport(previous: $0, current: report) })
        }
        switch format {
        case .text:
            let colour = TerminalColour.enabled(isTerminal: isatty(1) == 1, environment: ProcessInfo.processInfo.environment)
            StandardOutput.write(SummaryText.render(report, comparison: comparison, since: since, colour: colour))
        case .json: SummaryJSON.write(report, comparison: comparison, bytes: { StandardOutput.write($0) })
        case .markdown: StandardOutput.write(SummaryMarkdown.render(report, comparison: comparison, since: since))
        }
        var reasons: [String] = []
        if let reason = SummaryGate(failOnFindings: failOnFindings, failOnBand: failOnBand?.band).failure(report) {
            reasons.append(reason)
        }
        if let comparison, let reason = RegressionGate(limits: try regressionLimits()).failure(report, comparison) {
            reasons.append(reason)
        }
        if !reasons.isEmpty {
            StandardError.write("sprint-report: \(reasons.joined(separator: "; "))\n")
            throw ExitCode(2)
        }
        // Everything is written (with write(2), unbuffered): end here rather than free the
        // report row by row on the way out (≈ 0.1 s of one core for 1.5 M rows). The report
        // is kept alive up to the exit: Swift may otherwise free it right after its last use.
        withExtendedLifetime((report, comparison, since)) { Foundation.exit(0) }
    }
}

/// The bands a gate can hold to: nothing is worse than Low, so `low` would never trip.
enum GateBand: String, ExpressibleByArgument, CaseIterable {
    case elite, high, medium

    init?(argument: String) {
        guard let b = Self(rawValue: argument.lowercased()) else { return nil }
        self = b
    }

    var band: Band {
        switch self {
        case .elite: .elite
        case .high: .high
        case .medium: .medium
        }
    }
}
