import Foundation
import Testing
@testable import SprintReport

/// The pieces of `fetch` on their own: retry policy, URLs and headers, server text, the key's
/// redaction, the request body, and the state machine against a scripted transport.
@Suite("fetch pieces")
struct FetchUnitTests {
    static let key = APIKey("unit-secret-key")!
    static let parameters = ExportParameters(
        project: "proj 1", org: "org/1", scope: .orgTree("Engineering"),
        from: Day(iso: "2026-01-01")!, to: Day(iso: "2026-03-31")!)

    static func endpoints(_ base: String = "https://api.example.com/gateway/") throws(FetchError) -> ExportEndpoints {
        try ExportEndpoints(baseURL: base, parameters: parameters, key: key)
    }

    // MARK: retry policy

    @Test func backoffDoublesWithinItsJitterAndIsCapped() {
        let p = RetryPolicy(maxRetries: 5, baseDelay: 1, maxDelay: 10)
        #expect(p.backoff(retry: 1, jitter: 1) == 1)
        #expect(p.backoff(retry: 1, jitter: 0) == 0.5)
        #expect(p.backoff(retry: 3, jitter: 1) == 4)
        #expect(p.backoff(retry: 3, jitter: 0) == 2)
        #expect(p.backoff(retry: 10, jitter: 1) == 10)
        #expect(p.backoff(retry: 1_000, jitter: 0.5) == 7.5)
    }

    @Test func onlyRateLimitsAndServerErrorsAreRetried() {
        #expect([429, 500, 502, 503, 504, 599].allSatisfy(RetryPolicy.isRetryable))
        #expect(![400, 401, 403, 404, 409, 422, 200, 302].contains(where: RetryPolicy.isRetryable))
    }

