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
        } catch let e as ExitCode {
            exit(withError: e)
        } catch let e as ValidationError {
            exit(withError: e)
        } catch let e as CleanExit {
            exit(withError: e)
        } catch {
            StandardError.report(error)
            Foundation.exit(1)
        }
    }
}
