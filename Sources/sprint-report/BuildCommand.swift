import ArgumentParser
import SprintReport

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Not implemented yet."
    )

    func run() throws {
        throw ValidationError("'build' is not implemented yet.")
    }
}
