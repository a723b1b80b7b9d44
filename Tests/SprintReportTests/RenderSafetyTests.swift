import Foundation
import Testing
@testable import SprintReport

/// Hostile names are escaped everywhere, file names stay inside the output folder.
@Suite struct RenderSafetyTests {
    func site() throws -> (URL, [String: String]) {
        let dir = try Fixtures.temporaryDirectory()
        let out = dir.appendingPathComponent("site")
        try SiteBuilder.writeSite(RenderFixture.report(), templates: .embedded(), options: BuildOptions(),
                                  output: out.path)
        var pages: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where name.hasSuffix(".html") {
            pages[name] = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
        }
        return (dir, pages)
    }

    @Test func hostileNamesAreEscapedOnEveryPage() throws {
        let (dir, pages) = try site()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(pages.count >= 8)
        for (name, html) in pages {
            #expect(!html.contains("<script"), "\(name) contains a raw <script>")
            #expect(!html.contains("<b>"), "\(name) contains raw markup from data")
            #expect(!html.contains("<Design>"), "\(name) contains a raw <Design>")
        }
        let hawk = try #require(pages.first { $0.key.hasPrefix("team-script") }?.value)
        #expect(hawk.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Ops&#39;")
            || hawk.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;Ops&#x27;")
            || hawk.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 'Ops'"))
        #expect(hawk.contains("🚀"))
        let quality = try #require(pages["data-quality.html"])
        #expect(quality.contains("&lt;b&gt;SPRINT_COMMIT + SPRINT_CREEP&lt;/b&gt;"))
    }

    @Test func noScriptsNoExternalReferences() throws {
        let (dir, pages) = try site()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, page) in pages {
            // The SVG namespace is a name, not a request; `url(#id)` refers inside the page.
            // The one link: the site's style sheet, a file beside the page.
            #expect(page.components(separatedBy: "<link ").count == 2, "\(name) links one style sheet")
            let html = page.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
                .replacingOccurrences(of: "url(#", with: "")
                .replacingOccurrences(of: "<link rel=\"stylesheet\" href=\"style.css\">", with: "")
            for needle in ["<script", "http://", "https://", "<link", "<img", "@import", "url(", "<iframe", "<object"] {
                #expect(!html.contains(needle), "\(name) contains \(needle)")
            }
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
            #expect(!html.contains("<style"), "\(name): the CSS is in style.css, not in every page")
        }
        let css = try String(contentsOf: dir.appendingPathComponent("site/style.css"), encoding: .utf8)
        #expect(css.contains("--planned: #0072B2") && css.contains(".chart .chart-hit"), "site.css and charts.css")
        for needle in ["http://", "https://", "@import", "url("] { #expect(!css.contains(needle), "style.css contains \(needle)") }
    }

    @Test func idsAreUniqueInEveryPage() throws {
        let (dir, pages) = try site()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, html) in pages {
            let ids = RenderSafetyTests.ids(in: html)
            #expect(Set(ids).count == ids.count, "\(name) repeats an id")
        }
    }

    static func ids(in html: String) -> [String] {
        html.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func slugsAreAsciiStableAndUnique() {
        let names = [RenderFixture.hostile, "Falcon", "falcon", "Ünïcode", "", "../..", "🚀🚀", String(repeating: "a", count: 300)]
        var seen = Set<String>()
        for (i, name) in names.enumerated() {
            let slug = Slug.make(prefix: "team", words: name, key: "key\(i)")
            #expect(slug == Slug.make(prefix: "team", words: name, key: "key\(i)"))
            #expect(slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" },
                    "\(slug)")
            #expect(!slug.contains("..") && !slug.contains("/"))
            #expect(slug.count <= 5 + 32 + 1 + 8)
            seen.insert(slug)
        }
        #expect(seen.count == names.count)
        #expect(Slug.words("Ünïcode Team") == "unicode-team")
        #expect(Slug.words(RenderFixture.hostile).hasPrefix("script-alert-x-script-ops-etc"))
        // Same name, different keys: different files.
        #expect(Slug.make(prefix: "team", words: "Falcon", key: "a") != Slug.make(prefix: "team", words: "Falcon", key: "b"))
    }

    @Test func pageFilesMatchLinks() throws {
        let (dir, pages) = try site()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Every local link points to a page that exists (the style sheet too).
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("site/style.css").path))
        for (name, html) in pages {
            for part in html.components(separatedBy: "href=\"").dropFirst() {
                let target = String(part.prefix { $0 != "\"" })
                if target.hasPrefix("#") || target == "style.css" { continue }
                if target == SummaryJSON.siteFile {  // the index's "the figures as JSON"
                    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("site/" + target).path))
                    continue
                }
                #expect(pages[target] != nil, "\(name) links to missing \(target)")
            }
        }
    }
}
