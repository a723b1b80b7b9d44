import Foundation
import Testing

/// Every documented exit status of every command, run as a process (`CLIProcess`): 0 done,
/// 1 bad input or an output that cannot be written (one line on standard error), 2 a CI gate
/// of `summary` tripped, 64 a usage error. And the standard streams: a full disk behind
/// standard output is exit 1, a full disk behind standard error never a crash.
@Suite struct CLIExitStatusTests {
    /// A temporary folder holding the small exports of `CLIFiles`.
    static func folder() throws -> URL {
        let dir = try Fixtures.temporaryDirectory()
        try CLIFiles.write(CLIFiles.clean, "clean.csv", in: dir)
        // Falcon's first sprint delivers a negative amount: a warning finding.
        try CLIFiles.write(CLIFiles.clean.replacingOccurrences(of: ",21,17\n", with: ",-21,17\n"), "negative.csv", in: dir)
        // Line 3 has two fields where the header has three.
        try CLIFiles.write("Team,Sprint,Sprint_Commit\nA,S1,1\nB,S2\n", "short.csv", in: dir)
        return dir
    }

    func run(_ args: [String], in dir: URL, stdout: String? = nil, stderr: String? = nil) throws -> CLIProcess.Result {
        var p = CLIProcess(args, in: dir)
        p.stdoutPath = stdout
        p.stderrPath = stderr
        let r = try p.run()
        #expect(!r.signalled, "\(args) ended by a signal")
        return r
    }

