import ArgumentParser
import Foundation
import SprintReport

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Generate a realistic, deterministic Sprint Export file to try the tool on.",
        discussion: """
            Writes an org-tree export in the platform's wide shape: teams under \
            Engineering/<group>/<team>, sprints of 1–3 weeks with dates, every identity \
            holding. The same options and seed always give the same CSV bytes. A FILE \
            ending in .gz is gzip-compressed; '-' writes plain CSV to standard output.
            """
    )

    @Option(help: "Number of teams.")
    var teams: Int = 12

    @Option(help: "Number of sprints per team (team-level files bucket them into periods).")
    var sprints: Int = 26

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(help: "Row level: sprint (one row per sprint) or team (one row per team and period).")
    var level: RowLevelArgument = .sprint

    @Option(help: "Period of a team-level row: SPRINT, WEEKLY, MONTHLY or QUARTERLY (default MONTHLY).")
    var granularity: GranularityArgument?

    @Option(help: "Computation mode: STORY_POINTS, TICKETS or both (suffixed columns).")
    var mode: ModeArgument = .storyPoints

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (.csv or .csv.gz), or '-'.", valueName: "file"))
    var output: String

    @Flag(help: "Replace an existing output file.")
    var force = false

    func validate() throws {
        if granularity != nil && level != .team {
            throw ValidationError("--granularity applies to --level team only.")
        }
        if let problem = options.problems.first { throw ValidationError(problem) }
    }

    var options: SampleOptions {
        SampleOptions(teams: teams, sprints: sprints, seed: seed, level: level.value,
                      granularity: granularity?.value ?? .monthly, modes: mode.modes)
    }

    func run() throws {
        do {
            let result = try SampleWriter.write(SampleGenerator(options), to: output, force: force)
            if output != "-" {
                StandardError.write("\(output): \(result.rows) rows, \(result.csvBytes) bytes of CSV, \(result.fileBytes) bytes written\n")
            }
        } catch let e as SampleError {
            StandardError.write(e.description + "\n")
            throw ExitCode(1)
        }
    }
}

enum RowLevelArgument: String, ExpressibleByArgument, CaseIterable {
    case sprint, team
    var value: RowLevel { self == .sprint ? .sprint : .team }
}

enum GranularityArgument: String, ExpressibleByArgument, CaseIterable {
    case sprint = "SPRINT", weekly = "WEEKLY", monthly = "MONTHLY", quarterly = "QUARTERLY"
    var value: Granularity { Granularity(rawValue: rawValue)! }
}

enum ModeArgument: String, ExpressibleByArgument, CaseIterable {
    case storyPoints = "STORY_POINTS", tickets = "TICKETS", both
    var modes: [ComputationMode] {
        switch self {
        case .storyPoints: [.storyPoints]
        case .tickets: [.tickets]
        case .both: [.storyPoints, .tickets]
        }
    }
}
