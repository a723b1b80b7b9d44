/// Org rollups (`docs/metrics.md#rolled-up-groups`): the additive metrics of many teams' periods summed by
/// calendar month, ratios recomputed from the sums.
public struct Rollup: Sendable {
    /// One point per calendar month (label `yyyy-MM`), in month order.
    public var months: [SeriesPoint]
    /// Number of team-periods summed (the divisor of a node's average sprint size).
    public var teamPeriods: Int
    /// Number of team-sprints: 1 per sprint-level period, the sprint count of a team-level
    /// row (`docs/metrics.md#velocity`); nil when a team-level row has no sprint count.
    public var teamSprints: Int?
    /// ΣD over those team-periods (nil: never present).
    public var delivered: Double?

    /// Sums the teams' window points by the month of each period's end date (else start).
    /// Periods without any date cannot be aligned and are left out.
    public init(teams: [TeamReport]) {
        var sums = MonthlySums()
        for t in teams { sums.add(MonthlySums(team: t)) }
        self.init(sums, mode: teams.first?.mode ?? .storyPoints)
    }

    /// The rollup of summed months: ratios recomputed from the sums, rolling mean of D.
    public init(_ sums: MonthlySums, mode: ComputationMode) {
        teamPeriods = sums.teamPeriods
        teamSprints = sums.teamSprints
        delivered = sums.delivered
        // (Sorted by `starts` itself: a comparison reading `sums.starts` copied all the sums,
        // a reference count up and down on each of their arrays.)
        let starts = sums.starts
        months = starts.indices.sorted { starts[$0] < starts[$1] }.compactMap { i in
            var slots = sums.slots(i)
            guard !slots.isEmpty else { return nil }
            let start = sums.starts[i]
            var derived = MetricSet()
            _ = Identities.completeRatios(&slots, derived: &derived, mode: mode)
            let values = MetricValues(slots: slots)
            let c = start.components
            let end = start.adding(days: Day.daysIn(month: c.month, year: c.year) - 1)
            let label = Self.monthLabel(start)
            let period = Period(label: label, start: start, end: end, granularity: .monthly)
            return SeriesPoint(period: period, values: values, derived: derived)
        }
        WindowSummarizer.fillRolling(&months)
    }

    /// `yyyy-MM` of a month's first day: `start.description.prefix(7)`, made without the
    /// intermediate strings for the common years.
    static func monthLabel(_ start: Day) -> String {
        let c = start.components
        guard (0...9999).contains(c.year) else { return String(start.description.prefix(7)) }
        let digits: [UInt8] = [UInt8(48 + c.year / 1000), UInt8(48 + c.year / 100 % 10), UInt8(48 + c.year / 10 % 10),
                               UInt8(48 + c.year % 10), 0x2D, UInt8(48 + c.month / 10), UInt8(48 + c.month % 10)]
        return String(decoding: digits, as: UTF8.self)
    }

    /// Node velocity: ΣD over the descendant team-periods divided by their number, where a
    /// team-level row counts as its sprint count so that the figure is per sprint like its
    /// teams' (`docs/metrics.md#velocity`; why per team sprint: `docs/metrics.md#rolled-up-groups`). When a team-level row has no sprint count, ΣD / team-periods, marked
    /// approximate.
    public var velocity: (value: Double?, approximate: Bool) {
        if let teamSprints {
            return (teamSprints > 0 ? delivered.map { $0 / Double(teamSprints) } : nil, false)
        }
        return (teamPeriods > 0 ? delivered.map { $0 / Double(teamPeriods) } : nil, true)
    }

    /// The node summary (`docs/metrics.md#rolled-up-groups`): the team figures over the monthly series, velocity as above, average sprint size
    /// ΣS / team-periods (as a team's is ΣS / n).
    public func summary(thresholds: BandThresholds) -> WindowSummary {
        WindowSummarizer.summarize(months, velocity: velocity, sizeDivisor: teamPeriods, thresholds: thresholds)
    }
}

/// Teams' window periods summed by calendar month: the additive part of a rollup. Sums of
/// disjoint team sets add up, so an org tree sums each leaf team once and adds the results.
public struct MonthlySums: Sendable {
    /// First day of each month seen (unordered), parallel to `sums`.
    public private(set) var starts: [Day] = []
    /// The running sums of each month as plain doubles (adding to a month decodes only the
    /// row, not the sum as well), packed: `width` doubles a month, month k's from k · width,
    /// one per additive metric in `Metric.additive` order, NaN until a value is added. Only
    /// additive metrics are summed, so a month takes 72 bytes, not a `MetricSlots`' 160:
    /// adding a leaf's months into the nodes of an org tree reads and writes half as much.
    private var packed: [Double] = []
    /// One month's sums in the order of `packed`.
    typealias Month = InlineArray<9, Double>
    /// Doubles a month: `Metric.additive.count` (a generic value parameter takes only a
    /// literal: `AnalysisMonthlySumsTests` checks it).
    static var width: Int { Month.count }

