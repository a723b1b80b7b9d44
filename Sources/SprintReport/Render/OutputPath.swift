#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `--output` really is, and the places a build may never replace.
///
/// A build replaces its output whole, so an output that is the current folder, `/`, the home
/// folder, a folder above any of them, or a folder holding a file the build reads would
/// destroy the user's files. These are refused before anything is touched, with or without
/// `--force`. The path is resolved the way the system will use it: the part that exists
/// through `realpath` (symbolic links and `..` followed), the rest (folders still to be
/// created) appended as written.
struct OutputPath: Sendable, Equatable {
    /// The path as the user wrote it: messages quote this.
    let given: String
    /// Absolute, with the existing part's symbolic links and `..` resolved.
    let resolved: String

    /// The folder the output goes into (staging, the lock and the old output sit there too).
    var parent: String {
        guard let slash = resolved.lastIndex(of: "/"), slash != resolved.startIndex else { return "/" }
        return String(resolved[..<slash])
    }

    /// The output's own name (the last component).
    var name: String {
        guard let slash = resolved.lastIndex(of: "/") else { return resolved }
        return String(resolved[resolved.index(after: slash)...])
    }

    /// The parent as the user would name it, for messages: "rop" for `--output rop/site`,
    /// "the current folder" for `--output site`.
    var shownParent: String {
        var g = Substring(given)
        while g.count > 1 && g.hasSuffix("/") { g = g.dropLast() }
        guard let slash = g.lastIndex(of: "/") else { return "the current folder" }
        return slash == g.startIndex ? "/" : String(g[..<slash])
    }

    /// `<parent>/.<name>.<what>`: the names beside the output that belong to it.
    func beside(_ what: String) -> String { join(parent, ".\(name).\(what)") }

    /// Resolves `given` (relative to the current folder). Throws when it is empty, passes
    /// through a file or a dangling symbolic link, or uses `..` below a folder that does not
    /// exist yet.
    static func resolve(_ given: String, singleFile: Bool) throws -> OutputPath {
        let what = singleFile ? "the file to write the report to" : "the folder to write the site to"
        guard !given.isEmpty else { throw OutputError("--output is empty: name \(what)") }
        guard let cwd = FileSystem.realPath(".") else {
            throw OutputError("cannot find the current folder (was it removed?)")
        }
        let absolute = given.hasPrefix("/") ? given : cwd + "/" + given
        // A component as the user would write it: relative to the current folder where it is below it.
        func shown(_ path: String) -> String {
            !given.hasPrefix("/") && path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
        }
        var current = "/"
        var missing: [String] = []
        let parts = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for (i, part) in parts.enumerated() {
            let isLast = i == parts.count - 1
            if !missing.isEmpty {
                if part == ".." {
                    throw OutputError("--output \(given): '..' after \(shown(join(current, missing.joined(separator: "/")))), "
                        + "which does not exist")
                }
                if part != "." { missing.append(part) }
                continue
            }
            let candidate = join(current, part)
            guard let kind = try FileSystem.kind(candidate) else {
                missing.append(part)
                continue
            }
            if kind == .symlink {
                guard let target = FileSystem.realPath(candidate) else {
                    let place = isLast ? "--output \(given) is" : "--output \(given): \(shown(candidate)) is"
                    throw OutputError("\(place) a symbolic link to something that does not exist")
                }
                current = target
                if !isLast, FileSystem.targetKind(target) != .directory {
                    throw OutputError("--output \(given): \(shown(candidate)) is a file, not a folder")
                }
                continue
            }
            if !isLast && kind != .directory {
                throw OutputError("--output \(given): \(shown(candidate)) is a file, not a folder")
            }
            // `candidate` exists and `current` is already resolved: only `..` and `.` need realpath.
            current = (part == ".." || part == ".") ? (FileSystem.realPath(candidate) ?? candidate) : candidate
        }
        return OutputPath(given: given, resolved: missing.isEmpty ? current : join(current, missing.joined(separator: "/")))
    }

    /// Refuses an output whose replacement would destroy what the user did not ask to replace:
    /// `/`, the current folder, the home folder (or any folder above them), a folder holding a
    /// file the build reads (`reads`: exports, band limits, templates), or that file itself.
    func refuseDangerous(reads: [String], singleFile: Bool) throws {
        let advice = singleFile ? "name a file such as --output report.html"
            : "a build replaces its output folder whole; name a new folder such as --output site"
        if resolved == "/" { throw OutputError("--output \(given) is the root folder: \(advice)") }
        if let cwd = FileSystem.realPath(".") {
            if cwd == resolved { throw OutputError("--output \(given) is the current folder: \(advice)") }
            if Self.isInside(cwd, resolved) { throw OutputError("--output \(given) holds the current folder: \(advice)") }
        }
        for home in Self.homes() {
            if home == resolved { throw OutputError("--output \(given) is your home folder: \(advice)") }
            if Self.isInside(home, resolved) { throw OutputError("--output \(given) holds your home folder: \(advice)") }
        }
        for input in reads where input != "-" {
            guard let real = FileSystem.realPath(input) else { continue }
            if real == resolved {
                throw OutputError("--output \(given) is \(input), which the build reads; choose another --output")
            }
            if Self.isInside(real, resolved) {
                throw OutputError("--output \(given) holds \(input), which the build reads: a rebuild replaces the "
                    + "folder whole and would delete it; choose another --output")
            }
        }
    }

    /// True when `path` lies strictly inside the folder `folder` (both resolved).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        if folder == "/" { return path != "/" }
        return path.hasPrefix(folder + "/")
    }

    /// The home folder, resolved: `$HOME` and the account's entry (they can differ).
    static func homes() -> [String] {
        var out: [String] = []
        if let env = getenv("HOME"), let home = FileSystem.realPath(String(cString: env)) { out.append(home) }
        if let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir, let home = FileSystem.realPath(String(cString: dir)),
           !out.contains(home) {
            out.append(home)
        }
        return out.filter { $0 != "/" }  // an account whose home is `/` (daemons) still gets the root rule
    }
}

/// `a/b` without doubling the slash after `/`.
func join(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
}
