import Dispatch
import Foundation

/// Ctrl-C (SIGINT) or SIGTERM during a build: remove what the build has written beside the
/// output (its staging, lock file and any parent folders it created), then exit with
/// 128 + the signal (130, 143). The earlier output is untouched whenever the signal comes:
/// the step that swaps the new output in runs as a `critical` section, which the handler
/// waits for. (SIGKILL cannot be caught: the next build removes what such a run left; see
/// `Staging.removeStale`.)
public enum Interruption {
    /// Installs the handlers (once; later calls do nothing). The command line calls this;
    /// a library user who handles signals itself need not.
    public static func install() {
        state.installOnce()
    }

    /// True once a signal came: page writers stop starting new pages.
    static var interrupted: Bool { state.isInterrupted }

    /// Something to undo if the run is interrupted.
    enum Leftover {
        /// A staging file or folder (removed whole).
        case tree(String)
        /// A folder the build created; removed only if empty.
        case emptyFolder(String)
        /// The lock; released last.
        case lock(OutputLock)
    }

    /// Registers `leftover`; the token unregisters it once the build no longer needs it undone.
    static func register(_ leftover: Leftover) -> Int { state.add(leftover) }

    static func unregister(_ token: Int) { state.remove(token) }

    /// Runs `body` with the handler held off: a signal during it is handled right after.
    static func critical<T>(_ body: () throws -> T) rethrows -> T {
        state.lock.lock()
        defer { state.lock.unlock() }
        return try body()
    }

    private static let state = State()

    private final class State: @unchecked Sendable {
        /// Recursive: a `critical` section may register what to undo.
        let lock = NSRecursiveLock()
        private var leftovers: [(token: Int, leftover: Leftover)] = []
        private var nextToken = 0
        private var sources: [DispatchSourceSignal] = []
        private var flag = false

        var isInterrupted: Bool {
            lock.lock()
            defer { lock.unlock() }
            return flag
        }

        func add(_ leftover: Leftover) -> Int {
            lock.lock()
            defer { lock.unlock() }
            nextToken += 1
            leftovers.append((nextToken, leftover))
            return nextToken
        }

        func remove(_ token: Int) {
            lock.lock()
            defer { lock.unlock() }
            leftovers.removeAll { $0.token == token }
        }

        func installOnce() {
            lock.lock()
            defer { lock.unlock() }
            guard sources.isEmpty else { return }
            for signo in [SIGINT, SIGTERM] {
                // The default action would end the process at once; a dispatch source sees the
                // signal instead and runs `handle` on an ordinary thread (no async-signal limits).
                let before = signal(signo, SIG_IGN)
                // A signal ignored when the program started (a shell's background job ignores
                // SIGINT) stays ignored, as for any well-behaved program.
                if Self.isIgnore(before) { continue }
                let source = DispatchSource.makeSignalSource(signal: signo, queue: .global())
                source.setEventHandler { [unowned self] in self.handle(signo) }
                source.resume()
                sources.append(source)
            }
        }

        #if canImport(Glibc)
        typealias Handler = __sighandler_t
        #else
        typealias Handler = sig_t
        #endif

        private static func isIgnore(_ handler: Handler?) -> Bool {
            guard let handler else { return false }
            return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
        }

        private func handle(_ signo: Int32) -> Never {
            lock.lock()  // waits for a `critical` section; never released: the process ends here
            flag = true
            // Newest first: the staging inside a created folder goes before the folder.
            for (_, leftover) in leftovers.reversed() {
                switch leftover {
                case .tree(let path):
                    // Page writers may still be finishing a file in it: try again a few times.
                    for _ in 0..<50 {
                        if (try? FileSystem.removeTree(path)) != nil { break }
                        usleep(20_000)
                    }
                case .emptyFolder(let path): rmdir(path)
                case .lock(let l): l.release()
                }
            }
            _exit(128 + signo)
        }
    }
}
