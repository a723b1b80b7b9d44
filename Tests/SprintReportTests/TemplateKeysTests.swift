import Foundation
import Mustache
import Testing
@testable import SprintReport

/// The template keys: what the code offers, what `docs/templates.md` lists and what the
/// templates use are the same names.
@Suite struct TemplateKeysTests {
    /// Every context type, under the name `docs/templates.md` gives it.
    static var contexts: [(doc: String, type: any TemplateContext.Type)] { [
        ("page", PageContext.self), ("input", InputFileContext.self), ("link list", LinkListContext.self),
        ("link", LinkContext.self), ("heading", HeadingContext.self), ("breadcrumb", BreadcrumbContext.self),
        ("index section", IndexSectionContext.self), ("node section", NodeSectionContext.self),
        ("team section", TeamSectionContext.self), ("data-quality section", QualitySectionContext.self),
        ("findings", FindingsContext.self), ("mode", ModeContext.self), ("tiles", TilesContext.self),
        ("tile", TileContext.self), ("band", BandContext.self), ("change", ChangeContext.self),
        ("latest", LatestContext.self), ("figure", FigureContext.self), ("table", TableContext.self),
        ("since last report", SinceLastReportContext.self),
        ("link list item", LinkListItem.self), ("link part", LinkPartContext.self),
    ] }

    static func docs() throws -> String {
        try String(contentsOf: Fixtures.repository.appendingPathComponent("docs/templates.md"), encoding: .utf8)
    }

