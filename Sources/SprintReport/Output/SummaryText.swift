/// `summary --format text`: aligned tables for a terminal, the band thresholds, then findings.
public enum SummaryText {
    public static func render(_ report: Report) -> String {
        var out = "sprint-report summary — window \(window(report.window))"
        if let first = report.coverage.first, let last = report.coverage.last {
            out += ", data \(first) to \(last)"
        }
        out += "\n\nTeams\n" + table(SummaryTable(teams: report.teams))
        if !report.nodes.isEmpty {
            out += "\nOrganisation (rolled up by calendar month)\n" + table(SummaryTable(nodes: report.nodes))
        }
        out += "\nBand thresholds (Elite / High / Medium)\n"
        let lines = SummaryTable.thresholds(report.thresholds)
        let width = lines.map(\.figure.count).max() ?? 0
        for l in lines { out += "  " + pad(l.figure, width, right: false) + "  " + l.limits + "\n" }
        out += "\nFindings (\(report.findings.count))\n"
        if report.findings.isEmpty { out += "  none\n" }
        for f in report.findings {
            out += "  \(f.severity.rawValue): \(clean(SummaryTable.location(f))): \(f.kind.rawValue): "
                + clean(SummaryTable.subject(f) + f.message) + "\n"
        }
        return out
    }

    static func window(_ w: Window) -> String {
        "\(w.from?.description ?? "start") to \(w.to?.description ?? "end")"
    }

    /// Columns padded to their widest cell; numbers right-aligned.
    static func table(_ t: SummaryTable) -> String {
        let cells = [t.headers] + t.rows.map { $0.map(clean) }
        let widths = t.headers.indices.map { c in cells.map { $0[c].count }.max() ?? 0 }
        var out = ""
        for row in cells {
            let line = row.indices.map { c in pad(row[c], widths[c], right: SummaryTable.numeric.contains(c)) }
                .joined(separator: "  ")
            out += "  " + String(line.reversed().drop(while: { $0 == " " }).reversed()) + "\n"
        }
        if t.rows.isEmpty { out += "  (none in the window)\n" }
        return out
    }

    static func pad(_ s: String, _ width: Int, right: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - s.count))
        return right ? fill + s : s + fill
    }

    /// Text from the files, made safe for a terminal: control characters (escape sequences
    /// included) become `?`.
    static func clean(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { u in
            u.properties.generalCategory == .control ? "?" : u
        }))
    }
}
