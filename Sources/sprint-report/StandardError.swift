import Foundation
import SprintReport

/// The one way the command line writes to standard error: `Descriptor.writeAll`, a failure
/// ignored. `FileHandle.standardError.write` traps when the write fails (`2>/dev/full`,
/// a closed pipe); a message that cannot be shown must never turn an exit status into a crash.
enum StandardError {
    static func write(_ text: String) {
        Descriptor.writeAll(2, text)  // a failure is ignored: there is nowhere left to say it
    }

    /// `sprint-report: error: MESSAGE`, one line.
    static func error(_ message: String) {
        write("sprint-report: error: \(oneLine(message))\n")
    }

    /// The line for any error a command lets through: the library's own errors as they are
    /// (`FILE:LINE: error: …` for input, templates and band files), anything else in words.
    static func report(_ error: Error) {
        switch error {
        case let e as InputErrors: write(e.description + "\n")
        case let e as InputError: write(e.description + "\n")
        case let e as TemplateError: write(oneLine(e.description) + "\n")
        case let e as OutputError: self.error(e.message)
        default: self.error(words(error))
        }
    }

    /// A Foundation error as "PATH: reason" (its POSIX cause when it has one) instead of
    /// `Error Domain=NSCocoaErrorDomain Code=…`.
    static func words(_ error: Error) -> String {
        let ns = error as NSError
        let path = ns.userInfo[NSFilePathErrorKey] as? String ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        var reason: String?
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(underlying.code)))
        } else if ns.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(ns.code)))
        }
        switch (path, reason) {
        case let (p?, r?): return "\(p): \(r)"
        case let (nil, r?): return r
        case let (p?, nil): return "\(p): \(ns.localizedDescription)"
        default: return ns.domain == "Foundation._GenericObjCError" || ns.domain.isEmpty
            ? String(describing: error) : ns.localizedDescription
        }
    }

    /// Newlines and other control characters become spaces; at most 400 characters.
    static func oneLine(_ text: String) -> String {
        var out = String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
        if out.count > 400 { out = String(out.prefix(399)) + "…" }
        return out
    }
}
