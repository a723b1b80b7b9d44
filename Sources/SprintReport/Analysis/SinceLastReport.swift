/// "Since the last report" (`build --previous`): what changed between an earlier report
/// (its summary JSON, `PreviousSummary`) and this one.
///
/// - Teams are matched by key. A team of this report absent from the earlier one is new
///   (never an error); one of the earlier report absent now is removed.
/// - Bands are compared per team key, mode and banded figure, where both reports have a band.
/// - Findings are matched by kind, team, period and message — not by file or line, which
///   move when the export is renamed or rows are added; each occurrence counts once.
/// - The inputs are the same when the two reports read files of the same SHA-256 digests
///   (whatever their names).
public struct SinceLastReport: Sendable {
    public struct TeamRef: Sendable, Equatable, Hashable {
        public var key: String
        public var name: String
        public var path: String
    }

    public struct BandChange: Sendable, Equatable {
        public var team: TeamRef
        public var mode: ComputationMode
        public var figure: BandedFigure
        public var move: BandMove
    }

    /// A finding as the two reports are compared on.
    public struct FindingRef: Sendable, Hashable {
        public var severity: String
        public var kind: String
        public var team: String?
        public var period: String?
        public var message: String
    }

    /// What one team's page says about it.
    public enum TeamNote: Sendable, Equatable {
        /// The team is not in the earlier report.
        case new
        /// Bands that moved (none: the team's bands are as they were).
        case bands([BandChange])
    }

    /// The earlier report's file.
    public var previousFile: String
    public var previousWindow: Window
    /// The earlier report's date: its window's end, else the last day of its data.
    public var previousEnd: Day?
    /// Its generation time, when it carries one.
    public var previousGenerated: String?
    public var previousGenerator: String?
    public var inputsChanged: Bool
    public var windowChanged: Bool
    /// In this report's order.
    public var teamsAdded: [TeamRef]
    /// In the earlier report's order.
    public var teamsRemoved: [TeamRef]
    /// In this report's team order, then figure order.
    public var bandChanges: [BandChange]
    public var findingsNew: [FindingRef]
    public var findingsGone: [FindingRef]

    public init(previous: PreviousSummary, current: Report) {
        previousFile = previous.file
        previousWindow = previous.window
        previousEnd = previous.window.to ?? previous.dataEnd
        previousGenerated = previous.generated
        previousGenerator = previous.generator
        inputsChanged = previous.inputs.map(\.sha256).sorted() != current.inputs.map(\.sha256).sorted()
        windowChanged = previous.window != current.window

        let before = Set(previous.teams.map(\.key))
        let now = Set(current.teams.map(\.team.key))
        var seen: Set<String> = []
        teamsAdded = current.teams.compactMap { t in
            guard !before.contains(t.team.key), seen.insert(t.team.key).inserted else { return nil }
            return TeamRef(key: t.team.key, name: t.team.name, path: t.team.pathString)
        }
        seen = []
        teamsRemoved = previous.teams.compactMap { t in
            guard !now.contains(t.key), seen.insert(t.key).inserted else { return nil }
            return TeamRef(key: t.key, name: t.name, path: t.path)
        }

        struct ModeKey: Hashable { var key: String; var mode: ComputationMode }
        var earlier: [ModeKey: PreviousSummary.Team] = [:]
        for t in previous.teams where earlier[ModeKey(key: t.key, mode: t.mode)] == nil {
            earlier[ModeKey(key: t.key, mode: t.mode)] = t
        }
        var changes: [BandChange] = []
        for t in current.teams {
            guard let old = earlier[ModeKey(key: t.team.key, mode: t.mode)] else { continue }
            for f in BandedFigure.allCases {
                guard let from = old.bands[f], let to = t.summary.bands[f], from != to else { continue }
                changes.append(BandChange(team: TeamRef(key: t.team.key, name: t.team.name, path: t.team.pathString),
                                          mode: t.mode, figure: f, move: BandMove(from: from, to: to)))
            }
        }
        bandChanges = changes

        let then = previous.findings.map {
            FindingRef(severity: $0.severity, kind: $0.kind, team: $0.team, period: $0.period, message: $0.message)
        }
        let current = current.findings.map {
            FindingRef(severity: $0.severity.rawValue, kind: $0.kind.rawValue, team: $0.team, period: $0.period,
                       message: $0.message)
        }
        findingsNew = Self.subtracting(then, from: current)
        findingsGone = Self.subtracting(current, from: then)
    }

    /// Nothing changed: same inputs and window, no team added or removed, no band moved, no
    /// finding new or gone.
    public var nothingChanged: Bool {
        !inputsChanged && !windowChanged && teamsAdded.isEmpty && teamsRemoved.isEmpty && bandChanges.isEmpty
            && findingsNew.isEmpty && findingsGone.isEmpty
    }

    /// What changed for the team `key` (all its modes).
    public func note(forTeam key: String) -> TeamNote {
        if teamsAdded.contains(where: { $0.key == key }) { return .new }
        return .bands(bandChanges.filter { $0.team.key == key })
    }

    /// The elements of `items` left after taking out one occurrence per element of `other`,
    /// in `items`' order.
    static func subtracting(_ other: [FindingRef], from items: [FindingRef]) -> [FindingRef] {
        var count: [FindingRef: Int] = [:]
        for f in other { count[f, default: 0] += 1 }
        return items.filter { f in
            guard let n = count[f], n > 0 else { return true }
            count[f] = n - 1
            return false
        }
    }
}
