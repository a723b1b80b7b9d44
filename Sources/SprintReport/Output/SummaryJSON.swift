/// `summary --format json` (`summary-json.md`): the report as one JSON object, keys in the
/// documented order, full-precision numbers, `null` for undefined figures.
public enum SummaryJSON {
    public static let schemaVersion = 1

    /// The keys of `totals`, in the order of `summary-json.md` (C, A, S, DC, MC, DA, MA, D, R);
    /// a metric never present in the window is left out, as in the expected sample figures.
    public static let totalsOrder: [Metric] = [
        .sprintCommit, .sprintCreep, .sprintSize, .deliveredCommit, .missedCommit, .deliveredCreep,
        .missedCreep, .totalWorkDelivered, .ticketsRemovedMidSprint,
    ]

    /// The document's text (UTF-8, final newline); the same report gives the same bytes.
    public static func render(_ report: Report) -> String { document(report).text() }

    /// The same text handed to `sink` in pieces, teams and nodes made one at a time (a large
    /// organisation's document never exists whole in memory).
    public static func write(_ report: Report, to sink: (String) -> Void) { document(report).write(to: sink) }

    public static func document(_ report: Report) -> JSONValue {
        .object([
            ("schemaVersion", .number(Double(schemaVersion))),
            ("generator", .string(SprintReportVersion.generator)),
            ("window", .object([
                ("from", .string(report.window.from?.description)),
                ("to", .string(report.window.to?.description)),
            ])),
            ("inputs", .array(report.inputs.map(input))),
            ("teams", .lazyArray(count: report.teams.count) { team(report.teams[$0]) }),
            ("nodes", .lazyArray(count: report.nodes.count) { node(report.nodes[$0]) }),
            ("findings", .lazyArray(count: report.findings.count) { finding(report.findings[$0]) }),
        ])
    }

    static func input(_ i: InputSummary) -> JSONValue {
        .object([
            ("path", .string(i.path)),
            ("compressed", .bool(i.compressed)),
            ("shape", .string(i.shape.rawValue)),
            ("level", .string(i.level.rawValue)),
            ("rows", .number(Double(i.rows))),
            ("sha256", .string(i.sha256)),
        ])
    }

    static func team(_ t: TeamReport) -> JSONValue {
        .object([
            ("key", .string(t.team.key)),
            ("name", .string(t.team.name)),
            ("path", .string(t.team.pathString)),
            ("mode", .string(t.mode.rawValue)),
            ("level", .string(t.level.rawValue)),
        ] + summary(t.summary) + [("series", .array(t.series.map(point)))])
    }

    static func node(_ n: NodeReport) -> JSONValue {
        .object([
            ("path", .string(n.pathString)),
            ("mode", .string(n.mode.rawValue)),
            ("rolledUp", .bool(n.rolledUp)),
            ("teams", .number(Double(n.teams))),
        ] + summary(n.summary))
    }

    /// The fields a team and a node share, from `periods` to `bands`.
    static func summary(_ s: WindowSummary) -> [(String, JSONValue)] {
        [
            ("periods", .number(Double(s.periods))),
            ("totals", .object(totalsOrder.compactMap { m in s.totals[m].map { (m.rawValue, .number($0)) } })),
            ("velocity", .number(s.velocity)),
            ("velocityApproximate", .bool(s.velocityApproximate)),
            ("averageSprintSize", .number(s.averageSprintSize)),
            ("sayDoPercent", .number(s.sayDoPercent)),
            ("scopeCreepPercent", .number(s.scopeCreepPercent)),
            ("creepDeliveredPercent", .number(s.creepDeliveredPercent)),
            ("totalDeliveredPercent", .number(s.totalDeliveredPercent)),
            ("deliveredVsCommitted", .number(s.deliveredVsCommitted)),
            ("deliveryConsistency", .number(s.deliveryConsistency)),
            ("commitmentReliability", .number(s.commitmentReliability)),
            ("coefficientOfVariation", .number(s.coefficientOfVariation)),
            ("trendPerPeriod", .number(s.trendPerPeriod)),
            ("forecast", s.forecast.map { f in
                .object([("low", .number(f.low)), ("median", .number(f.median)), ("high", .number(f.high))])
            } ?? .null),
            ("bands", .object(BandedFigure.allCases.map { ($0.rawValue, .string(s.bands[$0]?.rawValue)) })),
        ]
    }

    /// A period, on one line: its exported and derived values (missing metrics left out),
    /// which were derived, and the rolling mean of D.
    static func point(_ p: SeriesPoint) -> JSONValue {
        let present = Metric.allCases.compactMap { m in p.values[m].map { (m.rawValue, JSONValue.number($0)) } }
        return .compact(.object([
            ("label", .string(p.period.label)),
            ("start", .string(p.period.start?.description)),
            ("end", .string(p.period.end?.description)),
            ("values", .object(present)),
            ("derived", .array(p.derived.map { .string($0.rawValue) })),
            ("rolling", .number(p.rolling)),
        ]))
    }

    static func finding(_ f: Finding) -> JSONValue {
        .object([
            ("severity", .string(f.severity.rawValue)),
            ("kind", .string(f.kind.rawValue)),
            ("file", .string(f.file)),
            ("line", f.line.map { .number(Double($0)) } ?? .null),
            ("team", .string(f.team)),
            ("period", .string(f.period)),
            ("message", .string(f.message)),
        ])
    }
}
