#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the build cannot write its output, in words: one line, naming the path the user gave
/// (never a staging name), for `sprint-report: error: …`.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "error: \(message)" }

    /// "cannot write out/site: no space left on device": `what` and the system's reason.
    static func system(_ what: String, errno code: Int32) -> OutputError {
        OutputError("\(what): \(reason(code))")
    }

    /// The C library's text for `code`, starting lower-case to read as part of a sentence.
    static func reason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        let s = String(cString: text)
        guard let first = s.first else { return "error \(code)" }
        // "No space left on device" → "no space left on device"; keep acronyms ("I/O error").
        let second = s.dropFirst().first
        if let second, second.isUppercase || second == "/" { return s }
        return first.lowercased() + s.dropFirst()
    }
}
