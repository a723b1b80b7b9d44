/// Turns the data records of one file into `PeriodRow`s in the `RowStore`
/// (`docs/input-format.md`: team identity, periods, modes, values, wide and long shapes).
///
/// Runs once per record on the parsing thread: cells are read as bytes, and strings are
/// made only for what is kept (a team once per distinct team, a period's label and id).
///
/// This file holds the mapper's state and the per-record dispatch; its jobs live beside it:
/// `RecordCells` (reading a cell), `RecordIdentity` (team, period, mode, level),
/// `WideRecords` and `LongRecords` (the values of each shape), `RecordFindings` (what is
/// reported about a cell) and `FileSummary` (the file's summary at its end).
final class RecordMapper {
    let plan: HeaderPlan
    let path: String
    let fileIndex: Int
    let store: RowStore

    let col: Columns
    let suffixMode: ComputationMode?
    let options: ReadOptions
    let fieldCount: Int
    /// The plan's metric columns, flat, for the per-cell loop.
    let metricPlan: [MetricColumn]

    struct MetricColumn {
        var column: Int
        var index: Int
        /// 0: the row's mode, 1: story points, 2: tickets.
        var mode: UInt8
        var isWork: Bool
        var metric: Metric
    }
    /// The columns that give a team its key, in order of preference: id, hierarchy, name.
    let keyColumns: [Int]
    let sprintLevelFile: Bool

    // Per-record state below is only touched on the mapping thread, one access at a time:
    // `@exclusivity(unchecked)` spares the runtime's dynamic exclusivity check (a
    // `swift_beginAccess` per property access, ~4 % of the reader's instructions).

    // File facts for the summary.
    @exclusivity(unchecked) var records = 0
    @exclusivity(unchecked) var teamsSeen = Set<Int32>()
    @exclusivity(unchecked) var lastTeamSeen: Int32 = -1
    @exclusivity(unchecked) var first: Period?
    @exclusivity(unchecked) var last: Period?
    /// `orderKey`s of `first` and `last`: compared per record without copying a period.
    @exclusivity(unchecked) var firstKey: UInt64 = 0
    @exclusivity(unchecked) var lastKey: UInt64 = 0
    /// Whether `first` and `last` are set.
    @exclusivity(unchecked) var seenPeriod = false
    /// The hash of each record's period key (sprint id, else label), for the file's count of
    /// distinct periods: every record that gets this far gives a row with that period (the
    /// long shape adds it to the row of its key), so these are the keys of the file's rows.
    /// A constant: read from a `var`, the reference was retained and released per record.
    let periodKeys = DistinctCount()
    /// Bit 0: story points, bit 1: tickets.
    @exclusivity(unchecked) var modesSeen: UInt8 = 0
    @exclusivity(unchecked) var levelSeen: RowLevel = .team

    // Caches that spare a string and a hash lookup when consecutive records repeat.
    @exclusivity(unchecked) var days = DayCache()
    @exclusivity(unchecked) var lastKeyBytes: [UInt8] = []
    @exclusivity(unchecked) var lastKeyColumn = -1
    @exclusivity(unchecked) var lastTeam: Int32 = -1
    @exclusivity(unchecked) var lastModeBytes: [UInt8] = []
    @exclusivity(unchecked) var lastMode: ComputationMode?
    /// Where the period labels and sprint ids of this file's rows go.
    @exclusivity(unchecked) var text = PeriodText.make(capacity: RecordMapper.textBlock)
    @exclusivity(unchecked) var textUsed = 0
    @exclusivity(unchecked) var textSize = RecordMapper.textBlock
    static let textBlock = 64 * 1024

    // Extra metrics: wide shape's unknown columns, or long shape's unknown metric names.
    @exclusivity(unchecked) var extraNames: [String] = []
    @exclusivity(unchecked) var extraAny: [Bool] = []
    @exclusivity(unchecked) var extraNumeric: [Bool] = []
    @exclusivity(unchecked) var extraExample: [String?] = []
    @exclusivity(unchecked) var longExtraIndex: [String: Int] = [:]
    @exclusivity(unchecked) var longMetricCache: [String: (Metric, ComputationMode?)?] = [:]
    @exclusivity(unchecked) var longRows: [LongKey: (bucket: Int, row: Int)] = [:]

    struct LongKey: Hashable {
        var team: Int32
        var mode: ComputationMode
        var level: RowLevel
        var period: String
    }

