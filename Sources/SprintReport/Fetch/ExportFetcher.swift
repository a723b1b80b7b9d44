import Foundation

/// The asynchronous export, driven to its end: create the job (or take the existing one the
/// server names), poll it with a growing interval until it is completed, failed or the run's
/// time is up, then download its file (docs/export-api.md).
public struct ExportFetcher {
    /// How polling slows down: first after `first` seconds, each wait `growth` times the last,
    /// never more than `longest`.
    public struct PollSchedule: Sendable {
        public var first: Double = 2
        public var growth: Double = 1.5
        public var longest: Double = 30
        public init() {}
    }

    /// What the fetch got: the job and the downloaded file's size.
    public struct Outcome: Sendable {
        public var exportId: String
        /// True when the server answered `200` with an identical job of the last 30 minutes.
        public var reusedExisting: Bool
        public var bytes: Int64
        public var downloadURL: URL
    }

    let endpoints: ExportEndpoints
    let transport: any HTTPTransport
    let clock: any FetchClock
    let progress: FetchProgress
    let retry: RetryPolicy
    let poll: PollSchedule
    /// The whole run's limit in seconds (`--timeout`), as written in messages.
    let timeout: Int

    public init(endpoints: ExportEndpoints, transport: any HTTPTransport = URLSessionTransport(),
                clock: any FetchClock = SystemClock(), progress: FetchProgress, retry: RetryPolicy = RetryPolicy(),
                poll: PollSchedule = PollSchedule(), timeout: Int) {
        self.endpoints = endpoints
        self.transport = transport
        self.clock = clock
        self.progress = progress
        self.retry = retry
        self.poll = poll
        self.timeout = timeout
    }

    /// Runs create → poll → download, the file's bytes going to `file` (created or truncated;
    /// checking it is the caller's part, `DownloadTarget`).
    public func run(downloadTo file: URL) throws(FetchError) -> Outcome {
        let client = ExportClient(endpoints: endpoints, transport: transport, retry: retry, clock: clock,
                                  progress: progress, deadline: clock.now() + Double(timeout))
        let (exportId, reused) = try create(client)
        let url = try waitForDownload(client, exportId: exportId)
        let shownId = ServerText.line(exportId)
        progress.event("downloading export \(shownId)")
        let response = try client.perform(ExportClient.Call(
            method: "GET", url: url, accept: "*/*", bodyFile: file, what: "downloading export \(shownId)",
            timeoutMessage: "timed out after \(timeout) s downloading export \(shownId)"))
        return Outcome(exportId: shownId, reusedExisting: reused, bytes: response.bytesWritten ?? 0, downloadURL: url)
    }

    /// `POST …/sprint/exports`: `202` creates a job; `200` names an identical one created in
    /// the last 30 minutes, used as is (no second job).
    private func create(_ client: ExportClient) throws(FetchError) -> (String, Bool) {
        let response = try client.perform(ExportClient.Call(
            method: "POST", url: endpoints.createURL, body: endpoints.parameters.jsonBody(), what: "creating the export",
            timeoutMessage: "timed out after \(timeout) s creating the export"))
        let answer = try Self.object(response, what: "the create answer")
        guard let rawId = answer["exportId"] as? String, !ServerText.line(rawId).isEmpty else {
            throw FetchError("the create answer (\(HTTPStatusText.status(response.status))) has no exportId")
        }
        let exportId = ServerText.line(rawId)
        let reused = response.status == 200
        if reused {
            let note = (answer["message"] as? String).map { ": " + ServerText.line($0) } ?? ""
            progress.event("using existing export \(exportId)\(note)")
        } else {
            progress.event("export \(exportId) created")
        }
        // The id as the server wrote it goes into the poll path (percent-encoded there);
        // the cleaned one is only for messages.
        return (rawId, reused)
    }

    /// Polls until the job is completed (its download URL), failed or cancelled (the server's
    /// error), or the deadline passes.
    private func waitForDownload(_ client: ExportClient, exportId: String) throws(FetchError) -> URL {
        let shownId = ServerText.line(exportId)
        var lastStatus = "unknown"
        var interval = poll.first
        while true {
            let response = try client.perform(ExportClient.Call(
                method: "GET", url: endpoints.pollURL(exportId: exportId), what: "polling export \(shownId)",
                timeoutMessage: "timed out after \(timeout) s waiting for export \(shownId) (last status \(lastStatus))"))
            let answer = try Self.object(response, what: "the answer about export \(shownId)")
            guard let raw = answer["status"] as? String, !ServerText.line(raw).isEmpty else {
                throw FetchError("the answer about export \(shownId) has no status")
            }
            // Compared case-insensitively: the docs write QUEUED and queued alike.
            let status = ServerText.line(raw).uppercased()
            lastStatus = status
            progress.status(exportId: shownId, status: status, elapsed: clock.now())
            switch status {
            case "COMPLETED":
                progress.finish()
                guard let link = Self.downloadLink(answer) else {
                    throw FetchError("export \(shownId) is COMPLETED but its answer names no download URL")
                }
                return try endpoints.downloadURL(link)
            case "FAILED", "CANCELLED", "CANCELED":
                progress.finish()
                let verb = status == "FAILED" ? "failed" : "was cancelled"
                let reason = ServerText.message(in: answer).map { ": \($0)" } ?? " (the server gave no reason)"
                throw FetchError("export \(shownId) \(verb)\(reason)")
            default:
                // QUEUED, PROCESSING, or a status this client does not know: keep waiting.
                break
            }
            let remaining = client.deadline - clock.now()
            guard remaining > 0 else {
                progress.finish()
                throw FetchError("timed out after \(timeout) s waiting for export \(shownId) (last status \(status))")
            }
            wait(min(interval, remaining))
            interval = min(interval * poll.growth, poll.longest)
        }
    }

    /// Waits, keeping a terminal's elapsed time current once a second.
    private func wait(_ seconds: Double) {
        guard progress.style == .terminal else { return clock.sleep(seconds) }
        var left = seconds
        while left > 0 {
            let step = min(left, 1)
            clock.sleep(step)
            left -= step
            progress.tick(elapsed: clock.now())
        }
    }

    /// `download.url`, or the flat `downloadUrl` other export types answer with.
    static func downloadLink(_ answer: [String: Any]) -> String? {
        if let download = answer["download"] as? [String: Any], let url = download["url"] as? String, !url.isEmpty {
            return url
        }
        if let url = answer["downloadUrl"] as? String, !url.isEmpty { return url }
        return nil
    }

    /// A JSON object answer, or an error naming what it should have been.
    static func object(_ response: HTTPResponse, what: String) throws(FetchError) -> [String: Any] {
        guard let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] else {
            throw FetchError("\(what) (\(HTTPStatusText.status(response.status))) is not a JSON object")
        }
        return object
    }
}
