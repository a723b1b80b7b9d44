/// A command-line value the tool cannot use (a `--compare` range, a `--fail-on-regression`
/// limit): the sentence to print. The command line turns it into its usage error (exit 64),
/// as it does for a bad `--from`.
public struct UsageProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
