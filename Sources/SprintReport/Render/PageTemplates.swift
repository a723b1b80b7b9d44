import Foundation
import Mustache

/// A template or style sheet that could not be used: `FILE:LINE:COLUMN: error: WHAT`.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): error: \(message)"
    }
}

/// Every template and style sheet the pages use, in one `MustacheLibrary` plus the CSS.
///
/// The embedded files come from `EmbeddedFiles` (the binary stands alone); with
/// `--templates DIR`, files of that folder override embedded ones by name. The embedded
/// `chart-group` and `part-table` are registered as their native variants
/// (`NativeTemplates`: same bytes, written without per-mark and per-cell lookups); a user's
/// file replacing one of them is rendered through swift-mustache as written.
public struct PageTemplates: Sendable {
    /// All templates, registered under their file name without `.mustache`.
    public let library: MustacheLibrary
    /// The style sheets that every page inlines, joined in `EmbeddedFiles.styles` order.
    public let css: String

    /// The embedded templates and CSS.
    public static func embedded() throws -> PageTemplates { try PageTemplates(directory: nil) }

    /// Loads the embedded files, then (when given) every `*.mustache` and `*.css` of `directory`
    /// (not recursive), which replace embedded files of the same name.
    public init(directory: String?) throws {
        var texts: [String: (source: String, text: String)] = [:]
        for (name, text) in EmbeddedFiles.templates {
            // The native variant of a hot template while it is the embedded one (`NativeTemplates`).
            let native = NativeTemplates.variant(of: String(name.dropLast(".mustache".count)), embedded: text)
            texts[name] = ("Templates/" + name, native ?? text)
        }
        var styles = EmbeddedFiles.styles
        if let directory {
            let fm = FileManager.default
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
                throw TemplateError(file: directory, message: "--templates needs a folder of templates")
            }
            let names = try fm.contentsOfDirectory(atPath: directory).sorted()
            for name in names where name.hasSuffix(".mustache") || name.hasSuffix(".css") {
                let path = (directory as NSString).appendingPathComponent(name)
                guard let data = fm.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                    throw TemplateError(file: path, message: "cannot read the file as UTF-8 text")
                }
                if name.hasSuffix(".css") {
                    if let i = styles.firstIndex(where: { $0.name == name }) {
                        styles[i].text = text
                    } else {
                        styles.append((name, text))
                    }
                } else {
                    texts[name] = (path, text)
                }
            }
        }
        var library = MustacheLibrary()
        for name in texts.keys.sorted() {
            let (source, text) = texts[name]!
            do {
                let template: MustacheTemplate
                do {
                    template = try FastHTML.template(text)
                } catch {
                    // Parsed again as written: the error names the user's own line and column.
                    template = try MustacheTemplate(string: text)
                }
                library.register(template, named: String(name.dropLast(".mustache".count)))
            } catch let e as MustacheTemplate.ParserError {
                throw TemplateError(file: source, line: e.context.lineNumber, column: e.context.columnNumber,
                                    message: "\(PageTemplates.explain(e.error)): \(e.context.line)")
            }
        }
        self.library = library
        self.css = styles.map(\.text).joined(separator: "\n")
    }

    /// A parse error in words.
    static func explain(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: "a section is closed with another name than it was opened with"
        case .unfinishedName?: "a tag is not closed with }}"
        case .expectedSectionEnd?: "a section is never closed"
        case .invalidSetDelimiter?: "bad set-delimiter tag"
        default: "template does not parse (\(error))"
        }
    }

    /// Renders a registered template; a missing template is an error naming it.
    func render(_ context: [String: Any], template: String) throws -> String {
        guard let text = library.render(context, withTemplate: template) else {
            throw TemplateError(file: template + ".mustache", message: "no such template")
        }
        return text
    }
}
