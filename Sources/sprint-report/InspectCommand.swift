import ArgumentParser
import SprintReport

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Not implemented yet."
    )

    func run() throws {
        throw ValidationError("'inspect' is not implemented yet.")
    }
}