    /// The sums of month `k` (of `starts`) as slots: the additive metrics, the others missing.
    func slots(_ k: Int) -> MetricSlots {
        var out = MetricSlots()
        for (rank, metric) in Metric.additive.enumerated() { out[slot: metric.index] = packed[Self.offset(month: k, rank: rank)] }
        return out
    }

    /// The sums of each month, parallel to `starts`.
    public var sums: [MetricValues] { starts.indices.map { MetricValues(slots: slots($0)) } }
    public private(set) var teamPeriods = 0
    /// 1 per sprint-level period, the sprint count of a team-level row; nil once a
    /// team-level row has none.
    public private(set) var teamSprints: Int? = 0
    public private(set) var delivered: Double?
    /// Month number (year · 12 + month − 1) of each slot, parallel to `starts`.
    private var months: [Int] = []
    /// Slot of each month number from `firstMonth` on (−1: none): an array, not a
    /// dictionary, since a team's or node's months are few and close together.
    private var slotOfMonth: [Int] = []
    private var firstMonth = 0
    private var farSlots: [Int: Int] = [:]

    public init() {}

    /// One team's window points, by the month of their end (else start) date.
    public init(team: TeamReport) {
        refill(team.points, level: team.level)
    }

    /// Makes these the sums of a team's points, as `init(team:)` does, in the arrays these
    /// sums have (emptied, their room kept): an org tree sums a batch of leaves at a time into
    /// the same sums, with no allocation and freeing per leaf after the first batch. (The
    /// points and level, not the report: a report passed on was copied, a reference count up
    /// and down on each part of its team.)
    mutating func refill(_ points: TeamPoints, level: RowLevel) {
        starts.removeAll(keepingCapacity: true)
        packed.removeAll(keepingCapacity: true)
        months.removeAll(keepingCapacity: true)
        slotOfMonth.removeAll(keepingCapacity: true)
        if !farSlots.isEmpty { farSlots = [:] }
        teamPeriods = 0
        teamSprints = 0
        delivered = nil
        firstMonth = 0
        switch points {
        case let .rows(rows): sum(rows, level: level)
        case let .points(points): sum(points, level: level)
        }
    }

    /// Sums a team's points into empty sums.
    private mutating func sum<P: WindowRow>(_ points: [P], level: RowLevel) {
        // Consecutive periods share a month or go on to the next one (a team's rows are in
        // period order): the calendar maths only for a jump elsewhere. `year` and `month`
        // are those of `monthFrom ... monthTo` (month 0: none yet).
        var monthFrom = Day(daysSinceEpoch: 1), monthTo = Day(daysSinceEpoch: 0), lastSlot = 0
        var year = 0, month = 0
        // No more months than points (room made once, not doubled and copied as months come).
        let room = Swift.min(points.count, 64)
        starts.reserveCapacity(room)
        months.reserveCapacity(room)
        packed.reserveCapacity(room * Self.width)
        // The month numbers from `denseBefore` before the first month: grown one month at a
        // time, the table was copied to a larger block once per team (perf: `memmove`).
        slotOfMonth.reserveCapacity(Self.denseBefore + room + 1)
        let points = points.span  // read in place: no copy of a row per step
        // The month's sums are added up in a local copy, written back when the month
        // changes: the same additions in the same order, but a row's values added to a
        // property of `self` were copied first (they might have been the same memory).
        var current = Month(repeating: .nan), currentSlot = -1, fresh = false
        let additive = MetricSet.additive, deliveredSlot = Metric.totalWorkDelivered.index
        for k in points.indices {
            guard let day = points[k].period.alignmentDay else { continue }
            teamPeriods += 1
            let n = level == .sprint ? 1 : points[k].sprintCount(level: level)
            teamSprints = teamSprints.flatMap { s in n.map { s + $0 } }
            if day < monthFrom || day > monthTo {
                let (nextYear, nextMonth) = month == 12 ? (year + 1, 1) : (year, month + 1)
                let nextLength = Day.daysIn(month: nextMonth, year: nextYear)
                if month > 0, day > monthTo, Int(day.daysSinceEpoch) - Int(monthTo.daysSinceEpoch) <= nextLength {
                    // The month after the last one: it starts the day after.
                    (year, month) = (nextYear, nextMonth)
                    monthFrom = monthTo.adding(days: 1)
                    monthTo = monthFrom.adding(days: nextLength - 1)
                } else {
                    let c = day.components
                    (year, month) = (c.year, c.month)
                    monthFrom = Day(year: c.year, month: c.month, day: 1)!
                    monthTo = monthFrom.adding(days: Day.daysIn(month: c.month, year: c.year) - 1)
                }
                let made = starts.count
                lastSlot = slot(monthFrom, number: year * 12 + month - 1)
                fresh = starts.count > made
            }
            if lastSlot != currentSlot {
                if currentSlot >= 0 { store(current, at: currentSlot) }
                currentSlot = lastSlot
                // A month made just now has empty sums: not read back out of `packed`.
                current = fresh ? Month(repeating: .nan) : sums(ofMonth: lastSlot)
            }
            // The delivered work is noted as the values are added: one read of the row's values.
            var d: Double?
            points[k].values.forEachValue(ranked: additive) { rank, slot, value in
                let x = value.double
                if slot == deliveredSlot { d = x }
                current[rank] = MetricSlots.sum(current[rank], adding: x)
            }
            if let d { delivered = (delivered ?? 0) + d }
        }
        if currentSlot >= 0 { store(current, at: currentSlot) }
    }

