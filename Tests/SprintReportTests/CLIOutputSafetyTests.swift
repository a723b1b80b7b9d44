import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `build` as a hostile or unlucky user meets it, run as a process: outputs that would
/// destroy the user's files, broken paths, a busy output, interrupted runs and what they
/// leave. Each failure is exactly one line `sprint-report: error: …`, exit status 1, and the
/// folder tree is byte for byte what it was.
@Suite struct CLIOutputSafetyTests {
    /// `T/work` (the working folder, with clean.csv, data/x.csv and a file of the user's) and
    /// `T/home` (the home folder the runs see).
    struct Playground {
        let root: URL
        var work: URL { root.appendingPathComponent("work") }
        var home: URL { root.appendingPathComponent("home") }

        init() throws {
            root = try Fixtures.temporaryDirectory()
            let fm = FileManager.default
            try fm.createDirectory(at: work.appendingPathComponent("data"), withIntermediateDirectories: true)
            try fm.createDirectory(at: home, withIntermediateDirectories: true)
            try CLIFiles.write(CLIFiles.clean, "clean.csv", in: work)
            try CLIFiles.write(CLIFiles.clean, "x.csv", in: work.appendingPathComponent("data"))
            try CLIFiles.write("the user's own notes\n", "notes.txt", in: work)
            try CLIFiles.write("home notes\n", "notes.txt", in: home)
        }

        func run(_ args: [String]) throws -> CLIProcess.Result {
            var p = CLIProcess(args, in: work)
            p.environment["HOME"] = home.path
            let r = try p.run()
            #expect(!r.signalled, "\(args) ended by a signal")
            return r
        }

