/// The teams of a data set as a person sees them: listed with their id, name, path and
/// number of periods (`inspect`), and found from whatever a user types (`--team`): the id,
/// the hierarchy path or the name, in any letter case.
public struct TeamDirectory: Sendable {
    /// One team: `Team` plus how many distinct periods it has (over its modes and levels).
    public struct Entry: Sendable, Equatable {
        public var team: Team
        public var periods: Int
    }

    /// Teams in the data set's order (by path), each once.
    public let entries: [Entry]

    public init(_ series: [TeamSeries]) {
        var order: [String] = []
        var teams: [String: Team] = [:]
        var periods: [String: Set<String>] = [:]
        for s in series {
            if teams[s.team.key] == nil { order.append(s.team.key); teams[s.team.key] = s.team }
            // A period is one sprint id, else one label: the same key `RowMerger` merges on.
            periods[s.team.key, default: []].formUnion(s.rows.map { $0.period.sprintId ?? $0.period.label })
        }
        entries = order.compactMap { k in teams[k].map { Entry(team: $0, periods: periods[k]?.count ?? 0) } }
    }

    public init(teams: [Team]) {
        var seen = Set<String>()
        entries = teams.filter { seen.insert($0.key).inserted }.map { Entry(team: $0, periods: 0) }
    }

    /// Why a query names no single team.
    public enum LookupError: Error, Equatable, CustomStringConvertible {
        /// Nothing matched; `near` holds teams whose id, name or path contains the query (the
        /// message names the first 10).
        case none(query: String, near: [Team], total: Int)
        /// Several teams matched at the first rule that matched at all.
        case ambiguous(query: String, matches: [Team])

        public var description: String {
            switch self {
            case let .none(query, near, total):
                let query = TerminalText.clean(query)
                var s = "no team is named '\(query)' (by id, name or path)"
                if near.isEmpty {
                    s += "; the input has \(total) team\(total == 1 ? "" : "s"): `sprint-report inspect FILE` lists them"
                } else {
                    s += "; teams with '\(query)' in their id, name or path:\n" + TeamDirectory.lines(Array(near.prefix(10)))
                    if near.count > 10 { s += "\n  … and \(near.count - 10) more" }
                }
                return s
            case let .ambiguous(query, matches):
                let query = TerminalText.clean(query)
                return "'\(query)' names \(matches.count) teams; give the id or the path of one:\n"
                    + TeamDirectory.lines(matches)
            }
        }
    }

    /// The team `query` names. Rules, in order, the first that matches anything decides:
    /// the id (exact, then in any case), the whole path, the name (current or earlier), the
    /// last elements of the path (`Platform/Falcon`). Several matches are an error listing them.
    public func lookup(_ query: String) throws(LookupError) -> Team {
        let q = query.trimmingSpaces
        let lower = q.lowercased()
        let queryPath = Self.pathElements(lower)
        let rules: [(Team) -> Bool] = [
            { $0.key == q },
            { $0.key.lowercased() == lower },
            { !queryPath.isEmpty && $0.path.map { $0.lowercased() } == queryPath },
            { t in ([t.name] + t.otherNames).contains { $0.lowercased() == lower } },
            { t in queryPath.count > 1 && t.path.count > queryPath.count
                && Array(t.path.suffix(queryPath.count).map { $0.lowercased() }) == queryPath },
        ]
        for rule in rules {
            let found = entries.lazy.map(\.team).filter(rule)
            if let first = found.first {
                if found.count == 1 { return first }
                throw .ambiguous(query: query, matches: Array(found))
            }
        }
        let near = entries.map(\.team).filter { t in
            !lower.isEmpty && ([t.key, t.pathString] + t.otherNames).contains { $0.lowercased().contains(lower) }
        }
        throw .none(query: query, near: near, total: entries.count)
    }

    /// `id  name  path` lines, columns aligned, two spaces in.
    static func lines(_ teams: [Team]) -> String {
        table(teams.map { [$0.key, $0.name, $0.pathString] }).map { "  " + $0 }.joined(separator: "\n")
    }

    /// The listing of `inspect`: a header and one line per team (id, name, path, periods).
    public var listing: [String] {
        Self.table([["id", "name", "path", "periods"]]
              + entries.map { [$0.team.key, $0.team.name, $0.team.pathString, String($0.periods)] })
    }

    /// Rows of cells padded to each column's widest cell (the last column is not padded).
    static func table(_ rows: [[String]]) -> [String] {
        let rows = rows.map { $0.map(TerminalText.clean) }
        guard let n = rows.first?.count else { return [] }
        let widths = (0..<n).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.indices.map { c in
                c == n - 1 ? row[c] : row[c] + String(repeating: " ", count: widths[c] - row[c].count)
            }.joined(separator: "  ")
        }
    }

    /// A typed path: split at `/`, elements trimmed, empty ones dropped (as the reader does).
    static func pathElements(_ s: String) -> [String] {
        s.split(separator: Character(UnicodeScalar(Team.pathSeparator))).map { String($0).trimmingSpaces }
            .filter { !$0.isEmpty }
    }
}
