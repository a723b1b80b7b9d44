/// One period of a team: a sprint, or a team-level period bucket (month, quarter, week…).
public struct Period: Sendable, Hashable {
    /// What a reader sees: the sprint name, else the period label, else the sprint id,
    /// else the start date.
    public var label: String
    public var sprintId: String?
    public var start: Day?
    public var end: Day?
    /// The bucket size of a team-level row, when known from its label or the file.
    public var granularity: Granularity?
    /// Day used for ordering: the start date, else the first day the parsed label covers.
    public var orderDay: Day?
    /// Position among the inputs' records (file index, then record): the last tiebreak.
    public var sequence: Int

    public init(label: String, sprintId: String? = nil, start: Day? = nil, end: Day? = nil,
                granularity: Granularity? = nil, orderDay: Day? = nil, sequence: Int = 0) {
        self.label = label
        self.sprintId = sprintId
        self.start = start
        self.end = end
        self.granularity = granularity
        self.orderDay = orderDay ?? start
        self.sequence = sequence
    }

    /// The day that decides window membership (`metrics.md` §2): end, else start.
    public var windowDay: Day? { end ?? start ?? orderDay }

    /// The day that decides month alignment in rollups (`metrics.md` §4): end, else start.
    public var alignmentDay: Day? { end ?? start ?? orderDay }

    /// Period order: by `orderDay` (periods without one after those with one), then input order.
    public static func precedes(_ a: Period, _ b: Period) -> Bool {
        switch (a.orderDay, b.orderDay) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.sequence < b.sequence
        }
    }
}
