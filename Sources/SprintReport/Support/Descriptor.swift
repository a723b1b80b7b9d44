import Foundation

/// Writing whole buffers to a file descriptor with write(2): the one loop behind standard
/// output, standard error and `fetch`'s progress. `FileHandle.write` traps when a write fails
/// (`2>/dev/full`, a closed pipe); this reports the failure and lets the caller decide.
public enum Descriptor {
    /// Writes every byte of `bytes` to `fd`, retrying after EINTR. nil when all were
    /// written, else the `errno` of the write that failed (EIO for a write of nothing).
    @discardableResult
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard let base = bytes.baseAddress else { return nil }
        var done = 0
        while done < bytes.count {
            let n = Foundation.write(fd, base + done, bytes.count - done)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return errno }
            if n == 0 { return EIO }
            done += n
        }
        return nil
    }

    /// `writeAll` of the text's UTF-8.
    @discardableResult
    public static func writeAll(_ fd: Int32, _ text: String) -> Int32? {
        var text = text
        return text.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) }
    }
}
