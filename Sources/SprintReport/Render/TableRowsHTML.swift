/// The header cells and body rows of a table, byte for byte what the embedded
/// `Templates/part-table.mustache` renders from `{{#tbColumns}}…{{/tbColumns}}` and
/// `{{#tbRows}}…{{/tbRows}}` — written directly, without a context per cell.
///
/// Used through the keys `tbHead` and `tbBody` by the native variant of `part-table` that
/// `NativeTemplates` registers when the user's templates do not replace `part-table` (a
/// replacement is rendered by swift-mustache from `tbColumns` / `tbRows`). Every text goes
/// through `HTMLText` (swift-mustache's escaping); a cell's `svg` is inserted as is, like
/// `{{{.}}}`. A test renders every cell flag combination and hostile text both ways.
enum TableRowsHTML {
    /// `<th scope="col">…</th>` per column (the row around them stays in the template).
    static func head(_ table: TableModel, numericColumns numCols: Bool) -> String {
        let out = ByteBuffer(capacity: 256)
        for (i, col) in table.columns.enumerated() {
            out.append(col.numeric || (numCols && i > 0) ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
            HTMLText.append(col.label, to: out)
            out.append("</th>")
        }
        return out.string
    }

    /// `<tr>…</tr>\n` per row.
    static func body(_ table: TableModel, numericColumns numCols: Bool) -> String {
        let out = ByteBuffer(capacity: table.rows.reduce(0) { $0 + 12 + $1.count * 24 })
        for row in table.rows {
            out.append("<tr>")
            // Cells borrowed in place: a copy would retain and release each of their strings.
            row.withUnsafeBufferPointer { cells in
                for i in cells.indices { self.cell(cells[i], numericColumns: numCols, out) }
            }
            out.append("</tr>\n")
        }
        return out.string
    }

    /// One cell, as the template's `cPlain` branch (a plain number) or its full branch.
    static func cell(_ cell: TableCell, numericColumns: Bool, _ out: ByteBuffer) {
        let classes = cell.classes(numericColumns: numericColumns)
        if cell.isPlain(classes: classes) {
            out.append("<td>")
            HTMLText.append(cell.text, to: out)
            out.append("</td>")
            return
        }
        out.append(cell.header ? "<th scope=\"row\"" : "<td")
        if !classes.isEmpty {
            out.append(" class=\"")
            HTMLText.append(classes.joined(separator: " "), to: out)
            out.append("\"")
        }
        if !cell.header, let title = cell.title {
            out.append(" title=\"")
            HTMLText.append(title, to: out)
            out.append("\"")
        }
        out.append(">")
        if let href = cell.href {
            out.append("<a href=\"")
            HTMLText.append(href, to: out)
            out.append("\">")
            HTMLText.append(cell.text, to: out)
            out.append("</a>")
        } else {
            HTMLText.append(cell.text, to: out)
        }
        if let mark = cell.mark {
            out.append("<span class=\"mark\" aria-hidden=\"true\">")
            HTMLText.append(mark, to: out)
            out.append("</span>")
        }
        if let band = cell.band {
            out.append(" <span class=\"band ")
            HTMLText.append(BandView.cls(band), to: out)
            out.append("\">")
            HTMLText.append(BandView.word(band), to: out)
            out.append("</span>")
        }
        if let svg = cell.svg { out.appendText(svg) }
        out.append(cell.header ? "</th>" : "</td>")
    }
}