        /// Runs `args`, expecting exit 1, exactly `line` on standard error and nothing touched.
        func expectRefused(_ args: [String], _ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let before = try TreeSnapshot(root)
            let r = try run(args)
            #expect(r.status == 1, "\(args)", sourceLocation: sourceLocation)
            #expect(r.errLines == [line], "\(args)", sourceLocation: sourceLocation)
            #expect(r.stdout.isEmpty, sourceLocation: sourceLocation)
            #expect(try TreeSnapshot(root) == before, "\(args) wrote or removed something", sourceLocation: sourceLocation)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static let siteAdvice = "a build replaces its output folder whole; name a new folder such as --output site"

    @Test func outputsThatWouldDestroyTheUsersFilesAreRefused() throws {
        let p = try Playground()
        defer { p.remove() }
        for force in [[], ["--force"]] {
            let build = ["build", "clean.csv"] + force
            try p.expectRefused(build + ["--output", ""], "sprint-report: error: --output is empty: name the folder to write the site to")
            try p.expectRefused(build + ["--output", "."], "sprint-report: error: --output . is the current folder: \(Self.siteAdvice)")
            try p.expectRefused(build + ["--output", "./"], "sprint-report: error: --output ./ is the current folder: \(Self.siteAdvice)")
            try p.expectRefused(build + ["--output", "data/.."],
                                "sprint-report: error: --output data/.. is the current folder: \(Self.siteAdvice)")
            try p.expectRefused(build + ["--output", p.work.path],
                                "sprint-report: error: --output \(p.work.path) is the current folder: \(Self.siteAdvice)")
            try p.expectRefused(build + ["--output", ".."], "sprint-report: error: --output .. holds the current folder: \(Self.siteAdvice)")
            try p.expectRefused(build + ["--output", "../home"],
                                "sprint-report: error: --output ../home is your home folder: \(Self.siteAdvice)")
            try p.expectRefused(["build", "data/x.csv"] + force + ["--output", "data"],
                                "sprint-report: error: --output data holds data/x.csv, which the build reads: a rebuild "
                                + "replaces the folder whole and would delete it; choose another --output")
            let single = build + ["--single-file"]
            try p.expectRefused(single + ["--output", ""], "sprint-report: error: --output is empty: name the file to write the report to")
            try p.expectRefused(single + ["--output", "."],
                                "sprint-report: error: --output . is the current folder: name a file such as --output report.html")
            try p.expectRefused(single + ["--output", "clean.csv"],
                                "sprint-report: error: --output clean.csv is clean.csv, which the build reads; choose another --output")
        }
        // `/` without --force only: were the rule ever lost, the test must not be what deletes it.
        try p.expectRefused(["build", "clean.csv", "--output", "/"], "sprint-report: error: --output / is the root folder: \(Self.siteAdvice)")
    }

    @Test func anInputInsideAnEarlierSiteIsRefused() throws {
        let p = try Playground()
        defer { p.remove() }
        #expect(try p.run(["build", "clean.csv", "--output", "site"]).status == 0)
        try FileManager.default.createDirectory(at: p.work.appendingPathComponent("site/templates"), withIntermediateDirectories: true)
        try CLIFiles.write(#"{"sayDoPercent": {"elite": 90}}"#, "bands.json", in: p.work.appendingPathComponent("site"))
        try p.expectRefused(["build", "clean.csv", "--bands", "site/bands.json", "--output", "site"],
                            "sprint-report: error: --output site holds site/bands.json, which the build reads: a rebuild "
                            + "replaces the folder whole and would delete it; choose another --output")
        try p.expectRefused(["build", "clean.csv", "--templates", "site/templates", "--output", "site/"],
                            "sprint-report: error: --output site/ holds site/templates, which the build reads: a rebuild "
                            + "replaces the folder whole and would delete it; choose another --output")
    }

    @Test func brokenPathsAreOneLineInWords() throws {
        let p = try Playground()
        defer { p.remove() }
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: p.work.appendingPathComponent("dangling").path, withDestinationPath: "nowhere")
        try p.expectRefused(["build", "clean.csv", "--output", "notes.txt/site"],
                            "sprint-report: error: --output notes.txt/site: notes.txt is a file, not a folder")
        try p.expectRefused(["build", "clean.csv", "--output", "dangling"],
                            "sprint-report: error: --output dangling is a symbolic link to something that does not exist")
        try p.expectRefused(["build", "clean.csv", "--single-file", "--output", "dangling"],
                            "sprint-report: error: --output dangling is a symbolic link to something that does not exist")
        try p.expectRefused(["build", "clean.csv", "--output", "dangling/site"],
                            "sprint-report: error: --output dangling/site: dangling is a symbolic link to something that does not exist")
        try p.expectRefused(["build", "clean.csv", "--output", "notes.txt"],
                            "sprint-report: error: notes.txt is a file, not a folder; choose another --output or pass --force to replace it")
        try p.expectRefused(["build", "clean.csv", "--single-file", "--output", "data"],
                            "sprint-report: error: data is a folder; --single-file --output names a file")
    }

    @Test func aSymbolicLinkToASiteIsFollowed() throws {
        let p = try Playground()
        defer { p.remove() }
        #expect(try p.run(["build", "clean.csv", "--output", "real"]).status == 0)
        try FileManager.default.createSymbolicLink(atPath: p.work.appendingPathComponent("link").path, withDestinationPath: "real")
        let r = try p.run(["build", "clean.csv", "--output", "link", "--title", "Through the link"])
        #expect(r.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: p.work.appendingPathComponent("link").path) == "real")
        let index = try String(contentsOf: p.work.appendingPathComponent("real/index.html"), encoding: .utf8)
        #expect(index.contains("Through the link"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: p.work.path).filter { $0.hasPrefix(".") }.isEmpty,
                "no lock or staging left beside the output")
    }

