import Foundation

/// How far a `build` has got: set by the stages (the page writers from many threads), read by
/// the thread that draws the progress line on a terminal.
public final class BuildProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var step = "reading"
    private var done = 0
    private var total = 0

    public init() {}

    /// A new step (`reading`, `writing pages`); `total` > 0 when it counts items.
    public func begin(_ step: String, total: Int = 0) {
        lock.lock()
        defer { lock.unlock() }
        self.step = step
        self.total = total
        done = 0
    }

    /// One more item of the current step done (a page written).
    public func advance() {
        lock.lock()
        done += 1
        lock.unlock()
    }

    /// The line shown while the build runs: `sprint-report: writing pages 1,200 of 2,343 (3.4 s)`.
    public func line(elapsed: Double) -> String {
        lock.lock()
        let (step, done, total) = (self.step, self.done, self.total)
        lock.unlock()
        var s = "sprint-report: \(step)"
        if total > 0 {
            s += " \(NumberFormat.fixed(Double(done), 0)) of \(NumberFormat.fixed(Double(total), 0))"
        }
        return s + " (\(NumberFormat.fixed(elapsed, 1, grouping: false)) s)"
    }
}

/// Draws `BuildProgress` on one line of a terminal, redrawn in place, from the moment the run
/// has taken `delay` seconds (a short run prints nothing), and wipes it when stopped.
public final class ProgressTicker: @unchecked Sendable {
    private let progress: BuildProgress
    private let write: @Sendable (String) -> Void
    private let delay: Double
    private let interval: Double
    private let start = DispatchTime.now()
    private let stopped = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private var thread: Thread?

    /// `write` gets the bytes for the terminal (carriage return, erase line, text).
    public init(_ progress: BuildProgress, delay: Double = 1, interval: Double = 0.25,
                write: @escaping @Sendable (String) -> Void) {
        self.progress = progress
        self.delay = delay
        self.interval = interval
        self.write = write
    }

    public var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }

    public func run() {
        let t = Thread { [self] in
            var drawn = false
            var wait = delay
            while stopped.wait(timeout: .now() + wait) == .timedOut {
                write("\r\u{1B}[K" + progress.line(elapsed: elapsed))
                drawn = true
                wait = interval
            }
            if drawn { write("\r\u{1B}[K") }
            finished.signal()
        }
        thread = t
        t.start()
    }

    /// Stops drawing and clears the line; returns once the line is gone.
    public func stop() {
        guard thread != nil else { return }
        stopped.signal()
        finished.wait()
        thread = nil
    }
}
