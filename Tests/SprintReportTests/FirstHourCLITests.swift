import Foundation
import Testing
@testable import SprintReport

/// Runs the built `sprint-report` binary, as a user would, for what only the process shows:
/// argument parsing, standard error, exit status, a terminal versus a pipe.
enum FirstHourCLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary beside the test bundle (`swift build` puts both in one folder).
    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("sprint-report")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Fixtures.repository.appendingPathComponent(".build/debug/sprint-report")
    }

    static func sample(_ name: String) -> String { Fixtures.path(name) }

    /// Runs the binary with `arguments`; `terminal`: inside a pseudo-terminal (util-linux
    /// `script`), so standard output and error are a terminal, as in an interactive shell.
    static func run(_ arguments: [String], environment: [String: String] = [:], terminal: Bool = false) throws -> Result {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out"), err = dir.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let p = Process()
        if terminal {
            let command = ([binary.path] + arguments).map(shellQuoted).joined(separator: " ")
            p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            p.arguments = ["-qec", command, "/dev/null"]
        } else {
            p.executableURL = binary
            p.arguments = arguments
        }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        env["TERM"] = "xterm-256color"
        for (k, v) in environment { env[k] = v }
        p.environment = env
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        try p.run()
        p.waitUntilExit()
        return Result(status: p.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    static func shellQuoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

@Suite struct FirstHourCLITests {
    let org = FirstHourCLI.sample("engineering-org-monthly.csv.gz")

    @Test func theBinaryIsThere() {
        #expect(FileManager.default.isExecutableFile(atPath: FirstHourCLI.binary.path),
                "build it first: swift build")
    }

    @Test func aBadDateShowsTheSubcommandsUsage() throws {
        let r = try FirstHourCLI.run(["summary", org, "--from", "2026-13-01"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("The value '2026-13-01' is invalid for '--from <date>'"))
        #expect(r.stderr.contains("Usage: sprint-report summary "))
        #expect(!r.stderr.contains("<subcommand>"))
        let order = try FirstHourCLI.run(["build", org, "-o", "/nonexistent/x", "--from", "2026-03-01", "--to", "2026-01-01"])
        #expect(order.status == 64)
        #expect(order.stderr.contains("Error: --from 2026-03-01 is after --to 2026-01-01."))
        #expect(order.stderr.contains("Usage: sprint-report build "))
    }

    @Test func buildTakesDashOAndPrintsOneClosingLineUnlessQuiet() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let site = dir.appendingPathComponent("site").path
        let r = try FirstHourCLI.run(["build", org, "-o", site])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        let pages = try FileManager.default.contentsOfDirectory(atPath: site).filter { $0.hasSuffix(".html") }.count
        let line = try #require(r.stderr.wholeMatch(of: #/wrote (\d+) pages, \d+ kB, to (.+) in \d+\.\d\d? s\n/#),
                                 "\(r.stderr)")
        #expect(Int(line.1) == pages && String(line.2) == site + "/")
        let quiet = try FirstHourCLI.run(["build", org, "-o", dir.appendingPathComponent("q").path, "--quiet"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty && quiet.stdout.isEmpty)
        // On a terminal too, --quiet prints nothing (no progress line either).
        let tty = try FirstHourCLI.run(["build", org, "-o", dir.appendingPathComponent("t").path, "-q"], terminal: true)
        #expect(tty.status == 0 && tty.stdout.isEmpty && tty.stderr.isEmpty)
    }

    @Test func teamByNameOrPathAndAnAmbiguousNameListsTheMatches() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for query in ["Gecko", "engineering/mobile/gecko", "team_00012", "Mobile/Gecko"] {
            let out = dir.appendingPathComponent("\(UUID().uuidString).html").path
            let r = try FirstHourCLI.run(["build", org, "--single-file", "--team", query, "-o", out, "-q"])
            #expect(r.status == 0, "\(query): \(r.stderr)")
            let html = try String(contentsOfFile: out, encoding: .utf8)
            #expect(html.contains("<title>Gecko: sprint report"), "\(query)")
        }
        let twins = InputKit.file("""
            Team_Id,Team,Team_Hierarchy,Sprint,Sprint_Commit
            a1,Ibex,Eng/Platform/Ibex,S1,5
            b2,Ibex,Eng/Mobile/Ibex,S1,5
            """, name: "twins.csv")
        let r = try FirstHourCLI.run(["build", twins, "--single-file", "--team", "ibex", "-o", dir.appendingPathComponent("x.html").path])
        #expect(r.status == 1)
        #expect(r.stderr == """
            sprint-report: error: --team: 'ibex' names 2 teams; give the id or the path of one:
              b2  Ibex  Eng/Mobile/Ibex
              a1  Ibex  Eng/Platform/Ibex

            """)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.html").path))
    }

    @Test func failOnBandOffersOnlyTheBandsAGateCanHoldTo() throws {
        let help = try FirstHourCLI.run(["summary", "--help"])
        let flat = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("(high trips on Medium and Low). (values: elite, high, medium)"))
        let low = try FirstHourCLI.run(["summary", org, "--fail-on-band", "low"])
        #expect(low.status == 64)
    }

    @Test func theGatesReasonIsOneShortLine() throws {
        let r = try FirstHourCLI.run(["summary", org, "--fail-on-band", "elite"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("sprint-report: "))
        #expect(r.stderr.filter { $0 == "\n" }.count == 1)
        #expect(r.stderr.utf8.count < 1000)
        #expect(r.stderr.contains(" more: see the summary\n"))
    }

    @Test func theTextSummaryIsColouredOnATerminalOnly() throws {
        let pipe = try FirstHourCLI.run(["summary", org])
        #expect(pipe.status == 0 && !pipe.stdout.contains("\u{1B}"))
        let tty = try FirstHourCLI.run(["summary", org], terminal: true)
        #expect(tty.status == 0)
        #expect(tty.stdout.contains("\u{1B}[3"))
        let noColour = try FirstHourCLI.run(["summary", org], environment: ["NO_COLOR": "1"], terminal: true)
        #expect(noColour.status == 0 && noColour.stdout.contains("Teams") && !noColour.stdout.contains("\u{1B}"))
    }

    @Test func inspectListsTheTeams() throws {
        let r = try FirstHourCLI.run(["inspect", org])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let at = try #require(lines.firstIndex(of: "  teams:"))
        #expect(lines[at + 1].split(separator: " ") == ["id", "name", "path", "periods"])
        #expect(lines.contains { $0.split(separator: " ") == ["team_00012", "Gecko", "Engineering/Mobile/Gecko", "19"] })
    }

    @Test func modeOptionAndItsContradiction() throws {
        let plain = InputKit.file("Team,Sprint,Sprint_Commit\nA,S1,5\n", name: "plain.csv")
        let json = try FirstHourCLI.run(["summary", plain, "--mode", "TICKETS", "--format", "json"])
        #expect(json.status == 0 && json.stdout.contains(#""mode": "TICKETS""#))
        let named = InputKit.file("Team,Sprint,Mode,Sprint_Commit\nA,S1,STORY_POINTS,5\n", name: "named.csv")
        let r = try FirstHourCLI.run(["summary", named, "--mode", "tickets"])
        #expect(r.status == 1)
        #expect(r.stderr == "\(named):2: error: column 'Mode' says STORY_POINTS, but --mode says TICKETS: leave --mode out for a file that names its mode\n")
        #expect(r.stdout.isEmpty)
    }
}
