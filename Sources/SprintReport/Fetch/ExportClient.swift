import Foundation

/// One call of the API as a careful client makes it: redirects followed here (the key only
/// ever sent to the base URL's origin, see `ExportEndpoints.request`), and `429`, `5xx` and
/// network errors retried by `RetryPolicy`, all within the run's deadline.
final class ExportClient: Sendable {
    /// What to call, and how to speak of it in messages.
    struct Call {
        var method: String
        var url: URL
        var body: Data? = nil
        var accept = "application/json"
        /// Where a 2xx body goes (the download); nil keeps it in memory.
        var bodyFile: URL? = nil
        /// "creating the export", "polling export exp_1", "downloading export exp_1".
        var what: String
        /// The whole message when the deadline passes during this call.
        var timeoutMessage: String
    }

    /// More redirects than this in one call is a loop.
    static let maxRedirects = 10

    let endpoints: ExportEndpoints
    let transport: any HTTPTransport
    let retry: RetryPolicy
    let clock: any FetchClock
    let progress: FetchProgress
    /// The run's end, on `clock`.
    let deadline: Double
    /// A random number in 0...1 for the backoff's jitter.
    let jitter: @Sendable () -> Double

    init(endpoints: ExportEndpoints, transport: any HTTPTransport, retry: RetryPolicy, clock: any FetchClock,
         progress: FetchProgress, deadline: Double, jitter: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }) {
        self.endpoints = endpoints
        self.transport = transport
        self.retry = retry
        self.clock = clock
        self.progress = progress
        self.deadline = deadline
        self.jitter = jitter
    }

    /// Makes `call` until it gets an answer that is not worth retrying, and returns it if it
    /// is a 2xx. Throws the server's error (status and message) for any other answer.
    func perform(_ call: Call) throws(FetchError) -> HTTPResponse {
        var retries = 0
        while true {
            let problem: String
            let retryAfter: Double?
            switch send(call) {
            case .success(let (response, request)):
                if (200..<300).contains(response.status) { return response }
                let error = FetchError.http(response, request: request)
                guard RetryPolicy.isRetryable(status: response.status) else { throw error }
                problem = error.message
                retryAfter = RetryPolicy.retryAfter(response.header("retry-after"), now: clock.date())
            case .failure(.timedOut):
                throw FetchError(call.timeoutMessage)
            case .failure(.bodyFile(let reason)):
                throw FetchError(reason)
            case .failure(.network(let reason)):
                problem = ServerText.line(reason)
                retryAfter = nil
            }
            guard retries < retry.maxRetries else {
                throw FetchError("\(problem) (\(call.what); gave up after \(retries + 1) attempts)")
            }
            retries += 1
            let delay = retryAfter ?? retry.backoff(retry: retries, jitter: jitter())
            guard clock.now() + delay < deadline else { throw FetchError(call.timeoutMessage + " (last answer: \(problem))") }
            progress.event("\(problem) (\(call.what)); retrying in \(FetchProgress.seconds(delay.rounded(FloatingPointRoundingRule.up))) "
                + "(retry \(retries) of \(retry.maxRetries))")
            clock.sleep(delay)
        }
    }

    /// Sends `call`, following redirects: `303` (and `301`/`302` after a POST) turn into a GET
    /// without body, `307`/`308` repeat the method and body. Each hop's request is built anew,
    /// so the key goes only where `ExportEndpoints` allows it.
    private func send(_ call: Call) -> Result<(HTTPResponse, HTTPRequest), TransportError> {
        var method = call.method
        var url = call.url
        var body = call.body
        var hops = 0
        while true {
            let request = endpoints.request(method: method, url: url, body: body, accept: call.accept)
            progress.request(request)
            let response: HTTPResponse
            do {
                response = try transport.send(request, bodyFile: call.bodyFile, timeout: deadline - clock.now())
            } catch {
                return .failure(error)
            }
            progress.response(response)
            guard [301, 302, 303, 307, 308].contains(response.status), hops < Self.maxRedirects,
                  let location = response.header("location"),
                  let next = URL(string: location.trimmingCharacters(in: .whitespaces), relativeTo: url)?.absoluteURL,
                  let scheme = next.scheme?.lowercased(), scheme == "http" || scheme == "https", next.host != nil
            else { return .success((response, request)) }
            if response.status == 303 || (response.status != 307 && response.status != 308 && method == "POST") {
                method = "GET"
                body = nil
            }
            url = next
            hops += 1
        }
    }
}
