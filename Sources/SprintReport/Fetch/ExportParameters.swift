import Foundation

/// What one export job asks for: the body of the create call and the identifiers of every
/// call's query (docs/export-api.md, "Create the job").
public struct ExportParameters: Sendable, Equatable {
    /// Which teams: one team, or an org tree by name. The API takes exactly one.
    public enum Scope: Sendable, Equatable {
        case team(String)
        case orgTree(String)
    }

    /// The metric groups the API knows; naming none asks for all of them.
    public enum MetricGroup: String, Sendable, CaseIterable {
        case work, delivery, deliveryAnalysis, analysis
    }

    public var project: String
    public var org: String
    public var scope: Scope
    public var from: Day
    public var to: Day
    public var granularity: Granularity
    public var level: RowLevel?
    public var mode: ComputationMode?
    public var metricGroups: [MetricGroup]

    public init(project: String, org: String, scope: Scope, from: Day, to: Day, granularity: Granularity = .monthly,
                level: RowLevel? = nil, mode: ComputationMode? = nil, metricGroups: [MetricGroup] = []) {
        self.project = project
        self.org = org
        self.scope = scope
        self.from = from
        self.to = to
        self.granularity = granularity
        self.level = level
        self.mode = mode
        self.metricGroups = metricGroups
    }

    /// `projectIdentifier` and `orgIdentifier`: the query of every call to the API.
    var queryItems: [URLQueryItem] {
        [URLQueryItem(name: "projectIdentifier", value: project), URLQueryItem(name: "orgIdentifier", value: org)]
    }

    /// The create call's JSON body, keys sorted so the same parameters always give the same
    /// bytes. Options the user did not give are left out (the API's own defaults apply), and
    /// so is `metricGroups` when empty ("all groups").
    public func jsonBody() -> Data {
        var scopeObject: [String: String] = ["orgIdentifier": org, "projectIdentifier": project]
        switch scope {
        case .team(let id): scopeObject["teamId"] = id
        case .orgTree(let name): scopeObject["orgTreeName"] = name
        }
        var options: [String: String] = ["granularity": granularity.rawValue]
        if let mode { options["computationMode"] = mode.rawValue }
        if let level { options["metricLevel"] = level.rawValue }
        var body: [String: Any] = [
            "scope": scopeObject,
            "dateRange": ["start": from.description, "end": to.description],
            "options": options,
        ]
        if !metricGroups.isEmpty {
            // Each group once, in the order given.
            var seen = Set<MetricGroup>()
            body["metricGroups"] = metricGroups.filter { seen.insert($0).inserted }.map(\.rawValue)
        }
        // Only strings, arrays and dictionaries of strings: serialisation cannot fail.
        return (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data("{}".utf8)
    }
}
