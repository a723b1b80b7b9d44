/// The metric groups of the Sprint Export API (`metricGroups`).
public enum MetricGroup: String, Sendable, CaseIterable {
    case work, delivery, deliveryAnalysis, analysis
}

/// How a metric's value reads.
public enum UnitKind: String, Sendable {
    /// Work in the file's computation mode (story points or tickets).
    case amount
    /// A 0–100 percentage.
    case percent
    /// A plain ratio such as 1.25.
    case ratio
    /// A spread (standard deviation) of amounts, as exported by the platform.
    case spread
}

/// Every metric the Sprint Export API can carry, in the order of `docs/metrics.md#the-metrics-of-a-period`.
///
/// The raw value is the platform's enum name, which is also the key in the JSON summary.
public enum Metric: String, Sendable, CaseIterable, Comparable {
    case sprintCommit = "SPRINT_COMMIT"
    case sprintCreep = "SPRINT_CREEP"
    case sprintSize = "SPRINT_SIZE"
    case scopeCreepPercent = "SCOPE_CREEP_PERCENT"
    case totalWorkDelivered = "TOTAL_WORK_DELIVERED"
    case sprintVelocity = "SPRINT_VELOCITY"
    case deliveredCommit = "DELIVERED_COMMIT"
    case missedCommit = "MISSED_COMMIT"
    case deliveredCreep = "DELIVERED_CREEP"
    case missedCreep = "MISSED_CREEP"
    case totalDeliveredWorkVsCommittedWork = "TOTAL_DELIVERED_WORK_VS_COMMITTED_WORK"
    case committedWorkDeliveredPercent = "COMMITTED_WORK_DELIVERED_PERCENT"
    case creepWorkDeliveredPercent = "CREEP_WORK_DELIVERED_PERCENT"
    case totalWorkDeliveredPercent = "TOTAL_WORK_DELIVERED_PERCENT"
    case ticketsRemovedMidSprint = "TICKETS_REMOVED_MID_SPRINT"
    case churnRate = "CHURN_RATE"
    case predictabilityDeliveryConsistency = "PREDICTABILITY_DELIVERY_CONSISTENCY"
    case predictabilityReliabilityOfCommitment = "PREDICTABILITY_RELIABILITY_OF_COMMITMENT"
    case averageSprintSize = "AVERAGE_SPRINT_SIZE"
    case workRemovalRatePercent = "WORK_REMOVAL_RATE_PERCENT"

    /// Number of metrics: `MetricValues` and `MetricSlots` hold one slot per metric (their
    /// storage sizes are literals; a test checks them against this).
    public static let count = 20

    /// Position in `allCases`: the slot in `MetricValues`.
    @inlinable public var index: Int {
        switch self {
        case .sprintCommit: 0
        case .sprintCreep: 1
        case .sprintSize: 2
        case .scopeCreepPercent: 3
        case .totalWorkDelivered: 4
        case .sprintVelocity: 5
        case .deliveredCommit: 6
        case .missedCommit: 7
        case .deliveredCreep: 8
        case .missedCreep: 9
        case .totalDeliveredWorkVsCommittedWork: 10
        case .committedWorkDeliveredPercent: 11
        case .creepWorkDeliveredPercent: 12
        case .totalWorkDeliveredPercent: 13
        case .ticketsRemovedMidSprint: 14
        case .churnRate: 15
        case .predictabilityDeliveryConsistency: 16
        case .predictabilityReliabilityOfCommitment: 17
        case .averageSprintSize: 18
        case .workRemovalRatePercent: 19
        }
    }

    public static func < (a: Metric, b: Metric) -> Bool { a.index < b.index }

    public var group: MetricGroup {
        switch self {
        case .sprintCommit, .sprintCreep, .sprintSize, .scopeCreepPercent, .averageSprintSize: .work
        case .totalWorkDelivered, .sprintVelocity, .deliveredCommit, .missedCommit, .deliveredCreep,
             .missedCreep, .totalDeliveredWorkVsCommittedWork: .delivery
        case .committedWorkDeliveredPercent, .creepWorkDeliveredPercent, .totalWorkDeliveredPercent:
            .deliveryAnalysis
        case .ticketsRemovedMidSprint, .churnRate, .predictabilityDeliveryConsistency,
             .predictabilityReliabilityOfCommitment, .workRemovalRatePercent: .analysis
        }
    }

    public var unitKind: UnitKind {
        switch self {
        case .scopeCreepPercent, .committedWorkDeliveredPercent, .creepWorkDeliveredPercent,
             .totalWorkDeliveredPercent, .churnRate, .predictabilityReliabilityOfCommitment,
             .workRemovalRatePercent: .percent
        case .totalDeliveredWorkVsCommittedWork: .ratio
        case .predictabilityDeliveryConsistency: .spread
        default: .amount
        }
    }

    /// Additive metrics add up across periods and teams (C, A, S, DC, MC, DA, MA, D, R).
    public var isAdditive: Bool {
        switch self {
        case .sprintCommit, .sprintCreep, .sprintSize, .totalWorkDelivered, .deliveredCommit,
             .missedCommit, .deliveredCreep, .missedCreep, .ticketsRemovedMidSprint: true
        default: false
        }
    }

