/// What `--compare` asks for: the window the report is compared with (the baseline).
///
/// - `previous`: the window of the same length just before the report window. Its length is
///   counted in calendar days, both ends included: `--from 2026-01-01 --to 2026-03-31` is
///   90 days, so the baseline is the 90 days ending the day before `--from`, 2025-10-03 to
///   2025-12-31. (Not "the previous calendar quarter": quarters differ in length; name that
///   window explicitly when it is what you want.) It needs both `--from` and `--to`.
/// - `yyyy-MM-dd..yyyy-MM-dd`: that window, both days included; any report window (or none).
///
/// A period belongs to the baseline by the same rule as to the report window (its end date,
/// else its start date), so the baseline's figures are those of `summary --from … --to …`
/// over the baseline window.
public enum BaselineWindow: Sendable, Equatable {
    case previous
    case range(from: Day, to: Day)

    /// The argument of `--compare`: `previous` or `yyyy-MM-dd..yyyy-MM-dd`.
    public init(argument: String) throws(UsageProblem) {
        if argument == "previous" {
            self = .previous
            return
        }
        let parts = argument.split(separator: "..", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.utf8.count == 10 }),
              let from = Day(iso: parts[0]), let to = Day(iso: parts[1]) else {
            throw UsageProblem("--compare takes 'previous' or two dates as yyyy-MM-dd..yyyy-MM-dd, not '\(argument)'.")
        }
        guard from <= to else {
            throw UsageProblem("--compare \(argument): the first day \(from) is after the last day \(to).")
        }
        self = .range(from: from, to: to)
    }

    /// The baseline window for the report window `current`.
    public func window(for current: Window) throws(UsageProblem) -> Window {
        switch self {
        case let .range(from, to):
            return Window(from: from, to: to)
        case .previous:
            guard let w = Self.previous(of: current) else {
                throw UsageProblem("--compare previous needs both --from and --to: the baseline is the window of "
                    + "the same length just before --from (or name it: --compare yyyy-MM-dd..yyyy-MM-dd).")
            }
            return w
        }
    }

    /// The window of the same number of days ending the day before `current.from`; nil when
    /// either end of `current` is open.
    public static func previous(of current: Window) -> Window? {
        guard let from = current.from, let to = current.to, from <= to else { return nil }
        let days = Int(to.daysSinceEpoch) - Int(from.daysSinceEpoch) + 1
        return Window(from: from.adding(days: -days), to: from.adding(days: -1))
    }
}