    private func sums(ofMonth k: Int) -> Month {
        Month { packed[Self.offset(month: k, rank: $0)] }
    }

    private mutating func store(_ month: Month, at k: Int) {
        for rank in 0..<Self.width { packed[Self.offset(month: k, rank: rank)] = month[rank] }
    }

    /// Where in `packed` the sum of the metric of `rank` (in `Metric.additive`) of month `k` is.
    @inline(__always)
    private static func offset(month k: Int, rank: Int) -> Int { k * width + rank }

    /// Adds another set of sums (of other teams): month by month, each metric's sum as
    /// `MetricSlots` adds (a missing value adds nothing).
    public mutating func add(_ other: MonthlySums) {
        withUnsafePointer(to: other) { add($0) }
    }

    /// The same with the sums at `other`, read in place: sums passed on as a value were
    /// copied first, a reference count up and down on each of their arrays, which the
    /// other tasks adding the same leaf's sums into other groups count too (`OrgTree`).
    mutating func add(_ other: UnsafePointer<MonthlySums>) {
        teamPeriods += other.pointee.teamPeriods
        teamSprints = teamSprints.flatMap { s in other.pointee.teamSprints.map { s + $0 } }
        if let d = other.pointee.delivered { delivered = (delivered ?? 0) + d }
        let n = other.pointee.starts.count
        // The slots first (they may grow `packed`), then the sums in place.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: n) { at in
            for k in 0..<n { at[k] = slot(other.pointee.starts[k], number: other.pointee.months[k]) }
            packed.withUnsafeMutableBufferPointer { to in
                other.pointee.packed.withUnsafeBufferPointer { from in  // read in place
                    guard let to = to.baseAddress, let from = from.baseAddress else { return }
                    for k in 0..<n {
                        let sum = to + Self.offset(month: at[k], rank: 0)
                        let value = from + Self.offset(month: k, rank: 0)
                        for rank in 0..<Self.width { MetricSlots.add(sum: value[rank], into: &sum[rank]) }
                    }
                }
            }
        }
    }

    /// The slot of a month (its first day and month number), made when new. The first day
    /// is read only then: adding a leaf's months into a node reads their numbers alone.
    @inline(__always)
    private mutating func slot(_ month: @autoclosure () -> Day, number: Int) -> Int {
        // A month already seen in the dense range (most additions into a node's sums): one
        // lookup in line. `slotOfMonth` is empty until a first month sets `firstMonth`.
        let k = number - firstMonth
        if k >= 0, k < slotOfMonth.count, slotOfMonth[k] >= 0 { return slotOfMonth[k] }
        return newSlot(month(), number: number)
    }

    /// `slot(_:number:)` for a month not in `slotOfMonth`: far ones, and new ones (made).
    private mutating func newSlot(_ month: Day, number: Int) -> Int {
        if starts.isEmpty { firstMonth = number - Self.denseBefore }
        let k = number - firstMonth
        if k >= 0, k < Self.denseMonths {
            if k >= slotOfMonth.count {
                // Months mostly come one after another: one more entry, appended (`+=` of a
                // sequence cost ~100 instructions more).
                if k == slotOfMonth.count {
                    slotOfMonth.append(-1)
                } else {
                    slotOfMonth += repeatElement(-1, count: k - slotOfMonth.count + 1)
                }
            }
            if slotOfMonth[k] >= 0 { return slotOfMonth[k] }
            slotOfMonth[k] = starts.count
        } else {
            if let i = farSlots[number] { return i }
            farSlots[number] = starts.count
        }
        starts.append(month)
        months.append(number)
        for _ in 0..<Self.width { packed.append(.nan) }
        return starts.count - 1
    }

    /// Months before the first one seen, and months in all, that `slotOfMonth` covers;
    /// others (dates decades apart) go to `farSlots`.
    private static let denseBefore = 120, denseMonths = 600
}
