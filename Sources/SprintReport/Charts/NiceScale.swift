import Foundation

/// A linear value axis with a zero baseline and 3–5 "nice" ticks (1, 2, 2.5, 5 × 10ⁿ).
struct NiceScale: Equatable {
    /// Lowest and highest tick: the domain of the axis.
    var lower: Double
    var upper: Double
    var step: Double
    /// Decimals a tick label needs for this step (0 for 5, 1 for 2.5 or 0.5, 2 for 0.25 …).
    var decimals: Int

    /// The ticks from `lower` to `upper`, computed from integer multiples (no drift).
    var ticks: [Double] {
        let first = (lower / step).rounded(), last = (upper / step).rounded()
        return stride(from: first, through: last, by: 1).map { $0 * step }
    }

    /// The widest axis drawn: values beyond ±1e15 (no export holds them, but a ratio over a
    /// tiny denominator can) are drawn at this edge, so the axis' range, its ticks and their
    /// labels stay finite and readable.
    static let limit = 1e15
    /// The finest step: a range narrower than this (values such as 1e-20) gets ticks a
    /// 6-decimal label can tell apart (`decimals(of:)` stops at 6).
    static let finestStep = 1e-6

    /// The axis that covers `values` and zero. Non-finite values are ignored, the others
    /// pinned into ±`limit`. `minStep` keeps counted units on whole numbers (1 for story
    /// points and tickets).
    init(covering values: [Double], minStep: Double = 0) {
        let finite = values.filter(\.isFinite).map { min(max($0, -Self.limit), Self.limit) }
        let lo = min(0, finite.min() ?? 0), hi = max(0, finite.max() ?? 0)
        let smallest = max(minStep.isFinite ? minStep : 0, Self.finestStep)
        var chosen = 1.0
        if hi - lo > 0 {
            // hi − lo is within (0, 2e15]: log10 is within [−324, 16].
            var exponent = Int(clamping: log10(hi - lo).rounded(.down), to: -400...400) - 2
            // Ends by 10^17 at the latest (a step wider than the whole range); bounded anyway.
            search: while exponent <= 400 {
                let base = pow(10, Double(exponent))
                for m in [1.0, 2.0, 2.5, 5.0] {
                    let s = m * base
                    if s < smallest { continue }
                    let count = (hi / s).rounded(.up) - (lo / s).rounded(.down)
                    if count <= 4 { chosen = s; break search }
                }
                exponent += 1
            }
        } else {
            chosen = max(smallest, 1)
        }
        step = chosen
        lower = (lo / chosen).rounded(.down) * chosen
        upper = (hi / chosen).rounded(.up) * chosen
        // At least three ticks (zero, one step, two steps) so the axis reads as a scale.
        if ((upper - lower) / chosen).rounded() < 2 { upper = lower + 2 * chosen }
        decimals = NiceScale.decimals(of: chosen)
    }

    /// The tick label: fixed decimals, thousands grouped like every other figure.
    func label(_ tick: Double) -> String { NumberFormat.fixed(tick, decimals) }

    static func decimals(of step: Double) -> Int {
        var d = 0
        var s = step
        while d < 6 && abs(s - s.rounded()) > 1e-9 * max(1, abs(s)) {
            s *= 10
            d += 1
        }
        return d
    }
}

