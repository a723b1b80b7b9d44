import Foundation
import Testing

/// Same input, same bytes, whatever the number of cores: the binary run on one core
/// (`taskset -c 0`, util-linux) writes exactly what it writes on all of them. Work is split
/// over threads while reading, analysing, formatting the JSON and rendering pages; on one
/// core those threads interleave differently, so any output that depended on which finished
/// first would differ here.
@Suite struct CLIThreadCountTests {
    static let taskset = "/usr/bin/taskset"

    /// A generated export large enough to be split over many tasks (150 teams × 26 sprints).
    static func export(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("org.csv.gz").path
        let made = try CLIProcess(["sample", "--teams", "150", "--sprints", "26", "--seed", "7", "--output", path]).run()
        #expect(made.status == 0, "\(made.err)")
        return path
    }

    static func oneCore(_ arguments: [String]) -> CLIProcess {
        var p = CLIProcess(arguments)
        p.launcher = [taskset, "-c", "0"]
        return p
    }

    @Test func summaryIsTheSameOnOneCore() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.taskset), "taskset (util-linux) is needed")
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = try Self.export(in: folder)
        for format in ["json", "text", "markdown"] {
            let args = ["summary", "--format", format, "--from", "2025-01-01", "--compare", "previous",
                        "--to", "2025-12-31", export]
            let all = try CLIProcess(args).run()
            let one = try Self.oneCore(args).run()
            #expect(all.status == 0 && one.status == 0, "\(all.err) \(one.err)")
            #expect(!all.stdout.isEmpty)
            #expect(all.stdout == one.stdout, "summary --format \(format) differs on one core")
        }
    }

    @Test func siteAndSingleFileAreTheSameOnOneCore() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.taskset), "taskset (util-linux) is needed")
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = try Self.export(in: folder)
        let a = folder.appendingPathComponent("all"), b = folder.appendingPathComponent("one")
        let all = try CLIProcess(["build", export, "--output", a.path, "--quiet"]).run()
        let one = try Self.oneCore(["build", export, "--output", b.path, "--quiet"]).run()
        #expect(all.status == 0 && one.status == 0, "\(all.err) \(one.err)")
        let sa = try TreeSnapshot(a), sb = try TreeSnapshot(b)
        #expect(sa.entries.count > 150, "a page per team, node, index and data quality")
        #expect(sa == sb, "the site differs on one core")

        let fa = folder.appendingPathComponent("all.html").path, fb = folder.appendingPathComponent("one.html").path
        let allFile = try CLIProcess(["build", export, "--single-file", "--output", fa, "--quiet"]).run()
        let oneFile = try Self.oneCore(["build", export, "--single-file", "--output", fb, "--quiet"]).run()
        #expect(allFile.status == 0 && oneFile.status == 0, "\(allFile.err) \(oneFile.err)")
        let da = try Data(contentsOf: URL(fileURLWithPath: fa)), db = try Data(contentsOf: URL(fileURLWithPath: fb))
        #expect(da.count > 100_000)
        #expect(da == db, "the single file differs on one core")
    }
}
