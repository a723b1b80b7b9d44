import CZlib

/// Streaming gzip compression with zlib's deflate (one gzip member).
///
/// The `z_stream` and the gzip header live on the heap at a fixed address for the whole
/// stream: zlib keeps pointers into them between calls, which a Swift value could break
/// by moving. The header is set explicitly (no name, time 0, OS "unknown") so the same
/// CSV gives the same `.gz` bytes wherever the same zlib version compresses it.
final class SampleGzip {
    private let stream: UnsafeMutablePointer<z_stream>
    private let header: UnsafeMutablePointer<gz_header>
    private var out: [UInt8]
    private var finished = false

    /// `level`: zlib's 1 (fastest) … 9 (smallest); 6 is gzip's default.
    init(level: Int32 = 6) throws {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        header = .allocate(capacity: 1)
        header.initialize(to: gz_header())
        header.pointee.os = 255
        out = [UInt8](repeating: 0, count: 256 << 10)
        // windowBits 15 + 16: a gzip wrapper instead of zlib's.
        guard czlib_deflateInit2(stream, level, 31) == Z_OK else {
            header.deallocate()
            stream.deallocate()
            throw SampleError("error: cannot start gzip compression")
        }
        guard deflateSetHeader(stream, header) == Z_OK else {
            deflateEnd(stream)
            header.deallocate()
            stream.deallocate()
            throw SampleError("error: cannot set the gzip header")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        header.deinitialize(count: 1)
        header.deallocate()
    }

    /// Compresses `input`, passing compressed bytes to `emit` as they come.
    func compress(_ input: UnsafeRawBufferPointer, emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        try run(input, flush: Z_NO_FLUSH, emit: emit)
    }

    /// Ends the stream (writes the CRC and length trailer).
    func finish(emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard !finished else { return }
        try run(UnsafeRawBufferPointer(start: nil, count: 0), flush: Z_FINISH, emit: emit)
        finished = true
    }

    private func run(_ input: UnsafeRawBufferPointer, flush: Int32,
                     emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        // zlib declares next_in as non-const but never writes through it.
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        let capacity = out.count
        try out.withUnsafeMutableBytes { buffer in
            let base = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
            while true {
                stream.pointee.next_out = base
                stream.pointee.avail_out = uInt(capacity)
                let status = deflate(stream, flush)
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                    throw SampleError("error: gzip compression failed (zlib status \(status))")
                }
                let produced = capacity - Int(stream.pointee.avail_out)
                if produced > 0 { try emit(UnsafeRawBufferPointer(start: base, count: produced)) }
                if flush == Z_FINISH {
                    if status == Z_STREAM_END { break }
                } else if stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0 {
                    break
                }
            }
        }
    }
}

/// A problem writing a sample; printed as `FILE: error: WHAT` by the command.
public struct SampleError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
