import Foundation

/// One HTTP request as the fetch sends it. Headers are in the order they are sent.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [(name: String, value: String)]
    public var body: Data?

    public init(method: String, url: URL, headers: [(name: String, value: String)] = [], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The value of header `name` (case-insensitive), if sent.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// One HTTP answer. `body` holds the answer's bytes unless they went to a file.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names in lower case.
    public var headers: [String: String]
    public var body: Data
    /// Bytes written to the body file, when the request named one and the answer was a 2xx.
    public var bytesWritten: Int64?

    public init(status: Int, headers: [String: String] = [:], body: Data = Data(), bytesWritten: Int64? = nil) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        self.body = body
        self.bytesWritten = bytesWritten
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Why a request got no HTTP answer.
public enum TransportError: Error, Sendable, Equatable {
    /// The connection failed or broke (refused, reset, DNS, TLS, a body cut short): worth
    /// retrying.
    case network(String)
    /// No complete answer before the deadline the caller gave.
    case timedOut
    /// The body file could not be written (a full disk): not worth retrying.
    case bodyFile(String)
}

/// Sends HTTP requests. Implementations never follow redirects: a 3xx comes back as the
/// answer, so that `ExportClient` decides where the next request goes and whether it may
/// carry the key.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and waits for the whole answer, at most `timeout` seconds.
    ///
    /// With `bodyFile`, the body of a 2xx answer is streamed into that file (created or
    /// truncated) rather than kept in memory; any other answer's body stays in `body` (it
    /// holds the server's error message).
    func send(_ request: HTTPRequest, bodyFile: URL?, timeout: Double) throws(TransportError) -> HTTPResponse
}
