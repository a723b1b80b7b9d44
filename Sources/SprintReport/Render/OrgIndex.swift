/// The report's org tree and findings indexed once per build, for the lookups every page
/// makes: a page that scanned the whole report (its node's teams, its breadcrumb's nodes,
/// its team's findings) made a build quadratic in the number of teams — 374 s for 20,000
/// teams, hours for 50,000. Built in O(teams × depth + nodes + findings).
final class OrgIndex: Sendable {
    /// Node reports by mode and path.
    let nodes: [ComputationMode: [[String]: NodeReport]]
    /// Team reports by mode and path, in report order.
    let teams: [ComputationMode: [[String]: [TeamReport]]]
    /// Every node path (any mode): the breadcrumb links only to pages that exist.
    let nodePaths: Set<[String]>
    /// For each mode and node path, the indices (in `report.teams`) of the teams at or below it.
    private let below: [ComputationMode: [[String]: [Int]]]
    /// Indices in `report.findings` by the team (name or key) they name.
    private let findingsByTeam: [String: [Int]]
    private let report: Report

    init(_ report: Report) {
        self.report = report
        var nodes: [ComputationMode: [[String]: NodeReport]] = [:]
        for n in report.nodes where nodes[n.mode]?[n.path] == nil { nodes[n.mode, default: [:]][n.path] = n }
        self.nodes = nodes
        nodePaths = Set(report.nodes.map(\.path))
        var teams: [ComputationMode: [[String]: [TeamReport]]] = [:]
        var below: [ComputationMode: [[String]: [Int]]] = [:]
        for (i, t) in report.teams.enumerated() {
            teams[t.mode, default: [:]][t.team.path, default: []].append(t)
            for depth in 0...t.team.path.count {
                below[t.mode, default: [:]][Array(t.team.path.prefix(depth)), default: []].append(i)
            }
        }
        self.teams = teams
        self.below = below
        var findings: [String: [Int]] = [:]
        for (i, f) in report.findings.enumerated() {
            if let team = f.team { findings[team, default: []].append(i) }
        }
        findingsByTeam = findings
    }

    /// The teams of `mode` whose path starts with `path`, in report order.
    func teams(below path: [String], mode: ComputationMode) -> [TeamReport] {
        (below[mode]?[path] ?? []).map { report.teams[$0] }
    }

    /// The findings that name a team (by name or key), in report order.
    func findings(of team: Team) -> [Finding] {
        var indices = findingsByTeam[team.name] ?? []
        if team.key != team.name { indices += findingsByTeam[team.key] ?? [] }
        return Set(indices).sorted().map { report.findings[$0] }
    }
}
