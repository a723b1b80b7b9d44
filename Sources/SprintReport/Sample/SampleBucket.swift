/// A team-level row: the sprints of one team whose end date falls in one period bucket
/// (`metricLevel = team`), summed, with the platform's per-bucket velocity and
/// predictability figures.
struct SampleBucket {
    var label: String
    var start: Day
    var end: Day
    var sprints: [SampleSprint] = []

    init(label: String, start: Day, end: Day) {
        self.label = label
        self.start = start
        self.end = end
    }

    func amounts(_ mode: ComputationMode) -> SampleAmounts {
        var total = SampleAmounts()
        for s in sprints { total += s.amounts(mode) }
        return total
    }

    /// PREDICTABILITY_DELIVERY_CONSISTENCY: sample standard deviation of the sprints' D, in
    /// hundredths; nil with fewer than 2 sprints.
    func deliverySpreadCents(_ mode: ComputationMode) -> Int? {
        SampleBucket.spreadCents(sprints.map { Double($0.amounts(mode).delivered) / 2 })
    }

    /// PREDICTABILITY_RELIABILITY_OF_COMMITMENT: sample standard deviation of the sprints'
    /// 100 · DC / C (sprints with C > 0), in hundredths; nil with fewer than 2 such sprints.
    func commitmentSpreadCents(_ mode: ComputationMode) -> Int? {
        SampleBucket.spreadCents(sprints.compactMap { s in
            let a = s.amounts(mode)
            return a.commit > 0 ? 100 * Double(a.deliveredCommit) / Double(a.commit) : nil
        })
    }

    static func spreadCents(_ values: [Double]) -> Int? {
        guard values.count >= 2 else { return nil }
        var sum = 0.0
        for v in values { sum += v }
        let mean = sum / Double(values.count)
        var squares = 0.0
        for v in values { squares += (v - mean) * (v - mean) }
        let sd = (squares / Double(values.count - 1)).squareRoot()
        return Int((sd * 100).rounded(.toNearestOrAwayFromZero))
    }

    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The bucket of `granularity` that holds `sprint` (by its end date).
    static func containing(_ sprint: SampleSprint, teamName: String, granularity: Granularity) -> SampleBucket {
        let (y, m, _) = sprint.end.components
        switch granularity {
        case .sprint:
            return SampleBucket(label: "\(teamName) Sprint \(sprint.number)", start: sprint.start, end: sprint.end)
        case .monthly:
            let start = Day(year: y, month: m, day: 1)!
            return SampleBucket(label: "\(monthNames[m - 1]) \(y)", start: start,
                                end: start.adding(days: Day.daysIn(month: m, year: y) - 1))
        case .quarterly:
            let q = (m - 1) / 3
            let start = Day(year: y, month: 3 * q + 1, day: 1)!
            let next = q == 3 ? Day(year: y + 1, month: 1, day: 1)! : Day(year: y, month: 3 * q + 4, day: 1)!
            return SampleBucket(label: "Q\(q + 1) \(y)", start: start, end: next.adding(days: -1))
        case .weekly:
            // ISO week: the week's Thursday decides its year.
            let monday = sprint.end.adding(days: 1 - sprint.end.isoWeekday)
            let isoYear = monday.adding(days: 3).year
            let week = (monday.daysSinceEpoch - Day.isoWeekStart(year: isoYear, week: 1)!.daysSinceEpoch) / 7 + 1
            return SampleBucket(label: "\(isoYear)-W\(week < 10 ? "0" : "")\(week)", start: monday,
                                end: monday.adding(days: 6))
        }
    }

    /// The sprints grouped into consecutive buckets (sprints are in date order, so each
    /// bucket's sprints are adjacent). Buckets without a sprint ending in them have no row.
    static func group(_ sprints: [SampleSprint], teamName: String, granularity: Granularity) -> [SampleBucket] {
        var out: [SampleBucket] = []
        for s in sprints {
            let b = containing(s, teamName: teamName, granularity: granularity)
            if out.last?.start != b.start || out.last?.label != b.label { out.append(b) }
            out[out.count - 1].sprints.append(s)
        }
        return out
    }
}
