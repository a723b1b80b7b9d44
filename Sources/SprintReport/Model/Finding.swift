/// The kinds of data-quality findings (`docs/summary-json.md#findings`).
public enum FindingKind: String, Sendable, CaseIterable, Comparable {
    case identityMismatch = "identity-mismatch"
    case negativeValue = "negative-value"
    case duplicateConflict = "duplicate-conflict"
    case parentRollupMismatch = "parent-rollup-mismatch"
    case unknownColumn = "unknown-column"
    case unparsedValue = "unparsed-value"
    case missingPeriod = "missing-period"
    /// Info: one team id under several names (a renamed team), shown under its latest name.
    case teamRenamed = "team-renamed"

    public static func < (a: FindingKind, b: FindingKind) -> Bool { a.rawValue < b.rawValue }

    /// A heading for the data-quality page.
    public var title: String {
        switch self {
        case .identityMismatch: "Identities that do not hold"
        case .negativeValue: "Negative work values"
        case .duplicateConflict: "Conflicting duplicate rows"
        case .parentRollupMismatch: "Parent totals that differ from their children"
        case .unknownColumn: "Columns that were ignored"
        case .unparsedValue: "Cells that are not numbers"
        case .missingPeriod: "Periods without any value"
        case .teamRenamed: "Teams that were renamed"
        }
    }
}

public enum Severity: String, Sendable {
    case warning, info
}

/// A data-quality finding: kept and reported, never an error (`docs/input-format.md#errors`).
public struct Finding: Sendable, Hashable {
    public var severity: Severity
    public var kind: FindingKind
    public var file: String?
    public var line: Int?
    public var team: String?
    public var period: String?
    /// A sentence a person understands: "SPRINT_SIZE is 30 but SPRINT_COMMIT + SPRINT_CREEP is 28.5".
    public var message: String

    public init(severity: Severity = .warning, kind: FindingKind, file: String? = nil, line: Int? = nil,
                team: String? = nil, period: String? = nil, message: String) {
        self.severity = severity
        self.kind = kind
        self.file = file
        self.line = line
        self.team = team
        self.period = period
        self.message = message
    }

    /// The order of `docs/summary-json.md#findings`: by file, line, kind (then message, for stability).
    public static func ordered(_ a: Finding, _ b: Finding) -> Bool {
        if (a.file ?? "") != (b.file ?? "") { return (a.file ?? "") < (b.file ?? "") }
        if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
        if a.kind != b.kind { return a.kind < b.kind }
        if (a.team ?? "") != (b.team ?? "") { return (a.team ?? "") < (b.team ?? "") }
        return a.message < b.message
    }
}
