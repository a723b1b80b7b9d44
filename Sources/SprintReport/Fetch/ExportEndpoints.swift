import Foundation

/// Where each call of the Sprint Export API goes and what it carries (docs/export-api.md):
/// the three URLs, their query, and the headers — the key only to the base URL's own origin.
public struct ExportEndpoints: Sendable {
    /// The base URL without a trailing slash; may hold a path prefix (`https://host/gateway`).
    public let base: URL
    let parameters: ExportParameters
    let key: APIKey

    /// Checks `baseURL`: http or https, a host, no user name or password, no query or fragment.
    public init(baseURL: String, parameters: ExportParameters, key: APIKey) throws(FetchError) {
        var text = baseURL.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("/") { text.removeLast() }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "https" || scheme == "http", let host = components.host, !host.isEmpty,
              let url = components.url else {
            throw FetchError("the base URL '\(ServerText.line(baseURL))' is not an http(s) URL with a host")
        }
        guard components.user == nil, components.password == nil else {
            throw FetchError("the base URL must not hold a user name or password (the key comes from \(APIKey.environmentVariable))")
        }
        guard components.query == nil, components.fragment == nil else {
            throw FetchError("the base URL must not have a query or fragment")
        }
        guard key.isValidHeaderValue else {
            throw FetchError("\(APIKey.environmentVariable) holds a control character or line break; it cannot be sent")
        }
        base = url
        self.parameters = parameters
        self.key = key
    }

    /// `POST {BASE_URL}/v2/insights/sprint/exports` (singular "sprint").
    public var createURL: URL { apiURL(path: "/v2/insights/sprint/exports") }

    /// `GET {BASE_URL}/v2/insights/sprints/exports/{exportId}` — the plural "sprints" of the
    /// poll path, as the API's docs write it (unlike the create path).
    public func pollURL(exportId: String) -> URL {
        apiURL(path: "/v2/insights/sprints/exports/" + Self.pathSegment(exportId))
    }

    /// The download URL of a poll answer: relative to the base URL (`/v2/…`, appended to it as
    /// the docs write `{BASE_URL}{download.url}`) or absolute. On the base URL's origin it gets
    /// the same query as every call; elsewhere (a signed URL on a storage host) it is used as
    /// given.
    public func downloadURL(_ text: String) throws(FetchError) -> URL {
        let given = text.trimmingCharacters(in: .whitespaces)
        let shown = ServerText.line(given)
        if let absolute = URLComponents(string: given), let scheme = absolute.scheme {
            guard ["http", "https"].contains(scheme.lowercased()), absolute.host?.isEmpty == false, let url = absolute.url else {
                throw FetchError("the download URL '\(shown)' is not an http(s) URL")
            }
            return isBaseOrigin(url) ? withQuery(url) : url
        }
        let path = given.hasPrefix("/") ? given : "/" + given
        guard !given.isEmpty, let url = URL(string: base.absoluteString + path) else {
            throw FetchError("the download URL '\(shown)' cannot be read")
        }
        return withQuery(url)
    }

    /// A request to `url`: JSON or file accepted, the body (if any) as JSON, and the key only
    /// when `url` is on the base URL's origin (scheme, host and port). A redirect to a signed
    /// download URL on a storage host, or an absolute download URL there, never receives it.
    func request(method: String, url: URL, body: Data? = nil, accept: String = "application/json") -> HTTPRequest {
        var headers: [(name: String, value: String)] = [("accept", accept)]
        if isBaseOrigin(url) { headers.append(("authorization", key.headerValue)) }
        if body != nil { headers.append(("content-type", "application/json")) }
        return HTTPRequest(method: method, url: url, headers: headers, body: body)
    }

    /// Same scheme, host and port (the default port of the scheme when none is written).
    public func isBaseOrigin(_ url: URL) -> Bool { Self.origin(url) == Self.origin(base) }

    static func origin(_ url: URL) -> String? {
        guard let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased() else { return nil }
        let port = url.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : -1)
        return "\(scheme)://\(host):\(port)"
    }

    private func apiURL(path: String) -> URL {
        // The base was checked to be a URL; appending a path of safe characters keeps it one.
        withQuery(URL(string: base.absoluteString + path) ?? base)
    }

    /// `url` with `projectIdentifier` and `orgIdentifier` added unless it already has them.
    private func withQuery(_ url: URL) -> URL {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url }
        let present = Set((components.queryItems ?? []).map(\.name))
        let added = parameters.queryItems.filter { !present.contains($0.name) }
            .map { "\($0.name)=\(Self.queryValue($0.value ?? ""))" }
        guard !added.isEmpty else { return url }
        components.percentEncodedQuery = ([components.percentEncodedQuery].compactMap { $0 } + added).joined(separator: "&")
        return components.url ?? url
    }

    /// Characters that stand for themselves in a query value or a path segment (RFC 3986
    /// "unreserved"); everything else is percent-encoded, `+`, `&` and `/` included.
    private static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func queryValue(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// An export id as one path segment: a `/` or `..` in it cannot reach another path.
    static func pathSegment(_ text: String) -> String {
        let encoded = text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
        return encoded == "." || encoded == ".." ? encoded.replacingOccurrences(of: ".", with: "%2E") : encoded
    }
}
