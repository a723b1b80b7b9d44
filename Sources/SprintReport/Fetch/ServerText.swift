import Foundation

/// Text that came from the server (error messages, statuses, export ids), made fit for one
/// line of a terminal or a CI log. The server is not trusted: its text could hold escape
/// sequences that rewrite the terminal, line breaks that forge log lines, or pages of HTML.
enum ServerText {
    /// At most this many characters of a server's message are shown.
    static let limit = 300

    /// `text` on one line: control characters (escape sequences included) become spaces,
    /// runs of white space one space, trimmed, cut to `limit` characters.
    static func line(_ text: String) -> String {
        var out = ""
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || scalar.properties.generalCategory == .format && scalar.value != 0x200D
            if isControl || scalar.properties.isWhitespace {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        if out.hasSuffix(" ") { out.removeLast() }
        if out.count > limit { out = String(out.prefix(limit - 1)) + "…" }
        return out
    }

    /// The server's own message in an error answer, if it gave one: the JSON fields `message`,
    /// `error` (a string, or an object with a `message`), `detail`; else a short plain-text
    /// body. HTML pages and other bodies give nil (their markup is no message).
    static func message(in response: HTTPResponse) -> String? {
        let body = response.body
        guard !body.isEmpty else { return nil }
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            return message(in: object)
        }
        let type = response.header("content-type")?.lowercased() ?? ""
        guard type.isEmpty || type.hasPrefix("text/plain"), body.count <= 4096,
              let text = String(data: body, encoding: .utf8) else { return nil }
        let cleaned = line(text)
        return cleaned.isEmpty || cleaned.hasPrefix("<") ? nil : cleaned
    }

    /// The message fields of a JSON answer, in the order the API's documents use them.
    static func message(in object: [String: Any]) -> String? {
        var candidates: [Any?] = [object["error"], object["message"], object["detail"], object["errorMessage"]]
        if let nested = object["error"] as? [String: Any] { candidates.insert(nested["message"], at: 0) }
        for case let text as String in candidates.compactMap({ $0 }) {
            let cleaned = line(text)
            if !cleaned.isEmpty { return cleaned }
        }
        return nil
    }
}
