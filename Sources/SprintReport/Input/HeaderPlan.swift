/// What the header row says about a file: where each dimension is, which columns are
/// metrics (with their unit suffix's mode), which are unknown (`docs/input-format.md#header-names`).
struct HeaderPlan {
    var headers: [String]
    var normalized: [String]
    /// Column of each dimension present.
    var dimension: [Dimension: Int] = [:]
    /// Wide-shape metric columns.
    var metricColumns: [(column: Int, metric: Metric, mode: ComputationMode?)] = []
    /// Columns that are neither a dimension nor a metric: extra metrics if numeric.
    var unknownColumns: [Int] = []
    /// Columns ignored from the start, with the reason.
    var ignored: [Int: String] = [:]
    var shape: Shape = .wide

    /// The file's single suffix mode, when all suffixed metric columns share one.
    private(set) var suffixMode: ComputationMode?

    /// Maps a header record; throws the header errors of `docs/input-format.md#errors` (line 1 of the file).
    init(headers: [String], file: String, line: Int) throws(InputError) {
        self.headers = headers
        normalized = headers.map(HeaderName.normalize)
        var seenMetric: [String: Int] = [:]
        for (i, name) in normalized.enumerated() {
            if let d = HeaderName.dimensions[name] {
                if let other = dimension[d] {
                    throw InputError(file: file, line: line,
                                     "columns '\(FileText.excerpt(headers[other]))' and '\(FileText.excerpt(headers[i]))' both name the \(d.rawValue)")
                }
                dimension[d] = i
            } else if let (m, mode) = HeaderName.metric(normalized: name) {
                let key = m.rawValue + "/" + (mode?.rawValue ?? "")
                if let other = seenMetric[key] {
                    ignored[i] = "same metric as column '\(FileText.excerpt(headers[other]))'"
                } else {
                    seenMetric[key] = i
                    metricColumns.append((i, m, mode))
                }
            } else if name.isEmpty {
                ignored[i] = "empty header"
            } else {
                unknownColumns.append(i)
            }
        }
        let suffixModes = Set(metricColumns.compactMap(\.mode))
        suffixMode = suffixModes.count == 1 ? suffixModes.first : nil
        let hasTeam = dimension[.teamName] != nil || dimension[.teamId] != nil || dimension[.hierarchy] != nil
        let hasPeriod = dimension[.periodLabel] != nil || dimension[.sprintName] != nil
            || dimension[.sprintId] != nil || dimension[.startDate] != nil
        if !hasTeam || !hasPeriod {
            let team = "no team column (team name, team id or hierarchy)"
            let period = "no period column (period label, sprint name, sprint id or start date)"
            let missing = !hasTeam && !hasPeriod ? "\(team) and \(period)" : !hasTeam ? team : period
            throw InputError(file: file, line: line, "header has \(missing); columns found: \(Self.list(headers))")
        }
        if dimension[.metricName] != nil, dimension[.value] != nil {
            shape = .long
            // In the long shape metric names are values of the Metric column; other
            // columns carry no values of their own.
            for (c, _, _) in metricColumns { ignored[c] = "a metric column beside the long shape's Metric/Value" }
            for c in unknownColumns { ignored[c] = "not used in the long shape" }
            metricColumns = []
            unknownColumns = []
        } else {
            for d in [Dimension.metricName, .value] {
                if let c = dimension[d] { ignored[c] = "'\(d.rawValue)' without its long-shape partner" }
            }
        }
    }

    /// How many header names an error message lists.
    static let listedColumns = 20

    /// `'a', 'b', …` for a message: each name cut (`FileText.excerpt`), at most
    /// `listedColumns` of them, then how many more there are.
    static func list(_ headers: [String]) -> String {
        var text = headers.prefix(listedColumns).map { "'\(FileText.excerpt($0))'" }.joined(separator: ", ")
        if headers.count > listedColumns { text += " and \(headers.count - listedColumns) more" }
        return text
    }

    /// The role each column plays, for `inspect`; `extra` says which unknown columns held numbers.
    func mappings(extra: Set<Int>, unknownReason: [Int: String]) -> [ColumnMapping] {
        var roles = [ColumnRole?](repeating: nil, count: headers.count)
        for (d, c) in dimension { roles[c] = .dimension(d) }
        for (c, m, mode) in metricColumns { roles[c] = .metric(m, mode) }
        for c in unknownColumns {
            roles[c] = extra.contains(c) ? .extra : .ignored(unknownReason[c] ?? "not numeric")
        }
        for (c, why) in ignored { roles[c] = .ignored(why) }
        return headers.indices.map { i in
            ColumnMapping(header: headers[i], normalized: normalized[i], role: roles[i] ?? .ignored("unknown"))
        }
    }
}
