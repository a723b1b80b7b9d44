import CZlib

/// Streaming gzip inflate through zlib (`docs/input-format.md#files`): every member of a
/// multi-member file; a stream that ends without its trailer is truncated, a data error
/// is corruption. The `z_stream` lives on the heap so it never moves.
final class GzipInflater {
    private let stream: UnsafeMutablePointer<z_stream>
    /// Inside a member whose end (`Z_STREAM_END`) has not been seen yet.
    private(set) var inMember = true
    private var needsReset = false

    init() throws(GzipError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // 15 + 16: gzip wrapper only, largest window.
        guard czlib_inflateInit2(stream, 15 + 16) == Z_OK else {
            stream.deallocate()
            throw .corrupt("zlib could not start")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Inflates `input`, handing each filled output buffer to `emit`. `output` asks for a
    /// buffer to fill: (pointer, capacity, bytes already in it).
    func inflate(_ input: UnsafeRawBufferPointer,
                 output: () throws -> (UnsafeMutablePointer<UInt8>, Int, Int),
                 filled: (Int) throws -> Void) throws {
        guard let base = input.baseAddress, input.count > 0 else { return }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = UInt32(input.count)
        var outputFull = false
        repeat {
            if needsReset {
                guard CZlib.inflateReset(stream) == Z_OK else { throw GzipError.corrupt("zlib reset failed") }
                needsReset = false
                inMember = true
            }
            let (out, capacity, used) = try output()
            stream.pointee.next_out = out + used
            stream.pointee.avail_out = UInt32(capacity - used)
            let ret = CZlib.inflate(stream, Z_NO_FLUSH)
            let nowUsed = capacity - Int(stream.pointee.avail_out)
            outputFull = nowUsed == capacity
            try filled(nowUsed)
            switch ret {
            case Z_OK, Z_BUF_ERROR:
                break
            case Z_STREAM_END:
                inMember = false
                needsReset = true  // another member follows if input remains
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "error \(ret)"
                throw GzipError.corrupt(message)
            }
        } while stream.pointee.avail_in > 0 || (outputFull && inMember)
    }
}

/// A gzip stream that cannot be read to its end.
enum GzipError: Error, Equatable {
    case corrupt(String)
    case truncated
}