    @Test func helpAndVersionAreZero() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for args in [["--help"], ["build", "--help"], ["help", "summary"], ["inspect", "-h"], ["sample", "--help"]] {
            let r = try run(args, in: dir)
            #expect(r.status == 0, "\(args)")
            #expect(r.out.contains("USAGE: sprint-report"), "\(args)")
            #expect(r.stderr.isEmpty, "\(args)")
        }
        let version = try run(["--version"], in: dir)
        #expect(version.status == 0)
        #expect(!version.out.isEmpty)
        #expect(try run(["frobnicate"], in: dir).status == 64)
    }

    // MARK: inspect

    @Test func inspectStatuses() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ok = try run(["inspect", "clean.csv"], in: dir)
        #expect(ok.status == 0)
        #expect(ok.out.hasPrefix("clean.csv\n"))
        #expect(ok.stderr.isEmpty)

        let bad = try run(["inspect", "clean.csv", "short.csv"], in: dir)
        #expect(bad.status == 1)
        #expect(bad.errLines == ["short.csv:3: error: expected 3 fields (as in the header), found 2"])
        #expect(bad.stdout.isEmpty, "nothing printed for the good file when one is bad")

        let missing = try run(["inspect", "nothere.csv"], in: dir)
        #expect(missing.status == 1)
        #expect(missing.errLines.count == 1)
        #expect(missing.err.hasPrefix("nothere.csv: error: "))

        #expect(try run(["inspect"], in: dir).status == 64)
        #expect(try run(["inspect", "--bogus", "clean.csv"], in: dir).status == 64)
    }

    // MARK: summary

    @Test func summaryStatuses() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in ["text", "json", "markdown"] {
            let ok = try run(["summary", "clean.csv", "--format", format], in: dir)
            #expect(ok.status == 0, "\(format)")
            #expect(!ok.stdout.isEmpty)
            #expect(ok.stderr.isEmpty)
        }
        let bad = try run(["summary", "short.csv"], in: dir)
        #expect(bad.status == 1)
        #expect(bad.errLines == ["short.csv:3: error: expected 3 fields (as in the header), found 2"])
        #expect(bad.stdout.isEmpty)

        try CLIFiles.write(#"{"sayDoPercent": {"elite": 90, "great": 75}}"#, "bands.json", in: dir)
        let bands = try run(["summary", "clean.csv", "--bands", "bands.json"], in: dir)
        #expect(bands.status == 1)
        #expect(bands.errLines.count == 1)
        #expect(bands.err.hasPrefix("bands.json: error: "))
    }

    @Test func summaryGatesExitTwoAfterPrinting() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let findings = try run(["summary", "negative.csv", "--fail-on-findings"], in: dir)
        #expect(findings.status == 2)
        #expect(findings.errLines == ["sprint-report: 1 warning finding"])
        #expect(findings.out.contains("negative-value"), "the summary is printed first")
        #expect(try run(["summary", "clean.csv", "--fail-on-findings"], in: dir).status == 0)

        let band = try run(["summary", "clean.csv", "--fail-on-band", "elite"], in: dir)
        #expect(band.status == 2)
        #expect(band.errLines.count == 1)
        #expect(band.err.hasPrefix("sprint-report: "))
        #expect(band.err.contains("Org/Falcon"), "Falcon's say/do % is High, below Elite")
        #expect(!band.stdout.isEmpty)
        // Falcon and Heron are High or Elite on every banded figure; org nodes are not gated.
        #expect(try run(["summary", "clean.csv", "--fail-on-band", "high"], in: dir).status == 0)
    }

    @Test func summaryUsageErrorsAreSixtyFour() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let from = try run(["summary", "clean.csv", "--from", "2026-13-01"], in: dir)
        #expect(from.status == 64)
        #expect(from.err.contains("'2026-13-01'"), "the message names the bad value")
        #expect(from.stdout.isEmpty)
        #expect(try run(["summary", "clean.csv", "--from", "2026-03-01", "--to", "2026-01-01"], in: dir).status == 64)
        #expect(try run(["summary", "clean.csv", "--format", "xml"], in: dir).status == 64)
        #expect(try run(["summary", "clean.csv", "--fail-on-band", "great"], in: dir).status == 64)
        #expect(try run(["summary"], in: dir).status == 64)
    }

    // MARK: build

    @Test func buildStatuses() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ok = try run(["build", "clean.csv", "--output", "site"], in: dir)
        #expect(ok.status == 0)
        #expect(ok.errLines.count == 1, "one closing line says what was written")
        #expect(try run(["build", "clean.csv", "--output", "site", "--quiet"], in: dir).stderr.isEmpty)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("site/.sprint-report").path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("site/index.html").path))
        let single = try run(["build", "clean.csv", "--single-file", "--output", "report.html"], in: dir)
        #expect(single.status == 0)

        let before = try TreeSnapshot(dir)
        let bad = try run(["build", "short.csv", "--output", "site2"], in: dir)
        #expect(bad.status == 1)
        #expect(bad.errLines == ["short.csv:3: error: expected 3 fields (as in the header), found 2"])
        let team = try run(["build", "clean.csv", "--team", "t1", "--output", "site3"], in: dir)
        #expect(team.status == 64)
        let from = try run(["build", "clean.csv", "--from", "yesterday", "--output", "site4"], in: dir)
        #expect(from.status == 64)
        let noTeam = try run(["build", "clean.csv", "--single-file", "--team", "t9", "--output", "t9.html"], in: dir)
        #expect(noTeam.status == 1)
        #expect(noTeam.errLines.count == 1)
        #expect(noTeam.err.hasPrefix("sprint-report: error: --team: no team is named 't9'"))
        #expect(try TreeSnapshot(dir) == before, "nothing written or removed on an error")
    }

    // MARK: sample

    @Test func sampleStatuses() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ok = try run(["sample", "--teams", "2", "--sprints", "3", "--output", "s.csv"], in: dir)
        #expect(ok.status == 0)
        let again = try run(["sample", "--teams", "2", "--sprints", "3", "--output", "s.csv"], in: dir)
        #expect(again.status == 1)
        #expect(again.errLines == ["s.csv: error: already exists (use --force to replace it)"])
        #expect(try run(["sample", "--teams", "0", "--output", "t.csv"], in: dir).status == 64)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("t.csv").path))
    }

    // MARK: standard streams

    @Test func fullStandardOutputIsExitOne() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases = [["summary", "clean.csv", "--format", "text"], ["summary", "clean.csv", "--format", "json"],
                     ["summary", "clean.csv", "--format", "markdown"], ["inspect", "clean.csv"]]
        for args in cases {
            let r = try run(args, in: dir, stdout: "/dev/full")
            #expect(r.status == 1, "\(args)")
            #expect(r.errLines == ["sprint-report: error: cannot write standard output: No space left on device"], "\(args)")
        }
        let sample = try run(["sample", "--teams", "2", "--output", "-"], in: dir, stdout: "/dev/full")
        #expect(sample.status == 1)
        #expect(sample.errLines.count == 1)
    }

    @Test func fullStandardErrorIsNeverACrash() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [([String], Int32)] = [
            (["summary", "short.csv"], 1),
            (["inspect", "nothere.csv"], 1),
            (["build", "clean.csv", "--output", ""], 1),
            (["build", "short.csv", "--output", "site"], 1),
            (["summary", "negative.csv", "--fail-on-findings"], 2),
            (["summary", "clean.csv", "--from", "soon"], 64),
            (["sample", "--teams", "1", "--output", "clean.csv"], 1),
        ]
        for (args, status) in cases {
            let r = try run(args, in: dir, stdout: "/dev/null", stderr: "/dev/full")
            #expect(r.status == status, "\(args)")
        }
        // Both streams full at once.
        let both = try run(["summary", "clean.csv"], in: dir, stdout: "/dev/full", stderr: "/dev/full")
        #expect(both.status == 1)
    }
}
