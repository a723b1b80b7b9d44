/// The columns of a generated export, in the platform's order and `Title_Case` spelling
/// (as in the shared sample exports), and how each metric cell is printed.
struct SampleColumns {
    /// Metric columns of a sprint-level file.
    static let sprintMetrics: [Metric] = [
        .sprintCommit, .sprintCreep, .sprintSize, .scopeCreepPercent, .totalWorkDelivered,
        .deliveredCommit, .missedCommit, .deliveredCreep, .missedCreep,
        .totalDeliveredWorkVsCommittedWork, .committedWorkDeliveredPercent,
        .creepWorkDeliveredPercent, .totalWorkDeliveredPercent, .ticketsRemovedMidSprint, .churnRate,
    ]

    /// Metric columns of a team-level file (no TICKETS_REMOVED_MID_SPRINT: sprint-level only).
    static let teamMetrics: [Metric] = [
        .sprintCommit, .sprintCreep, .sprintSize, .scopeCreepPercent, .totalWorkDelivered,
        .sprintVelocity, .deliveredCommit, .missedCommit, .deliveredCreep, .missedCreep,
        .totalDeliveredWorkVsCommittedWork, .committedWorkDeliveredPercent,
        .creepWorkDeliveredPercent, .totalWorkDeliveredPercent, .churnRate,
        .predictabilityDeliveryConsistency, .predictabilityReliabilityOfCommitment,
    ]

    let level: RowLevel
    let modes: [ComputationMode]
    let metrics: [Metric]

    init(level: RowLevel, modes: [ComputationMode]) {
        self.level = level
        self.modes = modes
        metrics = level == .sprint ? Self.sprintMetrics : Self.teamMetrics
    }

    /// A single-mode tickets file names its mode in a `Computation_Mode` column (without it
    /// a reader takes story points); story points, the default, need none.
    var hasModeColumn: Bool { modes == [.tickets] }

    /// `SPRINT_COMMIT` → `Sprint_Commit`.
    static func titleCase(_ metric: Metric) -> String {
        metric.rawValue.split(separator: "_").map { $0.prefix(1) + $0.dropFirst().lowercased() }
            .joined(separator: "_")
    }

    var header: [String] {
        var names = ["Team", "Team_Id", "Team_Hierarchy"]
        names += level == .sprint ? ["Sprint", "Sprint_Id"] : ["Granularity"]
        names += ["Start_Date", "End_Date"]
        if hasModeColumn { names.append("Computation_Mode") }
        for mode in modes {
            let suffix = modes.count > 1 ? (mode == .storyPoints ? "_story_points" : "_tickets") : ""
            names += metrics.map { Self.titleCase($0) + suffix }
        }
        return names
    }

    /// The metric cells of one row for one mode, each preceded by a comma. `sprintCount`
    /// and the spreads are used by team-level rows only.
    func appendCells(_ a: SampleAmounts, sprintCount: Int = 1, deliverySpread: Int? = nil,
                     commitmentSpread: Int? = nil, to out: inout SampleCSVBuffer) {
        for metric in metrics {
            out.comma()
            switch metric {
            case .sprintCommit: out.appendHalves(a.commit)
            case .sprintCreep: out.appendHalves(a.creep)
            case .sprintSize: out.appendHalves(a.size)
            case .scopeCreepPercent: out.appendRatio(a.creep, a.commit, scale: 100)
            case .totalWorkDelivered: out.appendHalves(a.delivered)
            case .sprintVelocity: out.appendRatio(a.delivered, 2 * sprintCount, scale: 1)
            case .deliveredCommit: out.appendHalves(a.deliveredCommit)
            case .missedCommit: out.appendHalves(a.missedCommit)
            case .deliveredCreep: out.appendHalves(a.deliveredCreep)
            case .missedCreep: out.appendHalves(a.missedCreep)
            case .totalDeliveredWorkVsCommittedWork: out.appendRatio(a.delivered, a.commit, scale: 1)
            case .committedWorkDeliveredPercent: out.appendRatio(a.deliveredCommit, a.commit, scale: 100)
            case .creepWorkDeliveredPercent: out.appendRatio(a.deliveredCreep, a.creep, scale: 100)
            case .totalWorkDeliveredPercent: out.appendRatio(a.delivered, a.size, scale: 100)
            case .ticketsRemovedMidSprint: out.appendHalves(a.removed)
            case .churnRate: out.appendRatio(a.creep + a.removed, a.commit, scale: 100)
            case .workRemovalRatePercent: out.appendRatio(a.removed, a.commit, scale: 100)
            case .predictabilityDeliveryConsistency: if let c = deliverySpread { out.appendCents(c) }
            case .predictabilityReliabilityOfCommitment: if let c = commitmentSpread { out.appendCents(c) }
            case .averageSprintSize: out.appendRatio(a.size, 2 * sprintCount, scale: 1)
            }
        }
    }
}
