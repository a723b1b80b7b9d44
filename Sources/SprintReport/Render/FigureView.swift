/// A chart as a page shows it: heading stating the finding, sentence, SVG, and where its
/// numbers are (`part-figure.mustache`): its data as a table in `<details>`, or a link to the
/// page's table that already holds them. One copy of the numbers: on paper the charts and
/// the period table carry them.
enum FigureView {
    /// Where a figure's numbers are.
    enum Data {
        /// The chart's own table, in `<details>` under it.
        case table
        /// A table of the page that holds every number of the chart (a team's "Every period").
        case link(href: String, text: String)
    }

    /// - Parameter wide: many columns (the heatmap): keeps a legible size and scrolls on a phone.
    static func context(_ chart: RenderedChart, id: String, wide: Bool = false, data: Data = .table) -> Context {
        var c: Context = ["fId": id, "fTitle": chart.title, "fDesc": chart.description, "fSvg": chart.svg,
                          "fWide": wide, "fTable": false, "fDataLink": false]
        switch data {
        case .table:
            let t = chart.table
            c["fTable"] = TableModel(
                id: id + "-data", caption: t.caption, note: nil,
                columns: t.columns.enumerated().map { ($1, $0 > 0) },
                rows: t.rows.map { row in
                    row.enumerated().map { i, text in
                        i == 0 ? TableCell(text: text, header: true) : .number(text)
                    }
                }).context
        case let .link(href, text):
            c["fDataLink"] = ["lHref": href, "lText": text] as Context
        }
        return c
    }
}
