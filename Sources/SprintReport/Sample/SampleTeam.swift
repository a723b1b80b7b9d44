/// One generated team: its identity columns and the habits that shape its numbers.
struct SampleTeam {
    /// Position in the file (0-based); also picks the team's random streams.
    var index: Int
    var name: String
    /// `team_00042`.
    var id: String
    /// `Engineering/<division>/<group>/<team>` (no division level in small organisations).
    var path: String
    /// Sprint length in weeks (1–3).
    var cadenceWeeks: Int
    /// Days after Monday on which this team's sprints start (0–2).
    var weekdayOffset: Int
    /// Story points committed per week at the start of the series.
    var pointsPerWeek: Double
    /// Relative change of the workload per week (a trend, up or down).
    var trendPerWeek: Double
    /// Story points per ticket (links the two computation modes).
    var pointsPerTicket: Double
    /// Creep added to a sprint, as a share of the commit.
    var creepRate: Double
    /// Share of the commit delivered, and of the creep.
    var commitDone: Double
    var creepDone: Double
    /// Work removed mid-sprint, as a share of the commit.
    var removalRate: Double
    /// How much sprints vary around the trend (0.08 steady … 0.3 erratic).
    var volatility: Double

    init(index: Int, name: String, path: String, seed: UInt64) {
        var r = SampleRandom(seed: seed, stream: UInt64(index) + 1)
        self.index = index
        self.name = name
        self.path = path
        let number = String(index + 1)
        id = "team_" + String(repeating: "0", count: max(0, 5 - number.count)) + number
        let cadence = r.unit()
        cadenceWeeks = cadence < 0.12 ? 1 : cadence < 0.8 ? 2 : 3
        let weekday = r.unit()
        weekdayOffset = weekday < 0.75 ? 0 : weekday < 0.85 ? 1 : 2
        pointsPerWeek = r.uniform(9, 30)
        trendPerWeek = r.uniform(-0.002, 0.004)
        pointsPerTicket = r.uniform(1.6, 3.4)
        creepRate = r.uniform(0.05, 0.45)
        commitDone = r.uniform(0.62, 0.95)
        creepDone = r.uniform(0.4, 0.9)
        removalRate = r.uniform(0, 0.08)
        volatility = r.uniform(0.08, 0.3)
    }
}

/// The org tree of a sample: `Engineering/<group>/<team>` with groups of 5–15 teams, and a
/// division level (`Engineering/<division>/<group>/<team>`, 8–20 groups each) once there are
/// more than 30 groups. Names are unique across the whole tree.
enum SampleOrg {
    static let root = "Engineering"

    static func teams(count: Int, seed: UInt64) -> [SampleTeam] {
        var r = SampleRandom(seed: seed, stream: 0)
        var groupSizes: [Int] = []
        var placed = 0
        while placed < count {
            let size = min(r.int(in: 5...15), count - placed)
            groupSizes.append(size)
            placed += size
        }
        var divisionSizes: [Int] = []
        if groupSizes.count > 30 {
            var grouped = 0
            while grouped < groupSizes.count {
                let size = min(r.int(in: 8...20), groupSizes.count - grouped)
                divisionSizes.append(size)
                grouped += size
            }
        }
        let teamNames = SampleNames.unique(count, base: SampleNames.teamNouns,
                                           modifiers: SampleNames.adjectives, modifierFirst: true, random: &r)
        let groupNames = SampleNames.unique(groupSizes.count, base: SampleNames.areas,
                                            modifiers: SampleNames.areaQualifiers, modifierFirst: false, random: &r)
        let divisionNames = SampleNames.unique(divisionSizes.count, base: SampleNames.divisions,
                                               modifiers: SampleNames.regions, modifierFirst: false, random: &r)
        var groupPrefix: [String] = []
        if divisionSizes.isEmpty {
            groupPrefix = groupNames.map { "\(root)/\($0)/" }
        } else {
            for (d, size) in divisionSizes.enumerated() {
                for _ in 0..<size {
                    groupPrefix.append("\(root)/\(divisionNames[d])/\(groupNames[groupPrefix.count])/")
                }
            }
        }
        var teams: [SampleTeam] = []
        teams.reserveCapacity(count)
        for (g, size) in groupSizes.enumerated() {
            for _ in 0..<size {
                let i = teams.count
                teams.append(SampleTeam(index: i, name: teamNames[i], path: groupPrefix[g] + teamNames[i], seed: seed))
            }
        }
        return teams
    }
}
