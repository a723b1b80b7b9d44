import Foundation
import Testing

/// Runs the built `sprint-report` binary as a process, the way a user or a CI job does:
/// arguments, working folder, environment and standard input chosen by the test; standard
/// output and error captured in files (or sent somewhere given, such as /dev/full).
///
/// The binary is the one `swift build` (or `swift build --build-tests`) put beside the test
/// bundle; `SPRINT_REPORT_BIN` names another. A missing binary fails the test that needs it.
struct CLIProcess {
    struct Result {
        var status: Int32
        /// True when the process ended by a signal (a crash is never an answer).
        var signalled: Bool
        var stdout: Data
        var stderr: Data
        var out: String { String(decoding: stdout, as: UTF8.self) }
        var err: String { String(decoding: stderr, as: UTF8.self) }
        /// The lines of standard error.
        var errLines: [String] { err.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    }

    /// Where the binary is.
    static func binary() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["SPRINT_REPORT_BIN"] { return URL(fileURLWithPath: path) }
        // The test runner lives in the build folder (`.build/debug/…PackageTests.xctest`, or a
        // bundle inside it on macOS); the executable is built next to it.
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            folder = URL(fileURLWithPath: exe).deletingLastPathComponent()
        }
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("sprint-report")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        throw CLIProcessError("the sprint-report binary is not built beside the tests (run `swift build` first, "
            + "or set SPRINT_REPORT_BIN)")
    }

    var arguments: [String]
    /// A command the binary runs under (e.g. `["/usr/bin/taskset", "-c", "0"]`); empty: none.
    var launcher: [String] = []
    /// The working folder (default: the test's own temporary folder, when given).
    var directory: URL?
    /// Extra environment (added to a minimal one: PATH, HOME, LANG; never the caller's whole).
    var environment: [String: String] = [:]
    /// Bytes for standard input (default: /dev/null).
    var stdin: Data?
    /// A file standard output goes to instead of being captured (e.g. "/dev/full").
    var stdoutPath: String?
    /// A file standard error goes to instead of being captured.
    var stderrPath: String?

    init(_ arguments: [String], in directory: URL? = nil) {
        self.arguments = arguments
        self.directory = directory
    }

    /// Starts the process; `wait()` on the result to collect it.
    func start() throws -> Running {
        let process = Process()
        if let program = launcher.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = launcher.dropFirst() + [try Self.binary().path] + arguments
        } else {
            process.executableURL = try Self.binary()
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        var env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
                   "HOME": ProcessInfo.processInfo.environment["HOME"] ?? "/nonexistent"]
        env.merge(environment) { _, new in new }
        process.environment = env
        let scratch = try Fixtures.temporaryDirectory()
        let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
        func sink(_ path: String?, _ capture: URL) throws -> FileHandle {
            if let path { return try FileHandle(forWritingTo: URL(fileURLWithPath: path)) }
            _ = FileManager.default.createFile(atPath: capture.path, contents: nil)
            return try FileHandle(forWritingTo: capture)
        }
        process.standardOutput = try sink(stdoutPath, outURL)
        process.standardError = try sink(stderrPath, errURL)
        if let stdin {
            let inURL = scratch.appendingPathComponent("stdin")
            try stdin.write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        }
        try process.run()
        return Running(process: process, scratch: scratch, outURL: outURL, errURL: errURL)
    }

    /// Runs to the end.
    func run() throws -> Result { try start().wait() }

    final class Running {
        let process: Process
        let scratch: URL
        let outURL: URL, errURL: URL

        init(process: Process, scratch: URL, outURL: URL, errURL: URL) {
            self.process = process
            self.scratch = scratch
            self.outURL = outURL
            self.errURL = errURL
        }

        var pid: Int32 { process.processIdentifier }

        func wait() throws -> Result {
            process.waitUntilExit()
            defer { try? FileManager.default.removeItem(at: scratch) }
            return Result(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                          stdout: (try? Data(contentsOf: outURL)) ?? Data(), stderr: (try? Data(contentsOf: errURL)) ?? Data())
        }
    }
}

struct CLIProcessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Every file and folder under a folder with its bytes (folders as nil), including hidden
/// ones: compared before and after a run to prove nothing was written or removed.
struct TreeSnapshot: Equatable, CustomStringConvertible {
    var entries: [String: Data?]

    init(_ root: URL) throws {
        entries = [:]
        let fm = FileManager.default
        func visit(_ url: URL, _ relative: String) throws {
            for name in try fm.contentsOfDirectory(atPath: url.path).sorted() {
                let child = url.appendingPathComponent(name)
                let rel = relative.isEmpty ? name : relative + "/" + name
                let attrs = try fm.attributesOfItem(atPath: child.path)
                switch attrs[.type] as? FileAttributeType {
                case .typeDirectory?:
                    entries[rel + "/"] = .some(nil)
                    try visit(child, rel)
                case .typeSymbolicLink?:
                    entries[rel + " -> " + (try fm.destinationOfSymbolicLink(atPath: child.path))] = .some(nil)
                default:
                    entries[rel] = try Data(contentsOf: child)
                }
            }
        }
        try visit(root, "")
    }

    var description: String { entries.keys.sorted().joined(separator: ", ") }
}

/// Small files for the command-line tests.
enum CLIFiles {
    /// A sprint-level export of two teams, three sprints each, that reads without findings.
    static let clean = """
        Team,Team_Id,Team_Hierarchy,Sprint,Sprint_Id,Start_Date,End_Date,Sprint_Commit,Sprint_Creep,Total_Work_Delivered,Delivered_Commit
        Falcon,t1,Org/Falcon,S1,t1-s1,2026-01-05,2026-01-18,20,4,21,17
        Falcon,t1,Org/Falcon,S2,t1-s2,2026-01-19,2026-02-01,22,2,20,18
        Falcon,t1,Org/Falcon,S3,t1-s3,2026-02-02,2026-02-15,18,6,19,15
        Heron,t2,Org/Heron,S1,t2-s1,2026-01-05,2026-01-18,30,1,31,29
        Heron,t2,Org/Heron,S2,t2-s2,2026-01-19,2026-02-01,28,3,30,27
        Heron,t2,Org/Heron,S3,t2-s3,2026-02-02,2026-02-15,31,2,32,30

        """

    /// Writes `text` to `name` in `folder`.
    @discardableResult
    static func write(_ text: String, _ name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }
}
