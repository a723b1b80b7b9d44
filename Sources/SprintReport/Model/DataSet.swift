/// Everything read from the inputs, merged: the Model that Analysis works on.
public struct DataSet: Sendable {
    public var inputs: [InputSummary]
    /// One series per (team, mode), sorted by team path, then mode.
    public var series: [TeamSeries]
    /// Header texts of extra numeric columns; `PeriodRow.extras` is parallel to this.
    public var extraMetrics: [String]
    /// Findings raised while reading (unparsed cells, negative values, duplicates, ignored columns).
    public var findings: [Finding]

    public init(inputs: [InputSummary], series: [TeamSeries], extraMetrics: [String] = [],
                findings: [Finding] = []) {
        self.inputs = inputs
        self.series = series
        self.extraMetrics = extraMetrics
        self.findings = findings
    }

    /// The path of an input by its index in a `SourceRef`.
    public func fileName(_ ref: SourceRef) -> String { inputs[Int(ref.file)].path }
}
