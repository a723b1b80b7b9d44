#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system calls the output needs, straight over the C library so that every
/// failure becomes an `OutputError` in words (Foundation's would print as
/// `Error Domain=NSCocoaErrorDomain Code=…` with the staging path) and so that nothing here
/// ever follows a symbolic link it did not mean to.
enum FileSystem {
    enum Kind: Equatable { case directory, file, symlink, other }

    /// What is at `path` without following a last symbolic link; nil when nothing is.
    static func kind(_ path: String) throws -> Kind? {
        var st = stat()
        guard lstat(path, &st) == 0 else {
            if errno == ENOENT { return nil }
            throw OutputError.system("cannot reach \(path)", errno: errno)
        }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// What `path` finally names, following symbolic links; nil when that does not exist.
    static func targetKind(_ path: String) -> Kind? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return .other
        }
    }

    /// The absolute path with every symbolic link and `.`/`..` resolved; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// The names in a folder (no `.` or `..`).
    static func list(_ path: String, what: String) throws -> [String] {
        guard let dir = opendir(path) else { throw OutputError.system("cannot read \(what)", errno: errno) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// At most `count` bytes from the start of a file; nil when it cannot be read.
    static func head(_ path: String, count: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: count)
        let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, count) }
        return n < 0 ? nil : Array(bytes.prefix(n))
    }

    static func makeDirectory(_ path: String, what: String) throws {
        guard mkdir(path, 0o777) == 0 else { throw OutputError.system("cannot write \(what)", errno: errno) }
    }

    /// Creates the file (it must not exist yet) and writes `text` to it.
    static func writeNewFile(_ path: String, _ text: String, what: String) throws {
        let file = try NewFile(path, what: what)
        do {
            try file.write(text)
            try file.close()
        } catch {
            file.abandon()
            throw error
        }
    }

    /// Renames without replacing a folder (rename(2) replaces a file or an empty folder).
    static func rename(_ from: String, _ to: String, what: String) throws {
        guard cRename(from, to) == 0 else { throw OutputError.system("cannot write \(what)", errno: errno) }
    }

    /// Swaps two paths in one step where the system can (Linux `renameat2(RENAME_EXCHANGE)`,
    /// macOS `renameatx_np(RENAME_SWAP)`): there is no moment when neither the old nor the new
    /// output is in place. False when the file system cannot; then nothing happened.
    static func exchange(_ a: String, _ b: String, what: String) throws -> Bool {
        if !exchangeAllowed { return false }
        #if canImport(Glibc)
        guard let swap = renameat2 else { return false }
        let r = swap(AT_FDCWD, a, AT_FDCWD, b, 1 << 1)  // RENAME_EXCHANGE
        #else
        let r = renameatx_np(AT_FDCWD, a, AT_FDCWD, b, UInt32(RENAME_SWAP))
        #endif
        if r == 0 { return true }
        if errno == ENOSYS || errno == EINVAL || errno == ENOTSUP { return false }
        throw OutputError.system("cannot write \(what)", errno: errno)
    }

    /// False in tests of the two-rename fallback (no file system here lacks the swap).
    nonisolated(unsafe) static var exchangeAllowed = true

    #if canImport(Glibc)
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    /// glibc has `renameat2` since 2.28 but declares it only under `_GNU_SOURCE`, which Swift's
    /// Glibc module is not built with: look the symbol up instead (absent: two renames).
    static let renameat2: RenameAt2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }  // RTLD_DEFAULT
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
    #endif

    /// Removes a file, a symbolic link (not what it points to) or a folder with everything in
    /// it. A folder that is read-only (a site someone made read-only) is made writable first:
    /// only ever called on sprint-report's own outputs and staging.
    static func removeTree(_ path: String) throws {
        guard let kind = try kind(path) else { return }
        if kind != .directory {
            guard unlink(path) == 0 || errno == ENOENT else { throw OutputError.system("cannot remove \(path)", errno: errno) }
            return
        }
        if access(path, R_OK | W_OK | X_OK) != 0 { chmod(path, 0o700) }
        for name in try list(path, what: path) { try removeTree(path + "/" + name) }
        if rmdir(path) != 0 && errno != ENOENT { throw OutputError.system("cannot remove \(path)", errno: errno) }
    }
}

/// A file being written: created new (never replacing anything), written with write(2) so a
/// full disk or a quota shows at once, closed with its error checked.
final class NewFile {
    private var fd: Int32
    let path: String
    /// What the user knows the file as (the output), for messages.
    let what: String

    init(_ path: String, what: String) throws {
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw OutputError.system("cannot write \(what)", errno: errno) }
        self.path = path
        self.what = what
    }

    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write($0) }
    }

    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard var p = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let n = cWrite(fd, p, left)
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputError.system("cannot write \(what)", errno: errno)
            }
            p += n
            left -= n
        }
    }

    func close() throws {
        let r = cClose(fd)
        fd = -1
        if r != 0 { throw OutputError.system("cannot write \(what)", errno: errno) }
    }

    /// Closes without caring (the file is being thrown away).
    func abandon() {
        if fd >= 0 { _ = cClose(fd) }
        fd = -1
    }

    deinit { abandon() }
}

// The C functions whose names the types above shadow (`rename`, `write`, `close`).
@inline(__always) private func cRename(_ a: String, _ b: String) -> Int32 { rename(a, b) }
@inline(__always) private func cWrite(_ fd: Int32, _ p: UnsafePointer<UInt8>, _ n: Int) -> Int { write(fd, p, n) }
@inline(__always) private func cClose(_ fd: Int32) -> Int32 { close(fd) }
