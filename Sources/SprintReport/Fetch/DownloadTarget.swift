import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the downloaded export goes, and the rule that nothing is lost on the way: the bytes
/// go to a staging file beside `--output`, are read through the same reader as `build`
/// (`ExportReader`), and only a complete, readable export is renamed into place — one
/// rename(2), so the output is either the earlier file or the new one, never half of one.
/// With `-`, the staging file is in the temporary folder and its verified bytes are copied to
/// standard output.
public struct DownloadTarget: Sendable {
    public enum Destination: Sendable, Equatable {
        case file(String)
        case standardOutput
    }

    public let destination: Destination

    /// Checks `output` before any request is sent: its folder exists, it is not a folder, and
    /// an existing file there looks like an export (gzip, or text whose first line is a CSV
    /// header) — anything else is replaced only with `force`.
    public init(output: String, force: Bool) throws(FetchError) {
        if output == "-" {
            destination = .standardOutput
            return
        }
        let fm = FileManager.default
        let url = URL(fileURLWithPath: output)
        let folder = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw FetchError("cannot write \(output): the folder \(folder) does not exist")
        }
        guard access(folder, W_OK) == 0 else { throw FetchError("cannot write \(output): the folder \(folder) is not writable") }
        if fm.fileExists(atPath: output, isDirectory: &isDir) {
            if isDir.boolValue { throw FetchError("\(output) is a folder; --output names a file") }
            if !force && !Self.looksLikeExport(output) {
                throw FetchError("\(output) exists and is not an export (neither gzip nor CSV); choose another --output "
                    + "or pass --force to replace it")
            }
        }
        destination = .file(output)
    }

    /// A new, empty staging file: beside the output (same file system, so the final rename is
    /// atomic), or in the temporary folder for standard output. Removed by `discard`, and by
    /// SIGINT, SIGTERM, SIGHUP or SIGPIPE while it exists.
    public func makeStagingFile() throws(FetchError) -> URL {
        let folder: URL
        let name: String
        let mode: mode_t
        switch destination {
        case .file(let path):
            let url = URL(fileURLWithPath: path)
            folder = url.deletingLastPathComponent()
            name = ".\(url.lastPathComponent).fetch"
            mode = 0o666  // as any new file: the umask decides
        case .standardOutput:
            folder = FileManager.default.temporaryDirectory
            name = "sprint-report-fetch"
            mode = 0o600  // nobody else reads a download on its way to a pipe
        }
        for _ in 0..<16 {
            let candidate = folder.appendingPathComponent("\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            let fd = open(candidate.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode)
            if fd >= 0 {
                close(fd)
                StagingCleanup.watch(candidate.path)
                return candidate
            }
            if errno != EEXIST { break }
        }
        throw FetchError("cannot create a staging file in \(folder.path): \(String(cString: strerror(errno)))")
    }

    /// Reads `staged` through the export reader: a truncated or corrupt gzip stream, a file
    /// that is not an export (an HTML page), or one without data rows is an error.
    public func verify(_ staged: URL, exportId: String) throws(FetchError) -> InputSummary {
        if Self.looksLikeHTML(staged) {
            // A sign-in or error page served with status 200 (a proxy, an expired signed URL):
            // say so rather than quote the reader on its missing columns.
            throw FetchError("the download of export \(exportId) is an HTML page, not an export")
        }
        do {
            let data = try ExportReader.read(paths: [staged.path])
            guard let summary = data.inputs.first else { throw InputErrors([InputError(file: staged.path, "no data rows")]) }
            return summary
        } catch let e as InputErrors {
            let first = e.errors.first
            let place = first?.line.map { "line \($0): " } ?? ""
            throw FetchError("the download of export \(exportId) is not a usable export: \(place)\(first?.message ?? "unreadable")")
        } catch {
            throw FetchError("the download of export \(exportId) cannot be read: \(error)")
        }
    }

    /// Puts the verified `staged` file in place: renamed over `--output`, or copied to standard
    /// output and removed.
    public func commit(_ staged: URL) throws(FetchError) {
        switch destination {
        case .file(let path):
            guard rename(staged.path, path) == 0 else {
                let reason = String(cString: strerror(errno))
                Self.discard(staged)
                throw FetchError("cannot move the download into \(path): \(reason)")
            }
            StagingCleanup.forget()
        case .standardOutput:
            defer { Self.discard(staged) }
            try Self.copy(staged, toDescriptor: 1)
        }
    }

    /// Removes a staging file that will not be used.
    public static func discard(_ staged: URL) {
        unlink(staged.path)
        StagingCleanup.forget()
    }

    /// Copies the file's bytes to `fd` with read(2)/write(2); a failed write (a closed pipe, a
    /// full disk) is an error, not a crash (SIGPIPE is ignored meanwhile).
    static func copy(_ file: URL, toDescriptor fd: Int32) throws(FetchError) {
        let input = open(file.path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw FetchError("cannot read \(file.path): \(String(cString: strerror(errno)))") }
        defer { close(input) }
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        let size = 256 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(input, buffer, size)
            if n < 0 {
                if errno == EINTR { continue }
                throw FetchError("cannot read \(file.path): \(String(cString: strerror(errno)))")
            }
            if n == 0 { return }
            var done = 0
            while done < n {
                let w = write(fd, buffer + done, n - done)
                if w < 0 {
                    if errno == EINTR { continue }
                    throw FetchError("cannot write standard output: \(String(cString: strerror(errno)))")
                }
                done += w
            }
        }
    }

    /// Whether the file starts, after white space, with `<` (`<!DOCTYPE html>`, `<html>`).
    static func looksLikeHTML(_ file: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return false }
        defer { try? handle.close() }
        let head = ((try? handle.read(upToCount: 512)) ?? nil) ?? Data()
        let text = head.drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        return text.first == UInt8(ascii: "<")
    }

    /// Whether the file at `path` looks like an export: gzip's magic bytes, or text whose first
    /// line has a comma (a CSV header). An empty file holds nothing to lose.
    static func looksLikeExport(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? nil
        guard let head, !head.isEmpty else { return true }
        if head.starts(with: [0x1F, 0x8B]) { return true }
        if head.contains(0) { return false }
        let firstLine = head.prefix { $0 != UInt8(ascii: "\n") }
        return firstLine.contains(UInt8(ascii: ","))
    }
}

/// Removes the staging file when the run is interrupted (Ctrl-C, a CI job cancelled, a closed
/// pipe on standard error), then lets the signal end the process as it would have. The path is kept as a C string so the
/// handler calls nothing but unlink(2), signal(2) and raise(3).
enum StagingCleanup {
    nonisolated(unsafe) private static var path: UnsafeMutablePointer<CChar>?
    static let signals = [SIGINT, SIGTERM, SIGHUP, SIGPIPE]

    static func watch(_ file: String) {
        forget()
        path = strdup(file)
        for s in signals { signal(s, onSignal) }
    }

    static func forget() {
        for s in signals { signal(s, SIG_DFL) }
        if let p = path {
            path = nil
            free(p)
        }
    }

    private static let onSignal: @convention(c) (Int32) -> Void = { sig in
        if let p = StagingCleanup.path { unlink(p) }
        signal(sig, SIG_DFL)
        raise(sig)
    }
}
