/// The additive amounts of one period in one computation mode, in **half units** (story
/// points come in halves; a ticket count is always even here). Every other column is
/// computed from these, so the identities of `docs/metrics.md#identities-derive-and-check` hold in the printed file.
struct SampleAmounts {
    var commit = 0
    var creep = 0
    var deliveredCommit = 0
    var deliveredCreep = 0
    var removed = 0

    var size: Int { commit + creep }
    var delivered: Int { deliveredCommit + deliveredCreep }
    var missedCommit: Int { commit - deliveredCommit }
    var missedCreep: Int { creep - deliveredCreep }

    static func += (a: inout SampleAmounts, b: SampleAmounts) {
        a.commit += b.commit
        a.creep += b.creep
        a.deliveredCommit += b.deliveredCommit
        a.deliveredCreep += b.deliveredCreep
        a.removed += b.removed
    }
}

/// One generated sprint of a team, with its amounts in both modes (both are always drawn,
/// so a story-points file holds the same numbers as the story-points columns of a file
/// with both modes).
struct SampleSprint {
    var number: Int
    var start: Day
    var end: Day
    var points: SampleAmounts
    var tickets: SampleAmounts

    func amounts(_ mode: ComputationMode) -> SampleAmounts {
        mode == .storyPoints ? points : tickets
    }
}

extension SampleTeam {
    /// The Monday after the last generated sprint: every team's series ends here, so the
    /// teams of an org tree overlap in time whatever their cadence.
    static let anchor = Day(year: 2026, month: 6, day: 29)!

    /// This team's `count` sprints, oldest first. The same team, count and seed always give
    /// the same sprints.
    func sprints(count: Int, seed: UInt64) -> [SampleSprint] {
        var r = SampleRandom(seed: seed, stream: UInt64(index) + 1 + (1 << 40))
        let days = cadenceWeeks * 7
        let first = SampleTeam.anchor.adding(days: -count * days + weekdayOffset)
        var out: [SampleSprint] = []
        out.reserveCapacity(count)
        for k in 0..<count {
            let start = first.adding(days: k * days)
            let end = start.adding(days: days - 1)
            // Draw every random number unconditionally: a fixed number per sprint.
            let idle = r.chance(0.003)  // a sprint with nothing committed (e.g. an offsite)
            let bad = r.chance(0.04)  // an incident or a blocked dependency
            let workNoise = r.noise(volatility)
            let creepNoise = r.noise(0.7)
            let commitNoise = r.noise(0.15)
            let creepDoneNoise = r.noise(0.3)
            let badFactor = r.uniform(0.2, 0.55)
            let removalNoise = r.noise(0.9)
            let ticketNoise = r.noise(0.12)

            let elapsedWeeks = Double(k * cadenceWeeks)
            let trend = max(0.4, 1 + trendPerWeek * elapsedWeeks)
            let season = SampleTeam.overlapsYearEnd(start, end) ? 0.65 : 1
            let workload = pointsPerWeek * Double(cadenceWeeks) * trend * season * workNoise
            var commitShare = min(1, commitDone * commitNoise)
            var creepShare = min(1, creepDone * creepDoneNoise)
            if bad {
                commitShare *= badFactor
                creepShare *= 0.5
            }
            func amounts(_ scale: Double, wholeUnits: Bool) -> SampleAmounts {
                func round(_ x: Double) -> Int {
                    wholeUnits ? 2 * Int(x.rounded(.toNearestOrAwayFromZero))
                        : Int((2 * x).rounded(.toNearestOrAwayFromZero))
                }
                var a = SampleAmounts()
                let committed = workload * scale
                a.commit = idle ? 0 : round(committed)
                a.creep = round(committed * creepRate * creepNoise)
                a.deliveredCommit = min(a.commit, round(Double(a.commit) / 2 * commitShare))
                a.deliveredCreep = min(a.creep, round(Double(a.creep) / 2 * creepShare))
                a.removed = round(Double(a.commit) / 2 * removalRate * removalNoise)
                return a
            }
            out.append(SampleSprint(
                number: k + 1, start: start, end: end,
                points: amounts(1, wholeUnits: false),
                tickets: amounts(ticketNoise / pointsPerTicket, wholeUnits: true)))
        }
        return out
    }

    /// Whether a sprint touches the year-end holidays (22 December – 1 January).
    static func overlapsYearEnd(_ start: Day, _ end: Day) -> Bool {
        let y = end.year
        for year in [y - 1, y] {
            let from = Day(year: year, month: 12, day: 22)!, to = Day(year: year + 1, month: 1, day: 1)!
            if start <= to && end >= from { return true }
        }
        return false
    }
}
