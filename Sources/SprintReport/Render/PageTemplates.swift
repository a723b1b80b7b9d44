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
/// `--templates DIR`, the files of that folder and its subfolders override embedded ones by
/// file name, so a copy of `Templates/` and `Resources/` in one folder renders the same pages.
/// Every template is used as written: there is no other copy of its markup.
public struct PageTemplates: Sendable {
    /// All templates, registered under their file name without `.mustache`.
    public let library: MustacheLibrary
    /// The style sheets that every page uses, joined in `EmbeddedFiles.styles` order (a style
    /// sheet of the user's that replaces none comes after them).
    public let css: String

    /// The embedded templates and CSS.
    public static func embedded() throws -> PageTemplates { try PageTemplates(directory: nil) }

    /// Loads the embedded files, then (when given) every `*.mustache` and `*.css` of `directory`
    /// and its subfolders (hidden ones skipped), which replace embedded files of the same name.
    /// Two user files of one name are an error: which one wins would depend on the folders.
    public init(directory: String?) throws {
        var texts: [String: (source: String, text: String)] = [:]
        for (name, text) in EmbeddedFiles.templates { texts[name] = ("Templates/" + name, text) }
        var styles = EmbeddedFiles.styles
        if let directory {
            var seen: [String: String] = [:]
            for path in try PageTemplates.files(in: directory) {
                let name = (path as NSString).lastPathComponent
                if let other = seen[name] {
                    throw TemplateError(file: path, message: "another file has the same name: \(other)")
                }
                seen[name] = path
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
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
            guard let (source, text) = texts[name] else { continue }
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

    /// The paths of every `*.mustache` and `*.css` file under `directory`, sorted; hidden
    /// files and folders are skipped.
    static func files(in directory: String) throws -> [String] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw TemplateError(file: directory, message: "--templates needs a folder of templates")
        }
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        guard let walk = fm.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                       options: [.skipsHiddenFiles]) else {
            throw TemplateError(file: directory, message: "cannot read the folder")
        }
        var paths: [String] = []
        for case let url as URL in walk where url.pathExtension == "mustache" || url.pathExtension == "css" {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            // The path as the user named the folder, for error messages.
            let relative = url.path.dropFirst(root.path.count).drop { $0 == "/" }
            paths.append((directory as NSString).appendingPathComponent(String(relative)))
        }
        return paths.sorted()
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
    func render(_ context: any TemplateContext, template: String) throws -> String {
        guard let text = library.render(context, withTemplate: template) else {
            throw TemplateError(file: template + ".mustache", message: "no such template")
        }
        return text
    }
}
