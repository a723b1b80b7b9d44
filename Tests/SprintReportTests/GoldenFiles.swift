import Foundation
import Testing

/// Committed expected outputs ("goldens") and the one way a test compares output with them.
///
/// A golden is a file or a folder at `root/name` (`root` is `Tests/SprintReportTests/Golden`
/// or `site-example`). On a difference the test fails and the produced file or folder is
/// written to `root/actual/name` (git-ignored), so `diff -r root/name root/actual/name` shows
/// it; a comparison that passes removes it again.
///
/// With `UPDATE_GOLDEN=1` the produced output replaces the golden and the test **fails** with
/// "recorded new golden …": a run that regenerates can never pass. `scripts/regenerate-examples`
/// records every golden that way, then runs the tests again to confirm them.
enum GoldenFiles {
    /// The goldens of the unit tests.
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    /// `site-example/`: the example site and retrospective file the README shows.
    static let siteExample = Fixtures.repository.appendingPathComponent("site-example")

    /// Whether this run records goldens (`UPDATE_GOLDEN=1`).
    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    /// Checks the file or folder `produced` against the golden `root/name`.
    static func check(_ produced: URL, against name: String, in root: URL, updating: Bool = GoldenFiles.updating,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fm = FileManager.default
        let golden = root.appendingPathComponent(name), actual = root.appendingPathComponent("actual/" + name)
        if updating {
            if fm.fileExists(atPath: golden.path) { try fm.removeItem(at: golden) }
            try fm.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: produced, to: golden)
            Issue.record("recorded new golden \(golden.path): review it (git diff), then run the tests again without UPDATE_GOLDEN",
                         sourceLocation: sourceLocation)
            return
        }
        try removeActual(actual, below: root.appendingPathComponent("actual"))
        guard fm.fileExists(atPath: golden.path) else {
            try write(produced, to: actual)
            Issue.record("no golden \(golden.path) (output in \(actual.path)); record it with scripts/regenerate-examples",
                         sourceLocation: sourceLocation)
            return
        }
        let want = try files(golden), got = try files(produced)
        var differing: [String] = []
        for path in Set(want).union(got).sorted() {
            let a = got.contains(path) ? try Data(contentsOf: at(produced, path)) : nil
            let b = want.contains(path) ? try Data(contentsOf: at(golden, path)) : nil
            if a != b { differing.append(path.isEmpty ? name : name + "/" + path) }
        }
        if !differing.isEmpty {
            try write(produced, to: actual)  // all of it, so that `diff -r` shows only the differences
            Issue.record("""
                differs from its golden: \(differing.joined(separator: ", ")) (produced files in \(actual.path); \
                compare with diff -r; regenerate on purpose with scripts/regenerate-examples)
                """, sourceLocation: sourceLocation)
        }
    }

    /// Checks `data` against the golden file `root/name`.
    static func check(_ data: Data, against name: String, in root: URL, updating: Bool = GoldenFiles.updating,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent((name as NSString).lastPathComponent)
        try data.write(to: file)
        try check(file, against: name, in: root, updating: updating, sourceLocation: sourceLocation)
    }

    /// The relative paths of the files under `url` (hidden ones too), or `[""]` for a file.
    static func files(_ url: URL) throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { return [""] }
        return try FileManager.default.subpathsOfDirectory(atPath: url.path).filter { path in
            var folder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path, isDirectory: &folder)
            return !folder.boolValue
        }.sorted()
    }

    /// Removes an earlier run's `actual` file or folder, and the folders above it up to
    /// `top` that it leaves empty.
    private static func removeActual(_ actual: URL, below top: URL) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: actual.path) { try fm.removeItem(at: actual) }
        var folder = actual.deletingLastPathComponent()
        while folder.path.hasPrefix(top.path), fm.fileExists(atPath: folder.path),
              try fm.contentsOfDirectory(atPath: folder.path).isEmpty {
            try fm.removeItem(at: folder)
            if folder.path == top.path { break }
            folder = folder.deletingLastPathComponent()
        }
    }

    /// `base/path`, or `base` itself for the path `""` of a single file.
    private static func at(_ base: URL, _ path: String) -> URL {
        path.isEmpty ? base : base.appendingPathComponent(path)
    }

    private static func write(_ file: URL, to target: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
        try fm.copyItem(at: file, to: target)
    }
}
