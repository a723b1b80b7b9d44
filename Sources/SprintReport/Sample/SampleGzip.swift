import CZlib

/// gzip compression in independent pieces, so the pieces can be compressed on several
/// cores at once and still form **one** ordinary gzip member (the way `pigz` does it).
///
/// Each piece is a raw deflate stream ended with a sync flush (byte-aligned, not final);
/// the last piece is finished. The header is fixed (no name, time 0, OS "unknown") and the
/// trailer holds the CRC-32 and length of the whole CSV, so the same CSV gives the same
/// `.gz` bytes with the same zlib version, whatever the number of threads.
enum SampleGzip {
    /// `1F 8B`, deflate, no flags, time 0, no extra flags, OS 255 (unknown).
    static let header: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 255]

    /// Compresses one piece. `level`: zlib's 1 (fastest) … 9 (smallest); 6 is gzip's default.
    static func deflatePiece(_ input: UnsafeRawBufferPointer, level: Int32, last: Bool) throws -> [UInt8] {
        // The z_stream lives on the heap at a fixed address: zlib keeps pointers into it.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deinitialize(count: 1); stream.deallocate() }
        // windowBits −15: raw deflate, no wrapper (the header and trailer are written here).
        guard czlib_deflateInit2(stream, level, -15) == Z_OK else {
            throw SampleError("error: cannot start gzip compression")
        }
        defer { deflateEnd(stream) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(stream, uLong(input.count))) + 16)
        let produced = try out.withUnsafeMutableBytes { buffer -> Int in
            // zlib declares next_in as non-const but never writes through it.
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(input.count)
            stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(buffer.count)
            let status = deflate(stream, last ? Z_FINISH : Z_SYNC_FLUSH)
            guard (last && status == Z_STREAM_END) || (!last && status == Z_OK && stream.pointee.avail_in == 0) else {
                throw SampleError("error: gzip compression failed (zlib status \(status))")
            }
            return buffer.count - Int(stream.pointee.avail_out)
        }
        out.removeLast(out.count - produced)
        return out
    }

    /// Running CRC-32 of the uncompressed bytes.
    static func crc(_ running: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress else { return running }
        return UInt32(crc32(uLong(running), base.assumingMemoryBound(to: Bytef.self), uInt(bytes.count)))
    }

    /// CRC-32 and length modulo 2³², little-endian.
    static func trailer(crc: UInt32, length: Int) -> [UInt8] {
        let size = UInt32(truncatingIfNeeded: length)
        return (0..<4).map { UInt8(truncatingIfNeeded: crc >> (8 * $0)) }
            + (0..<4).map { UInt8(truncatingIfNeeded: size >> (8 * $0)) }
    }
}

/// A problem writing a sample; printed as `FILE: error: WHAT` by the command.
public struct SampleError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
