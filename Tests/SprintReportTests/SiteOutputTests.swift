import Foundation
import Testing
@testable import SprintReport

/// The output rules ("nothing lost"), determinism, --single-file, --team and --templates.
@Suite struct SiteOutputTests {
    let fm = FileManager.default

    func build(_ out: URL, force: Bool = false, templates: PageTemplates? = nil) throws {
        try SiteBuilder.writeSite(RenderFixture.report(), templates: templates ?? .embedded(),
                                  options: BuildOptions(force: force), output: out.path)
    }

    func files(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try fm.contentsOfDirectory(atPath: dir.path) {
            out[name] = try Data(contentsOf: dir.appendingPathComponent(name))
        }
        return out
    }

    @Test func sameInputSameBytes() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? fm.removeItem(at: dir) }
        try build(dir.appendingPathComponent("a"))
        try build(dir.appendingPathComponent("b"))
        #expect(try files(dir.appendingPathComponent("a")) == files(dir.appendingPathComponent("b")))
        let html = try String(contentsOf: dir.appendingPathComponent("a/index.html"), encoding: .utf8)
        #expect(!html.contains("Generated"), "no time without SOURCE_DATE_EPOCH")
    }

    @Test func generatedTimeOnlyFromSourceDateEpoch() {
        #expect(PageSettings.generatedTime(sourceDateEpoch: "1775044800") == "2026-04-01 12:00 UTC")
        #expect(PageSettings.generatedTime(sourceDateEpoch: nil) == nil)
        #expect(PageSettings.generatedTime(sourceDateEpoch: "soon") == nil)
    }

    @Test func refusesAFolderItDidNotWrite() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? fm.removeItem(at: dir) }
        let out = dir.appendingPathComponent("site")
        try fm.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: out.appendingPathComponent("notes.txt"))
        #expect(throws: OutputError.self) { try build(out) }
        #expect(try String(contentsOf: out.appendingPathComponent("notes.txt"), encoding: .utf8) == "precious")
        #expect(try fm.contentsOfDirectory(atPath: dir.path) == ["site"], "no staging folder left behind")
        try build(out, force: true)
        #expect(!fm.fileExists(atPath: out.appendingPathComponent("notes.txt").path))
        #expect(fm.fileExists(atPath: out.appendingPathComponent("index.html").path))
    }

    @Test func replacesAnEarlierSiteAndAcceptsEmptyOrAbsent() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? fm.removeItem(at: dir) }
        let out = dir.appendingPathComponent("new/site")
        try build(out)  // absent, parent created
        #expect(fm.fileExists(atPath: out.appendingPathComponent(".sprint-report").path))
        try Data("stale".utf8).write(to: out.appendingPathComponent("team-gone-00000000.html"))
        try build(out)  // an earlier output: replaced whole
        #expect(!fm.fileExists(atPath: out.appendingPathComponent("team-gone-00000000.html").path))
        let empty = dir.appendingPathComponent("empty")
        try fm.createDirectory(at: empty, withIntermediateDirectories: true)
        try build(empty)
        #expect(fm.fileExists(atPath: empty.appendingPathComponent("index.html").path))
        #expect(try fm.contentsOfDirectory(atPath: dir.appendingPathComponent("new").path) == ["site"])
    }

    @Test func singleFileRefusesOtherFilesButReplacesItsOwn() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? fm.removeItem(at: dir) }
        let report = RenderFixture.report()
        let other = dir.appendingPathComponent("other.html")
        try Data("<html>mine</html>".utf8).write(to: other)
        #expect(throws: OutputError.self) {
            try SingleFileBuilder.write(report, templates: .embedded(), options: BuildOptions(), team: nil, output: other.path)
        }
        #expect(try String(contentsOf: other, encoding: .utf8) == "<html>mine</html>")
        let own = dir.appendingPathComponent("report.html")
        try SingleFileBuilder.write(report, templates: .embedded(), options: BuildOptions(), team: nil, output: own.path)
        let first = try Data(contentsOf: own)
        try SingleFileBuilder.write(report, templates: .embedded(), options: BuildOptions(), team: nil, output: own.path)
        #expect(try Data(contentsOf: own) == first)
        try SingleFileBuilder.write(report, templates: .embedded(), options: BuildOptions(force: true), team: nil,
                                    output: other.path)
        #expect(try String(contentsOf: other, encoding: .utf8).contains("sprint-report"))
    }

    @Test func singleFileHasEverySectionAndOnlyInPageLinks() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? fm.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r.html")
        try SingleFileBuilder.write(RenderFixture.report(), templates: .embedded(), options: BuildOptions(), team: nil,
                                    output: out.path)
        let html = try String(contentsOf: out, encoding: .utf8)
        let ids = Set(RenderSafetyTests.ids(in: html))
        #expect(ids.count == RenderSafetyTests.ids(in: html).count, "ids are unique across sections")
        for part in html.components(separatedBy: "href=\"").dropFirst() {
            let target = String(part.prefix { $0 != "\"" })
            #expect(target.hasPrefix("#"), "\(target) is not an in-page link")
            #expect(ids.contains(String(target.dropFirst())), "\(target) has no target")
        }
        #expect(html.components(separatedBy: "<h1").count == 2, "one h1")
        #expect(html.contains("id=\"data-quality\""))
        #expect(html.contains("id=\"index\""))
    }

    @Test func teamNarrowsTheSingleFile() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? fm.removeItem(at: dir) }
        let out = dir.appendingPathComponent("falcon.html")
        let report = RenderFixture.report()
        try SingleFileBuilder.write(report, templates: .embedded(), options: BuildOptions(), team: "team_00001",
                                    output: out.path)
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.contains("<title>Falcon: sprint report</title>"))
        #expect(!html.contains("Kïwi"))
        #expect(!html.contains("id=\"index\""))
        let ids = Set(RenderSafetyTests.ids(in: html))
        for part in html.components(separatedBy: "href=\"").dropFirst() {
            let target = String(part.prefix { $0 != "\"" })
            #expect(ids.contains(String(target.dropFirst())), "\(target) has no target in the narrowed file")
        }
        #expect(throws: OutputError.self) {
            try SingleFileBuilder.write(report, templates: .embedded(), options: BuildOptions(), team: "nobody",
                                        output: dir.appendingPathComponent("x.html").path)
        }
        #expect(!fm.fileExists(atPath: dir.appendingPathComponent("x.html").path))
    }

    @Test func userTemplatesOverrideByName() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? fm.removeItem(at: dir) }
        let t = dir.appendingPathComponent("templates")
        try fm.createDirectory(at: t, withIntermediateDirectories: true)
        try Data("<p class=\"mine\">{{title}}</p>".utf8).write(to: t.appendingPathComponent("section-data-quality.mustache"))
        try Data("body { color: #123456 }".utf8).write(to: t.appendingPathComponent("site.css"))
        let out = dir.appendingPathComponent("site")
        try build(out, templates: try PageTemplates(directory: t.path))
        let quality = try String(contentsOf: out.appendingPathComponent("data-quality.html"), encoding: .utf8)
        #expect(quality.contains("<p class=\"mine\">Data quality</p>"))
        let css = try String(contentsOf: out.appendingPathComponent("style.css"), encoding: .utf8)
        #expect(css.contains("body { color: #123456 }"))
        #expect(!css.contains("--planned: #0072B2"), "the user's site.css replaced the built-in one")
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("How the bands are set"), "other templates stay built in")
    }

    @Test func templateParseErrorNamesFileLineAndColumn() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? fm.removeItem(at: dir) }
        try Data("<p>\n  {{#open}}x{{/close}}\n".utf8).write(to: dir.appendingPathComponent("layout.mustache"))
        do {
            _ = try PageTemplates(directory: dir.path)
            Issue.record("a broken template must not load")
        } catch let e as TemplateError {
            #expect(e.file.hasSuffix("layout.mustache"))
            #expect(e.line == 2)
            #expect(e.column != nil)
            #expect(e.description.contains("layout.mustache:2:"))
        }
    }

    @Test func everyTemplateAndStyleFileIsEmbedded() throws {
        func names(_ folder: String) throws -> Set<String> {
            let root = Fixtures.repository.appendingPathComponent(folder)
            var out = Set<String>()
            let e = fm.enumerator(atPath: root.path)
            while let path = e?.nextObject() as? String {
                var isDir: ObjCBool = false
                if fm.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDir), !isDir.boolValue {
                    out.insert((path as NSString).lastPathComponent)
                }
            }
            return out
        }
        #expect(try names("Templates") == Set(EmbeddedFiles.templates.map(\.name)))
        #expect(try names("Resources") == Set(EmbeddedFiles.styles.map(\.name)))
        for (folder, files) in [("Templates", EmbeddedFiles.templates), ("Resources", EmbeddedFiles.styles)] {
            for (name, text) in files {
                let file = try String(contentsOf: Fixtures.repository.appendingPathComponent(folder + "/" + name), encoding: .utf8)
                #expect(text == file, "\(folder)/\(name): the binary holds another text")
            }
        }
    }
}
