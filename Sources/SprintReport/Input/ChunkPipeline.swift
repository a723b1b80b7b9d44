import Crypto
import Foundation

/// Reads one input on its own thread — raw bytes, SHA-256, gzip inflate — and hands the
/// text to the parsing thread in chunks through a bounded queue, so that inflating and
/// parsing run at the same time on two cores (`swift-findings.md`: inflate alone is
/// 206–231 MB/s, parsing 221–250 MB/s; one thread doing both manages 122–154 MB/s).
///
/// Memory is bounded: `depth` chunk buffers of `chunkSize` bytes circulate between the
/// threads and are reused.
final class ChunkPipeline: @unchecked Sendable {
    /// What the producer hands over.
    enum Item {
        case chunk(UnsafeMutablePointer<UInt8>, Int)
        case end
        case failed(InputError)
    }

    /// Facts known once the producer is done.
    struct Outcome {
        var compressed = false
        var rawBytes = 0
        var sha256 = ""
    }

    private let source: ByteSource
    private let chunkSize: Int
    private let condition = NSCondition()
    private var free: [UnsafeMutablePointer<UInt8>] = []
    private var ready: [Item] = []
    private var readyHead = 0
    private var cancelled = false
    private var finished = false
    private var all: [UnsafeMutablePointer<UInt8>] = []
    private(set) var outcome = Outcome()

    init(source: ByteSource, chunkSize: Int, depth: Int = 4) {
        self.source = source
        self.chunkSize = max(1, chunkSize)
        for _ in 0..<max(2, depth) {
            let b = UnsafeMutablePointer<UInt8>.allocate(capacity: self.chunkSize)
            free.append(b)
            all.append(b)
        }
    }

    deinit { for b in all { b.deallocate() } }

    /// Starts the producer thread.
    func start() {
        let thread = Thread { [self] in
            produce()
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// The next item (blocks until there is one).
    func next() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while readyHead == ready.count { condition.wait() }
        let item = ready[readyHead]
        readyHead += 1
        if readyHead == ready.count {
            ready.removeAll(keepingCapacity: true)
            readyHead = 0
        }
        return item
    }

    /// Gives a chunk buffer back for reuse.
    func recycle(_ buffer: UnsafeMutablePointer<UInt8>) {
        condition.lock()
        free.append(buffer)
        condition.signal()
        condition.unlock()
    }

    /// Stops the producer early (the parser failed) and waits for it to finish.
    func cancelAndWait() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }

    /// Waits until the producer has finished (after `.end` or `.failed`).
    func waitUntilFinished() {
        condition.lock()
        while !finished { condition.wait() }
        condition.unlock()
    }

    private struct Cancelled: Error {}

    private func acquire() throws -> UnsafeMutablePointer<UInt8> {
        condition.lock()
        defer { condition.unlock() }
        while free.isEmpty && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        return free.removeLast()
    }

    private func push(_ item: Item) {
        condition.lock()
        ready.append(item)
        condition.signal()
        condition.unlock()
    }

    private func produce() {
        var hasher = SHA256()
        do {
            let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
            defer { raw.deallocate() }
            // The first bytes decide: gzip by its magic 1F 8B, never by the file name.
            var have = 0
            while have < 2 {
                let n = try source.read(into: raw.baseAddress! + have, count: chunkSize - have)
                if n == 0 { break }
                have += n
                if chunkSize < 2 { break }
            }
            if chunkSize < 2, have == 1 {
                // Tiny test chunks: peek one more byte into a second slot.
                var extra: UInt8 = 0
                let n = try withUnsafeMutableBytes(of: &extra) { try source.read(into: $0.baseAddress!, count: 1) }
                if n == 1 { return try produceWithPrefix([raw[0], extra], hasher: &hasher) }
                return try produceWithPrefix([raw[0]], hasher: &hasher)
            }
            try produceWithPrefix(Array(raw[0..<have]), hasher: &hasher)
        } catch is Cancelled {
            push(.end)
        } catch let e as InputError {
            push(.failed(e))
        } catch {
            push(.failed(InputError(file: source.path, "\(error)")))
        }
    }

    /// Continues after the first bytes (`prefix`) have been read.
    private func produceWithPrefix(_ prefix: [UInt8], hasher: inout SHA256) throws {
        hasher.update(data: prefix)
        outcome.rawBytes = prefix.count
        if prefix.isEmpty {
            outcome.sha256 = Self.hex(hasher.finalize())
            push(.end)
            return
        }
        let gzip = prefix.count >= 2 && prefix[0] == 0x1F && prefix[1] == 0x8B
        outcome.compressed = gzip
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: max(chunkSize, 2), alignment: 1)
        defer { raw.deallocate() }
        if gzip {
            let inflater: GzipInflater
            do { inflater = try GzipInflater() } catch { throw InputError(file: source.path, "cannot start zlib") }
            var out: UnsafeMutablePointer<UInt8>? = nil
            var used = 0
            func feed(_ bytes: UnsafeRawBufferPointer) throws {
                try inflater.inflate(bytes, output: {
                    if out == nil { out = try acquire(); used = 0 }
                    return (out!, chunkSize, used)
                }, filled: { n in
                    used = n
                    if used == chunkSize { push(.chunk(out!, used)); out = nil; used = 0 }
                })
            }
            do {
                try prefix.withUnsafeBytes { try feed($0) }
                while true {
                    let n = try source.read(into: raw.baseAddress!, count: chunkSize)
                    if n == 0 { break }
                    let bytes = UnsafeRawBufferPointer(rebasing: raw[0..<n])
                    hasher.update(bufferPointer: bytes)
                    outcome.rawBytes += n
                    try feed(bytes)
                }
                if inflater.inMember { throw GzipError.truncated }
            } catch GzipError.corrupt(let why) {
                if let o = out { recycle(o) }
                throw InputError(file: source.path, "corrupt gzip stream (\(why))")
            } catch GzipError.truncated {
                if let o = out { recycle(o) }
                throw InputError(file: source.path, "truncated gzip stream (it ends before its last member does)")
            }
            if let o = out {
                if used > 0 { push(.chunk(o, used)) } else { recycle(o) }
            }
        } else {
            var pending = prefix[...]
            while true {
                let buffer = try acquire()
                var n = 0
                if !pending.isEmpty {
                    n = min(pending.count, chunkSize)
                    for (k, byte) in pending.prefix(n).enumerated() { buffer[k] = byte }
                    pending = pending.dropFirst(n)
                } else {
                    n = try source.read(into: buffer, count: chunkSize)
                    if n == 0 { recycle(buffer); break }
                    hasher.update(bufferPointer: UnsafeRawBufferPointer(start: buffer, count: n))
                    outcome.rawBytes += n
                }
                push(.chunk(buffer, n))
            }
        }
        outcome.sha256 = Self.hex(hasher.finalize())
        push(.end)
    }

    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in digest { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
