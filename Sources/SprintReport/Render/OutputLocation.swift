import Foundation

/// A place the build may not write to: a clear one-line error.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "error: \(message)" }
}

/// The "nothing lost" rules of the output: write beside the target, then move into place.
///
/// A site folder may replace only an absent or empty folder, or an earlier sprint-report site
/// (it holds the marker file); a single file may replace only an earlier sprint-report
/// report. `force` lifts the rule.
enum OutputLocation {
    static let marker = ".sprint-report"
    static let markerText = "This folder was written by sprint-report; the next build replaces it whole.\n"
    /// What the layout writes into every page's head: how an earlier report is recognised.
    static let generatorTag = "<meta name=\"generator\" content=\"sprint-report"

    /// Checks that `path` may become a site folder.
    static func checkSiteFolder(_ path: String, force: Bool) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir), !force else { return }
        guard isDir.boolValue else {
            throw OutputError("\(path) is a file, not a folder; choose another --output or pass --force to replace it")
        }
        let entries = try fm.contentsOfDirectory(atPath: path)
        if entries.isEmpty || entries.contains(marker) { return }
        throw OutputError("\(path) is not empty and was not written by sprint-report (it has no \(marker) file); "
            + "choose another --output or pass --force to replace it")
    }

    /// Checks that `path` may become a single-file report.
    static func checkSingleFile(_ path: String, force: Bool) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else { return }
        if isDir.boolValue { throw OutputError("\(path) is a folder; --single-file --output names a file") }
        if force { return }
        let head = (try? FileHandle(forReadingFrom: URL(fileURLWithPath: path)).read(upToCount: 4096)) ?? nil
        if let head, String(decoding: head, as: UTF8.self).contains(generatorTag) { return }
        throw OutputError("\(path) exists and is not a sprint-report report; choose another --output or pass --force "
            + "to replace it")
    }

    /// A new, empty path beside `path` (same folder, so the final rename stays on one file system).
    static func staging(beside path: String, suffix: String) throws -> URL {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        return parent.appendingPathComponent(".\(target.lastPathComponent).\(suffix)-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Moves the finished `staged` file or folder to `path`, replacing what is there.
    static func moveIntoPlace(_ staged: URL, _ path: String) throws {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        if fm.fileExists(atPath: target.path) {
            let old = try staging(beside: path, suffix: "old")
            try? fm.removeItem(at: old)
            try fm.moveItem(at: target, to: old)
            do {
                try fm.moveItem(at: staged, to: target)
            } catch {
                try? fm.moveItem(at: old, to: target)
                throw error
            }
            try? fm.removeItem(at: old)
        } else {
            try fm.moveItem(at: staged, to: target)
        }
    }
}