    /// Column positions of the dimensions (-1 when absent), read once from the plan.
    struct Columns {
        var teamName = -1, teamId = -1, hierarchy = -1, orgTree = -1, periodLabel = -1
        var sprintName = -1, sprintId = -1, start = -1, end = -1, mode = -1, level = -1
        var metricName = -1, value = -1
    }

    init(plan: HeaderPlan, path: String, fileIndex: Int, store: RowStore, options: ReadOptions = ReadOptions()) {
        self.plan = plan
        self.path = path
        self.fileIndex = fileIndex
        self.store = store
        self.options = options
        var c = Columns()
        let d = plan.dimension
        c.teamName = d[.teamName] ?? -1
        c.teamId = d[.teamId] ?? -1
        c.hierarchy = d[.hierarchy] ?? -1
        c.orgTree = d[.orgTree] ?? -1
        c.periodLabel = d[.periodLabel] ?? -1
        c.sprintName = d[.sprintName] ?? -1
        c.sprintId = d[.sprintId] ?? -1
        c.start = d[.startDate] ?? -1
        c.end = d[.endDate] ?? -1
        c.mode = d[.computationMode] ?? -1
        c.level = d[.metricLevel] ?? -1
        c.metricName = d[.metricName] ?? -1
        c.value = d[.value] ?? -1
        col = c
        suffixMode = plan.suffixMode
        fieldCount = plan.headers.count
        metricPlan = plan.metricColumns.map {
            MetricColumn(column: $0.column, index: $0.metric.index,
                         mode: $0.mode == nil ? 0 : $0.mode == .storyPoints ? 1 : 2, isWork: $0.metric.isWork,
                         metric: $0.metric)
        }
        keyColumns = [c.teamId, c.hierarchy, c.teamName].filter { $0 >= 0 }
        sprintLevelFile = c.sprintName >= 0 || c.sprintId >= 0
        if plan.shape == .wide {
            for u in plan.unknownColumns { addExtra(plan.headers[u]) }
        }
    }

    func addExtra(_ name: String) {
        extraNames.append(name)
        extraAny.append(false)
        extraNumeric.append(true)
        extraExample.append(nil)
    }

    // MARK: - Records

    /// Maps one data record (the header is not one).
    func map(_ r: borrowing CSVRecord) throws {
        if r.count != fieldCount {
            throw InputError(file: path, line: r.line,
                             "expected \(fieldCount) fields (as in the header), found \(r.count)")
        }
        records += 1
        store.sequence += 1
        guard let team = team(r) else {
            store.report(Finding(kind: .unparsedValue, file: path, line: r.line,
                                 message: "record has no team (team id, hierarchy and name are empty): skipped"))
            return
        }
        guard let period = period(r) else {
            store.report(Finding(kind: .unparsedValue, file: path, line: r.line, team: store.teamName(team),
                                 message: "record has no period (no sprint, period label, sprint id or start date): skipped"))
            return
        }
        if team != lastTeamSeen {
            if lastTeamSeen >= 0 { store.teamRowsEnded(lastTeamSeen) }
            store.teamRowsBegin(team)
            teamsSeen.insert(team)
            lastTeamSeen = team
        }
        let keyHash = period.withKeyBytes { RowStore.hash($0) }
        periodKeys.insert(keyHash)
        let orderKey = period.orderKey
        // Keys compared first: no period is copied (nor an optional one tested) per record.
        if orderKey < firstKey || !seenPeriod { firstKey = orderKey; first = period }
        if orderKey > lastKey || !seenPeriod { lastKey = orderKey; last = period }
        seenPeriod = true
        let level = rowLevel(r)
        if level == .sprint { levelSeen = .sprint }
        let named = mode(r)
        if let named, let e = options.contradiction(named, "column '\(plan.headers[col.mode])'", file: path, line: r.line) {
            throw e
        }
        let rowMode = named ?? suffixMode ?? options.defaultMode
        let source = SourceRef(file: fileIndex, line: r.line)
        if plan.shape == .wide {
            // Handed over, not copied: the period's reference to its text block goes into the
            // row as it is (a copy was a retain here and a release at the end, per record).
            wide(r, team: team, period: consume period, keyHash: keyHash, level: level, rowMode: rowMode,
                 source: source)
        } else {
            try long(r, team: team, period: period, key: period.sprintId ?? period.label, level: level,
                     rowMode: rowMode, source: source)
        }
    }
}
