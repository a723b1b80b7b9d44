#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The raw bytes of one input: a file, standard input for `-`, or bytes in memory.
final class ByteSource {
    let path: String
    private let fd: Int32
    private let ownsDescriptor: Bool
    /// In-memory contents and how far they were read (`fd` unused).
    private let memory: [UInt8]?
    private var offset = 0

    /// Where an input's bytes come from.
    enum Origin {
        /// A file, or standard input for `-`.
        case file(String)
        /// Bytes in memory, read as a file named `name` would be.
        case memory(name: String, bytes: [UInt8])

        /// What messages call the input.
        var name: String {
            switch self {
            case .file(let path): path
            case .memory(let name, _): name
            }
        }
    }

    /// Opens `origin`; throws an `InputError` naming it when it cannot be opened.
    convenience init(_ origin: Origin) throws(InputError) {
        switch origin {
        case .file(let path): try self.init(path: path)
        case .memory(let name, let bytes): self.init(name: name, bytes: bytes)
        }
    }

    /// Bytes in memory, read as a file named `name` would be.
    init(name: String, bytes: [UInt8]) {
        path = name
        fd = -1
        ownsDescriptor = false
        memory = bytes
    }

    /// Opens `path`; throws an `InputError` naming it when it cannot be opened.
    init(path: String) throws(InputError) {
        self.path = path
        memory = nil
        if path == "-" {
            fd = 0
            ownsDescriptor = false
            return
        }
        let d = open(path, O_RDONLY)
        guard d >= 0 else {
            throw InputError(file: path, "cannot open: \(String(cString: strerror(errno)))")
        }
        var st = stat()
        if fstat(d, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            close(d)
            throw InputError(file: path, "cannot open: it is a directory")
        }
        fd = d
        ownsDescriptor = true
    }

    deinit { if ownsDescriptor { close(fd) } }

    /// Reads up to `count` bytes into `buffer`; 0 at the end of the input.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(InputError) -> Int {
        if let memory {
            let n = min(count, memory.count - offset)
            guard n > 0 else { return 0 }
            memory.withUnsafeBytes { m in
                if let base = m.baseAddress { buffer.copyMemory(from: base + offset, byteCount: n) }
            }
            offset += n
            return n
        }
        while true {
            let n = systemRead(fd, buffer, count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw InputError(file: path, "cannot read: \(String(cString: strerror(errno)))")
        }
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif
