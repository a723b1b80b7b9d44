import Foundation
@testable import SprintReport

/// Shared by the comparison tests: the samples, a generated export, JSON field access, and
/// the command-line binary.
enum CompareSupport {
    /// The bundled samples (site-example/data) and a generated export of 20 teams.
    static func samplePaths() throws -> [String] {
        let data = Fixtures.repository.appendingPathComponent("site-example/data")
        let bundled = try FileManager.default.contentsOfDirectory(atPath: data.path).sorted()
            .map { data.appendingPathComponent($0).path }
        return bundled + [try generated()]
    }

    /// A generated sprint-level export (written once per test process).
    static func generated() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sprint-report-compare-gen-\(getpid()).csv")
        if !FileManager.default.fileExists(atPath: url.path) {
            let csv = SampleGenerator(SampleOptions(teams: 20, sprints: 24, seed: 11)).csv()
            try Data(csv).write(to: url)
        }
        return url.path
    }

    /// The whole document as a JSON object.
    static func object(_ text: String) throws -> [String: Any] {
        guard let o = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        return o
    }

    /// A JSON value written canonically (sorted keys), to compare two values exactly.
    static func canonical(_ value: Any?) -> String {
        guard let value else { return "<absent>" }
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
        else { return "<not JSON>" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The members of a team or node object that are its window figures (not its identity,
    /// series or comparison).
    static let identityMembers: Set<String> = ["key", "name", "path", "mode", "level", "series", "rolledUp", "teams",
                                               "baseline", "change"]

    static func figures(_ o: [String: Any]) -> [String: Any] { o.filter { !identityMembers.contains($0.key) } }

    /// `key|mode` of a team, `path|mode` of a node.
    static func teamKey(_ o: [String: Any]) -> String { "\(o["key"] ?? "")|\(o["mode"] ?? "")" }
    static func nodeKey(_ o: [String: Any]) -> String { "\(o["path"] ?? "")|\(o["mode"] ?? "")" }

    /// The `sprint-report` binary next to the test bundle (built by `swift build --build-tests`).
    static var binary: URL? {
        var candidates: [URL] = []
        if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent()) }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        candidates.append(Fixtures.repository.appendingPathComponent(".build/debug"))
        for dir in candidates {
            var url = dir
            // An .xctest bundle on macOS: the products folder is above it.
            while url.path.contains(".xctest") { url.deleteLastPathComponent() }
            let bin = url.appendingPathComponent("sprint-report")
            if FileManager.default.isExecutableFile(atPath: bin.path) { return bin }
        }
        return nil
    }

    /// Runs the binary; its exit status, standard output and standard error.
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, out: String, err: String) {
        guard let binary else { throw CocoaError(.fileNoSuchFile) }
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read both pipes before waiting, so a large output cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
