import Foundation
import Synchronization

/// `summary --format json` (`docs/summary-json.md`, schema `docs/summary.schema.json`): the report as one JSON object, keys in the
/// documented order, full-precision numbers, `null` for undefined figures.
public enum SummaryJSON {
    public static let schemaVersion = 1

    /// The keys of `totals`, in the order of `docs/summary-json.md#the-window-figures-teams-and-nodes` (C, A, S, DC, MC, DA, MA, D, R);
    /// a metric never present in the window is left out, as in the expected sample figures.
    public static let totalsOrder: [Metric] = [
        .sprintCommit, .sprintCreep, .sprintSize, .deliveredCommit, .missedCommit, .deliveredCreep,
        .missedCreep, .totalWorkDelivered, .ticketsRemovedMidSprint,
    ]

    /// The document's text (UTF-8, final newline); the same report gives the same bytes.
    /// With a `comparison` (`--compare`), the document gains the baseline members
    /// (docs/summary-json.md); without one it is exactly the plain document.
    public static func render(_ report: Report, comparison: WindowComparison? = nil) -> String {
        JSONWriter.text { write(report, comparison: comparison, to: &$0) }
    }

    /// The same bytes handed to `sink` in pieces of about `chunk` bytes (a large
    /// organisation's document never exists whole in memory). `sink` may be called on any
    /// of the formatting threads, one call at a time, in order.
    public static func write(_ report: Report, comparison: WindowComparison? = nil, chunk: Int = 1 << 20,
                             to sink: @escaping @Sendable ([UInt8]) -> Void) {
        var w = JSONWriter(chunk: chunk, sink: sink)
        write(report, comparison: comparison, to: &w)
        w.finish()
    }

    /// The same bytes handed to `sink` in place (each piece valid during the call only), the
    /// teams formatted in parallel `teamsPerTask` at a time: no copy of any piece. `sink`
    /// may be called on any of the formatting threads, one call at a time, in order. Once
    /// `stop` returns true (the sink failed), no further batch of teams or nodes is
    /// formatted (`JSONWriter.init(chunk:bytesSink:stop:)`).
    public static func write(_ report: Report, comparison: WindowComparison? = nil, chunk: Int = 1 << 20,
                             teamsPerTask: Int = 16, bytes sink: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Void,
                             stop: @escaping @Sendable () -> Bool = { false }) {
        var w = JSONWriter(chunk: chunk, bytesSink: sink, stop: stop)
        write(report, comparison: comparison, to: &w, teamsPerTask: teamsPerTask)
        w.finish()
    }

    /// The file name of the document inside a site (`build`): other tools read a published
    /// report from it, and `build --previous` reads the last one.
    public static let siteFile = "summary.json"

    /// Writes the document to a new file at `path` in pieces (the bytes `summary --format json`
    /// prints for the same report and comparison); `what` names the output in an error.
    static func writeFile(_ report: Report, comparison: WindowComparison? = nil, to path: String,
                          what: String) throws {
        let file = try NewFile(path, what: what)
        // Written by the sink's calls, which the writer makes one at a time (each ends before
        // the next starts, `OrderedBatches` orders them through its lock), then closed here
        // once `write` has returned: never used by two threads at once.
        nonisolated(unsafe) let out = file
        do {
            try write(report, comparison: comparison, throwingTo: { try out.write($0) })
        } catch {
            file.abandon()
            throw error
        }
        try file.close()
    }

