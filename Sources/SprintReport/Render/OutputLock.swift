#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One build at a time per output: an exclusive `flock` on `.<name>.lock` beside it.
///
/// A second build into the same output is refused at once ("busy") instead of both writing
/// staging and racing to move it into place. The kernel drops the lock when the holder dies,
/// so a killed build never blocks the next one. The file is removed on release while still
/// locked; a build that opened the old file just before then finds, once it holds the lock,
/// that the path names another file (or none) and starts over, so two builds can never each
/// hold a lock on a different file of the same name.
final class OutputLock {
    let path: String
    private var fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    /// Takes the lock of `output` (its parent folder must exist), or throws "busy".
    static func acquire(_ output: OutputPath) throws -> OutputLock {
        let path = output.beside("lock")
        for _ in 0..<8 {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
            guard fd >= 0 else { throw OutputError.system("cannot write in \(output.shownParent)", errno: errno) }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                close(fd)
                if code == EWOULDBLOCK {
                    throw OutputError("\(output.given) is busy: another sprint-report build is writing it "
                        + "(wait for it to finish, or write elsewhere)")
                }
                throw OutputError.system("cannot lock \(output.given)", errno: code)
            }
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0, stat(path, &named) == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino {
                return OutputLock(path: path, fd: fd)
            }
            close(fd)  // the file was removed by the build that held it: take the new one
        }
        throw OutputError("\(output.given) is busy: other sprint-report builds keep writing it")
    }

    /// Removes the lock file and lets go.
    func release() {
        guard fd >= 0 else { return }
        unlink(path)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
