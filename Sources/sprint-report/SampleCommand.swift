import ArgumentParser
import SprintReport

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Not implemented yet."
    )

    func run() throws {
        throw ValidationError("'sample' is not implemented yet.")
    }
}
