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

/// What a chart layout produces before rendering: geometry, heading and table.
struct ChartLayout: Sendable, Equatable {
    var geometry: ChartGeometry
    /// The heading that states the finding.
    var heading: String
    var table: ChartTable
}
