/// Why a fetch stopped: one line for standard error, e.g. `401 Unauthorized: Invalid API key`,
/// `export exp_1 failed: Invalid orgTreeName`, `timed out after 300 s waiting for export exp_1
/// (last status PROCESSING)`. Server text in it is already cleaned (`ServerText`) and the key
/// redacted.
public struct FetchError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// The answer `response` as an error: its status and the server's own message.
    static func http(_ response: HTTPResponse, request: HTTPRequest) -> FetchError {
        let status = HTTPStatusText.status(response.status)
        if let message = ServerText.message(in: response) { return FetchError("\(status): \(message)") }
        return FetchError("\(status) from \(request.method) \(request.url.path)")
    }
}
