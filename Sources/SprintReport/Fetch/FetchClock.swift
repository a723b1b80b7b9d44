import Foundation

/// The time source of a fetch: how long the run has taken, and waiting. Injected so that
/// tests of backoff and polling do not wait for real.
public protocol FetchClock: Sendable {
    /// Seconds since the clock was made; never goes back.
    func now() -> Double
    /// The wall-clock date, for `Retry-After` dates.
    func date() -> Date
    /// Waits `seconds` (or lets them pass).
    func sleep(_ seconds: Double)
}

/// Real time: a monotonic clock and real sleeping.
public struct SystemClock: FetchClock {
    private let start = DispatchTime.now().uptimeNanoseconds

    public init() {}

    public func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
    public func date() -> Date { Date() }
    public func sleep(_ seconds: Double) {
        if seconds > 0 { Thread.sleep(forTimeInterval: seconds) }
    }
}

/// Time that passes without waiting: `sleep` moves the clock forward at once; real time
/// spent (in requests) counts too. For tests, through the CLI's hidden `--simulated-clock`:
/// a run with minutes of backoff and polling finishes in milliseconds, and its messages
/// (`timed out after 30 s …`) read as in a real run.
public final class SimulatedClock: FetchClock, @unchecked Sendable {
    private let real = SystemClock()
    private let lock = NSLock()
    private var slept: Double = 0

    public init() {}

    public func now() -> Double { real.now() + lock.withLock { slept } }
    public func date() -> Date { Date().addingTimeInterval(lock.withLock { slept }) }
    public func sleep(_ seconds: Double) {
        if seconds > 0 { lock.withLock { slept += seconds } }
    }
}
