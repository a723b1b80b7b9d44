/// A chart as a page shows it: heading stating the finding, sentence, SVG, and its data as a
/// table in `<details>` (`part-figure.mustache`).
enum FigureView {
    /// - Parameter wide: many columns (the heatmap): keeps a legible size and scrolls on a phone.
    static func context(_ chart: RenderedChart, id: String, wide: Bool = false) -> Context {
        let t = chart.table
        var table = TableModel(
            id: id + "-data", caption: t.caption, note: nil,
            columns: t.columns.enumerated().map { ($1, $0 > 0) },
            rows: t.rows.map { row in
                row.enumerated().map { i, text in
                    i == 0 ? TableCell(text: text, header: true) : .number(text)
                }
            })
        let screen = table.context
        table.id += "-print"
        return ["fId": id, "fTitle": chart.title, "fDesc": chart.description, "fSvg": chart.svg,
                "fTable": screen, "fPrintTable": table.context, "fWide": wide]
    }
}
