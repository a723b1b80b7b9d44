/// `summary --format markdown`: GitHub-flavoured Markdown for a CI job summary or a retro
/// page. Text from the files is escaped so it can never become markup.
public enum SummaryMarkdown {
    /// With `comparison` (`--compare`), change tables; with `since` (`--previous`), "since
    /// the last report". Without either, exactly the plain summary.
    public static func render(_ report: Report, comparison: WindowComparison? = nil,
                              since: SinceLastReport? = nil) -> String {
        var out = "## Sprint report\n\n" + escape(SummaryTable.span(report).capitalizedFirst) + "\n"
        for section in SummaryTable.sections(report, comparison: comparison, since: since) {
            switch section {
            case let .table(heading, t):
                out += "\n### \(heading)\n\n" + table(t)
            case let .thresholds(heading, lines):
                out += "\n### \(heading)\n\n"
                for l in lines { out += "- \(l.figure): \(l.limits)\n" }
            case let .findings(heading, findings):
                out += "\n### \(heading)\n\n" + (findings.isEmpty ? "None.\n" : "")
                for f in findings {
                    out += "- **\(f.severity.rawValue)** `\(f.kind.rawValue)` \(escape(SummaryTable.location(f))): "
                        + escape(SummaryTable.subject(f) + f.message) + "\n"
                }
            case let .list(heading, lines):
                out += "\n### \(escape(heading))\n\n"
                for l in lines { out += "- " + escape(l) + "\n" }
            }
        }
        return out
    }

    static func table(_ t: SummaryTable) -> String {
        var out = "| " + t.headers.joined(separator: " | ") + " |\n|"
        for c in t.headers.indices { out += t.numeric.contains(c) ? " ---: |" : " --- |" }
        out += "\n"
        for row in t.rows { out += "| " + ([escape(row[0])] + row.dropFirst()).joined(separator: " | ") + " |\n" }
        if t.rows.isEmpty { out += "\nNo team has a period in the window.\n" }
        return out
    }

    /// Characters that could start markup in a table cell or list item, backslash-escaped
    /// (CommonMark allows it before any ASCII punctuation; GFM tables read `\|` as a bar):
    /// emphasis, code, links, HTML, entities, strikethrough and math. Line breaks and other
    /// control characters become spaces. Used on every text that comes from the files.
    static let special = Set(##"\`*_[]<>|~&$!"##.unicodeScalars)
    /// `special` as bytes (all ASCII), for the check that text needs no escaping.
    static let specialBytes = Set(special.map { UInt8($0.value) })

    static func escape(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E && !specialBytes.contains($0) }) { return s }
        var out = ""
        for u in s.unicodeScalars {
            if u.properties.generalCategory == .control {
                out += " "
            } else if special.contains(u) {
                out += "\\" + String(u)
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