    /// Every metric, by `index`.
    static let byIndex: [Metric] = allCases

    /// The additive metrics, in order: the keys of `totals`.
    public static let additive: [Metric] = allCases.filter(\.isAdditive)

    /// Work metrics must not be negative (a negative one is a finding).
    public var isWork: Bool { isAdditive || self == .sprintVelocity || self == .averageSprintSize }

    /// The name a person reads, as the platform's UI prints it.
    public var displayName: String {
        switch self {
        case .sprintCommit: "Sprint commit"
        case .sprintCreep: "Sprint creep"
        case .sprintSize: "Sprint size"
        case .scopeCreepPercent: "Scope creep %"
        case .totalWorkDelivered: "Total work delivered"
        case .sprintVelocity: "Sprint velocity"
        case .deliveredCommit: "Delivered commit"
        case .missedCommit: "Missed commit"
        case .deliveredCreep: "Delivered creep"
        case .missedCreep: "Missed creep"
        case .totalDeliveredWorkVsCommittedWork: "Delivered vs committed"
        case .committedWorkDeliveredPercent: "Committed work delivered %"
        case .creepWorkDeliveredPercent: "Creep work delivered %"
        case .totalWorkDeliveredPercent: "Total work delivered %"
        case .ticketsRemovedMidSprint: "Removed mid-sprint"
        case .churnRate: "Churn rate %"
        case .predictabilityDeliveryConsistency: "Predictability (delivery consistency)"
        case .predictabilityReliabilityOfCommitment: "Predictability % (reliability of commitment)"
        case .averageSprintSize: "Average sprint size"
        case .workRemovalRatePercent: "Work removal rate %"
        }
    }

    /// The header spellings the platform and its users produce, before normalising
    /// (`docs/input-format.md#metrics`). The enum name is accepted too.
    public var aliases: [String] {
        switch self {
        case .sprintCommit: ["Sprint Commit", "Commit Points", "Committed"]
        case .sprintCreep: ["Sprint Creep", "Creep Points", "Scope Creep"]
        case .sprintSize: ["Sprint Size"]
        case .scopeCreepPercent: ["Scope Creep %", "Scope Creep Percentage"]
        case .totalWorkDelivered: ["Work Delivered", "Total Delivered", "Delivered Points"]
        case .sprintVelocity: ["Sprint Velocity", "Velocity"]
        case .deliveredCommit: ["Delivered Commit", "Commit Done"]
        case .missedCommit: ["Missed Commit", "Commit Missed"]
        case .deliveredCreep: ["Delivered Creep", "Creep Done"]
        case .missedCreep: ["Missed Creep", "Creep Missed"]
        case .totalDeliveredWorkVsCommittedWork:
            ["Total Delivered Work vs Committed Work", "Delivered To Commit Ratio"]
        case .committedWorkDeliveredPercent:
            ["Committed Work Delivered (%)", "% of Committed Work Delivered", "Committed Work Delivered"]
        case .creepWorkDeliveredPercent:
            ["Creep Work Delivered (%)", "% of Creep Work Delivered", "Creep Work Delivered"]
        case .totalWorkDeliveredPercent: ["Total Work Delivered (%)", "% of Total Work Delivered"]
        case .ticketsRemovedMidSprint: ["Tickets Removed Mid Sprint", "Removed Mid Sprint", "Work Removed"]
        case .churnRate: ["Churn Rate"]
        case .predictabilityDeliveryConsistency:
            ["Predictability (Delivery Consistency)", "Predictability"]
        case .predictabilityReliabilityOfCommitment:
            ["Predictability % (Reliability of Commitment)", "Predictability %"]
        case .averageSprintSize: ["Average Sprint Size"]
        case .workRemovalRatePercent: ["Work Removal Rate %", "Work Removal Rate"]
        }
    }
}

/// A set of metrics as a bit mask (e.g. which values of a period were derived).
public struct MetricSet: Hashable, Sendable, Sequence {
    public var bits: UInt32
    public init() { bits = 0 }
    public init(_ metrics: [Metric]) {
        bits = 0
        for m in metrics { insert(m) }
    }
    public func contains(_ m: Metric) -> Bool { bits & (1 << UInt32(m.index)) != 0 }
    public mutating func insert(_ m: Metric) { bits |= 1 << UInt32(m.index) }
    public mutating func remove(_ m: Metric) { bits &= ~(1 << UInt32(m.index)) }
    public var isEmpty: Bool { bits == 0 }
    /// Every metric.
    public static var all: MetricSet {
        var s = MetricSet()
        s.bits = 1 << UInt32(Metric.count) - 1
        return s
    }
    /// The additive metrics (`Metric.additive`).
    public static let additive = MetricSet(Metric.additive)
    /// The metrics in the set, in `Metric.index` order.
    public func makeIterator() -> Iterator { Iterator(bits: bits & MetricSet.all.bits) }

    public struct Iterator: IteratorProtocol {
        var bits: UInt32
        public mutating func next() -> Metric? {
            guard bits != 0 else { return nil }
            let i = bits.trailingZeroBitCount
            bits &= bits &- 1
            return Metric.byIndex[i]
        }
    }
}
