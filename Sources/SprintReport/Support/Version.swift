/// The tool's version, printed by `--version` and in the JSON summary's `generator`.
public enum SprintReportVersion {
    public static let current = "0.1.0"
    public static var generator: String { "sprint-report \(current)" }
}
