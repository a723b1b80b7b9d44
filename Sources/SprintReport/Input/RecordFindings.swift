/// What the reader reports about a cell (`docs/input-format.md#errors`): a
/// negative work value (kept), a cell that is not a number or is beyond what an export
/// holds (both treated as missing). Cells are quoted cut and cleaned (`quoted`).
extension RecordMapper {
    /// The number a metric's cell holds, or nil: a cell that is not a number or is out of
    /// range is reported here (and treated as missing); a missing cell says nothing. Both
    /// shapes read a metric's cell through this (`WideRecords`, `LongRecords`).
    func metricNumber(_ value: CellValue, _ metric: Metric, _ raw: UnsafeBufferPointer<UInt8>, team: Int32,
                      period: Period, line: Int) -> Double? {
        switch value {
        case .number(let v):
            return v
        case .missing:
            return nil
        case .unparsed:
            unparsed(metric.rawValue, raw, team: team, period: period, line: line)
        case .outOfRange:
            outOfRange(metric.rawValue, raw, team: team, period: period, line: line)
        }
        return nil
    }

    func negative(_ metric: Metric, _ v: Double, team: Int32, period: Period, line: Int) {
        store.report(Finding(kind: .negativeValue, file: path, line: line, team: store.teamName(team),
                             period: period.label,
                             message: "\(metric.rawValue) is \(NumberFormat.value(v, of: metric)), but work is never negative (kept)"))
    }

    func unparsed(_ what: String, _ raw: UnsafeBufferPointer<UInt8>, team: Int32, period: Period, line: Int) {
        store.report(Finding(kind: .unparsedValue, file: path, line: line, team: store.teamName(team),
                             period: period.label,
                             message: "\(what) is \(Self.quoted(raw)), which is not a number (treated as missing)"))
    }

    /// A number beyond ±`NumberCell.magnitudeLimit`: the same kind as a cell that is not a
    /// number (the summary's finding kinds are a fixed list), in words of its own.
    func outOfRange(_ what: String, _ raw: UnsafeBufferPointer<UInt8>, team: Int32, period: Period, line: Int) {
        store.report(Finding(kind: .unparsedValue, file: path, line: line, team: store.teamName(team),
                             period: period.label,
                             message: "\(what) is \(Self.quoted(raw)), beyond the ±\(Self.limitText) an export can hold (treated as missing)"))
    }

    /// `NumberCell.magnitudeLimit` as a message prints it.
    static var limitText: String { NumberFormat.amount(NumberCell.magnitudeLimit) }
}
