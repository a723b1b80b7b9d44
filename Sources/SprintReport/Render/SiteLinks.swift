/// Where each page lives: a file of the site, or an anchor of the single-file report.
struct SiteLinks: Sendable {
    /// True for the single-file report: links are `#anchor`s.
    let singleFile: Bool
    /// A single-file report narrowed to one team (`--team`): no other page is there to link to.
    var narrowed = false
    private let teamSlugs: [String: String]
    private let nodeSlugs: [String: String]
    /// Team names carried by one team key only, to that key: a finding names its team by
    /// name or by key (`Finding.team`).
    private let keysByName: [String: String]

    static let indexSlug = "index"
    static let qualitySlug = "data-quality"

    init(report: Report, singleFile: Bool) {
        self.singleFile = singleFile
        func assign(_ items: [(key: String, words: String)], prefix: String) -> [String: String] {
            // 8 hex digits; should two keys ever share them, all names of that kind get 16.
            for length in [8, 16, 64] {
                var seen: [String: String] = [:]
                var clash = false
                for item in items where seen[item.key] == nil {
                    seen[item.key] = Slug.make(prefix: prefix, words: item.words, key: item.key, hashLength: length)
                }
                clash = Set(seen.values).count != seen.count
                if !clash { return seen }
            }
            preconditionFailure("SHA-256 collision")
        }
        teamSlugs = assign(report.teams.map { ($0.team.key, $0.team.name) }, prefix: "team")
        var byName: [String: String?] = [:]
        for t in report.teams {
            if let known = byName[t.team.name] {
                if known != t.team.key { byName[t.team.name] = .some(nil) }  // two teams share the name
            } else {
                byName[t.team.name] = t.team.key
            }
        }
        keysByName = byName.compactMapValues { $0 }
        nodeSlugs = assign(report.nodes.filter { !$0.path.isEmpty }.map {
            (SiteLinks.nodeKey($0.path), $0.path.last ?? "")
        }, prefix: "node")
    }

    /// The key a node's slug hashes: its path elements joined by a control character.
    static func nodeKey(_ path: [String]) -> String { path.joined(separator: "\u{1F}") }

    func teamSlug(_ key: String) -> String { teamSlugs[key] ?? Slug.make(prefix: "team", words: key, key: key) }

    /// The root (`[]`) is the index.
    func nodeSlug(_ path: [String]) -> String {
        if path.isEmpty { return SiteLinks.indexSlug }
        let key = SiteLinks.nodeKey(path)
        return nodeSlugs[key] ?? Slug.make(prefix: "node", words: path.last ?? "", key: key)
    }

    func file(_ slug: String) -> String { slug + ".html" }

    func href(_ slug: String) -> String { singleFile ? "#" + slug : file(slug) }

    func team(_ key: String) -> String { href(teamSlug(key)) }

    /// The page of the team a finding names (`Finding.team`: its key, or a name no other team
    /// carries); nil when no team of the report is meant.
    func team(named: String) -> String? {
        if teamSlugs[named] != nil { return team(named) }
        return keysByName[named].map(team)
    }
    func node(_ path: [String]) -> String { href(nodeSlug(path)) }
    var index: String { href(SiteLinks.indexSlug) }
    var quality: String { href(SiteLinks.qualitySlug) }
}
