#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a generated sample to a file (gzip when its name ends in `.gz`) or to standard
/// output (`-`, plain CSV).
///
/// A file is written under a temporary name in the same folder and renamed into place at
/// the end, so a failed or interrupted run leaves no half-written export; an existing file
/// is only replaced with `force`.
public enum SampleWriter {
    /// What was written.
    public struct Result: Sendable, Equatable {
        public var rows: Int
        /// Bytes of CSV (before compression).
        public var csvBytes: Int
        /// Bytes written to the file or standard output.
        public var fileBytes: Int
    }

    public static func write(_ generator: SampleGenerator, to path: String, force: Bool = false,
                             gzipLevel: Int32 = 6) throws -> Result {
        if path == "-" { return try emit(generator, to: 1, named: path, gzip: nil) }
        var info = stat()
        if stat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw SampleError("\(path): error: is a folder") }
            if !force { throw SampleError("\(path): error: already exists (use --force to replace it)") }
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = "\(folder).\(base).tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, 0o644)
        guard fd >= 0 else { throw SampleError("\(path): error: cannot create (\(errorText()))") }
        do {
            let gzip = path.hasSuffix(".gz") ? try SampleGzip(level: gzipLevel) : nil
            let result = try emit(generator, to: fd, named: path, gzip: gzip)
            guard close(fd) == 0 else { throw SampleError("\(path): error: cannot write (\(errorText()))") }
            guard rename(temporary, path) == 0 else {
                throw SampleError("\(path): error: cannot rename into place (\(errorText()))")
            }
            return result
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
    }

    private static func emit(_ generator: SampleGenerator, to fd: Int32, named path: String,
                             gzip: SampleGzip?) throws -> Result {
        var fileBytes = 0
        var csvBytes = 0
        func put(_ bytes: UnsafeRawBufferPointer) throws {
            var done = 0
            while done < bytes.count {
                let n = systemWrite(fd, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw SampleError("\(path): error: cannot write (\(errorText()))")
                }
                done += n
            }
            fileBytes += bytes.count
        }
        func chunk(_ bytes: UnsafeRawBufferPointer) throws {
            csvBytes += bytes.count
            if let gzip { try gzip.compress(bytes, emit: put) } else { try put(bytes) }
        }
        try generator.header.withUnsafeBytes { try chunk($0) }
        let rows = try generator.write(chunk)
        try gzip?.finish(emit: put)
        return Result(rows: rows, csvBytes: csvBytes, fileBytes: fileBytes)
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}

/// `write(2)`, named apart from `SampleWriter.write`, which would shadow it.
@inline(__always)
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
