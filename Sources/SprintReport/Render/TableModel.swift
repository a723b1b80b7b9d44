/// A mustache context: what a template receives.
typealias Context = [String: Any]

/// One cell of a rendered table (`part-table.mustache`). Keys are prefixed `c` so a template
/// never picks up a same-named value of an enclosing context.
struct TableCell {
    var text: String
    var header = false
    var numeric = false
    var href: String?
    /// Tooltip: why a value is undefined, or what a mark means.
    var title: String?
    /// A mark after the value (`*` for a derived value).
    var mark: String?
    var muted = false
    var band: Band?
    /// Pre-built SVG (a sparkline), inserted unescaped.
    var svg: String?
    /// Indentation level in a tree table.
    var indent = 0
    /// Keep on one line (dates).
    var nowrap = false

    static func number(_ text: String, undefinedReason: String? = nil) -> TableCell {
        var c = TableCell(text: text, numeric: true)
        if text == NumberFormat.undefined { c.title = undefinedReason ?? "not defined for this data" }
        return c
    }

    var context: Context {
        var classes: [String] = []
        if numeric { classes.append("num") }
        if muted { classes.append("derived") }
        if nowrap { classes.append("nowrap") }
        if indent > 0 { classes.append("indent-\(min(indent, 8))") }
        var c: Context = ["cText": text, "cHead": header]
        if !classes.isEmpty { c["cClass"] = classes.joined(separator: " ") }
        if let href { c["cHref"] = href }
        if let title { c["cTitle"] = title }
        if let mark { c["cMark"] = mark }
        if let band { c["cBand"] = BandView.context(band) }
        if let svg { c["cSvg"] = svg }
        return c
    }
}

/// A table with a caption, column headers and rows (`part-table.mustache`).
struct TableModel {
    var id: String
    var caption: String
    var note: String?
    var columns: [(label: String, numeric: Bool)]
    var rows: [[TableCell]]

    var context: Context {
        var c: Context = [
            "tbId": id,
            "tbCaption": caption,
            "tbColumns": columns.map { ["hLabel": $0.label, "hNum": $0.numeric] as Context },
            "tbRows": rows.map { ["rCells": $0.map(\.context)] as Context },
        ]
        if let note { c["tbNote"] = note }
        return c
    }
}

/// A band as a word in a pill (never colour alone).
enum BandView {
    static func context(_ band: Band) -> Context {
        ["bWord": band.rawValue, "bClass": "band-" + band.rawValue.lowercased()]
    }
}
