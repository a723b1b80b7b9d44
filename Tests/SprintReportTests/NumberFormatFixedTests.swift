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
}
