/// Which periods a period chart draws: the last `shown` of the `total` in the window.
///
/// A chart of 78 sprints draws bars 3 units wide and needs a `<title>` per period: the
/// team and node pages draw the last `ChartSpan.pageLimit` periods, say so in the chart's
/// description and table caption, and keep every period in a table (`note` says where).
/// Headings (the finding) still cover the whole window, like the tiles.
public struct ChartSpan: Sendable, Equatable {
    /// The most periods a page's chart draws.
    public static let pageLimit = 26

    public var total: Int
    public var shown: Int
    /// The chart's data table lists every period, not only the drawn ones (a page that has
    /// no other table of its periods).
    public var tableAll: Bool
    /// Where the periods the chart leaves out are ("every sprint is in the table below").
    public var note: String?

    /// Every period.
    public static func all(_ total: Int) -> ChartSpan { ChartSpan(total: total, limit: nil) }

    public init(total: Int, limit: Int?, tableAll: Bool = false, note: String? = nil) {
        let total = max(total, 0)
        self.total = total
        self.shown = limit.map { min(max($0, 1), total) } ?? total
        self.tableAll = tableAll
        self.note = note
    }

    /// The drawn periods' indices.
    var range: Range<Int> { (total - shown)..<total }
    /// The data table's rows.
    var tableRange: Range<Int> { tableAll ? 0..<total : range }
    var isCut: Bool { shown < total }

    /// "78 sprints", or "the last 26 of 78 sprints".
    func over(_ noun: String) -> String {
        isCut ? "the last \(shown) of \(ChartText.count(total, noun))" : ChartText.count(total, noun)
    }
}
