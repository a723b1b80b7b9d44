/// Computes the `Report` from a `DataSet` (`metrics.md`).
///
/// Stub of the public entry point: the Analysis stage implements it.
public enum Analyzer {
    public static func analyze(_ data: DataSet, window: Window = Window(),
                               thresholds: BandThresholds = .defaults) -> Report {
        Report(window: window, coverage: (nil, nil), inputs: data.inputs, extraMetrics: data.extraMetrics,
               teams: [], nodes: [], findings: data.findings, thresholds: thresholds)
    }
}
