import Foundation

/// Files under `Tests/SprintReportTests/Fixtures` (copies of the shared sample exports and
/// their expected figures), found from this source file's path so no bundle is needed.
enum Fixtures {
    static let directory: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// The repository's top folder.
    static let repository: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The sample exports, as `(file, expected-figures file)`.
    static let samples: [(file: String, expected: String)] = [
        ("platform-team-sprints.csv.gz", "expected/platform-team-sprints.teams.json"),
        ("engineering-org-monthly.csv.gz", "expected/engineering-org-monthly.teams.json"),
        ("engineering-org-sprints-tickets.csv.gz", "expected/engineering-org-sprints-tickets.teams.json"),
        ("long-shape.csv", "expected/long-shape.teams.json"),
        ("both-modes.csv.gz", "expected/both-modes.teams.json"),
    ]

    /// A fresh temporary folder (removed by the caller when it matters).
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("sprint-report-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
