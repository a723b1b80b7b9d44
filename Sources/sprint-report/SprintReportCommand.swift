import ArgumentParser
import SprintReport

@main
struct SprintReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sprint-report",
        abstract: "Turn Sprint Export API files into a static site, a single-file report or CI summaries.",
        version: SprintReportVersion.current,
        subcommands: [
            InspectCommand.self,
            SummaryCommand.self,
            BuildCommand.self,
            SampleCommand.self,
            FetchCommand.self,
        ]
    )
}
