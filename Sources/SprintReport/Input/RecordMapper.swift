#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the data records of one file into `PeriodRow`s in the `RowStore`
/// (`export-format.md`: team identity, periods, modes, values, wide and long shapes).
///
/// Runs once per record on the parsing thread: cells are read as bytes, and strings are
/// made only for what is kept (a team once per distinct team, a period's label and id).
final class RecordMapper {
    let plan: HeaderPlan
    let path: String
    let fileIndex: Int
    let store: RowStore

    let col: Columns
    private let suffixMode: ComputationMode?
    let options: ReadOptions
    private let fieldCount: Int
    /// The plan's metric columns, flat, for the per-cell loop.
    private let metricPlan: [MetricColumn]

    struct MetricColumn {
        var column: Int
        var index: Int
        /// 0: the row's mode, 1: story points, 2: tickets.
        var mode: UInt8
        var isWork: Bool
        var metric: Metric
    }
    /// The columns that give a team its key, in order of preference: id, hierarchy, name.
    private let keyColumns: [Int]
    private let sprintLevelFile: Bool

    // Per-record state below is only touched on the mapping thread, one access at a time:
    // `@exclusivity(unchecked)` spares the runtime's dynamic exclusivity check (a
    // `swift_beginAccess` per property access, ~4 % of the reader's instructions).

    // File facts for the summary.
    @exclusivity(unchecked) private var records = 0
    @exclusivity(unchecked) private var teamsSeen = Set<Int32>()
    @exclusivity(unchecked) private var lastTeamSeen: Int32 = -1
    @exclusivity(unchecked) private var first: Period?
    @exclusivity(unchecked) private var last: Period?
    /// `orderKey`s of `first` and `last`: compared per record without copying a period.
    @exclusivity(unchecked) private var firstKey: UInt64 = 0
    @exclusivity(unchecked) private var lastKey: UInt64 = 0
    /// Bit 0: story points, bit 1: tickets.
    @exclusivity(unchecked) var modesSeen: UInt8 = 0
    @exclusivity(unchecked) private var levelSeen: RowLevel = .team

    // Caches that spare a string and a hash lookup when consecutive records repeat.
    @exclusivity(unchecked) private var days = DayCache()
    @exclusivity(unchecked) private var lastKeyBytes: [UInt8] = []
    @exclusivity(unchecked) private var lastKeyColumn = -1
    @exclusivity(unchecked) private var lastTeam: Int32 = -1
    @exclusivity(unchecked) private var lastModeBytes: [UInt8] = []
    @exclusivity(unchecked) private var lastMode: ComputationMode?
    /// Where the period labels and sprint ids of this file's rows go.
    @exclusivity(unchecked) private var text = PeriodText.make(capacity: RecordMapper.textBlock)
    @exclusivity(unchecked) private var textUsed = 0
    @exclusivity(unchecked) private var textSize = RecordMapper.textBlock
    static let textBlock = 64 * 1024

    // Extra metrics: wide shape's unknown columns, or long shape's unknown metric names.
    var extraNames: [String] = []
    var extraAny: [Bool] = []
    var extraNumeric: [Bool] = []
    var extraExample: [String?] = []
    var longExtraIndex: [String: Int] = [:]
    var longMetricCache: [String: (Metric, ComputationMode?)?] = [:]
    var longRows: [LongKey: (bucket: Int, row: Int)] = [:]

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

    // MARK: - Cells