    /// The key tables of `docs/templates.md`: after a heading `### `name` …`, the first
    /// column of the table that follows (each key in backticks).
    static func documentedKeys() throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        var current: String?
        var inTable = false
        for line in try docs().components(separatedBy: "\n") {
            if line.hasPrefix("```") {
                current = nil
                continue
            }
            if line.hasPrefix("#") {
                current = nil
                inTable = false
                if line.hasPrefix("### `"), let end = line.dropFirst(5).firstIndex(of: "`") {
                    current = String(line.dropFirst(5)[..<end])
                    out[current!] = []
                }
                continue
            }
            guard let name = current else { continue }
            if line.hasPrefix("|") {
                inTable = true
                let cell = line.split(separator: "|", omittingEmptySubsequences: false)[1].trimmingCharacters(in: .whitespaces)
                if cell.hasPrefix("`") && cell.hasSuffix("`") && cell.count > 2 {
                    out[name, default: []].append(String(cell.dropFirst().dropLast()))
                }
            } else if inTable {
                current = nil  // the table ended: later lines are text
            }
        }
        return out
    }

    @Test func theDocumentListsEveryKeyAndNoOther() throws {
        let documented = try Self.documentedKeys()
        #expect(Set(documented.keys) == Set(Self.contexts.map(\.doc)), "docs/templates.md has a table per context")
        for (doc, type) in Self.contexts {
            let listed = documented[doc] ?? []
            #expect(listed.count == Set(listed).count, "`\(doc)` lists a key twice")
            let offered = Set(type.keys)
            for key in offered.subtracting(listed) { Issue.record("`\(doc)` offers `\(key)`: docs/templates.md does not list it") }
            for key in Set(listed).subtracting(offered) { Issue.record("docs/templates.md lists `\(key)` for `\(doc)`: no such key") }
        }
    }

    /// The names the built-in templates use (sections, variables; dotted names split).
    static func templateNames() throws -> [(template: String, name: String)] {
        var out: [(String, String)] = []
        let tag = try NSRegularExpression(pattern: #"\{\{\{?\s*([#^/&]?)\s*([^}\s]*)\s*\}?\}\}"#)
        for (file, text) in EmbeddedFiles.templates {
            for m in tag.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                // A closing tag repeats its opening tag's name.
                guard let r = Range(m.range(at: 2), in: text), let kind = Range(m.range(at: 1), in: text),
                      text[kind] != "/" else { continue }
                let name = String(text[r])
                // Comments, partials, inheritance, blocks, pragmas and the current item.
                if name == "." || ["!", ">", "<", "$", "%", "="].contains(where: name.hasPrefix) { continue }
                for part in name.split(separator: ".") { out.append((file, String(part))) }
            }
        }
        return out
    }

    @Test func everyNameInTheTemplatesIsAKey() throws {
        let keys = Set(Self.contexts.flatMap { $0.type.keys })
        let names = try Self.templateNames()
        #expect(names.count > 100)
        for (template, name) in names where !keys.contains(name) {
            Issue.record("\(template) uses `\(name)`, which no context offers")
        }
        // Every key is used by a built-in template.
        let used = Set(names.map(\.name))
        for key in keys.subtracting(used) { Issue.record("no built-in template uses `\(key)`") }
    }

    /// The bottom of the context stack while a page renders: it answers only `root` and
    /// records every other name asked of it — a name that no context on the page answered.
    final class Probe: MustacheParent {
        let root: Any
        var missed: [String] = []

        init(_ root: Any) { self.root = root }

        func child(named name: String) -> Any? {
            if name == "root" { return root }
            missed.append(name)
            return nil
        }
    }

    /// `template` rendered on `context` with a `Probe` below it: the page, and the names missed.
    static func probe(_ context: any TemplateContext, template: String, library: MustacheLibrary) throws
        -> (html: String, missed: [String]) {
        var library = library
        library.register(try FastHTML.template("{{#root}}{{>\(template)}}{{/root}}"), named: "probe")
        let probe = Probe(context)
        let html = try #require(library.render(probe, withTemplate: "probe"))
        return (html, probe.missed)
    }

    /// Every page of the fixture (site, single file, one team's file): every name a template
    /// asks for is answered by a context on the page, and the pages are what the builders write.
    @Test func everyPageFindsEveryName() throws {
        let report = RenderFixture.report()
        let templates = try PageTemplates.embedded()
        var seen = Set<String>()
        func walk(_ context: any TemplateContext) {
            seen.insert(String(describing: type(of: context)))
            for key in type(of: context).keys {
                switch context.child(named: key) {
                case let child as any TemplateContext: walk(child)
                case let list as [Any]: for case let child as any TemplateContext in list { walk(child) }
                default: break
                }
            }
        }
        let site = SiteBuilder.settings(report, templates: templates, options: SiteGoldenTests.options, singleFile: false)
        // The fixture compared with a baseline window and an earlier report too (movers, "since
        // the last report").
        let (compared, options) = try RenderCompareFixture.build()
        let comparedSite = SiteBuilder.settings(compared, templates: templates, options: options, singleFile: false)
        for (page, site) in SiteBuilder.pages(report).map({ ($0, site) }) + SiteBuilder.pages(compared).map({ ($0, comparedSite) }) {
            let (_, template, context) = SiteBuilder.context(page, site)
            let (html, missed) = try Self.probe(context, template: template, library: templates.library)
            #expect(missed.isEmpty, "\(template) asked for \(Set(missed).sorted()), which nothing answers")
            #expect(html == (try SiteBuilder.render(page, site).html))
            walk(context)
        }
        for team in [nil, "team_00002"] {
            var single = SiteBuilder.settings(report, templates: templates, options: SiteGoldenTests.options, singleFile: true)
            single.links.narrowed = team != nil
            let pages = team.map { key in [SiteBuilder.Page.team(report.teams.filter { $0.team.key == key }.sorted { $0.mode < $1.mode })] }
                ?? SiteBuilder.pages(report)
            let shell = SingleFileBuilder.page(pages, single)
            #expect(try Self.probe(shell, template: "page-single", library: templates.library).missed.isEmpty)
            walk(shell)
            for page in pages {
                let (template, context) = SingleFileBuilder.context(page, single)
                let (html, missed) = try Self.probe(context, template: template, library: templates.library)
                #expect(missed.isEmpty, "\(template) asked for \(Set(missed).sorted()), which nothing answers")
                #expect(html == (try SingleFileBuilder.section(page, single)))
                walk(context)
            }
        }
        // The fixture shows every kind of context, so every key above was rendered at least once.
        #expect(seen == Set(Self.contexts.map { String(describing: $0.type) }))
    }

    /// A misspelt name is caught: the probe sees it.
    @Test func aMisspeltNameIsMissed() throws {
        var library = MustacheLibrary()
        library.register(try FastHTML.template("<{{heading.part}}>{{titel}}</{{heading.part}}>"), named: "t")
        let mode = ModeContext(id: "m", title: "T", summary: "S")
        let (html, missed) = try Self.probe(mode, template: "t", library: library)
        #expect(html == "<></>")
        #expect(Set(missed) == ["heading", "titel"])
    }
}

