/// One cell of a table; `TableBody` writes its markup.
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
        // Bytes: "—" (U+2014) has no other canonically equivalent spelling. Its 3 bytes first:
        // most numbers have another length, and a count is free.
        let undefined = text.utf8.count == 3 && text.utf8.elementsEqual(NumberFormat.undefined.utf8)
        // Made in one initialiser call, not changed after: the cell is then built where it is
        // stored (a cell changed after it was made was copied into the row).
        return TableCell(text: text, numeric: true, title: undefined ? undefinedReason ?? "not defined for this data" : nil)
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
        // Cells borrowed in place (`allSatisfy` over the array would copy each cell out,
        // retaining and releasing its strings: 2,000 cells in a team's period table).
        !rows.isEmpty && rows.allSatisfy { row in
            row.withUnsafeBufferPointer { cells in
                cells.indices.allSatisfy { i in cells[i].header || cells[i].numeric || (cells[i].nowrap && cells[i].svg == nil) }
            }
        }
    }

    /// What `part-table.mustache` receives: the table, placed on its page.
    /// - Parameter place: the page's title and, inside a mode, the mode's ("Falcon, In story
    ///   points"): with the caption, the accessible name of the table's scrolling region.
    func context(place: String) -> TableContext { TableContext(self, place: place) }
}

/// `part-table`: the table's shell — its scrolling region and caption — with the header row
/// and the body rows written by `TableBody` (`head` and `rows`, finished markup), so the cell
/// markup exists once, in code, and a table of 2,000 cells (or 22 column headers) costs no
/// lookup per cell.
final class TableContext: TemplateContext {
    let model: TableModel
    let place: String
    let numericColumns: Bool

    init(_ model: TableModel, place: String) {
        self.model = model
        self.place = place
        numericColumns = model.numericColumns
    }

    static let fields: [String: @Sendable (TableContext) -> Any] = [
        "id": { $0.model.id },
        "caption": { $0.model.caption },
        "captionHidden": { $0.model.captionHidden },
        "note": { orFalse($0.model.note) },
        "numericColumns": { $0.numericColumns },
        "place": { $0.place },
        "head": { TableBody.head($0.model, numericColumns: $0.numericColumns) },
        "rows": { TableBody.rows($0.model, numericColumns: $0.numericColumns) },
    ]
}

/// A band as a word in a pill (never colour alone): `<span class="band band-high">High</span>`.
enum BandView {
    static func word(_ band: Band) -> String { band.rawValue }
    static func cls(_ band: Band) -> String { "band-" + band.rawValue.lowercased() }
}

/// A band for a template: its `word` and its CSS `class`.
final class BandContext: TemplateContext {
    let band: Band

    init(_ band: Band) { self.band = band }

    static let fields: [String: @Sendable (BandContext) -> Any] = [
        "word": { BandView.word($0.band) },
        "class": { BandView.cls($0.band) },
    ]
}