    @Test func aSecondBuildIntoABusyOutputIsRefused() throws {
        let p = try Playground()
        defer { p.remove() }
        #expect(try p.run(["build", "clean.csv", "--output", "site"]).status == 0)
        // Hold the output's lock as a running build would.
        let fd = open(p.work.appendingPathComponent(".site.lock").path, O_RDWR | O_CREAT, 0o644)
        #expect(fd >= 0)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        try p.expectRefused(["build", "clean.csv", "--output", "site"],
                            "sprint-report: error: site is busy: another sprint-report build is writing it "
                            + "(wait for it to finish, or write elsewhere)")
        close(fd)
        #expect(try p.run(["build", "clean.csv", "--output", "site"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: p.work.appendingPathComponent(".site.lock").path),
                "the lock file goes with the build")
    }

    @Test func theNextBuildRemovesStaleStagingOfItsOwnOnly() throws {
        let p = try Playground()
        defer { p.remove() }
        let fm = FileManager.default
        #expect(try p.run(["build", "clean.csv", "--output", "site"]).status == 0)
        // A process id that is certainly gone: a child that has exited.
        let done = Process()
        done.executableURL = URL(fileURLWithPath: "/bin/sh")
        done.arguments = ["-c", "exit 0"]
        try done.run()
        done.waitUntilExit()
        let dead = done.processIdentifier
        let live = getpid()  // this test process
        func folder(_ name: String, marker: Bool) throws {
            let url = p.work.appendingPathComponent(name)
            try fm.createDirectory(at: url, withIntermediateDirectories: true)
            try CLIFiles.write("page", "index.html", in: url)
            if marker { try CLIFiles.write("x", ".sprint-report", in: url) }
        }
        try folder(".site.partial-\(dead)", marker: true)  // a killed build's staging: removed
        try folder(".site.old-\(dead)", marker: true)  // an old site moved aside: removed
        try folder(".site.partial-\(live)", marker: true)  // a live process: kept
        try folder(".site.old-\(dead)0", marker: false)  // not ours (no marker): kept
        try folder(".other.partial-\(dead)", marker: true)  // another output's: kept
        try CLIFiles.write("", ".report.html.partial-\(dead)", in: p.work)  // an empty staging file: removed
        try CLIFiles.write("<p>mine</p>", ".report.html.old-\(dead)", in: p.work)  // not a report: kept
        #expect(try p.run(["build", "clean.csv", "--output", "site"]).status == 0)
        #expect(try p.run(["build", "clean.csv", "--single-file", "--output", "report.html"]).status == 0)
        let left = try fm.contentsOfDirectory(atPath: p.work.path).filter { $0.hasPrefix(".") }.sorted()
        #expect(left == [".other.partial-\(dead)", ".report.html.old-\(dead)", ".site.old-\(dead)0",
                         ".site.partial-\(live)"].sorted())
    }

    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func anInterruptedBuildRemovesItsStagingAndKeepsTheOldSite(signal: Int32, status: Int32) throws {
        let p = try Playground()
        defer { p.remove() }
        let fm = FileManager.default
        #expect(try p.run(["sample", "--teams", "400", "--sprints", "26", "--output", "big.csv.gz"]).status == 0)
        #expect(try p.run(["build", "clean.csv", "--output", "site"]).status == 0)
        let before = try TreeSnapshot(p.root)
        var process = CLIProcess(["build", "big.csv.gz", "--output", "site"], in: p.work)
        process.environment["HOME"] = p.home.path
        let running = try process.start()
        let staging = p.work.appendingPathComponent(".site.partial-\(running.pid)")
        // Wait (polling, up to a minute) until pages are being written into the staging folder.
        var pagesSeen = false
        for _ in 0..<12_000 where running.process.isRunning {
            if ((try? fm.contentsOfDirectory(atPath: staging.path))?.count ?? 0) >= 3 {
                pagesSeen = true
                break
            }
            usleep(5_000)
        }
        #expect(pagesSeen, "the build never wrote pages (or finished before it could be interrupted)")
        kill(running.pid, signal)
        let r = try running.wait()
        #expect(r.status == status)
        #expect(!r.signalled)
        #expect(try TreeSnapshot(p.root) == before, "staging and lock removed; the old site untouched")
    }

    @Test func aSiteBeyondTheTeamLimitIsRefused() throws {
        let p = try Playground()
        defer { p.remove() }
        try p.expectRefused(["build", "clean.csv", "--max-teams", "1", "--output", "site"],
                            "sprint-report: error: the export has 2 teams; a site is made for at most 1 (--max-teams N "
                            + "raises the limit; summary, or --single-file --team KEY, works at any size)")
        try p.expectRefused(["build", "clean.csv", "--max-teams", "1", "--single-file", "--output", "r.html"],
                            "sprint-report: error: the export has 2 teams; a site is made for at most 1 (--max-teams N "
                            + "raises the limit; summary, or --single-file --team KEY, works at any size)")
        #expect(try p.run(["build", "clean.csv", "--max-teams", "1", "--single-file", "--team", "t1",
                           "--output", "falcon.html"]).status == 0)
        #expect(try p.run(["build", "clean.csv", "--max-teams", "2", "--output", "site"]).status == 0)
        #expect(try p.run(["build", "clean.csv", "--max-teams", "0", "--output", "site"]).status == 64)
    }

    @Test func oneTeamAtTwoLevelsHasDistinctSectionsAndIds() throws {
        let p = try Playground()
        defer { p.remove() }
        #expect(try p.run(["sample", "--teams", "2", "--sprints", "8", "--output", "sprints.csv"]).status == 0)
        #expect(try p.run(["sample", "--teams", "2", "--sprints", "8", "--level", "team", "--granularity", "WEEKLY",
                           "--output", "weekly.csv"]).status == 0)
        #expect(try p.run(["build", "sprints.csv", "weekly.csv", "--single-file", "--output", "r.html"]).status == 0)
        #expect(try p.run(["build", "sprints.csv", "weekly.csv", "--output", "site"]).status == 0)
        let html = try String(contentsOf: p.work.appendingPathComponent("r.html"), encoding: .utf8)
        let ids = RenderSafetyTests.ids(in: html)
        #expect(Set(ids).count == ids.count, "ids are unique")
        #expect(html.contains(">In story points (sprints)</h3>"))
        #expect(html.contains(">In story points (weeks)</h3>"))
        #expect(!html.contains("story points and story points"), "the unit is named once")
        for page in try FileManager.default.contentsOfDirectory(atPath: p.work.appendingPathComponent("site").path)
        where page.hasPrefix("team-") {
            let text = try String(contentsOf: p.work.appendingPathComponent("site/" + page), encoding: .utf8)
            let pageIds = RenderSafetyTests.ids(in: text)
            #expect(Set(pageIds).count == pageIds.count, "\(page): ids are unique")
            #expect(text.contains("id=\"sp-sprint\"") && text.contains("id=\"sp-team\""), "\(page) shows both levels")
        }
    }

    // Permission checks mean nothing to root (it may write anywhere): these run as another user.
    @Test(.enabled(if: geteuid() != 0, "root ignores permissions"))
    func aReadOnlyParentIsOneLine() throws {
        let p = try Playground()
        defer {
            chmod(p.work.appendingPathComponent("ro").path, 0o755)
            p.remove()
        }
        try FileManager.default.createDirectory(at: p.work.appendingPathComponent("ro"), withIntermediateDirectories: true)
        chmod(p.work.appendingPathComponent("ro").path, 0o555)
        try p.expectRefused(["build", "clean.csv", "--output", "ro/site"],
                            "sprint-report: error: cannot write in ro: permission denied")
        try p.expectRefused(["build", "clean.csv", "--single-file", "--output", "ro/r.html"],
                            "sprint-report: error: cannot write in ro: permission denied")
    }

    @Test(.enabled(if: geteuid() != 0, "root ignores permissions"))
    func aReadOnlySiteIsReplacedWhole() throws {
        let p = try Playground()
        defer { p.remove() }
        #expect(try p.run(["build", "clean.csv", "--output", "site"]).status == 0)
        let site = p.work.appendingPathComponent("site")
        for name in try FileManager.default.contentsOfDirectory(atPath: site.path) {
            chmod(site.appendingPathComponent(name).path, 0o444)
        }
        chmod(site.path, 0o555)
        #expect(try p.run(["build", "clean.csv", "--output", "site", "--title", "Again"]).status == 0)
        #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8).contains("Again"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: p.work.path).filter { $0.hasPrefix(".") }.isEmpty,
                "the old site is gone, not left as .site.old-PID")
    }
}
