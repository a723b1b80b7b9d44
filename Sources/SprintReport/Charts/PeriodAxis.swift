/// The x labels of a period axis: thinned to every k-th (first and last always kept),
/// never overlapping, horizontal when that shows enough of them, else rotated by 45°.
struct PeriodAxis {
    var rotated: Bool
    /// Indices of the labelled periods, ascending.
    var indices: [Int]
    /// Shown (possibly shortened) text per labelled index.
    var texts: [Int: String]
    /// Height the labels need below the axis line.
    var height: Double
    var fontSize: Double

    static let gap = 6.0
    static let maxHorizontalWidth = 110.0
    static let maxRotatedWidth = 100.0
    /// Bound of a thinning stride computed from widths (only a width that is not a number
    /// reaches it): past any count of periods, so it changes no layout.
    static let maxStride = 1 << 30
    static let sin45 = 0.7071067811865476

    /// Plans labels for slots centred at `centers` (ascending), `slot` apart, in a chart
    /// `chartWidth` wide.
    init(labels: [String], centers: [Double], slot: Double, chartWidth: Double, fontSize: Double) {
        self.fontSize = fontSize
        let n = labels.count
        let clean = labels.map(ChartText.oneLine)
        let horizontal = clean.map { TextMetrics.truncateMiddle($0, fontSize: fontSize, maxWidth: Self.maxHorizontalWidth) }
        let widest = horizontal.map { TextMetrics.width($0, fontSize: fontSize) }.max() ?? 0
        let kH = Int(clamping: ((widest + Self.gap) / max(slot, 0.001)).rounded(.up), to: 1...Self.maxStride)
        let shownH = Self.thin(n, kH).count
        let kR = Int(clamping: (fontSize * 1.3 / max(slot * Self.sin45, 0.001)).rounded(.up), to: 1...Self.maxStride)
        let shownR = Self.thin(n, kR).count
        // Horizontal labels read best: rotate only when horizontal ones would show fewer
        // than every second period and fewer than six in all, and rotating shows clearly more.
        if kH > 2 && shownH < 6 && Double(shownR) >= 1.5 * Double(shownH) {
            rotated = true
            indices = Self.thin(n, kR)
            var texts: [Int: String] = [:]
            var tallest = 0.0
            for i in indices {
                // Keep the rotated label's left end inside the chart.
                let room = (centers[i] - 2) / Self.sin45 - fontSize
                let t = TextMetrics.truncateMiddle(clean[i], fontSize: fontSize, maxWidth: min(Self.maxRotatedWidth, room))
                texts[i] = t
                tallest = max(tallest, TextMetrics.width(t, fontSize: fontSize) * Self.sin45)
            }
            self.texts = texts
            height = tallest + fontSize * 1.4
        } else {
            rotated = false
            var kept = Self.thin(n, kH)
            var texts: [Int: String] = [:]
            for i in kept { texts[i] = horizontal[i] }
            // Edge labels are nudged inside the chart; drop a neighbour that then overlaps.
            func span(_ i: Int) -> (Double, Double) {
                let w = TextMetrics.width(texts[i]!, fontSize: fontSize)
                let x = Self.clampedCenter(centers[i], width: w, chartWidth: chartWidth)
                return (x - w / 2, x + w / 2)
            }
            var pass: [Int] = []
            for i in kept {
                if let p = pass.last, span(p).1 + Self.gap > span(i).0 {
                    if i == n - 1 && p != 0 { pass.removeLast() } else { continue }
                }
                pass.append(i)
            }
            kept = pass
            self.indices = kept
            self.texts = texts.filter { kept.contains($0.key) }
            height = fontSize * 1.6
        }
    }

    /// Every k-th index from 0, the last always; the regular one before the last is dropped
    /// when it is closer than k to it.
    static func thin(_ n: Int, _ k: Int) -> [Int] {
        guard n > 0 else { return [] }
        var out = Array(stride(from: 0, to: n, by: k))
        if out.last != n - 1 {
            if let r = out.last, r != 0, n - 1 - r < k { out.removeLast() }
            out.append(n - 1)
        }
        return out
    }

    static func clampedCenter(_ x: Double, width: Double, chartWidth: Double) -> Double {
        min(max(x, width / 2 + 1), chartWidth - width / 2 - 1)
    }

    /// The label marks, hanging below the axis line at `axisY`.
    func marks(centers: [Double], axisY: Double, chartWidth: Double, titles: [String]) -> [ChartMark] {
        indices.map { i in
            let text = texts[i]!
            let title = text == titles[i] ? nil : titles[i]
            if rotated {
                return .text(TextMark(x: centers[i] + fontSize * 0.3, y: axisY + fontSize * 0.9, text: text, cls: "chart-tick",
                                      fontSize: fontSize, anchor: .end, rotate: -45, title: title))
            }
            let w = TextMetrics.width(text, fontSize: fontSize)
            return .text(TextMark(x: Self.clampedCenter(centers[i], width: w, chartWidth: chartWidth), y: axisY + fontSize * 1.2,
                                  text: text, cls: "chart-tick", fontSize: fontSize, anchor: .middle, title: title))
        }
    }
}
