/// One row of the say/do heatmap: a team or org-tree node, its link, its depth in the tree
/// and one say/do % per column (nil: no committed work that month, shown `—`).
public struct HeatmapRow: Sendable, Equatable {
    public var label: String
    public var href: String?
    public var indent: Int
    public var cells: [Double?]

    public init(label: String, href: String? = nil, indent: Int = 0, cells: [Double?]) {
        self.label = label
        self.href = href
        self.indent = indent
        self.cells = cells
    }
}
