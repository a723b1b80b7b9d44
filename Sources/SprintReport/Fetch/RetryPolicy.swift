import Foundation

/// When a failed call is tried again, and after how long (docs/export-api.md, "What a careful
/// client does"): `429`, `5xx` and network errors, a bounded number of times, with exponential
/// backoff and jitter, honouring `Retry-After`. Any other `4xx` is final: sending the same
/// request again cannot fix it.
public struct RetryPolicy: Sendable {
    /// Retries after the first attempt.
    public var maxRetries: Int
    /// The delay before the first retry; each further retry doubles it, up to `maxDelay`.
    public var baseDelay: Double
    public var maxDelay: Double

    public init(maxRetries: Int = 5, baseDelay: Double = 1, maxDelay: Double = 60) {
        self.maxRetries = maxRetries
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// Whether an answer with this status is worth another try.
    public static func isRetryable(status: Int) -> Bool { status == 429 || (500...599).contains(status) }

    /// The delay before retry number `retry` (1 = the first retry): `baseDelay · 2^(retry−1)`
    /// capped at `maxDelay`, then a random part of it taken off ("equal jitter": between half
    /// and all of it), so that many clients failing together do not come back together.
    /// `jitter` is a random number in 0...1.
    public func backoff(retry: Int, jitter: Double) -> Double {
        let exponent = Double(min(max(retry - 1, 0), 30))
        let full = min(baseDelay * pow(2, exponent), maxDelay)
        return full / 2 + min(max(jitter, 0), 1) * full / 2
    }

    /// The delay a `Retry-After` header asks for: delay-seconds (`120`) or an HTTP-date
    /// (`Wed, 21 Oct 2026 07:28:00 GMT`, and the two obsolete forms), counted from `now`.
    /// Nil when absent or unreadable; never negative.
    public static func retryAfter(_ value: String?, now: Date) -> Double? {
        guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) {
            // Digits only: a number of seconds; an absurd one is capped rather than trapped on.
            return Double(text).map { min($0, 1e9) }
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return max(0, date.timeIntervalSince(now)) }
        }
        return nil
    }
}
