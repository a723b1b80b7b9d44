import Foundation

/// What a fetch says on standard error while it runs.
///
/// - `.lines` (standard error is not a terminal: a CI log): one line per event and per change
///   of the job's status, with the elapsed time — never a line per poll.
/// - `.terminal`: the same events, and the status on one line rewritten in place as the
///   elapsed time grows.
/// - `.quiet`: nothing.
///
/// With `verbose`, every request and answer is shown too (method, URL, headers — the key's
/// header as `ApiKey [SEI_API_KEY]` — and the answer's status and size). Everything passes
/// through `APIKey.redact` before it is written.
public final class FetchProgress: @unchecked Sendable {
    public enum Style: Sendable { case quiet, lines, terminal }

    public let style: Style
    public let verbose: Bool
    private let key: APIKey?
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    /// The status line a terminal shows at the bottom, without its elapsed time.
    private var statusLine: String?
    private var lastStatus: String?
    private var lastElapsed: Double = 0

    public init(style: Style, verbose: Bool = false, key: APIKey?, write: @escaping @Sendable (String) -> Void) {
        self.style = style
        self.verbose = verbose && style != .quiet
        self.key = key
        self.write = write
    }

    /// Standard error, in the style its kind asks for.
    public static func standardError(quiet: Bool, verbose: Bool, key: APIKey?) -> FetchProgress {
        let style: Style = quiet ? .quiet : isatty(2) == 1 ? .terminal : .lines
        // Errors ignored: progress is not worth failing (or trapping) over.
        return FetchProgress(style: style, verbose: verbose, key: key) { Descriptor.writeAll(2, $0) }
    }

    /// A line about something that happened (created, retrying, downloaded).
    public func event(_ text: String) {
        guard style != .quiet else { return }
        emit(text)
    }

    /// The job's status as of `elapsed` seconds into the run. Written when it changes (and,
    /// on a terminal, its elapsed time kept current by `tick`).
    func status(exportId: String, status: String, elapsed: Double) {
        guard style != .quiet else { return }
        let line = "export \(exportId): \(status)"
        let changed: Bool = lock.withLock {
            defer { lastStatus = line }
            return lastStatus != line
        }
        switch style {
        case .quiet: return
        case .lines: if changed { emit("\(line) (\(Self.seconds(elapsed)))") }
        case .terminal:
            lock.withLock { statusLine = line }
            redraw(elapsed: elapsed)
        }
    }

    /// On a terminal: the status line's elapsed time brought up to date.
    func tick(elapsed: Double) {
        if style == .terminal { redraw(elapsed: elapsed) }
    }

    /// A request about to be sent (verbose only). The key's header is shown without the key.
    func request(_ request: HTTPRequest) {
        guard verbose else { return }
        var lines = ["> \(request.method) \(request.url.absoluteString)"]
        for (name, value) in request.headers {
            lines.append("> \(name): " + (name.lowercased() == "authorization" ? "ApiKey [\(APIKey.environmentVariable)]" : value))
        }
        if let body = request.body { lines.append("> " + String(decoding: body, as: UTF8.self)) }
        emit(lines.map(ServerText.line).joined(separator: "\n"))
    }

    /// An answer (verbose only).
    func response(_ response: HTTPResponse) {
        guard verbose else { return }
        let size = response.bytesWritten.map { "\($0) bytes to file" } ?? "\(response.body.count) bytes"
        var line = "< \(HTTPStatusText.status(response.status)) (\(size))"
        if let location = response.header("location") { line += " location: \(location)" }
        emit(ServerText.line(line))
    }

    /// Ends a terminal's status line so that what follows starts on a line of its own.
    public func finish() {
        guard style == .terminal else { return }
        let had: Bool = lock.withLock {
            defer { statusLine = nil }
            return statusLine != nil
        }
        if had { write("\n") }
    }

    private func emit(_ text: String) {
        let text = key?.redact(text) ?? text
        if style == .terminal, lock.withLock({ statusLine }) != nil {
            // The event goes above the status line, which is then drawn again below it.
            write("\r\u{1B}[K" + text + "\n")
            redraw(elapsed: lock.withLock { lastElapsed })
        } else {
            write(text + "\n")
        }
    }

    private func redraw(elapsed: Double) {
        guard let line = lock.withLock({ () -> String? in
            lastElapsed = elapsed
            return statusLine
        }) else { return }
        let text = key?.redact(line) ?? line
        write("\r\u{1B}[K\(text) (\(Self.seconds(elapsed)))")
    }

    /// Whole seconds: `42 s`.
    static func seconds(_ value: Double) -> String {
        guard value.isFinite, value >= 0 else { return "0 s" }
        return "\(Int(min(value, 1e9).rounded(.down))) s"
    }
}
