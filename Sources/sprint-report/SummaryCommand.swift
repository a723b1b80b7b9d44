import ArgumentParser
import SprintReport

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Not implemented yet."
    )

    func run() throws {
        throw ValidationError("'summary' is not implemented yet.")
    }
}
