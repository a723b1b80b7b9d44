/// The header and body rows of every table: the one definition of a table cell's markup.
///
/// `part-table.mustache` keeps the table's shell (scrolling region, caption) and inserts these
/// rows as finished markup (`head`, `rows`). Written directly rather than through a
/// template: a team's period table alone has about 2,000 cells, and a context and a dozen
/// lookups per cell would dominate the page. Every text goes through `HTMLText` (the escaper
/// the templates use); a cell's `svg` (a sparkline from the chart kit) is inserted as is.
enum TableBody {
    /// The header row, `<tr><th scope="col">…</th>…</tr>`: a column is numeric (`class="num"`,
    /// right-aligned) when it says so or, in a `num-cols` table, when it is not the first (the
    /// row headers'). (A context and three lookups per column header were a fifth of a team
    /// page's template lookups.)
    static func head(_ table: TableModel, numericColumns: Bool) -> String {
        let out = ByteBuffer(capacity: 32 + table.columns.count * 48)
        out.append("<tr>")
        for (i, column) in table.columns.enumerated() {
            out.append(column.numeric || (numericColumns && i > 0) ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
            HTMLText.append(column.label, to: out)
            out.append("</th>")
        }
        out.append("</tr>")
        return out.string
    }

    /// `<tr>…</tr>\n` per row.
    static func rows(_ table: TableModel, numericColumns numCols: Bool) -> String {
        let out = ByteBuffer(capacity: table.rows.reduce(0) { $0 + 12 + $1.count * 24 })
        for row in table.rows {
            out.append("<tr>")
            // Cells read in place through a pointer: a cell passed by value is copied (each of
            // its strings retained, then released), two thousand times a team page.
            row.withUnsafeBufferPointer { cells in
                guard let first = cells.baseAddress else { return }
                for i in cells.indices { self.cell(first + i, numericColumns: numCols, out) }
            }
            out.append("</tr>\n")
        }
        return out.string
    }

    /// The cell's classes: `num` (unless the table's `num-cols` covers it), `derived`,
    /// `nowrap` (idem), `indent-N`. (Cells are read through pointers, field by field: a method
    /// of the cell called on `pointee` copied the whole cell first.)
    /// - Parameter numericColumns: the table is marked `num-cols` (every data cell a number),
    ///   so the cell needs no `num` class of its own.
    private static func classes(_ p: UnsafePointer<TableCell>, numericColumns: Bool) -> [String] {
        var classes: [String] = []
        let columnRule = numericColumns && !p.pointee.header
        if p.pointee.numeric && !columnRule { classes.append("num") }
        if p.pointee.muted { classes.append("derived") }
        if p.pointee.nowrap && !columnRule { classes.append("nowrap") }
        if p.pointee.indent > 0 { classes.append("indent-\(min(p.pointee.indent, 8))") }
        return classes
    }

    /// The common cell (a number in a `num-cols` table): `<td>TEXT</td>`.
    private static func isPlain(_ p: UnsafePointer<TableCell>, classes: [String]) -> Bool {
        classes.isEmpty && !p.pointee.header && p.pointee.href == nil && p.pointee.title == nil && p.pointee.mark == nil
            && p.pointee.band == nil && p.pointee.svg == nil
    }

    /// One cell: a plain `<td>TEXT</td>` (most numbers), or a `<td>` or row header `<th>` with
    /// its classes, tooltip, link, mark, band pill and sparkline.
    private static func cell(_ p: UnsafePointer<TableCell>, numericColumns: Bool, _ out: ByteBuffer) {
        let classes = classes(p, numericColumns: numericColumns)
        if isPlain(p, classes: classes) {
            out.append("<td>")
            HTMLText.append(p.pointee.text, to: out)
            out.append("</td>")
            return
        }
        let cell = p.pointee  // the uncommon cell (header, link, mark, band, sparkline): one copy
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
