import Testing
@testable import SprintReport

@Suite struct ChartScaleTests {
    @Test(arguments: [
        ([0.0, 37], 0.0, 40.0, 10.0),
        ([0.0, 100], 0, 100, 25),
        ([0.0, 1], 0, 2, 1),
        ([0.0, 0], 0, 2, 1),
        ([-5.0, 20], -10, 20, 10),
        ([0.0, 1234], 0, 1500, 500),
        ([12.0, 13], 0, 15, 5),
    ])
    func niceScale(values: [Double], lower: Double, upper: Double, step: Double) {
        let s = NiceScale(covering: values, minStep: 1)
        #expect(s.lower == lower)
        #expect(s.upper == upper)
        #expect(s.step == step)
    }

    @Test func fractionalStepsGetTheirDecimals() {
        let s = NiceScale(covering: [0, 0.8])
        #expect(s.step == 0.2)
        #expect(s.ticks.map(s.label) == ["0.0", "0.2", "0.4", "0.6", "0.8"])
        let q = NiceScale(covering: [0, 0.9])
        #expect(q.ticks.map(q.label) == ["0.00", "0.25", "0.50", "0.75", "1.00"])
    }

    @Test func everyScaleHasThreeToFiveNiceTicksCoveringZeroAndTheData() {
        var max = 0.013
        while max < 5e7 {
            for min in [0.0, -max / 3] {
                let s = NiceScale(covering: [min, max], minStep: max > 10 ? 1 : 0)
                let ticks = s.ticks
                #expect((3...5).contains(ticks.count), "\(max): \(ticks)")
                #expect(s.lower <= min && s.upper >= max && ticks.contains(0))
                var m = s.step
                while m >= 10 { m /= 10 }
                while m < 1 { m *= 10 }
                #expect([1.0, 2, 2.5, 5].contains { abs($0 - m) < 1e-9 }, "step \(s.step)")
            }
            max *= 1.37
        }
    }

    @Test func thinningKeepsFirstAndLast() {
        for n in 1...100 {
            for k in 1...12 {
                let idx = PeriodAxis.thin(n, k)
                #expect(idx.first == 0 && idx.last == n - 1)
                #expect(idx == idx.sorted() && Set(idx).count == idx.count)
                // Regular labels are k apart; only the forced last may be closer, never the one before it.
                for (a, b) in zip(idx, idx.dropFirst()) where b != n - 1 { #expect(b - a == k) }
                if idx.count >= 2 { #expect(idx[idx.count - 1] - idx[idx.count - 2] >= min(k, n - 1)) }
            }
        }
    }

    @Test(arguments: [1, 2, 6, 13, 26, 40, 78, 120])
    func periodLabelsNeverOverlapAndStayInside(n: Int) {
        for label in ["S\u{200B}", "Sprint ", "Platform Sprint 2026-", "2026-01-05 – 2026-01-18 #", "🚀 Équipe Zürich "] {
            let labels = (0..<n).map { label + String($0 + 1) }
            let frame = CartesianFrame(labels: labels, values: [0, 30], minStep: 1, unit: "story points", legend: [])
            let texts = frame.groups.first { $0.cls == "chart-x-axis" }!.marks.compactMap { m -> TextMark? in
                if case .text(let t) = m { t } else { nil }
            }
            #expect(texts.count >= min(n, 2), "\(label) \(n)")
            #expect(texts.first?.title ?? texts.first?.text == labels.first)
            #expect(texts.last?.title ?? texts.last?.text == labels.last)
            for t in texts {
                let b = t.bounds
                #expect(b.minX >= 0 && b.maxX <= CartesianFrame.width && b.minY >= 0 && b.maxY <= frame.height, "\(t.text)")
            }
            for (a, b) in zip(texts, texts.dropFirst()) {
                if a.rotate == 0 {
                    #expect(a.bounds.maxX + 2 <= b.bounds.minX, "\(a.text) overlaps \(b.text)")
                } else {
                    // Parallel 45° labels: their perpendicular distance must exceed a line height.
                    #expect((b.x - a.x) * PeriodAxis.sin45 >= a.fontSize * 1.2, "\(a.text) overlaps \(b.text)")
                }
                #expect(a.rotate >= -45)
            }
        }
    }

    @Test func monthLabelsStayHorizontalWhenEverySecondFits() {
        let months = (1...13).map { "\(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][($0 - 1) % 12]) 2026" }
        let frame = CartesianFrame(labels: months, values: [0, 50], minStep: 1, unit: "story points", legend: [],
                                   rightLabelWidth: 80)
        let texts = frame.groups.first { $0.cls == "chart-x-axis" }!.marks.compactMap { m -> TextMark? in
            if case .text(let t) = m { t } else { nil }
        }
        #expect(texts.allSatisfy { $0.rotate == 0 })
        #expect(texts.count >= 6)
    }

    @Test func truncationKeepsBothEnds() {
        let t = TextMetrics.truncateMiddle("Platform Sprint 2026-14", fontSize: 11, maxWidth: 60)
        #expect(t.contains("…") && t.hasPrefix("Pl") && t.hasSuffix("14"))
        #expect(TextMetrics.width(t, fontSize: 11) <= 60)
        #expect(TextMetrics.truncateMiddle("Sprint 7", fontSize: 11, maxWidth: 200) == "Sprint 7")
    }

    @Test func coordinatesAreFixedDecimal() {
        #expect(SVGNumber.format(12) == "12")
        #expect(SVGNumber.format(12.345) == "12.3")
        #expect(SVGNumber.format(-0.04) == "0")
        #expect(SVGNumber.format(1234.56) == "1234.6")
    }
}
