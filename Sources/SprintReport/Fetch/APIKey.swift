import Foundation

/// The Sprint Export API key, taken from the environment and never shown.
///
/// The value is reachable only through `headerValue`, which `ExportEndpoints` uses to build
/// the `authorization` header of requests to the base URL's own origin. Everything that turns
/// a value into text — `print`, string interpolation, `dump`, `debugPrint`, a crash report
/// that mirrors a value — sees `APIKey(not shown)`. `redact(_:)` removes the key from any text
/// that came from elsewhere (a server that echoes it in an error, a libcurl message) before
/// that text is printed.
public struct APIKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The environment variable the key is read from. Never a command-line option: options
    /// show in the process list and in CI logs.
    public static let environmentVariable = "SEI_API_KEY"

    private let secret: String

    /// The key from `environment`, or nil when the variable is unset, empty or only white space.
    public init?(environment: [String: String]) {
        guard let raw = environment[Self.environmentVariable] else { return nil }
        self.init(raw)
    }

    /// A key given directly (tests); nil when empty or only white space.
    public init?(_ raw: String) {
        // A trailing newline is the usual left-over of `export SEI_API_KEY=$(cat file)`;
        // it would make an invalid header line.
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        secret = trimmed
    }

    /// The `authorization` header's value.
    var headerValue: String { "ApiKey \(secret)" }

    /// Whether the key can be sent in a header at all (no line breaks or control characters,
    /// which would let the value split the request).
    var isValidHeaderValue: Bool {
        secret.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
    }

    /// `text` with every occurrence of the key replaced.
    public func redact(_ text: String) -> String {
        text.contains(secret) ? text.replacingOccurrences(of: secret, with: "[SEI_API_KEY]") : text
    }

    public var description: String { "APIKey(not shown)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