/// The chart kit's styling contract: every class a chart carries and every colour property of
/// `charts.css` is listed in `docs/templates.md` ("Restyling charts"), and nothing else is.
@Suite struct ChartStyleContractTests {
    /// The first column of the table under the heading `heading` (backticked names).
    static func table(after heading: String) throws -> [String] {
        var out: [String] = []
        var inside = false
        var code = false
        for line in try TemplateKeysTests.docs().components(separatedBy: "\n") {
            if line.hasPrefix("```") { code.toggle() }
            if code { continue }
            if line.hasPrefix("#") {
                if inside { break }
                inside = line == heading
                continue
            }
            guard inside, line.hasPrefix("|") else { continue }
            let cell = line.split(separator: "|", omittingEmptySubsequences: false)[1].trimmingCharacters(in: .whitespaces)
            if cell.hasPrefix("`") && cell.hasSuffix("`") && cell.count > 2 { out.append(String(cell.dropFirst().dropLast())) }
        }
        return out
    }

    /// Every class of every kind of chart, over series that reach every case (gaps, long
    /// windows, a forecast, every heatmap step, empty sparklines).
    static func emittedClasses() throws -> Set<String> {
        var svgs: [String] = []
        for n in [1, 2, 6, 13, 78] {
            let points = ChartSamples.sprints(n, gaps: n > 3 ? [2] : [])
            svgs += ChartSamples.allCharts(points, prefix: "p\(n)").map(\.svg)
            svgs += ChartSamples.allCharts(points, prefix: "q\(n)", span: ChartSpan(total: n, limit: 5)).map(\.svg)
            svgs.append(ChartKit.sparkline(points.map { $0.values[.totalWorkDelivered] }, label: "d", idPrefix: "s\(n)"))
            svgs.append(ChartKit.plannedVsDelivered(points, mode: .storyPoints, periodNoun: "sprint", idPrefix: "b\(n)",
                                                    baselineMean: 12).svg)
        }
        svgs.append(ChartKit.sparkline([], label: "none", idPrefix: "e"))
        let rows = ChartSamples.heatmapRows(12, columns: 24) + [HeatmapRow(label: "low", cells: [10, 50, 60, 75, 90, nil])]
        svgs.append(ChartKit.heatmap(rows: rows, columns: (0..<24).map { "M\($0)" }, title: "t", idPrefix: "h").svg)
        let attribute = try NSRegularExpression(pattern: #"class="([^"]*)""#)
        var classes = Set<String>()
        for svg in svgs {
            for m in attribute.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)) {
                guard let r = Range(m.range(at: 1), in: svg) else { continue }
                classes.formUnion(svg[r].split(separator: " ").map(String.init))
            }
        }
        return classes
    }

    /// `chart-size-N` in the document stands for `chart-size-` and digits.
    static func matches(_ cls: String, _ documented: String) -> Bool {
        guard documented.hasSuffix("-N") else { return cls == documented }
        let prefix = documented.dropLast()
        return cls.hasPrefix(prefix) && !cls.dropFirst(prefix.count).isEmpty && cls.dropFirst(prefix.count).allSatisfy(\.isNumber)
    }

    @Test func everyChartClassIsDocumented() throws {
        let documented = try Self.table(after: "### Chart classes")
        let emitted = try Self.emittedClasses()
        #expect(documented.count > 30)
        for cls in emitted where !documented.contains(where: { Self.matches(cls, $0) }) {
            Issue.record("charts carry the class `\(cls)`: docs/templates.md does not list it")
        }
        for entry in documented where !emitted.contains(where: { Self.matches($0, entry) }) {
            Issue.record("docs/templates.md lists the chart class `\(entry)`: no chart carries it")
        }
    }

    @Test func everyChartColourIsDocumented() throws {
        let css = try ChartSamples.css()
        let declared = try NSRegularExpression(pattern: #"(--chart-[a-z0-9-]+)\s*:"#)
        var properties = Set<String>()
        for m in declared.matches(in: css, range: NSRange(css.startIndex..., in: css)) {
            if let r = Range(m.range(at: 1), in: css) { properties.insert(String(css[r])) }
        }
        let documented = try Self.table(after: "### Chart colours")
        #expect(properties.count > 10)
        #expect(Set(documented) == properties, "docs/templates.md, Chart colours: \(Set(documented).symmetricDifference(properties).sorted())")
    }
}
