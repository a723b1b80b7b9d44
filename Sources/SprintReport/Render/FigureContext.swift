/// `part-figure`: a chart as a page shows it — heading stating the finding, sentence, the
/// finished SVG from the chart kit, and where its numbers are: its data as a table in
/// `<details>`, or a link to the page's table that already holds them. One copy of the
/// numbers: on paper the charts and the period table carry them.
final class FigureContext: TemplateContext {
    /// Where a figure's numbers are.
    enum Data {
        /// The chart's own table, in `<details>` under it.
        case table
        /// A table of the page that holds every number of the chart (a team's "Every period").
        case link(href: String, text: String)
    }

    let chart: RenderedChart
    let id: String
    let place: String
    let wide: Bool
    let table: TableContext?
    let dataLink: LinkContext?

    /// - Parameters:
    ///   - place: the page's title and, inside a mode, the mode's: the accessible name of a
    ///     wide chart's scrolling region starts with it.
    ///   - wide: many columns (the heatmap): keeps a legible size and scrolls on a phone.
    init(_ chart: RenderedChart, id: String, place: String, wide: Bool = false, data: Data = .table) {
        self.chart = chart
        self.id = id
        self.place = place
        self.wide = wide
        switch data {
        case .table:
            let t = chart.table
            table = TableModel(
                id: id + "-data", caption: t.caption, note: nil,
                columns: t.columns.enumerated().map { ($1, $0 > 0) },
                rows: t.rows.map { row in
                    row.enumerated().map { i, text in
                        i == 0 ? TableCell(text: text, header: true) : .number(text)
                    }
                }).context(place: place)
            dataLink = nil
        case let .link(href, text):
            table = nil
            dataLink = LinkContext(label: text, href: href)
        }
    }

    static let fields: [String: @Sendable (FigureContext) -> Any] = [
        "id": { $0.id },
        "title": { $0.chart.title },
        "description": { $0.chart.description },
        "svg": { $0.chart.svg },
        "wide": { $0.wide },
        "place": { $0.place },
        "table": { orFalse($0.table) },
        "dataLink": { orFalse($0.dataLink) },
    ]
}
