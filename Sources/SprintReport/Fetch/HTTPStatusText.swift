/// The reason phrase of an HTTP status, for messages such as `401 Unauthorized: Invalid API
/// key`. URLSession does not pass on the phrase the server sent, and a server's phrase is
/// untrusted text anyway: the standard phrase is written here.
enum HTTPStatusText {
    static func phrase(_ status: Int) -> String? {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 410: "Gone"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: nil
        }
    }

    /// `401 Unauthorized`, or `HTTP 418` for a status without a phrase here.
    static func status(_ status: Int) -> String {
        phrase(status).map { "\(status) \($0)" } ?? "HTTP \(status)"
    }
}
