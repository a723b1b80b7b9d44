import CZlib
import Foundation
import Testing
@testable import SprintReport

/// Helpers for the Input tests: temporary export files, in-test gzip (zlib deflate, so no
/// binary fixtures are needed), and reading with an injectable chunk size.
enum InputKit {
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("sprint-report-input-tests-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            preconditionFailure("cannot make the folder for the input tests' files, \(url.path): \(error)")
        }
        return url
    }()

    /// Writes `bytes` to a fresh file and returns its path.
    static func file(_ bytes: [UInt8], name: String = "export.csv") -> String {
        let url = folder.appendingPathComponent(UUID().uuidString + "-" + name)
        precondition(FileManager.default.createFile(atPath: url.path, contents: Data(bytes)))
        return url.path
    }

    static func file(_ text: String, name: String = "export.csv") -> String { file(Array(text.utf8), name: name) }

    /// One gzip member of `bytes` (deflate with windowBits 15 + 16).
    static func gzip(_ bytes: [UInt8]) -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { deflateEnd(stream); stream.deallocate() }
        precondition(czlib_deflateInit2(stream, 6, 15 + 16) == Z_OK)
        var input = bytes
        var out = [UInt8](repeating: 0, count: Int(deflateBound(stream, UInt(bytes.count))) + 64)
        let produced = input.withUnsafeMutableBufferPointer { inp in
            out.withUnsafeMutableBufferPointer { o in
                stream.pointee.next_in = inp.baseAddress
                stream.pointee.avail_in = UInt32(inp.count)
                stream.pointee.next_out = o.baseAddress
                stream.pointee.avail_out = UInt32(o.count)
                precondition(deflate(stream, Z_FINISH) == Z_STREAM_END)
                return o.count - Int(stream.pointee.avail_out)
            }
        }
        return Array(out[0..<produced])
    }

    static func gzip(_ text: String) -> [UInt8] { gzip(Array(text.utf8)) }

    /// Reads texts written to files (in order) with a given chunk size.
    static func read(_ texts: [String], chunkSize: Int = ExportReader.defaultChunkSize) throws -> DataSet {
        try ExportReader.read(paths: texts.map { file($0) }, chunkSize: chunkSize)
    }

    static func read(_ text: String, chunkSize: Int = ExportReader.defaultChunkSize) throws -> DataSet {
        try read([text], chunkSize: chunkSize)
    }

    /// The errors a read throws, as `FILE:LINE: error: WHAT` lines with the file replaced by `F`.
    static func errors(_ paths: [String], chunkSize: Int = ExportReader.defaultChunkSize) -> [InputError] {
        do {
            _ = try ExportReader.read(paths: paths, chunkSize: chunkSize)
            return []
        } catch let e as InputErrors {
            return e.errors
        } catch {
            return [InputError(file: "?", "unexpected \(error)")]
        }
    }

    static func error(_ text: String, chunkSize: Int = ExportReader.defaultChunkSize) -> InputError? {
        errors([file(text)], chunkSize: chunkSize).first
    }

    /// Every record's fields, scanned from chunks of `chunkSize` bytes.
    static func records(_ bytes: [UInt8], chunkSize: Int) throws -> [[String]] {
        try scan(bytes, chunkSize: chunkSize).map(\.fields)
    }

    /// The line each record starts on.
    static func recordLines(_ text: String, chunkSize: Int = 1 << 16) throws -> [Int] {
        try scan(Array(text.utf8), chunkSize: chunkSize).map(\.line)
    }

    private static func scan(_ bytes: [UInt8], chunkSize: Int) throws -> [(fields: [String], line: Int)] {
        var out: [(fields: [String], line: Int)] = []
        let reader = CSVChunkReader(capacity: 16)
        let add = { (r: borrowing CSVRecord) in out.append(((0..<r.count).map { r.string($0) }, r.line)) }
        try bytes.withUnsafeBufferPointer { b in
            var i = 0
            while i < b.count {
                let n = min(chunkSize, b.count - i)
                try reader.feed(b.baseAddress! + i, count: n, add)
                i += n
            }
        }
        try reader.finish(add)
        return out
    }

}

extension DataSet {
    /// The only series of a test data set.
    var only: TeamSeries { series[0] }
}