    /// The document handed to `write` in pieces, as `write(_:comparison:chunk:teamsPerTask:bytes:stop:)`
    /// does, for a `write` that may throw: its first error is thrown once the writer has
    /// returned. After it `write` is not called again, and no further batch of teams or
    /// nodes is formatted (a full disk does not cost the formatting of the rest, about 1 GB
    /// for a large organisation).
    static func write(_ report: Report, comparison: WindowComparison? = nil, chunk: Int = 1 << 20,
                      teamsPerTask: Int = 16,
                      throwingTo write: @escaping @Sendable (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let failure = FirstError()
        self.write(report, comparison: comparison, chunk: chunk, teamsPerTask: teamsPerTask, bytes: { piece in
            guard !failure.happened else { return }
            do { try write(piece) } catch { failure.keep(error) }
        }, stop: { failure.happened })
        if let error = failure.error { throw error }
    }

    /// The first error of a sink that cannot throw. The sink sets it, the composing threads
    /// read it (`stop`) while the sink may run on another one: behind a lock, held only to
    /// read or set it (never during a write).
    private final class FirstError: Sendable {
        private let first = Mutex<(any Error)?>(nil)
        var error: (any Error)? { first.withLock { $0 } }
        var happened: Bool { first.withLock { $0 != nil } }
        func keep(_ error: any Error) { first.withLock { $0 = $0 ?? error } }
    }

    /// The document, streamed member by member (no tree of values); the teams are formatted
    /// in parallel, `teamsPerTask` per task, and appended in order (the same bytes whatever
    /// the thread count or `teamsPerTask`).
    public static func write(_ report: Report, comparison: WindowComparison? = nil, to w: inout JSONWriter,
                             teamsPerTask: Int = 16) {
        w.beginObject()
        w.key("schemaVersion"); w.number(schemaVersion)
        w.key("generator"); w.string(SprintReportVersion.generator)
        w.key("window")
        window(report.window, to: &w)
        if let comparison {
            w.key("baseline")
            w.beginObject()
            w.key("window")
            window(comparison.baselineWindow, to: &w)
            w.endObject()
        }
        w.key("inputs")
        w.beginArray()
        for i in report.inputs { input(i, to: &w) }
        w.endArray()
        w.key("teams")
        w.beginArray()
        report.teams.withUnsafeBufferPointer { teams in
            // Each team read in place (`teams[i]` of the array copied the whole report, a
            // reference count up and down on each of its parts).
            nonisolated(unsafe) let teams = teams
            if let comparison {
                let compared = comparison.teams
                w.elements(count: teams.count, batch: teamsPerTask) { i, w in
                    team(teams[i], compared: .some(compared[i]), to: &w)
                }
            } else {
                w.elements(count: teams.count, batch: teamsPerTask) { i, w in team(teams[i], to: &w) }
            }
        }
        w.endArray()
        w.key("nodes")
        w.beginArray()
        // In parallel too (a large organisation has thousands of nodes), the same way.
        report.nodes.withUnsafeBufferPointer { nodes in
            nonisolated(unsafe) let nodes = nodes
            if let comparison {
                let compared = comparison.nodes
                w.elements(count: nodes.count, batch: 64) { i, w in node(nodes[i], compared: .some(compared[i]), to: &w) }
            } else {
                w.elements(count: nodes.count, batch: 64) { i, w in node(nodes[i], to: &w) }
            }
        }
        w.endArray()
        w.key("findings")
        w.beginArray()
        for f in report.findings { finding(f, to: &w) }
        w.endArray()
        w.endObject()
    }

    static func window(_ window: Window, to w: inout JSONWriter) {
        w.beginObject()
        w.key("from"); w.string(window.from?.description)
        w.key("to"); w.string(window.to?.description)
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

    /// - Parameter compared: nil without `--compare`; `.some(nil)` for a team that has no
    ///   period in the baseline window (`baseline` and `change` are then `null`).
    static func team(_ t: TeamReport, compared: SummaryComparison?? = nil, to w: inout JSONWriter) {
        w.beginObject()
        w.key("key"); w.string(t.team.key)
        w.key("name"); w.string(t.team.name)
        w.key("path"); w.string(path: t.team.path)  // `pathString`, not made
        w.key("mode"); w.string(t.mode.rawValue)
        w.key("level"); w.string(t.level.rawValue)
        summary(t.summary, to: &w)
        if let compared { comparison(compared, to: &w) }
        w.key("series")
        w.beginArray()
        SeriesJSON.write(t, to: &w)
        w.endArray()
        w.endObject()
    }

    static func node(_ n: NodeReport, compared: SummaryComparison?? = nil, to w: inout JSONWriter) {
        w.beginObject()
        w.key("path"); w.string(path: n.path)  // `pathString`, not made
        w.key("mode"); w.string(n.mode.rawValue)
        w.key("rolledUp"); w.bool(n.rolledUp)
        w.key("teams"); w.number(n.teams)
        summary(n.summary, to: &w)
        if let compared { comparison(compared, to: &w) }
        w.endObject()
    }

    /// `baseline` (the baseline window's figures, the same members as `summary` writes) and
    /// `change` (per compared figure `{"delta", "direction"}`, then `bands`); a figure
    /// undefined on either side has a `null` change, a band unknown on either side `null`.
    static func comparison(_ c: SummaryComparison?, to w: inout JSONWriter) {
        w.key("baseline")
        guard let c else {
            w.null()
            w.key("change"); w.null()
            return
        }
        w.beginObject()
        summary(c.baseline, to: &w)
        w.endObject()
        w.key("change")
        w.beginObject()
        for f in ComparedFigure.allCases {
            w.key(f.rawValue)
            if let change = c.changes[f] {
                w.beginObject(compact: true)
                w.key("delta"); w.number(change.delta)
                w.key("direction"); w.string(change.direction.rawValue)
                w.endObject()
            } else {
                w.null()
            }
        }
        w.key("bands")
        w.beginObject()
        for f in BandedFigure.allCases {
            w.key(f.rawValue)
            if let move = c.bands[f] {
                w.beginObject(compact: true)
                w.key("from"); w.string(move.from.rawValue)
                w.key("to"); w.string(move.to.rawValue)
                w.key("direction"); w.string(move.direction.rawValue)
                w.endObject()
            } else {
                w.null()
            }
        }
        w.endObject()
        w.endObject()
    }

    /// The members a team and a node share, from `periods` to `bands`.
    static func summary(_ s: WindowSummary, to w: inout JSONWriter) {
        w.key("periods"); w.number(s.periods)
        w.key("totals")
        w.beginObject()
        let keys = SummaryKeys.shared
        for (m, key) in keys.totals {
            if let v = s.totals[m] { w.key(bytes: key); w.number(v) }
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
        for (b, key) in keys.bands { w.key(bytes: key); w.string(s.bands[b]?.rawValue) }
        w.endObject()
    }

    /// `"NAME": ` of each metric of `totalsOrder` and of each banded figure (in `allCases`
    /// order), quoted once rather than for every team and node, in memory never freed:
    /// reading one takes no reference count (an element of a shared array took one per key,
    /// an atomic operation on memory that every formatting thread shares).
    private struct SummaryKeys: @unchecked Sendable {
        let totals: UnsafeBufferPointer<(metric: Metric, key: UnsafeBufferPointer<UInt8>)>
        let bands: UnsafeBufferPointer<(figure: BandedFigure, key: UnsafeBufferPointer<UInt8>)>

        static let shared = SummaryKeys(
            totals: permanent(totalsOrder.map { ($0, permanent(JSONWriter.keyBytes($0.rawValue))) }),
            bands: permanent(BandedFigure.allCases.map { ($0, permanent(JSONWriter.keyBytes($0.rawValue))) }))

        private static func permanent<T>(_ items: [T]) -> UnsafeBufferPointer<T> {
            let p = UnsafeMutableBufferPointer<T>.allocate(capacity: items.count)
            _ = p.initialize(from: items)
            return UnsafeBufferPointer(p)
        }
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