    @inline(__always)
    private static func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var s = 0, e = b.count
        while s < e, b[s] == 0x20 || b[s] == 0x09 { s += 1 }
        while e > s, b[e - 1] == 0x20 || b[e - 1] == 0x09 { e -= 1 }
        if s == 0 && e == b.count { return b }
        return UnsafeBufferPointer(rebasing: b[s..<e])
    }

    @inline(__always)
    private func cell(_ r: borrowing CSVRecord, _ c: Int) -> UnsafeBufferPointer<UInt8> {
        c < 0 ? UnsafeBufferPointer(start: nil, count: 0) : Self.trimmed(r.bytes(c))
    }

    @inline(__always)
    func text(_ r: borrowing CSVRecord, _ c: Int) -> String? {
        let b = cell(r, c)
        return b.isEmpty ? nil : String(decoding: b, as: UTF8.self)
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
            store.findings.append(Finding(kind: .unparsedValue, file: path, line: r.line,
                                          message: "record has no team (team id, hierarchy and name are empty): skipped"))
            return
        }
        guard let period = period(r) else {
            store.findings.append(Finding(kind: .unparsedValue, file: path, line: r.line, team: store.teamName(team),
                                          message: "record has no period (no sprint, period label, sprint id or start date): skipped"))
            return
        }
        if team != lastTeamSeen { teamsSeen.insert(team); lastTeamSeen = team }
        let orderKey = period.orderKey
        if first == nil || orderKey < firstKey { firstKey = orderKey; first = period }
        if last == nil || orderKey > lastKey { lastKey = orderKey; last = period }
        let level = rowLevel(r)
        if level == .sprint { levelSeen = .sprint }
        let named = mode(r)
        if let named, let e = options.contradiction(named, "column '\(plan.headers[col.mode])'", file: path, line: r.line) {
            throw e
        }
        let rowMode = named ?? suffixMode ?? options.defaultMode
        let source = SourceRef(file: fileIndex, line: r.line)
        if plan.shape == .wide {
            wide(r, team: team, period: period, level: level, rowMode: rowMode, source: source)
        } else {
            try long(r, team: team, period: period, key: period.sprintId ?? period.label, level: level,
                 rowMode: rowMode, source: source)
        }
    }

    private func wide(_ r: borrowing CSVRecord, team: Int32, period: Period, level: RowLevel,
                      rowMode: ComputationMode, source: SourceRef) {
        // The common cell goes straight to its `MetricValues` hundredths (no division, no
        // double); the rest is parsed in full and set through the subscript afterwards.
        var points = MetricValues(), tickets = MetricValues()
        var slow: [(index: Int, points: Bool, value: Double)] = []
        var usesPoints = false, usesTickets = false
        let rowIsPoints = rowMode == .storyPoints
        for mc in metricPlan {
            let isPoints = mc.mode == 0 ? rowIsPoints : mc.mode == 1
            if isPoints { usesPoints = true } else { usesTickets = true }
            let c = mc.column
            let raw = r.bytes(c)
            if let h = NumberCell.hundredths(raw) {
                // A later column of the same metric and mode wins, as it would through the subscript.
                if !slow.isEmpty { slow.removeAll { $0.index == mc.index && $0.points == isPoints } }
                if isPoints { points.set(hundredths: h, at: mc.index) } else { tickets.set(hundredths: h, at: mc.index) }
                if h < 0, mc.isWork { negative(mc.metric, Double(h) / 100, team: team, period: period, line: r.line) }
                continue
            }
            let metric = mc.metric
            switch NumberCell.parse(raw, quoted: r.isQuoted(c)) {
            case .number(let v):
                slow.append((mc.index, isPoints, v))
                if v < 0, metric.isWork { negative(metric, v, team: team, period: period, line: r.line) }
            case .missing:
                break
            case .unparsed:
                unparsed(metric.rawValue, raw, team: team, period: period, line: r.line)
            }
        }
        for (i, isPoints, v) in slow {
            if isPoints { points.set(v, at: i) } else { tickets.set(v, at: i) }
        }
        if plan.metricColumns.isEmpty {
            if rowMode == .storyPoints { usesPoints = true } else { usesTickets = true }
        }
        var extras: [Double] = []
        if !extraNames.isEmpty {
            extras = [Double](repeating: .nan, count: extraNames.count)
            for (k, c) in plan.unknownColumns.enumerated() {
                switch NumberCell.parse(r.bytes(c), quoted: r.isQuoted(c)) {
                case .number(let v): extras[k] = v; extraAny[k] = true
                case .missing: break
                case .unparsed:
                    if extraNumeric[k] {
                        extraNumeric[k] = false
                        extraExample[k] = "'\(r.string(c))' on line \(r.line)"
                    }
                }
            }
        }
        if usesPoints { append(points, .storyPoints, team, period, level, extras, source) }
        if usesTickets { append(tickets, .tickets, team, period, level, extras, source) }
    }

    @inline(__always)
    private func append(_ values: MetricValues, _ mode: ComputationMode, _ team: Int32, _ period: Period,
                        _ level: RowLevel, _ extras: [Double], _ source: SourceRef) {
        modesSeen |= mode == .storyPoints ? 1 : 2
        let b = store.bucket(team: team, mode: mode, level: level)
        store.buckets[b].rows.append(PeriodRow(period: period, values: values, extras: extras, source: source))
    }

    // MARK: - Findings

    func negative(_ metric: Metric, _ v: Double, team: Int32, period: Period, line: Int) {
        store.findings.append(Finding(kind: .negativeValue, file: path, line: line, team: store.teamName(team),
                                      period: period.label,
                                      message: "\(metric.rawValue) is \(NumberFormat.value(v, of: metric)), but work is never negative (kept)"))
    }

    func unparsed(_ what: String, _ raw: UnsafeBufferPointer<UInt8>, team: Int32, period: Period, line: Int) {
        let cell = String(decoding: raw, as: UTF8.self)
        store.findings.append(Finding(kind: .unparsedValue, file: path, line: line, team: store.teamName(team),
                                      period: period.label,
                                      message: "\(what) is '\(cell)', which is not a number (treated as missing)"))
    }

    // MARK: - Team, period, mode, level

    /// The team of a record: key = team id, else hierarchy path, else name.
    private func team(_ r: borrowing CSVRecord) -> Int32? {
        var keyColumn = -1
        var key = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        for c in keyColumns {
            let b = cell(r, c)
            if !b.isEmpty { key = b; keyColumn = c; break }
        }
        if keyColumn < 0 { return nil }
        if keyColumn == lastKeyColumn, lastKeyBytes.count == key.count,
           lastKeyBytes.withUnsafeBufferPointer({ memcmp($0.baseAddress!, key.baseAddress!, key.count) == 0 }) {
            return lastTeam
        }
        let keyText = String(decoding: key, as: UTF8.self)
        var isNew = false
        let t = store.team(key: keyText) {
            isNew = true
            return identity(r, key: keyText)
        }
        // A team met again in a later file: a renamed or moved team comes back under the same
        // id with another name or path. Looked at once per file; built only when a cell differs.
        if !isNew && !teamsSeen.contains(t) {
            let known = store.currentIdentity(t)
            let sameName = col.teamName < 0 || cell(r, col.teamName).elementsEqual(known.name.utf8)
            let samePath = col.hierarchy < 0 || cell(r, col.hierarchy).elementsEqual(known.pathString.utf8)
            if !sameName || !samePath {
                let seen = identity(r, key: keyText)
                if seen.name != known.name || seen.path != known.path { store.noteIdentity(t, seen) }
            }
        }
        lastKeyColumn = keyColumn
        lastKeyBytes = Array(key)
        lastTeam = t
        return t
    }

    /// The team as this record names it: display name, path, org tree.
    private func identity(_ r: borrowing CSVRecord, key: String) -> Team {
        let name = text(r, col.teamName)
        var path = Self.pathElements(cell(r, col.hierarchy))
        let display = name ?? path.last ?? key
        if path.isEmpty { path = [display] }
        return Team(key: key, name: display, path: path, orgTree: text(r, col.orgTree))
    }

    /// The elements of a hierarchy cell: split at `/`, trimmed, empty ones dropped. An ASCII
    /// cell is split as bytes (splitting a `String` by `Character` cost ~29,000 instructions
    /// a team); any other goes through `String`, where `/` followed by a combining mark is
    /// one character and does not split.
    static func pathElements(_ b: UnsafeBufferPointer<UInt8>) -> [String] {
        if b.isEmpty { return [] }
        guard !b.contains(where: { $0 >= 0x80 }) else {
            return String(decoding: b, as: UTF8.self).split(separator: "/").map { String($0).trimmingSpaces }
                .filter { !$0.isEmpty }
        }
        var path: [String] = []
        var start = 0
        for i in 0...b.count where i == b.count || b[i] == UInt8(ascii: "/") {
            var lo = start, hi = i
            while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
            while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
            if hi > lo { path.append(String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)) }
            start = i + 1
        }
        return path
    }

    /// The period of a record. The label and sprint id bytes go to the file's `PeriodText`
    /// block: no `String` per row.
    private func period(_ r: borrowing CSVRecord) -> Period? {
        let nameBytes = cell(r, col.sprintName)
        let idBytes = cell(r, col.sprintId)
        var labelBytes = cell(r, col.periodLabel)
        var periodLabel: String?
        var granularity: Granularity?
        if !labelBytes.isEmpty {
            let p = String(decoding: labelBytes, as: UTF8.self)
            if let g = HeaderName.granularity(p) {
                granularity = g  // a bucket size, not a period ("Sprint", "MONTHLY")
                labelBytes = UnsafeBufferPointer(start: nil, count: 0)
            } else {
                periodLabel = p
            }
        }
        let start = col.start < 0 ? nil : days.day(cell(r, col.start))
        let end = col.end < 0 ? nil : days.day(cell(r, col.end))
        var orderDay = start
        if let p = periodLabel, let parsed = PeriodLabel.parse(p) {
            if orderDay == nil { orderDay = parsed.day }
            granularity = granularity ?? parsed.granularity
        }
        if granularity == nil, sprintLevelFile { granularity = .sprint }
        let hasId = !idBytes.isEmpty
        func make(_ label: UnsafeBufferPointer<UInt8>) -> Period {
            let n = label.count + idBytes.count
            if textSize - textUsed < n {
                textSize = max(Self.textBlock, n)
                text = PeriodText.make(capacity: textSize)
                textUsed = 0
            }
            let offset = textUsed
            text.write(label, at: offset)
            if hasId { text.write(idBytes, at: offset + label.count) }
            textUsed = offset + n
            return Period(text: text, offset: offset, labelCount: label.count, idCount: hasId ? idBytes.count : nil,
                          start: start, end: end, granularity: granularity, orderDay: orderDay, sequence: store.sequence)
        }
        if !nameBytes.isEmpty { return make(nameBytes) }
        if !labelBytes.isEmpty { return make(labelBytes) }
        if hasId { return make(idBytes) }
        guard let start else { return nil }
        var d = start.description
        return d.withUTF8 { make($0) }
    }

    /// The mode cell of a record, if the file has one and it names a mode.
    private func mode(_ r: borrowing CSVRecord) -> ComputationMode? {
        if col.mode < 0 { return nil }
        let b = cell(r, col.mode)
        if lastModeBytes.elementsEqual(b) { return lastMode }
        lastModeBytes = Array(b)
        lastMode = HeaderName.mode(String(decoding: b, as: UTF8.self))
        return lastMode
    }

    private func rowLevel(_ r: borrowing CSVRecord) -> RowLevel {
        if sprintLevelFile { return .sprint }
        if col.level >= 0, let t = text(r, col.level), let l = HeaderName.level(t) { return l }
        return .team
    }

    // MARK: - End of file

    /// How many distinct period keys (sprint id, else label) this file's rows have: counted
    /// once at the end from the rows themselves (no hash kept per record while reading).
    private func distinctPeriods() -> Int {
        let file = Int32(fileIndex)
        var n = 0
        for b in store.buckets { for r in b.rows where r.source.file == file { n += 1 } }
        var keys = DistinctCount(capacity: n)
        for b in store.buckets {
            for r in b.rows where r.source.file == file { keys.insert(r.period.withKeyBytes { RowStore.hash($0) }) }
        }
        return keys.count()
    }

    /// The file's summary and its extra metrics (numeric or not).
    func finish(compressed: Bool, sha256: String) -> (summary: InputSummary, extras: [FileExtra]) {
        var extras: [FileExtra] = []
        var numericColumns = Set<Int>()
        var reasons: [Int: String] = [:]
        for k in extraNames.indices {
            let numeric = extraAny[k] && extraNumeric[k]
            extras.append(FileExtra(name: extraNames[k], normalized: HeaderName.normalize(extraNames[k]),
                                    numeric: numeric))
            let why = numeric ? nil : extraAny[k] || extraExample[k] != nil
                ? "not numeric (e.g. \(extraExample[k] ?? "?"))" : "no values"
            if plan.shape == .wide {
                let c = plan.unknownColumns[k]
                if numeric { numericColumns.insert(c) } else { reasons[c] = why }
            }
            if let why {
                let what = plan.shape == .wide ? "column '\(extraNames[k])'" : "metric '\(extraNames[k])'"
                store.findings.append(Finding(severity: .info, kind: .unknownColumn, file: path,
                                              message: "\(what) is unknown and \(why): ignored"))
            }
        }
        let columns = plan.mappings(extra: numericColumns, unknownReason: reasons)
        for i in columns.indices {
            if case .ignored(let why) = columns[i].role, !plan.unknownColumns.contains(i) {
                store.findings.append(Finding(severity: .info, kind: .unknownColumn, file: path, line: 1,
                                              message: "column '\(columns[i].header)' ignored: \(why)"))
            }
        }
        let summary = InputSummary(
            path: path, compressed: compressed, shape: plan.shape, level: sprintLevelFile ? .sprint : levelSeen,
            modes: ComputationMode.allCases.filter { modesSeen & ($0 == .storyPoints ? 1 : 2) != 0 }, rows: records, teams: teamsSeen.count, periods: distinctPeriods(),
            firstPeriod: first?.label, lastPeriod: last?.label, sha256: sha256, columns: columns)
        return (summary, extras)
    }
}
