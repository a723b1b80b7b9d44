import Foundation
import Testing
@testable import SprintReport

/// `--templates DIR`: a copy of the built-in `Templates/` and `Resources/` renders the very
/// same pages; files in subfolders count; errors name the user's file and line.
@Suite struct TemplateLoaderTests {
    let fm = FileManager.default

    /// Every page the fixture gives: the site, the single file and a `--team` file, as
    /// file name → bytes.
    func pages(_ templates: PageTemplates, in dir: URL) throws -> [String: Data] {
        let report = RenderFixture.report()
        let options = SiteGoldenTests.options
        let site = dir.appendingPathComponent("site")
        try SiteBuilder.writeSite(report, templates: templates, options: options, output: site.path)
        try SingleFileBuilder.write(report, templates: templates, options: options, team: nil,
                                    output: dir.appendingPathComponent("report.html").path)
        try SingleFileBuilder.write(report, templates: templates, options: options, team: "team_00002",
                                    output: dir.appendingPathComponent("team.html").path)
        var out: [String: Data] = [:]
        for name in try fm.contentsOfDirectory(atPath: site.path) {
            out["site/" + name] = try Data(contentsOf: site.appendingPathComponent(name))
        }
        for name in ["report.html", "team.html"] { out[name] = try Data(contentsOf: dir.appendingPathComponent(name)) }
        return out
    }

    /// The built-in files copied unchanged, subfolders and all, render byte-identical pages.
    @Test func aCopyOfTheBuiltInFilesRendersTheSamePages() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? fm.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("mine")
        try fm.createDirectory(at: copy, withIntermediateDirectories: true)
        for folder in ["Templates", "Resources"] {
            try fm.copyItem(at: Fixtures.repository.appendingPathComponent(folder), to: copy.appendingPathComponent(folder))
        }
        let copied = try PageTemplates.files(in: copy.path).map { ($0 as NSString).lastPathComponent }
        #expect(Set(copied) == Set((EmbeddedFiles.templates + EmbeddedFiles.styles).map(\.name)))
        let builtIn = try pages(.embedded(), in: dir.appendingPathComponent("built-in"))
        let fromCopy = try pages(PageTemplates(directory: copy.path), in: dir.appendingPathComponent("copy"))
        #expect(builtIn.count >= 10)
        #expect(fromCopy.keys.sorted() == builtIn.keys.sorted())
        for (name, bytes) in builtIn { #expect(fromCopy[name] == bytes, "\(name) differs") }
    }

    /// Files in subfolders replace built-in ones by name; hidden folders are skipped; two files
    /// of one name are an error naming both.
    @Test func subfoldersCountAndNamesAreUnique() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? fm.removeItem(at: dir) }
        let nested = dir.appendingPathComponent("a/b")
        try fm.createDirectory(at: nested, withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent(".hidden"), withIntermediateDirectories: true)
        try "<p>{{title}}</p>\n".write(to: nested.appendingPathComponent("section-data-quality.mustache"),
                                       atomically: true, encoding: .utf8)
        try "{{#open}}\n".write(to: dir.appendingPathComponent(".hidden/layout.mustache"), atomically: true, encoding: .utf8)
        try "x { }".write(to: nested.appendingPathComponent("extra.css"), atomically: true, encoding: .utf8)
        let templates = try PageTemplates(directory: dir.path)
        let quality = QualitySection(settings: SiteBuilder.settings(RenderFixture.report(), templates: templates,
                                                                      options: BuildOptions(), singleFile: false))
        #expect(try templates.render(quality.context(), template: "section-data-quality") == "<p>Data quality</p>\n")
        #expect(templates.css.hasSuffix("\nx { }"), "a style sheet of a new name comes after the built-in ones")
        try "<p></p>\n".write(to: dir.appendingPathComponent("section-data-quality.mustache"), atomically: true, encoding: .utf8)
        #expect {
            try PageTemplates(directory: dir.path)
        } throws: { error in
            let text = "\(error)"
            return text.contains("section-data-quality.mustache: error: another file has the same name: ")
                && text.contains("a/b/section-data-quality.mustache")
        }
        #expect(throws: TemplateError.self) { try PageTemplates(directory: dir.appendingPathComponent("none").path) }
    }

    @Test func templateErrorsNameTheUsersLine() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "<p>\n{{#open}}\n".write(to: dir.appendingPathComponent("part-table.mustache"), atomically: true, encoding: .utf8)
        #expect {
            try PageTemplates(directory: dir.path)
        } throws: { error in
            "\(error)".hasPrefix(dir.appendingPathComponent("part-table.mustache").path + ":")
                && (error as? TemplateError)?.line.map { $0 <= 3 } == true
        }
    }
}
