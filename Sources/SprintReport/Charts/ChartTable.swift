/// A chart's data as a real table (pages show it in `<details>` under the chart).
/// Cells are formatted text (`NumberFormat`); a missing value is `—`.
public struct ChartTable: Sendable, Equatable {
    public var caption: String
    public var columns: [String]
    public var rows: [[String]]

    public init(caption: String, columns: [String], rows: [[String]]) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
    }
}

extension ChartTable {
    /// The table of a chart made without one (`ChartParts.table` left out).
    static let omitted = ChartTable(caption: "", columns: [], rows: [])
}

/// What a chart is made with besides its marks. A page that shows the chart's numbers
/// elsewhere (a team page: its period table) leaves out the per-period hover titles and the
/// data table, and the layouts then do not make them (three quarters of a line chart's
/// strings, thrown away before: 2,000 team pages make 8,000 charts).
struct ChartParts: OptionSet, Sendable {
    let rawValue: Int
    /// Each period's hover area with its `<title>` (`CartesianFrame.hoverAreas`).
    static let hover = ChartParts(rawValue: 1)
    /// The chart's data as a table (`ChartLayout.table`; `ChartTable.omitted` without it).
    static let table = ChartParts(rawValue: 2)
    static let all: ChartParts = [.hover, .table]

    init(rawValue: Int) { self.rawValue = rawValue }

    init(hover: Bool, table: Bool) {
        self = []
        if hover { insert(.hover) }
        if table { insert(.table) }
    }
}

/// What a chart layout produces before rendering: geometry, heading and table.
struct ChartLayout: Sendable, Equatable {
    var geometry: ChartGeometry
    /// The heading that states the finding.
    var heading: String
    var table: ChartTable
}
