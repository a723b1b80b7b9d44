/// `summary --format text`: aligned tables for a terminal, the band thresholds, then findings.
public enum SummaryText {
    /// `colour`: band words in colour (`TerminalColour`), for a terminal only. With
    /// `comparison` (`--compare`), change tables; with `since` (`--previous`), "since the last
    /// report". Without either, exactly the plain summary.
    public static func render(_ report: Report, comparison: WindowComparison? = nil,
                              since: SinceLastReport? = nil, colour: Bool = false) -> String {
        var out = "sprint-report summary — \(SummaryTable.span(report))\n"
        for section in SummaryTable.sections(report, comparison: comparison, since: since) {
            switch section {
            case let .table(heading, t):
                out += "\n\(heading)\n" + table(t, colour: colour)
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
            case let .list(heading, lines):
                out += "\n\(clean(heading))\n"
                for l in lines { out += "  - " + clean(l) + "\n" }
            }
        }
        return out
    }

    /// Columns padded to their widest cell; numbers right-aligned. With `colour`, a band word
    /// is wrapped in its colour after padding, so the columns stay aligned.
    static func table(_ t: SummaryTable, colour: Bool = false) -> String {
        let cells = [t.headers] + t.rows.map { $0.map(clean) }
        let widths = t.headers.indices.map { c in cells.map { width($0[c]) }.max() ?? 0 }
        let bandColumns = colour ? Set(t.headers.indices.filter { t.headers[$0] == "band" }) : []
        var out = ""
        for (r, row) in cells.enumerated() {
            let line = row.indices.map { c in
                let cell = pad(row[c], widths[c], right: t.numeric.contains(c))
                guard r > 0, bandColumns.contains(c), let band = Band(rawValue: row[c]) else { return cell }
                return TerminalColour.band(band, row[c]) + cell.dropFirst(row[c].count)
            }.joined(separator: "  ")
            out += "  " + trimmingTrailingSpaces(line) + "\n"
        }
        if t.rows.isEmpty { out += "  (none in the window)\n" }
        return out
    }

    static func pad(_ s: String, _ width: Int, right: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - Self.width(s)))
        return right ? fill + s : s + fill
    }

    /// The number of characters of a cell: its byte count when it is printable ASCII (one
    /// character per byte), else `count`.
    static func width(_ s: String) -> Int {
        isPrintableASCII(s) ? s.utf8.count : s.count
    }

    /// The line without its trailing spaces (characters `" "`). On bytes when the character
    /// before them is ASCII (then each trailing space is a character of its own); else
    /// character by character.
    static func trimmingTrailingSpaces(_ line: String) -> String {
        let u = line.utf8
        var end = u.endIndex
        while end > u.startIndex, u[u.index(before: end)] == 0x20 { end = u.index(before: end) }
        if end == u.endIndex { return line }
        if end == u.startIndex || u[u.index(before: end)] < 0x80 { return String(Substring(u[..<end])) }
        // From the end only (a cell may be megabytes long: no reversed copy of the line).
        guard let last = line.lastIndex(where: { $0 != " " }) else { return "" }
        return String(line[...last])
    }

    /// Text from the files, made safe for a terminal (`TerminalText.clean`).
    static func clean(_ s: String) -> String { TerminalText.clean(s) }

    static func isPrintableASCII(_ s: String) -> Bool { TerminalText.isPrintableASCII(s) }
}
