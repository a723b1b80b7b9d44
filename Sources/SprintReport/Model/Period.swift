/// One period of a team: a sprint, or a team-level period bucket (month, quarter, week…).
///
/// Stored compactly (a row of an org export is kept for the whole run): the label and the
/// sprint id as byte ranges of a shared `PeriodText` block, the days as `Int32` day numbers.
/// The public properties read and write as before.
public struct Period: Sendable, Hashable {
    /// Label bytes at `textOffset`, then the sprint id's bytes. Safe to share across
    /// threads: the bytes a period refers to never change (`PeriodText`).
    @usableFromInline nonisolated(unsafe) var text: PeriodText
    @usableFromInline var textOffset: UInt32
    @usableFromInline var labelCount: UInt32
    /// `UInt32.max`: no sprint id.
    @usableFromInline var idCount: UInt32
    @usableFromInline var startDay: Int32
    @usableFromInline var endDay: Int32
    @usableFromInline var order: Int32
    @usableFromInline var seq: Int32
    /// The bucket size of a team-level row, when known from its label or the file.
    public var granularity: Granularity?

    /// Day number standing for "no day" (about 5.9 million years BC: no export date).
    @usableFromInline static let noDay = Int32.min
    @usableFromInline static let noId = UInt32.max

    public init(label: String, sprintId: String? = nil, start: Day? = nil, end: Day? = nil,
                granularity: Granularity? = nil, orderDay: Day? = nil, sequence: Int = 0) {
        let l = Array(label.utf8), i = sprintId.map { Array($0.utf8) }
        self.init(text: PeriodText.make(l, i ?? []), offset: 0, labelCount: l.count, idCount: i?.count,
                  start: start, end: end, granularity: granularity, orderDay: orderDay, sequence: sequence)
    }

    /// A period whose label (then sprint id) bytes are already in `text` at `offset`.
    init(text: PeriodText, offset: Int, labelCount: Int, idCount: Int?, start: Day?, end: Day?,
         granularity: Granularity?, orderDay: Day?, sequence: Int) {
        self.text = text
        textOffset = UInt32(offset)
        self.labelCount = UInt32(labelCount)
        self.idCount = idCount.map { UInt32($0) } ?? Self.noId
        startDay = start?.daysSinceEpoch ?? Self.noDay
        endDay = end?.daysSinceEpoch ?? Self.noDay
        order = (orderDay ?? start)?.daysSinceEpoch ?? Self.noDay
        seq = Int32(clamping: sequence)  // past 2^31 records the input order ties: no trap
        self.granularity = granularity
    }

    @inline(__always) static func day(_ d: Int32) -> Day? { d == noDay ? nil : Day(daysSinceEpoch: d) }

    /// What a reader sees: the sprint name, else the period label, else the sprint id,
    /// else the start date.
    public var label: String {
        get { text.string(Int(textOffset), Int(labelCount)) }
        set { replaceText(label: Array(newValue.utf8), id: sprintId.map { Array($0.utf8) }) }
    }

    public var sprintId: String? {
        get { idCount == Self.noId ? nil : text.string(Int(textOffset + labelCount), Int(idCount)) }
        set { replaceText(label: Array(label.utf8), id: newValue.map { Array($0.utf8) }) }
    }

    private mutating func replaceText(label: [UInt8], id: [UInt8]?) {
        text = PeriodText.make(label, id ?? [])
        textOffset = 0
        labelCount = UInt32(label.count)
        idCount = id.map { UInt32($0.count) } ?? Self.noId
    }

    public var start: Day? {
        get { Self.day(startDay) }
        set { startDay = newValue?.daysSinceEpoch ?? Self.noDay }
    }

    public var end: Day? {
        get { Self.day(endDay) }
        set { endDay = newValue?.daysSinceEpoch ?? Self.noDay }
    }

    /// Day used for ordering: the start date, else the first day the parsed label covers.
    public var orderDay: Day? {
        get { Self.day(order) }
        set { order = newValue?.daysSinceEpoch ?? Self.noDay }
    }

    /// Position among the inputs' records (file index, then record): the last tiebreak.
    public var sequence: Int {
        get { Int(seq) }
        set { seq = Int32(clamping: newValue) }
    }

    /// The day that decides window membership (`docs/metrics.md#the-window`): end, else start.
    public var windowDay: Day? { end ?? start ?? orderDay }

    /// The day that decides month alignment in rollups (`docs/metrics.md#rolled-up-groups`): end, else start.
    public var alignmentDay: Day? { end ?? start ?? orderDay }

    /// Period order: by `orderDay` (periods without one after those with one), then input order.
    public static func precedes(_ a: Period, _ b: Period) -> Bool {
        if a.order != b.order {
            if a.order == noDay { return false }
            if b.order == noDay { return true }
            return a.order < b.order
        }
        return a.seq < b.seq
    }

    /// `precedes` as one integer: `a.orderKey < b.orderKey` exactly when `precedes(a, b)`
    /// (for sequences in 0 ..< 2^31): the day moved to 0 ..< 2^32 (no day: 2^32, last) above
    /// 31 bits of sequence.
    var orderKey: UInt64 {
        let day = order == Self.noDay ? 1 << 32 : UInt64(Int64(order) - Int64(Int32.min))
        return day << 31 | UInt64(UInt32(bitPattern: seq) & 0x7FFF_FFFF)
    }

    /// Calls `body` with the UTF-8 bytes of `label` (no `String` made).
    func withLabelBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        text.withBytes(Int(textOffset), Int(labelCount), body)
    }

    /// The label's bytes (`withLabelBytes`) for a writer that keeps the period, and so its
    /// block, alive meanwhile (a team's rows while they are written): a block's bytes never
    /// move or change (`PeriodText`). Taken without a reference count up and down on the
    /// block, an atomic operation on memory that the points of every formatting thread
    /// share (the JSON series, `Output/SeriesJSON.swift`).
    @inline(__always)
    var labelInPlace: UnsafeBufferPointer<UInt8> {
        Unmanaged.passUnretained(text)._withUnsafeGuaranteedRef { $0.withBytes(Int(textOffset), Int(labelCount)) { $0 } }
    }

    /// Calls `body` with the bytes of the period's identity: the sprint id, else the label.
    func withKeyBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        idCount == Self.noId ? text.withBytes(Int(textOffset), Int(labelCount), body)
            : text.withBytes(Int(textOffset + labelCount), Int(idCount), body)
    }

    /// Whether the label bytes (then sprint id bytes) equal those of `other`.
    private func sameText(_ other: Period) -> Bool {
        guard labelCount == other.labelCount, idCount == other.idCount else { return false }
        let n = Int(labelCount) + (idCount == Self.noId ? 0 : Int(idCount))
        if n == 0 || (text === other.text && textOffset == other.textOffset) { return true }
        return text.withBytes(Int(textOffset), n) { a in
            other.text.withBytes(Int(other.textOffset), n) { b in a.elementsEqual(b) }
        }
    }

    public static func == (a: Period, b: Period) -> Bool {
        a.startDay == b.startDay && a.endDay == b.endDay && a.order == b.order && a.seq == b.seq
            && a.granularity == b.granularity && a.sameText(b)
    }

    public func hash(into h: inout Hasher) {
        let n = Int(labelCount) + (idCount == Self.noId ? 0 : Int(idCount))
        text.withBytes(Int(textOffset), n) { h.combine(bytes: UnsafeRawBufferPointer($0)) }
        h.combine(labelCount)
        h.combine(idCount)
        h.combine(startDay)
        h.combine(endDay)
        h.combine(order)
        h.combine(seq)
        h.combine(granularity)
    }
}
