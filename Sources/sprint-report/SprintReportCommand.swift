import ArgumentParser
import Foundation
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

    /// ArgumentParser's own `main`, except that an error it does not know (a file system
    /// error, say) is one line `sprint-report: error: …` with exit status 1 rather than
    /// `Error: Error Domain=…`. Usage errors keep ArgumentParser's message and status 64.
    static func main() {
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
        } catch {
            // ArgumentParser's own (ExitCode, ValidationError, CleanExit, the help command's
            // request): its message and status. Everything else: one line, status 1.
            if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") { exit(withError: error) }
            StandardError.report(error)
            Foundation.exit(1)
        }
    }
}
