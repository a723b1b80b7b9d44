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

    /// The axis that covers `values` and zero. Non-finite values are ignored.
    /// `minStep` keeps counted units on whole numbers (1 for story points and tickets).
    init(covering values: [Double], minStep: Double = 0) {
        let finite = values.filter(\.isFinite)
        let lo = min(0, finite.min() ?? 0), hi = max(0, finite.max() ?? 0)
        var chosen = 1.0
        if hi - lo > 0 {
            var exponent = Int(log10(hi - lo).rounded(.down)) - 2
            search: while true {
                let base = pow(10, Double(exponent))
                for m in [1.0, 2.0, 2.5, 5.0] {
                    let s = m * base
                    if s < minStep { continue }
                    let count = (hi / s).rounded(.up) - (lo / s).rounded(.down)
                    if count <= 4 { chosen = s; break search }
                }
                exponent += 1
            }
        } else {
            chosen = max(minStep, 1)
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

