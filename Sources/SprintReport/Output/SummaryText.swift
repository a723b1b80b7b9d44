/// `summary --format text`: aligned tables for a terminal, the band thresholds, then findings.
public enum SummaryText {
    public static func render(_ report: Report) -> String {
        var out = "sprint-report summary — \(SummaryTable.span(report))\n"
        for section in SummaryTable.sections(report) {
            switch section {
            case let .table(heading, t):
                out += "\n\(heading)\n" + table(t)
            case let .thresholds(heading, lines):
                out += "\n\(heading)\n"
                let width = lines.map(\.figure.count).max() ?? 0
                for l in lines { out += "  " + pad(l.figure, width, right: false) + "  " + l.limits + "\n" }
            case let .findings(heading, findings):
                out += "\n\(heading)\n" + (findings.isEmpty ? "  none\n" : "")
                for f in findings {
                    out += "  \(f.severity.rawValue): \(clean(SummaryTable.location(f))): \(f.kind.rawValue): "
                        + clean(SummaryTable.subject(f) + f.message) + "\n"
                }
            }
        }
        return out
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
