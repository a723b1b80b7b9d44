import Mustache

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
        // Bytes: "—" (U+2014) has no other canonically equivalent spelling.
        if text.utf8.elementsEqual(NumberFormat.undefined.utf8) { c.title = undefinedReason ?? "not defined for this data" }
        return c
    }

    /// The cell's classes: `num` (unless the table's `num-cols` covers it), `derived`,
    /// `nowrap` (idem), `indent-N`.
    /// - Parameter numericColumns: the table is marked `num-cols` (every data cell a number),
    ///   so the cell needs no `num` class of its own.
    func classes(numericColumns: Bool) -> [String] {
        var classes: [String] = []
        let columnRule = numericColumns && !header
        if numeric && !columnRule { classes.append("num") }
        if muted { classes.append("derived") }
        if nowrap && !columnRule { classes.append("nowrap") }
        if indent > 0 { classes.append("indent-\(min(indent, 8))") }
        return classes
    }

    /// The common cell (a number in a `num-cols` table): the template's `cPlain` branch
    /// writes `<td>{{cText}}</td>`.
    func isPlain(classes: [String]) -> Bool {
        classes.isEmpty && !header && href == nil && title == nil && mark == nil && band == nil && svg == nil
    }

    /// - Parameter numericColumns: the table is marked `num-cols` (see `classes`).
    func context(numericColumns: Bool = false) -> Context {
        let classes = classes(numericColumns: numericColumns)
        // The common cell: two keys, three tag lookups instead of eleven.
        if isPlain(classes: classes) {
            return ["cPlain": true, "cText": text] as Context
        }
        // Every key is present (false when unused): a missing key would make the template
        // search every enclosing context, which dominated the rendering time of big pages.
        return [
            "cPlain": false, "cText": text, "cHead": header,
            "cClass": classes.isEmpty ? false : classes.joined(separator: " "),
            "cHref": href ?? false, "cTitle": title ?? false, "cMark": mark ?? false,
            "cBand": band.map(BandView.context) ?? false, "cSvg": svg ?? false,
        ] as Context
    }
}

/// A table with a caption, column headers and rows (`part-table.mustache`).
struct TableModel {
    var id: String
    var caption: String
    var note: String?
    var columns: [(label: String, numeric: Bool)]
    var rows: [[TableCell]]
    /// The caption repeats a visible heading: keep it for screen readers only.
    var captionHidden = false

    /// Every cell that is not a row header holds a number or a date (chart data, the period
    /// table): one `num-cols` class on the table aligns them all (right, tabular, one line).
    var numericColumns: Bool {
        !rows.isEmpty && rows.allSatisfy { $0.allSatisfy { $0.header || $0.numeric || ($0.nowrap && $0.svg == nil) } }
    }

    /// What `part-table.mustache` receives; see `TableContext`.
    var context: TableContext { TableContext(self) }

    /// `tbColumns`: one context per column header.
    func columnsContext(numericColumns numCols: Bool) -> [Context] {
        columns.enumerated().map { i, col in
            ["hLabel": col.label, "hNum": col.numeric || (numCols && i > 0)] as Context
        }
    }

    /// `tbRows`: one `rCells` list of cell contexts per row.
    func rowsContext(numericColumns numCols: Bool) -> [Context] {
        rows.map { ["rCells": $0.map { $0.context(numericColumns: numCols) }] as Context }
    }
}

/// A table as `part-table.mustache` sees it. Besides the usual keys (`tbId`, `tbCaption`,
/// `tbColumns`, `tbRows` with their cells, …) it offers `tbHead` and `tbBody`, the header
/// cells and the body rows written by `TableRowsHTML`, which the embedded template's native
/// variant inserts (`NativeTemplates`); a user's own `part-table` gets the usual keys. Each
/// key is computed only when a template asks for it, so the per-cell contexts are built only
/// for a template that walks them.
final class TableContext: MustacheParent {
    let model: TableModel
    let numericColumns: Bool

    init(_ model: TableModel) {
        self.model = model
        numericColumns = model.numericColumns
    }

    func child(named name: String) -> Any? {
        switch name {
        case "tbId": model.id
        case "tbCaption": model.caption
        case "tbNumCols": numericColumns
        // Every probed key present (false when absent): no lookup falls through to outer contexts.
        case "tbNote": model.note.map { $0 as Any } ?? false
        case "tbCaptionHidden": model.captionHidden
        case "tbBody": TableRowsHTML.body(model, numericColumns: numericColumns)
        case "tbHead": TableRowsHTML.head(model, numericColumns: numericColumns)
        case "tbColumns": model.columnsContext(numericColumns: numericColumns)
        case "tbRows": model.rowsContext(numericColumns: numericColumns)
        default: nil
        }
    }
}

/// A band as a word in a pill (never colour alone).
enum BandView {
    static func context(_ band: Band) -> Context {
        ["bWord": word(band), "bClass": cls(band)]
    }

    static func word(_ band: Band) -> String { band.rawValue }
    static func cls(_ band: Band) -> String { "band-" + band.rawValue.lowercased() }
}