    @Test func retryAfterInSecondsOrAsAnHTTPDate() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)  // Tue, 14 Nov 2023 22:13:20 GMT
        #expect(RetryPolicy.retryAfter("120", now: now) == 120)
        #expect(RetryPolicy.retryAfter(" 0 ", now: now) == 0)
        #expect(RetryPolicy.retryAfter("Tue, 14 Nov 2023 22:13:50 GMT", now: now) == 30)
        #expect(RetryPolicy.retryAfter("Tuesday, 14-Nov-23 22:14:20 GMT", now: now) == 60)
        #expect(RetryPolicy.retryAfter("Tue Nov 14 22:13:25 2023", now: now) == 5)
        #expect(RetryPolicy.retryAfter("Mon, 13 Nov 2023 22:13:20 GMT", now: now) == 0)
        #expect(RetryPolicy.retryAfter("soon", now: now) == nil)
        #expect(RetryPolicy.retryAfter("-5", now: now) == nil)
        #expect(RetryPolicy.retryAfter(nil, now: now) == nil)
        #expect(RetryPolicy.retryAfter("99999999999999999999999", now: now) == 1e9)
    }

    // MARK: endpoints

    @Test func pathsQueryAndBasePrefix() throws {
        let e = try Self.endpoints()
        #expect(e.createURL.absoluteString
            == "https://api.example.com/gateway/v2/insights/sprint/exports?projectIdentifier=proj%201&orgIdentifier=org%2F1")
        #expect(e.pollURL(exportId: "exp_7a").absoluteString
            == "https://api.example.com/gateway/v2/insights/sprints/exports/exp_7a?projectIdentifier=proj%201&orgIdentifier=org%2F1")
        // An id cannot climb out of its path segment.
        #expect(e.pollURL(exportId: "../x/y").absoluteString.contains("/sprints/exports/..%2Fx%2Fy?"))
        #expect(ExportEndpoints.pathSegment("..") == "%2E%2E")
    }

    @Test func downloadURLsRelativeOrAbsolute() throws {
        let e = try Self.endpoints()
        let q = "projectIdentifier=proj%201&orgIdentifier=org%2F1"
        #expect(try e.downloadURL("/v2/insights/sprints/exports/exp_1/download").absoluteString
            == "https://api.example.com/gateway/v2/insights/sprints/exports/exp_1/download?\(q)")
        #expect(try e.downloadURL("v2/x").absoluteString == "https://api.example.com/gateway/v2/x?\(q)")
        #expect(try e.downloadURL("https://API.example.com:443/gateway/file?a=1").absoluteString
            == "https://API.example.com:443/gateway/file?a=1&\(q)")
        #expect(try e.downloadURL("https://storage.example.net/b/f.csv.gz?X-Sig=abc").absoluteString
            == "https://storage.example.net/b/f.csv.gz?X-Sig=abc")
        #expect(throws: FetchError.self) { try e.downloadURL("ftp://x/y") }
        #expect(throws: FetchError.self) { try e.downloadURL("") }
    }

    @Test func theKeyGoesOnlyToTheBaseOrigin() throws {
        let e = try Self.endpoints("http://127.0.0.1:8080")
        func auth(_ url: String) -> String? {
            e.request(method: "GET", url: URL(string: url)!).header("authorization")
        }
        #expect(auth("http://127.0.0.1:8080/v2/x") == "ApiKey unit-secret-key")
        #expect(auth("http://127.0.0.1:8081/v2/x") == nil)
        #expect(auth("http://localhost:8080/v2/x") == nil)
        #expect(auth("https://127.0.0.1:8080/v2/x") == nil)
        let https = try Self.endpoints("https://api.example.com")
        #expect(https.isBaseOrigin(URL(string: "https://API.EXAMPLE.COM:443/x")!))
        #expect(!https.isBaseOrigin(URL(string: "https://api.example.com.evil.net/x")!))
    }

    @Test(arguments: ["ftp://x", "api.example.com", "https://", "https://user:pw@api.example.com", "https://api.example.com?x=1",
                      "https://api.example.com/#frag"])
    func badBaseURLsAreRefused(base: String) {
        #expect(throws: FetchError.self) { try Self.endpoints(base) }
    }

    @Test func aKeyWithALineBreakInsideIsRefused() {
        let k = APIKey("abc\r\nX-Injected: 1")!
        #expect(throws: FetchError.self) { try ExportEndpoints(baseURL: "https://a.example", parameters: Self.parameters, key: k) }
    }

    // MARK: the key

    @Test func theKeyIsNeverTurnedIntoText() {
        let k = Self.key
        var dumped = ""
        dump(k, to: &dumped)
        for text in ["\(k)", String(describing: k), String(reflecting: k), dumped, "\([k])"] {
            #expect(!text.contains("unit-secret-key"), "\(text)")
        }
        #expect(k.redact("bad key unit-secret-key!") == "bad key [SEI_API_KEY]!")
        #expect(APIKey("") == nil)
        #expect(APIKey(" \n\t") == nil)
        #expect(APIKey(environment: [:]) == nil)
        #expect(APIKey(environment: ["SEI_API_KEY": "k\n"])?.headerValue == "ApiKey k")
    }

    // MARK: server text

    @Test func serverTextBecomesOneSafeLine() {
        #expect(ServerText.line("bad\u{1B}[31m red\r\nforged: line\t ") == "bad [31m red forged: line")
        #expect(ServerText.line("a\u{202E}b") == "a b")
        #expect(ServerText.line(String(repeating: "x", count: 1000)).count == ServerText.limit)
    }

    @Test func serverMessagesFromJSONOrPlainText() {
        func message(_ body: String, type: String = "application/json") -> String? {
            ServerText.message(in: HTTPResponse(status: 400, headers: ["Content-Type": type], body: Data(body.utf8)))
        }
        #expect(message(#"{"message":"Invalid API key"}"#) == "Invalid API key")
        #expect(message(#"{"error":"Invalid teamId","message":"Export failed"}"#) == "Invalid teamId")
        #expect(message(#"{"error":{"code":7,"message":"nested"}}"#) == "nested")
        #expect(message(#"{"detail":"  spaced\nout "}"#) == "spaced out")
        #expect(message("plain words", type: "text/plain") == "plain words")
        #expect(message("<html><body>Bad gateway</body></html>", type: "text/html") == nil)
        #expect(message("<html>x</html>", type: "") == nil)
        #expect(message("") == nil)
    }

    @Test func httpErrorsReadAsStatusAndMessage() {
        let request = HTTPRequest(method: "GET", url: URL(string: "https://a.example/v2/x?y=1")!)
        #expect(FetchError.http(HTTPResponse(status: 401, body: Data(#"{"message":"Invalid API key"}"#.utf8)), request: request).message
            == "401 Unauthorized: Invalid API key")
        #expect(FetchError.http(HTTPResponse(status: 404), request: request).message == "404 Not Found from GET /v2/x")
        #expect(FetchError.http(HTTPResponse(status: 418), request: request).message == "HTTP 418 from GET /v2/x")
    }

    // MARK: the request body

    @Test func createBodyIsSortedAndLeavesOutWhatWasNotGiven() {
        // (Foundation writes `/` as `\/`, which JSON allows.)
        #expect(String(decoding: Self.parameters.jsonBody(), as: UTF8.self) == #"{"dateRange":{"end":"2026-03-31","start":"2026-01-01"},"#
            + #""options":{"granularity":"MONTHLY"},"scope":{"orgIdentifier":"org\/1","orgTreeName":"Engineering","projectIdentifier":"proj 1"}}"#)
        var p = Self.parameters
        p.scope = .team("t1")
        p.level = .sprint
        p.mode = .tickets
        p.metricGroups = [.delivery, .work, .delivery]
        let o = try? JSONSerialization.jsonObject(with: p.jsonBody()) as? [String: Any]
        #expect(o?["metricGroups"] as? [String] == ["delivery", "work"])
        #expect(o?["options"] as? [String: String] == ["granularity": "MONTHLY", "metricLevel": "sprint", "computationMode": "TICKETS"])
        #expect((o?["scope"] as? [String: String])?["teamId"] == "t1")
        #expect((o?["scope"] as? [String: String])?["orgTreeName"] == nil)
    }

    // MARK: the state machine, against a scripted transport

    /// Answers requests from a script, in order, and remembers them.
    final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var answers: [Result<HTTPResponse, TransportError>]
        private(set) var seen: [HTTPRequest] = []
        init(_ answers: [Result<HTTPResponse, TransportError>]) { self.answers = answers }
        func send(_ request: HTTPRequest, bodyFile: URL?, timeout: Double) throws(TransportError) -> HTTPResponse {
            let next: Result<HTTPResponse, TransportError> = lock.withLock {
                seen.append(request)
                return answers.isEmpty ? .failure(.network("script ran out")) : answers.removeFirst()
            }
            let response = try next.get()
            if let bodyFile, (200..<300).contains(response.status) {
                try? response.body.write(to: bodyFile)
                return HTTPResponse(status: response.status, headers: response.headers, bytesWritten: Int64(response.body.count))
            }
            return response
        }
    }

    static func json(_ status: Int, _ text: String, headers: [String: String] = [:]) -> Result<HTTPResponse, TransportError> {
        .success(HTTPResponse(status: status, headers: headers, body: Data(text.utf8)))
    }

    static func run(_ transport: ScriptedTransport, base: String = "https://api.example.com",
                    timeout: Int = 600) throws(FetchError) -> (ExportFetcher.Outcome, [String]) {
        let lines = LineSink()
        let progress = FetchProgress(style: .lines, key: key) { lines.append($0) }
        let fetcher = ExportFetcher(endpoints: try endpoints(base), transport: transport, clock: SimulatedClock(),
                                    progress: progress, timeout: timeout)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fetch-unit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        return (try fetcher.run(downloadTo: file), lines.lines)
    }

    final class LineSink: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ s: String) { lock.withLock { text += s } }
        var lines: [String] { lock.withLock { text.split(separator: "\n").map(String.init) } }
    }

    @Test func unknownStatusesKeepTheWaitGoing() throws {
        let t = ScriptedTransport([
            Self.json(202, #"{"exportId":"exp_1"}"#),
            Self.json(200, #"{"status":"RUNNING"}"#),
            Self.json(200, #"{"status":"completed","download":{"url":"/v2/f"}}"#),
            Self.json(200, "a,b\n1,2\n"),
        ])
        let (outcome, lines) = try Self.run(t)
        #expect(outcome.exportId == "exp_1" && !outcome.reusedExisting && outcome.bytes == 8)
        #expect(lines.map { $0.components(separatedBy: " (").first ?? "" }.contains("export exp_1: RUNNING"))
        #expect(t.seen.map(\.url.path) == ["/v2/insights/sprint/exports", "/v2/insights/sprints/exports/exp_1",
                                           "/v2/insights/sprints/exports/exp_1", "/v2/f"])
    }

    @Test func completedWithoutADownloadURLIsAnError() {
        let t = ScriptedTransport([Self.json(202, #"{"exportId":"exp_1"}"#), Self.json(200, #"{"status":"COMPLETED"}"#)])
        #expect { try Self.run(t) } throws: { ($0 as? FetchError)?.message == "export exp_1 is COMPLETED but its answer names no download URL" }
    }

    @Test func cancelledJobAndMissingExportId() {
        let cancelled = ScriptedTransport([Self.json(202, #"{"exportId":"exp_1"}"#), Self.json(200, #"{"status":"cancelled"}"#)])
        #expect { try Self.run(cancelled) } throws: {
            ($0 as? FetchError)?.message == "export exp_1 was cancelled (the server gave no reason)"
        }
        let noId = ScriptedTransport([Self.json(202, #"{"message":"ok"}"#)])
        #expect { try Self.run(noId) } throws: { ($0 as? FetchError)?.message == "the create answer (202 Accepted) has no exportId" }
        let notJSON = ScriptedTransport([Self.json(202, "<html>")])
        #expect { try Self.run(notJSON) } throws: { ($0 as? FetchError)?.message == "the create answer (202 Accepted) is not a JSON object" }
    }

    @Test func aRedirectedPostKeepsItsBodyOn307AndBecomesAGetOn303() throws {
        let t = ScriptedTransport([
            Self.json(307, "", headers: ["Location": "/v2/insights/sprint/exports2"]),
            Self.json(303, "", headers: ["Location": "https://api.example.com/created/exp_1"]),
            Self.json(200, #"{"exportId":"exp_1"}"#),
            Self.json(200, #"{"status":"COMPLETED","downloadUrl":"https://files.example.net/f?sig=1"}"#),
            Self.json(302, "", headers: ["Location": "https://api.example.com/back-home"]),
            Self.json(200, "a,b\n1,2\n"),
        ])
        _ = try Self.run(t)
        #expect(t.seen.map(\.method) == ["POST", "POST", "GET", "GET", "GET", "GET"])
        #expect(t.seen[1].body == Self.parameters.jsonBody())
        #expect(t.seen[2].body == nil)
        // files.example.net gets no key; the redirect back to the API's own origin does.
        #expect(t.seen.map { $0.header("authorization") != nil } == [true, true, true, true, false, true])
    }

    @Test func redirectLoopsEnd() {
        // The POST's 302 turns into a GET (as browsers and curl do), which loops on.
        let loop = (0...ExportClient.maxRedirects).map { _ in Self.json(302, "", headers: ["Location": "/again"]) }
        let t = ScriptedTransport(loop)
        #expect { try Self.run(t) } throws: { ($0 as? FetchError)?.message == "302 Found from GET /again" }
        #expect(t.seen.count == ExportClient.maxRedirects + 1)
    }

    @Test func aRetryAfterPastTheDeadlineEndsTheRunAtOnce() {
        let t = ScriptedTransport([Self.json(429, #"{"message":"slow down"}"#, headers: ["Retry-After": "3600"])])
        #expect { try Self.run(t, timeout: 60) } throws: {
            ($0 as? FetchError)?.message == "timed out after 60 s creating the export (last answer: 429 Too Many Requests: slow down)"
        }
        #expect(t.seen.count == 1)
    }

    @Test func networkErrorsAreRetriedThenReported() {
        let t = ScriptedTransport(Array(repeating: .failure(.network("Connection refused")), count: 6))
        #expect { try Self.run(t) } throws: {
            ($0 as? FetchError)?.message == "Connection refused (creating the export; gave up after 6 attempts)"
        }
        #expect(t.seen.count == 6)
    }

    // MARK: progress

    @Test func progressWritesOneLinePerChangeAndNothingWhenQuiet() {
        let sink = LineSink()
        let p = FetchProgress(style: .lines, key: Self.key) { sink.append($0) }
        p.status(exportId: "e", status: "QUEUED", elapsed: 0.2)
        p.status(exportId: "e", status: "QUEUED", elapsed: 3)
        p.status(exportId: "e", status: "PROCESSING", elapsed: 5.9)
        p.event("note unit-secret-key")
        #expect(sink.lines == ["export e: QUEUED (0 s)", "export e: PROCESSING (5 s)", "note [SEI_API_KEY]"])
        let quiet = LineSink()
        let q = FetchProgress(style: .quiet, verbose: true, key: Self.key) { quiet.append($0) }
        q.status(exportId: "e", status: "QUEUED", elapsed: 0)
        q.event("x")
        q.request(HTTPRequest(method: "GET", url: URL(string: "https://a.example")!))
        #expect(quiet.lines.isEmpty)
    }

    @Test func aTerminalGetsOneStatusLineRewrittenInPlace() {
        let sink = LineSink()
        let p = FetchProgress(style: .terminal, key: nil) { sink.append($0) }
        p.status(exportId: "e", status: "QUEUED", elapsed: 1)
        p.tick(elapsed: 2)
        p.finish()
        #expect(sink.lines == ["\r\u{1B}[Kexport e: QUEUED (1 s)\r\u{1B}[Kexport e: QUEUED (2 s)"])
    }
}
