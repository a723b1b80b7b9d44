import Foundation

/// Runs the built `sprint-report` binary as a process: the way users and CI call it.
enum ToolProcess {
    /// The binary: beside the test bundle (SwiftPM builds both into one folder), else the
    /// package's `.build/debug`.
    static let binary: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("sprint-report")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Fixtures.repository.appendingPathComponent(".build/debug/sprint-report")
    }()

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        /// Standard error's lines, without empty ones.
        var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// The test process's environment without anything that would change where requests go
    /// or which key they carry: proxies (libcurl would send 127.0.0.1 through them) and the
    /// tool's own variables.
    static func cleanEnvironment() -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for name in env.keys where name.lowercased().hasSuffix("_proxy") || name.hasPrefix("SEI_") {
            env[name] = nil
        }
        env["NO_PROXY"] = "127.0.0.1,localhost"
        return env
    }

    /// Runs `executable` with `arguments` and waits; output is collected in files (no pipe to
    /// fill up). A run that hangs is ended after two minutes so the suite cannot hang.
    static func run(_ executable: URL = binary, _ arguments: [String], environment: [String: String],
                    in directory: URL) throws -> Result {
        let id = UUID().uuidString
        let outURL = directory.appendingPathComponent(".stdout-\(id)")
        let errURL = directory.appendingPathComponent(".stderr-\(id)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // SIGKILL: a child of the test runner inherits its blocked signals, SIGTERM among them.
        let watchdog = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        process.waitUntilExit()
        watchdog.cancel()
        try out.close()
        try err.close()
        return Result(status: process.terminationStatus, stdout: try Data(contentsOf: outURL),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// The stand-in Sprint Export API (Fixtures/fake-export-api.py) as a real HTTP server on
/// 127.0.0.1 and an ephemeral port, serving one scenario, logging every request it sees.
final class FakeExportAPI {
    /// One request as the server saw it.
    struct Seen {
        var method: String
        var host: String
        var path: String
        var query: [String: String]
        /// Header names in lower case.
        var headers: [String: String]
        var body: Any?
        var authorization: String? { headers["authorization"] }
    }

    static let script = Fixtures.path("fake-export-api.py")
    /// What the server hands out as the export.
    static let export = Fixtures.path("engineering-org-monthly.csv.gz")

    let scenario: String
    /// A key unique to this server, so that a leak is unmistakable.
    let key = "sk-test-" + UUID().uuidString.lowercased()
    let directory: URL
    let port: Int
    private let process: Process
    private let log: URL

    init(scenario: String) throws {
        self.scenario = scenario
        directory = try Fixtures.temporaryDirectory()
        log = directory.appendingPathComponent("requests.jsonl")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script, "--scenario", scenario, "--log", log.path,
                             "--export", Self.export, "--key", key]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line is the port.
        var text = Data()
        while !text.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text.append(chunk)
        }
        guard let line = String(data: text, encoding: .utf8)?.split(separator: "\n").first,
              let port = Int(line.trimmingCharacters(in: .whitespaces)) else {
            kill(process.processIdentifier, SIGKILL)
            throw FakeAPIError("the fake API did not start (python3 and \(Self.script) needed)")
        }
        self.port = port
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    func stop() {
        if process.isRunning {
            // SIGKILL: the server inherits the test runner's blocked signals, SIGTERM among them.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// The requests seen so far, in order.
    func requests() throws -> [Seen] {
        let text = try String(contentsOf: log, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            guard let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw FakeAPIError("bad log line \(line)")
            }
            return Seen(method: o["method"] as? String ?? "", host: o["host"] as? String ?? "",
                        path: o["path"] as? String ?? "", query: o["query"] as? [String: String] ?? [:],
                        headers: o["headers"] as? [String: String] ?? [:], body: o["body"] is NSNull ? nil : o["body"])
        }
    }

    /// The options every test passes: this server, a project and org whose characters need
    /// encoding in a query (`+`, `&`, a space), an org tree, a quarter, and the simulated clock.
    func commonArguments() -> [String] {
        ["fetch", "--base-url", baseURL, "--project", "proj+1", "--org", "org&1 x", "--org-tree", "Engineering",
         "--from", "2026-01-01", "--to", "2026-03-31", "--simulated-clock"]
    }

    /// The environment of a run: clean, with this server's key (unless `key` says otherwise).
    func environment(key: String?? = .none) -> [String: String] {
        var env = ToolProcess.cleanEnvironment()
        switch key {
        case .none: env["SEI_API_KEY"] = self.key
        case .some(.none): break
        case .some(.some(let k)): env["SEI_API_KEY"] = k
        }
        env["TMPDIR"] = directory.path
        return env
    }

    /// Runs `sprint-report fetch` against this server.
    func fetch(_ extra: [String], arguments: [String]? = nil, environment: [String: String]? = nil) throws -> ToolProcess.Result {
        try ToolProcess.run(ToolProcess.binary, (arguments ?? commonArguments()) + extra,
                            environment: environment ?? self.environment(), in: directory)
    }

    /// Files in the test folder whose names show a staging file was left behind.
    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".fetch-") || $0.hasPrefix("sprint-report-fetch") }
    }
}

struct FakeAPIError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
