#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The names a build uses beside its output, and the removal of those an earlier run left.
///
/// `.<name>.partial-<pid>` is the output being written (a folder whose first file is the
/// marker, or a file whose first bytes are the page head with the generator tag);
/// `.<name>.old-<pid>` is an earlier output moved aside (only where the system cannot swap
/// two paths in one step). A run killed by SIGKILL or a power cut leaves them; the next build
/// of the same output removes them, but only when they are sprint-report's own (the marker,
/// or the generator tag) and the process that made them is gone.
enum Staging {
    enum Role: String { case partial, old }

    static func path(_ output: OutputPath, kind role: Role) -> String {
        output.beside("\(role.rawValue)-\(getpid())")
    }

    /// Removes the stale staging of `output`; anything it cannot prove is its own stays.
    static func removeStale(_ output: OutputPath, kind: OutputLocation.Kind) {
        guard let names = try? FileSystem.list(output.parent, what: output.parent) else { return }
        let prefix = ".\(output.name)."
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.lastIndex(of: "-"), Role(rawValue: String(rest[..<dash])) != nil,
                  let pid = Int32(rest[rest.index(after: dash)...]), pid > 0, !isRunning(pid) else { continue }
            let path = join(output.parent, name)
            if isOwn(path) { try? FileSystem.removeTree(path) }
        }
    }

    /// Whether `pid` is a live process other than this one (this one's own earlier staging,
    /// from a run that had the same process id, is stale too: the lock proves no build of
    /// this output is running).
    static func isRunning(_ pid: Int32) -> Bool {
        if pid == getpid() { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// A staging folder (it holds the marker) or file (empty, or it starts with the page
    /// head) that sprint-report wrote.
    static func isOwn(_ path: String) -> Bool {
        switch try? FileSystem.kind(path) {
        case .directory?:
            return (try? FileSystem.kind(join(path, OutputLocation.marker))) == .file
        case .file?:
            if FileSystem.head(path, count: 1)?.isEmpty == true { return true }
            return OutputLocation.isReport(path)
        default:
            return false
        }
    }
}
