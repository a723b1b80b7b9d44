/// The end of a file: its `InputSummary` (rows, teams, distinct periods, modes, columns)
/// and its extra metrics, with a note for each column that was ignored.
extension RecordMapper {
    /// The file's summary and its extra metrics (numeric or not). The summary's `periods` is
    /// left at 0: the hashes of the period keys of its records (`periodKeys`) are counted by
    /// `ExportReader` while the rows are merged.
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
            modes: ComputationMode.allCases.filter { modesSeen & ($0 == .storyPoints ? 1 : 2) != 0 }, rows: records, teams: teamsSeen.count, periods: 0,
            firstPeriod: first?.label, lastPeriod: last?.label, sha256: sha256, columns: columns)
        return (summary, extras)
    }
}
