import Dispatch
import Foundation

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
        if path == "-" { return try emit(generator, to: 1, named: path, gzipLevel: nil) }
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
            let result = try emit(generator, to: fd, named: path,
                                  gzipLevel: path.hasSuffix(".gz") ? gzipLevel : nil)
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
                             gzipLevel: Int32?) throws -> Result {
        var result = Result(rows: 0, csvBytes: 0, fileBytes: 0)
        func put(_ bytes: [UInt8]) throws {
            try bytes.withUnsafeBytes { raw in
                var done = 0
                while done < raw.count {
                    let n = systemWrite(fd, raw.baseAddress! + done, raw.count - done)
                    if n < 0 {
                        if errno == EINTR { continue }
                        throw SampleError("\(path): error: cannot write (\(errorText()))")
                    }
                    done += n
                }
            }
            result.fileBytes += bytes.count
        }
        var crc: UInt32 = 0
        if gzipLevel != nil { try put(SampleGzip.header) }
        // Pieces are generated and compressed in parallel, a wave at a time (bounded
        // memory), and written in order: the bytes do not depend on the thread count.
        let count = generator.pieceCount
        let wave = 4 * max(1, activeProcessorCount())
        var next = 0
        while next < count {
            let range = next..<min(count, next + wave)
            let done = SamplePieces(count: range.count)
            DispatchQueue.concurrentPerform(iterations: range.count) { k in
                let i = range.lowerBound + k
                var (csv, rows) = generator.piece(i)
                if i == 0 { csv = generator.header + csv }
                var compressed: [UInt8]? = nil
                var failure: Error? = nil
                if let level = gzipLevel {
                    do {
                        compressed = try csv.withUnsafeBytes { try SampleGzip.deflatePiece($0, level: level, last: i == count - 1) }
                    } catch {
                        failure = error
                    }
                }
                done.store(k, SamplePieces.Piece(csv: csv, rows: rows, compressed: compressed, failure: failure))
            }
            for k in 0..<range.count {
                let piece = done.take(k)
                if let failure = piece.failure { throw failure }
                result.rows += piece.rows
                result.csvBytes += piece.csv.count
                if let compressed = piece.compressed {
                    crc = piece.csv.withUnsafeBytes { SampleGzip.crc(crc, $0) }
                    try put(compressed)
                } else {
                    try put(piece.csv)
                }
            }
            next = range.upperBound
        }
        if gzipLevel != nil { try put(SampleGzip.trailer(crc: crc, length: result.csvBytes)) }
        return result
    }

    private static func activeProcessorCount() -> Int { ProcessInfo.processInfo.activeProcessorCount }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}

/// `write(2)`, named apart from `SampleWriter.write`, which would shadow it.
@inline(__always)
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}

/// The results of one wave of pieces, each slot written by exactly one worker and read
/// after all of them have finished (`concurrentPerform` returns only then).
private final class SamplePieces: @unchecked Sendable {
    struct Piece {
        var csv: [UInt8]
        var rows: Int
        var compressed: [UInt8]?
        var failure: Error?
    }

    private let slots: UnsafeMutableBufferPointer<Piece?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    func store(_ k: Int, _ piece: Piece) { slots[k] = piece }

    func take(_ k: Int) -> Piece {
        defer { slots[k] = nil }
        return slots[k]!
    }
}
