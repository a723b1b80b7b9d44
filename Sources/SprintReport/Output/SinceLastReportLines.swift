/// "Since the last report" in the text and Markdown summaries: a heading with the earlier
/// report's date, then one sentence per kind of change.
enum SinceLastReportLines {
    /// Findings listed one by one before "and N more".
    static let listedFindings = 10

    static func heading(_ s: SinceLastReport) -> String {
        var when: [String] = []
        if let end = s.previousEnd { when.append((s.previousWindow.to != nil ? "window to " : "data to ") + end.description) }
        if let g = s.previousGenerated { when.append("generated \(g)") }
        return "Since the last report (" + (when.isEmpty ? s.previousFile : when.joined(separator: ", ")) + ")"
    }

    static func lines(_ s: SinceLastReport) -> [String] {
        var out: [String] = []
        out.append(s.inputsChanged ? "The inputs changed (other SHA-256 digests)." : "No change in inputs (the same SHA-256 digests).")
        if s.windowChanged {
            out.append("The window changed (the last report's: \(SummaryTable.describe(s.previousWindow))).")
        }
        func teams(_ list: [SinceLastReport.TeamRef]) -> String { list.map(\.path).joined(separator: ", ") }
        if !s.teamsAdded.isEmpty {
            out.append("\(count(s.teamsAdded.count, "team")) added: \(teams(s.teamsAdded)).")
        }
        if !s.teamsRemoved.isEmpty {
            out.append("\(count(s.teamsRemoved.count, "team")) removed: \(teams(s.teamsRemoved)).")
        }
        for b in s.bandChanges {
            out.append("\(b.team.path) (\(b.mode.shortUnit)) \(b.figure.label): \(b.move.text) (\(b.move.direction.rawValue)).")
        }
        if s.bandChanges.isEmpty { out.append("No band changed.") }
        out += findings("New", s.findingsNew)
        out += findings("Gone", s.findingsGone)
        if s.findingsNew.isEmpty && s.findingsGone.isEmpty { out.append("No finding is new or gone.") }
        return out
    }

    /// `New finding: identity-mismatch: Falcon, Falcon Sprint 3: …`, the first few, then how
    /// many more.
    static func findings(_ what: String, _ list: [SinceLastReport.FindingRef]) -> [String] {
        var out = list.prefix(listedFindings).map { f in
            let subject = [f.team, f.period].compactMap { $0 }.joined(separator: ", ")
            return "\(what) finding: \(f.kind): " + (subject.isEmpty ? "" : subject + ": ") + f.message
        }
        if list.count > listedFindings {
            out.append("… and \(list.count - listedFindings) more \(what.lowercased()) findings.")
        }
        return out
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
