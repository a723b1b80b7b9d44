/// The wide shape (`docs/input-format.md#metrics`): each metric is a column, and a
/// record gives one `PeriodRow` per computation mode its columns use.
extension RecordMapper {
    /// `keyHash`: the hash of the period's key (`RowStore.hash`), noted with each row made.
    func wide(_ r: borrowing CSVRecord, team: Int32, period: consuming Period, keyHash: UInt64, level: RowLevel,
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
            if let v = metricNumber(NumberCell.parse(raw, quoted: r.isQuoted(c)), metric, raw, team: team,
                                    period: period, line: r.line) {
                slow.append((mc.index, isPoints, v))
                if v < 0, metric.isWork { negative(metric, v, team: team, period: period, line: r.line) }
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
                        extraExample[k] = "\(Self.quoted(r.bytes(c))) on line \(r.line)"
                    }
                case .outOfRange:
                    outOfRange("column '\(FileText.excerpt(extraNames[k]))'", r.bytes(c), team: team, period: period,
                               line: r.line)
                }
            }
        }
        // The period, the values and the extras move into the last row made from them (a
        // copy only for a record that gives two rows): copied, each was a retain here and a
        // release at the end, per record.
        if usesPoints && usesTickets {
            append(consume points, .storyPoints, team, copy period, keyHash, level, copy extras, source)
            append(consume tickets, .tickets, team, period, keyHash, level, extras, source)
        } else if usesPoints {
            append(consume points, .storyPoints, team, period, keyHash, level, extras, source)
        } else if usesTickets {
            append(consume tickets, .tickets, team, period, keyHash, level, extras, source)
        }
    }

    @inline(__always)
    func append(_ values: consuming MetricValues, _ mode: ComputationMode, _ team: Int32, _ period: consuming Period,
                _ keyHash: UInt64, _ level: RowLevel, _ extras: consuming [Double], _ source: SourceRef) {
        modesSeen |= mode == .storyPoints ? 1 : 2
        let b = store.bucket(team: team, mode: mode, level: level)
        store.buckets[b].rows.append(PeriodRow(period: period, values: values, extras: extras, source: source))
        store.noteKey(b, keyHash)
    }
}
