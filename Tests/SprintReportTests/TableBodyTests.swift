import Foundation
import Testing
@testable import SprintReport

/// `TableBody`, the one definition of a table cell's markup: every combination of the cell's
/// flags, with hostile texts, reads back (XML parser) as the cell it was written from.
@Suite struct TableBodyTests {
    static let texts = HTMLTextTests.hostile.filter(XMLTree.isXMLText)

    /// Every combination of the cell flags, with hostile texts.
    static func cells() -> [TableCell] {
        var cells: [TableCell] = []
        var k = 0
        for flags in 0..<(1 << 9) {
            let s = texts[k % texts.count]
            k += 1
            var c = TableCell(text: s)
            c.header = flags & 1 != 0
            c.numeric = flags & 2 != 0
            c.href = flags & 4 != 0 ? "team-" + s + ".html" : nil
            c.title = flags & 8 != 0 ? s : nil
            c.mark = flags & 16 != 0 ? (k % 2 == 0 ? "*" : s) : nil
            c.muted = flags & 32 != 0
            c.band = flags & 64 != 0 ? Band.allCases[k % Band.allCases.count] : nil
            c.svg = flags & 128 != 0 ? "<svg>\(k)</svg>" : nil
            c.nowrap = flags & 256 != 0
            c.indent = k % 11
            cells.append(c)
        }
        return cells
    }

    /// The cell as an XML parser must read it.
    static func expected(_ cell: TableCell, numericColumns: Bool) -> XMLTree {
        typealias X = XMLTree
        var classes: [String] = []
        if cell.numeric && !(numericColumns && !cell.header) { classes.append("num") }
        if cell.muted { classes.append("derived") }
        if cell.nowrap && !(numericColumns && !cell.header) { classes.append("nowrap") }
        if cell.indent > 0 { classes.append("indent-\(min(cell.indent, 8))") }
        var attributes: [String: String] = [:]
        if cell.header { attributes["scope"] = "row" }
        if !classes.isEmpty { attributes["class"] = classes.joined(separator: " ") }
        if !cell.header, let title = cell.title { attributes["title"] = X.attribute(title) }
        var children: [X] = [cell.href.map { X.el("a", ["href": X.attribute($0)], children: [.text(X.text(cell.text))]) }
            ?? .text(X.text(cell.text))]
        if let mark = cell.mark {
            children.append(X.el("span", ["class": "mark", "aria-hidden": "true"], children: [.text(X.text(mark))]))
        }
        if let band = cell.band {
            children.append(.text(" "))
            children.append(X.el("span", ["class": "band band-" + band.rawValue.lowercased()], children: [.text(band.rawValue)]))
        }
        if let svg = cell.svg, let tree = X.parse(svg) { children.append(tree) }
        return X.el(cell.header ? "th" : "td", attributes, children: children)
    }

    @Test(arguments: [false, true])
    func everyCellReadsBackAsWritten(numericColumns: Bool) throws {
        let cells = Self.cells()
        for width in [1, 3, 7] {
            var rows: [[TableCell]] = []
            var i = 0
            while i < cells.count {
                rows.append(Array(cells[i..<min(i + width, cells.count)]))
                i += width
            }
            let table = TableModel(id: "t", caption: "c", note: nil, columns: [], rows: rows)
            let html = TableBody.rows(table, numericColumns: numericColumns)
            #expect(html.hasSuffix("</tr>\n") && html.components(separatedBy: "</tr>\n").count == rows.count + 1)
            let tree = try #require(XMLTree.parse("<tbody>" + html + "</tbody>"), "the rows do not parse")
            let expected = XMLTree.el("tbody", children: rows.map { row in
                XMLTree.el("tr", children: row.map { Self.expected($0, numericColumns: numericColumns) })
            })
            #expect(tree == expected)
        }
    }

    /// The common cell is a bare `<td>`: most of a period table.
    @Test func aPlainNumberIsABareCell() {
        let table = TableModel(id: "t", caption: "c", note: nil, columns: [("Sprint", false), ("Commit", true)],
                               rows: [[TableCell(text: "Sprint 1", header: true), .number("24.5"), .number("—")]])
        #expect(table.numericColumns)
        #expect(TableBody.rows(table, numericColumns: true)
            == "<tr><th scope=\"row\">Sprint 1</th><td>24.5</td><td title=\"not defined for this data\">—</td></tr>\n")
    }
}
