import Testing
@testable import SprintReport

/// `NumberFormat.fixed` writes bytes; the string-building version it replaced is the reference.
@Suite struct NumberFormatFixedTests {
    static func reference(_ x: Double, _ places: Int, grouping: Bool = true) -> String {
        guard x.isFinite else { return NumberFormat.undefined }
        var r = NumberFormat.rounded(x, places: places)
        if r == 0 { r = 0 }
        let negative = r < 0
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let units = (abs(r) * scale).rounded()
        let whole = (units / scale).rounded(.down)
        let frac = Int((units - whole * scale).rounded())
        var intText = String(Int(whole))
        if grouping && intText.count > 3 {
            var out = ""
            for (i, ch) in intText.enumerated() {
                if i > 0 && (intText.count - i) % 3 == 0 { out.append(",") }
                out.append(ch)
            }
            intText = out
        }
        var s = negative ? "-" + intText : intText
        if places > 0 {
            var f = String(frac)
            while f.count < places { f = "0" + f }
            s += "." + f
        }
        return s
    }

    @Test func fixedMatchesTheStringVersion() {
        var values: [Double] = [0, -0.0, 0.004, -0.004, 0.005, 0.05, 1, 12, 123, 1234, 12345, 123456, 1234567.891,
                                -1234567.891, 999.995, 1e15, 3e17, -9e17, .nan, .infinity, 0.1 + 0.2, 100, 1000]
        var state: UInt64 = 5
        for _ in 0..<5000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let r = Double(state >> 11) / Double(1 << 53)
            values.append((r - 0.5) * [1, 100, 1e4, 1e7, 1e12][Int(state % 5)])
        }
        for x in values {
            for places in 0...3 {
                for grouping in [true, false] {
                    #expect(NumberFormat.fixed(x, places, grouping: grouping) == Self.reference(x, places, grouping: grouping),
                            "\(x) \(places) \(grouping)")
                }
            }
        }
    }

    /// The integer form of `parts` gives what its definition gives wherever it applies: random
    /// values of every magnitude it takes, values at and one ulp either side of every halfway
    /// point of a few hundred decimals, and the edges of its range.
    @Test func fastPartsMatchTheDefinition() {
        var values: [Double] = [0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.05, 0.15, 0.25, 0.35, 2.675, 1.005, -1.005,
                                0.49999999999999994, -0.49999999999999994, 4503599627370495.5, 0x1p49, -0x1p49,
                                0x1p50, 1e-300, -1e-300, .leastNonzeroMagnitude, 999.95, 999.995, 1e15 / 7]
        for i in -500...500 {
            for places in 0...6 {
                var scale = 1.0
                for _ in 0..<places { scale *= 10 }
                let half = (Double(i) + 0.5) / scale
                values += [half, half.nextUp, half.nextDown]
            }
        }
        var state: UInt64 = 11
        for _ in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let r = Double(state >> 11) / Double(1 << 53)
            values.append((r - 0.5) * [1, 100, 1e4, 1e7, 1e10, 1e13, 1e16][Int(state % 7)])
        }
        var applied = 0
        for x in values {
            for places in 0...6 {
                guard let fast = NumberFormat.fastParts(x, places: places) else { continue }
                applied += 1
                let definition = NumberFormat.readableParts(x, places: places)
                #expect(fast.negative == definition?.negative && fast.whole == definition?.whole
                            && fast.frac == definition?.frac, "\(x) \(places)")
            }
        }
        #expect(applied > values.count * 5)
        #expect(NumberFormat.fastParts(0x1p50, places: 0) == nil && NumberFormat.fastParts(1, places: 7) == nil)
        #expect(NumberFormat.fastParts(.nan, places: 1) == nil && NumberFormat.fastParts(.infinity, places: 1) == nil)
    }
}
