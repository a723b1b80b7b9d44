/// What the user says about the input files on the command line (`--mode`), and where a file
/// contradicts it.
public struct ReadOptions: Sendable, Equatable {
    /// `--mode`: the computation mode of the files that name none (no mode column, no unit
    /// suffix on their metric columns or long-shape metric names). nil: story points, the
    /// export's default. A file that names its mode keeps it; naming another mode than this
    /// one is an error: the user and the file disagree on what the numbers count, and no
    /// guess is safe.
    public var mode: ComputationMode?
    /// The window and band thresholds the data will be analysed with, when the caller knows
    /// them before reading (`summary`): a single file's teams are then analysed as their rows
    /// end, on the thread that maps the records (`EarlyAnalysis`). nil: no analysis while
    /// reading. The result is the same either way.
    public var analysis: Analysis?

    public struct Analysis: Sendable, Equatable {
        public var window: Window
        public var thresholds: BandThresholds
        public init(window: Window, thresholds: BandThresholds) {
            self.window = window
            self.thresholds = thresholds
        }
    }

    public init(mode: ComputationMode? = nil, analysis: Analysis? = nil) {
        self.mode = mode
        self.analysis = analysis
    }

    /// The mode of a value the file gives no mode of its own.
    var defaultMode: ComputationMode { mode ?? .storyPoints }

    /// The error for a mode the file names (`what`: where it names it) when `--mode` says
    /// another. Asked once per record: `what` is only made for the error.
    func contradiction(_ named: ComputationMode, _ what: @autoclosure () -> String, file: String,
                       line: Int) -> InputError? {
        guard let mode, named != mode else { return nil }
        return InputError(file: file, line: line,
                          "\(what()) says \(named.rawValue), but --mode says \(mode.rawValue): leave --mode out for a file that names its mode")
    }

    /// Metric columns whose unit suffix names another mode than `--mode`: the first one.
    func check(_ plan: HeaderPlan, file: String, line: Int) throws(InputError) {
        for (c, _, named) in plan.metricColumns {
            if let named, let e = contradiction(named, "column '\(plan.headers[c])'", file: file, line: line) { throw e }
        }
    }
}
