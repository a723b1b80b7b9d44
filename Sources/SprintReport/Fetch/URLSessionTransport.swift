import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `HTTPTransport` over Foundation's `URLSession` (on Linux: FoundationNetworking, libcurl
/// underneath, part of the toolchain). Why this client and not AsyncHTTPClient, and what was
/// measured: docs/architecture.md#the-http-client-of-fetch.
///
/// - Redirects are never followed here: the task delegate answers every redirect with nil, so
///   the 3xx is the answer. (Left to itself, URLSession on Linux copies every header, the
///   `authorization` key included, onto a redirect to another host.)
/// - Proxies come from libcurl's own environment variables (`HTTPS_PROXY`/`https_proxy`,
///   `http_proxy`, `ALL_PROXY`, `NO_PROXY`); certificates from the system's CA store.
/// - No cookies, no cache: every answer comes from the server.
public struct URLSessionTransport: HTTPTransport {
    /// Bodies kept in memory (JSON answers, error pages) are cut at this size: enough for any
    /// answer of the API, bounded against a server that sends an endless page.
    static let memoryBodyLimit = 4 << 20

    /// A connection that sends nothing for this long is broken (an error worth retrying), even
    /// when the run's own deadline is further away.
    let idleTimeout: Double
    let userAgent: String

    public init(userAgent: String = SprintReportVersion.generator, idleTimeout: Double = 60) {
        self.userAgent = userAgent
        self.idleTimeout = idleTimeout
    }

    public func send(_ request: HTTPRequest, bodyFile: URL?, timeout: Double) throws(TransportError) -> HTTPResponse {
        guard timeout > 0 else { throw .timedOut }
        let transfer = Transfer(bodyFile: bodyFile)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.timeoutIntervalForRequest = idleTimeout
        let session = URLSession(configuration: configuration, delegate: transfer, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }

        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = idleTimeout
        urlRequest.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        urlRequest.httpBody = request.body

        let task = session.dataTask(with: urlRequest)
        task.resume()
        // Bounded so that DispatchTime cannot overflow; a run never waits a year.
        let wait = min(timeout, 365 * 24 * 3600)
        if transfer.finished.wait(timeout: .now() + wait) == .timedOut {
            task.cancel()
            transfer.finished.wait()
            throw .timedOut
        }
        return try transfer.result()
    }
}

/// The delegate of one request: collects the answer, streams a 2xx body into the body file.
private final class Transfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let finished = DispatchSemaphore(value: 0)
    private let bodyFile: URL?
    // Everything below is touched from URLSession's delegate queue (one serial queue per
    // session) and read after `finished` is signalled; the lock makes that explicit.
    private let lock = NSLock()
    private var response: HTTPURLResponse?
    private var body = Data()
    private var file: FileHandle?
    private var written: Int64 = 0
    private var failure: TransportError?

    init(bodyFile: URL?) { self.bodyFile = bodyFile }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        lock.withLock {
            self.response = response as? HTTPURLResponse
            if let bodyFile, let status = self.response?.statusCode, (200..<300).contains(status) {
                do {
                    guard FileManager.default.createFile(atPath: bodyFile.path, contents: nil) else {
                        throw CocoaError(.fileWriteUnknown)
                    }
                    file = try FileHandle(forWritingTo: bodyFile)
                } catch {
                    failure = .bodyFile("cannot create \(bodyFile.path): \(Self.reason(error))")
                }
            }
        }
        completionHandler(lock.withLock { failure == nil } ? .allow : .cancel)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let ok: Bool = lock.withLock {
            guard failure == nil else { return false }
            if let file {
                do {
                    try file.write(contentsOf: data)
                    written += Int64(data.count)
                } catch {
                    failure = .bodyFile("cannot write \(bodyFile?.path ?? "the download"): \(Self.reason(error))")
                    return false
                }
            } else if body.count < URLSessionTransport.memoryBodyLimit {
                body.append(data.prefix(URLSessionTransport.memoryBodyLimit - body.count))
            }
            return true
        }
        if !ok { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        lock.withLock {
            if let file {
                // Closing flushes: a full disk can show only here.
                do { try file.close() } catch {
                    if failure == nil {
                        failure = .bodyFile("cannot write \(bodyFile?.path ?? "the download"): \(Self.reason(error))")
                    }
                }
                self.file = nil
            }
            if let error, failure == nil { failure = .network(Self.reason(error)) }
        }
        finished.signal()
    }

    func result() throws(TransportError) -> HTTPResponse {
        let (response, body, written, failure) = lock.withLock { (self.response, self.body, self.written, self.failure) }
        if let failure { throw failure }
        guard let response else { throw .network("no answer") }
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
        }
        let toFile = bodyFile != nil && (200..<300).contains(response.statusCode)
        return HTTPResponse(status: response.statusCode, headers: headers, body: toFile ? Data() : body,
                            bytesWritten: toFile ? written : nil)
    }

    /// libcurl's own words where there are some ("transfer closed with 990 bytes remaining to
    /// read"), not Foundation's generic error text.
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let text = ns.userInfo[NSLocalizedDescriptionKey] as? String, !text.isEmpty { return text }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError,
           let text = underlying.userInfo[NSLocalizedDescriptionKey] as? String, !text.isEmpty { return text }
        return "\(ns.domain) error \(ns.code)"
    }
}
