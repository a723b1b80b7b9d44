/// The end of a file: its `InputSummary` (rows, teams, distinct periods, modes, columns)
/// and its extra metrics, with a note for each column that was ignored.
extension RecordMapper {
    /// How many distinct period keys (sprint id, else label) this file's rows have: counted
    /// once at the end from the rows themselves (no hash kept per record while reading).
    func distinctPeriods() -> Int {
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
                let name = FileText.excerpt(extraNames[k])
                let what = plan.shape == .wide ? "column '\(name)'" : "metric '\(name)'"
                store.report(Finding(severity: .info, kind: .unknownColumn, file: path,
                                     message: "\(what) is unknown and \(why): ignored"))
            }
        }
        let columns = plan.mappings(extra: numericColumns, unknownReason: reasons)
        let unknown = Set(plan.unknownColumns)
        for i in columns.indices {
            if case .ignored(let why) = columns[i].role, !unknown.contains(i) {
                store.report(Finding(severity: .info, kind: .unknownColumn, file: path, line: 1,
                                     message: "column '\(FileText.excerpt(columns[i].header))' ignored: \(why)"))
            }
        }
        let summary = InputSummary(
            path: path, compressed: compressed, shape: plan.shape, level: sprintLevelFile ? .sprint : levelSeen,
            modes: ComputationMode.allCases.filter { modesSeen & ($0 == .storyPoints ? 1 : 2) != 0 }, rows: records, teams: teamsSeen.count, periods: distinctPeriods(),
            firstPeriod: first?.label, lastPeriod: last?.label, sha256: sha256, columns: columns)
        return (summary, extras)
    }
}
