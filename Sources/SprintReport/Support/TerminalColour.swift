/// Whether a text summary may colour its bands, and the colours. Only a terminal gets colour:
/// a pipe or a file (a CI log, `| less`, a saved summary) always gets plain text, and so does
/// anyone who sets `NO_COLOR` (no-color.org) or whose terminal is `dumb`.
public enum TerminalColour {
    /// `isTerminal`: standard output is a terminal (`isatty(1)`); `environment`: the process's.
    public static func enabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        guard isTerminal else { return false }
        if let v = environment["NO_COLOR"], !v.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    /// A band word in its colour (SGR): Elite green, High cyan, Medium yellow, Low red.
    public static func band(_ band: Band, _ text: String) -> String {
        let code = switch band {
        case .elite: "32"
        case .high: "36"
        case .medium: "33"
        case .low: "31"
        }
        return "\u{1B}[\(code)m" + text + "\u{1B}[0m"
    }
}
