/// The long shape (`docs/input-format.md#two-shapes-wide-and-long`): one metric value per record, grouped
/// into one `PeriodRow` per (team, period, mode); the row's source is its first record.
extension RecordMapper {
    func long(_ r: borrowing CSVRecord, team: Int32, period: Period, key: String,
              level: RowLevel, rowMode: ComputationMode, source: SourceRef) throws(InputError) {
        let nameText = text(r, col.metricName) ?? ""
        let known: (Metric, ComputationMode?)?
        if let cached = longMetricCache[nameText] {
            known = cached
        } else {
            known = HeaderName.metric(normalized: HeaderName.normalize(nameText))
            longMetricCache[nameText] = known
        }
        if let named = known?.1, let e = options.contradiction(named, "metric '\(nameText)'", file: path, line: r.line) {
            throw e
        }
        let mode = known?.1 ?? rowMode
        let raw = r.bytes(col.value)
        let value = NumberCell.parse(raw, quoted: r.isQuoted(col.value))
        // The row this record belongs to: one per (team, period, mode).
        let lk = LongKey(team: team, mode: mode, level: level, period: key)
        let b: Int, row: Int
        if let found = longRows[lk] {
            (b, row) = found
        } else {
            modesSeen |= mode == .storyPoints ? 1 : 2
            b = store.bucket(team: team, mode: mode, level: level)
            row = store.buckets[b].rows.count
            store.buckets[b].rows.append(PeriodRow(period: period, source: source))
            longRows[lk] = (b, row)
        }
        guard let (metric, _) = known else {
            if nameText.isEmpty { return }
            let k: Int
            if let i = longExtraIndex[nameText] {
                k = i
            } else {
                k = extraNames.count
                longExtraIndex[nameText] = k
                addExtra(nameText)
            }
            switch value {
            case .number(let v):
                extraAny[k] = true
                var extras = store.buckets[b].rows[row].extras
                if extras.count <= k { extras += [Double](repeating: .nan, count: k + 1 - extras.count) }
                extras[k] = v
                store.buckets[b].rows[row].extras = extras
            case .missing: break
            case .unparsed:
                if extraNumeric[k] {
                    extraNumeric[k] = false
                    extraExample[k] = "\(Self.quoted(raw)) on line \(r.line)"
                }
            case .outOfRange:
                outOfRange("metric '\(FileText.excerpt(nameText))'", raw, team: team, period: period, line: r.line)
            }
            return
        }
        guard let v = metricNumber(value, metric, raw, team: team, period: period, line: r.line) else { return }
        if let old = store.buckets[b].rows[row].values[metric], old != v {
            let first = store.buckets[b].rows[row].source.line
            store.report(Finding(kind: .duplicateConflict, file: path, line: r.line,
                                 team: store.teamName(team), period: period.label,
                                 message: "\(metric.rawValue) (\(mode.unitName)) is \(NumberFormat.value(old, of: metric)) on line \(first) and \(NumberFormat.value(v, of: metric)) on line \(r.line); keeping line \(r.line)"))
        }
        store.buckets[b].rows[row].values[metric] = v
        if v < 0, metric.isWork { negative(metric, v, team: team, period: period, line: r.line) }
    }
}
