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
    public static func render(_ report: Report) -> String { JSONWriter.text { write(report, to: &$0) } }

    /// The same bytes handed to `sink` in pieces of about `chunk` bytes (a large
    /// organisation's document never exists whole in memory).
    public static func write(_ report: Report, chunk: Int = 1 << 20, to sink: @escaping ([UInt8]) -> Void) {
        var w = JSONWriter(chunk: chunk, sink: sink)
        write(report, to: &w)
        w.finish()
    }

    /// The same bytes handed to `sink` in place (each piece valid during the call only), the
    /// teams formatted in parallel `teamsPerTask` at a time: no copy of any piece.
    public static func write(_ report: Report, chunk: Int = 1 << 20, teamsPerTask: Int = 16,
                             bytes sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        var w = JSONWriter(chunk: chunk, bytesSink: sink)
        write(report, to: &w, teamsPerTask: teamsPerTask)
        w.finish()
    }

    /// The document, streamed member by member (no tree of values); the teams are formatted
    /// in parallel, `teamsPerTask` per task, and appended in order (the same bytes whatever
    /// the thread count or `teamsPerTask`).
    public static func write(_ report: Report, to w: inout JSONWriter, teamsPerTask: Int = 16) {
        w.beginObject()
        w.key("schemaVersion"); w.number(schemaVersion)
        w.key("generator"); w.string(SprintReportVersion.generator)
        w.key("window")
        w.beginObject()
        w.key("from"); w.string(report.window.from?.description)
        w.key("to"); w.string(report.window.to?.description)
        w.endObject()
        w.key("inputs")
        w.beginArray()
        for i in report.inputs { input(i, to: &w) }
        w.endArray()
        w.key("teams")
        w.beginArray()
        let teams = report.teams
        w.elements(count: teams.count, batch: teamsPerTask) { i, w in team(teams[i], to: &w) }
        w.endArray()
        w.key("nodes")
        w.beginArray()
        for n in report.nodes { node(n, to: &w) }
        w.endArray()
        w.key("findings")
        w.beginArray()
        for f in report.findings { finding(f, to: &w) }
        w.endArray()
        w.endObject()
    }

    static func input(_ i: InputSummary, to w: inout JSONWriter) {
        w.beginObject()
        w.key("path"); w.string(i.path)
        w.key("compressed"); w.bool(i.compressed)
        w.key("shape"); w.string(i.shape.rawValue)
        w.key("level"); w.string(i.level.rawValue)
        w.key("rows"); w.number(i.rows)
        w.key("sha256"); w.string(i.sha256)
        w.endObject()
    }

    static func team(_ t: TeamReport, to w: inout JSONWriter) {
        w.beginObject()
        w.key("key"); w.string(t.team.key)
        w.key("name"); w.string(t.team.name)
        w.key("path"); w.string(t.team.pathString)
        w.key("mode"); w.string(t.mode.rawValue)
        w.key("level"); w.string(t.level.rawValue)
        summary(t.summary, to: &w)
        w.key("series")
        w.beginArray()
        SeriesJSON.write(t, to: &w)
        w.endArray()
        w.endObject()
    }

    static func node(_ n: NodeReport, to w: inout JSONWriter) {
        w.beginObject()
        w.key("path"); w.string(n.pathString)
        w.key("mode"); w.string(n.mode.rawValue)
        w.key("rolledUp"); w.bool(n.rolledUp)
        w.key("teams"); w.number(n.teams)
        summary(n.summary, to: &w)
        w.endObject()
    }

    /// The members a team and a node share, from `periods` to `bands`.
    static func summary(_ s: WindowSummary, to w: inout JSONWriter) {
        w.key("periods"); w.number(s.periods)
        w.key("totals")
        w.beginObject()
        for m in totalsOrder {
            if let v = s.totals[m] { w.key(m.rawValue); w.number(v) }
        }
        w.endObject()
        w.key("velocity"); w.number(s.velocity)
        w.key("velocityApproximate"); w.bool(s.velocityApproximate)
        w.key("averageSprintSize"); w.number(s.averageSprintSize)
        w.key("sayDoPercent"); w.number(s.sayDoPercent)
        w.key("scopeCreepPercent"); w.number(s.scopeCreepPercent)
        w.key("creepDeliveredPercent"); w.number(s.creepDeliveredPercent)
        w.key("totalDeliveredPercent"); w.number(s.totalDeliveredPercent)
        w.key("deliveredVsCommitted"); w.number(s.deliveredVsCommitted)
        w.key("deliveryConsistency"); w.number(s.deliveryConsistency)
        w.key("commitmentReliability"); w.number(s.commitmentReliability)
        w.key("coefficientOfVariation"); w.number(s.coefficientOfVariation)
        w.key("trendPerPeriod"); w.number(s.trendPerPeriod)
        w.key("forecast")
        if let f = s.forecast {
            w.beginObject()
            w.key("low"); w.number(f.low)
            w.key("median"); w.number(f.median)
            w.key("high"); w.number(f.high)
            w.endObject()
        } else {
            w.null()
        }
        w.key("bands")
        w.beginObject()
        for b in BandedFigure.allCases { w.key(b.rawValue); w.string(s.bands[b]?.rawValue) }
        w.endObject()
    }

    static func finding(_ f: Finding, to w: inout JSONWriter) {
        w.beginObject()
        w.key("severity"); w.string(f.severity.rawValue)
        w.key("kind"); w.string(f.kind.rawValue)
        w.key("file"); w.string(f.file)
        w.key("line"); w.number(f.line.map(Double.init))
        w.key("team"); w.string(f.team)
        w.key("period"); w.string(f.period)
        w.key("message"); w.string(f.message)
        w.endObject()
    }
}
