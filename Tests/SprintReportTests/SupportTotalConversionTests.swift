import Testing
@testable import SprintReport

/// `Int(checked:)`, `Int(clamping:to:)` and the formatter on figures no export holds (issue
/// 10: `Double value cannot be converted to Int` crashed `inspect`, `summary` and `build`).
@Suite struct SupportTotalConversionTests {
    static let extremes: [Double] = [.nan, .infinity, -.infinity, 1e19, -1e19, 1e300, -1e300, 1e308,
                                     .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 9.3e18, 1e-20, -1e-20,
                                     .leastNonzeroMagnitude, 0x1p63, -0x1p63]  // ±2^63: Int.max rounds up to it

    @Test func checkedConversion() {
        #expect(Int(checked: 12.9) == 12)
        #expect(Int(checked: -12.9) == -12)
        #expect(Int(checked: -9_223_372_036_854_775_808.0) == Int.min)
        #expect(Int(checked: 9_223_372_036_854_774_784.0) == 9_223_372_036_854_774_784)  // the largest double below 2^63
        #expect(Int(checked: 9_223_372_036_854_775_808.0) == nil)  // 2^63
        #expect(Int(checked: -9_223_372_036_854_777_856.0) == nil)  // the next double below -2^63
        for x in [Double.nan, .infinity, -.infinity, 1e19, -1e19, 1e308] { #expect(Int(checked: x) == nil, "\(x)") }
    }

    @Test func clampingConversion() {
        #expect(Int(clamping: 5.7, to: 1...8) == 5)
        #expect(Int(clamping: 1e300, to: 1...8) == 8)
        #expect(Int(clamping: -1e300, to: 1...8) == 1)
        #expect(Int(clamping: .infinity, to: 0...10) == 10)
        #expect(Int(clamping: .nan, to: -5...5) == 0)
        #expect(Int(clamping: .nan, to: 3...5) == 3)
        #expect(Int(clamping: .nan, to: -9 ... -3) == -3)
        #expect(Int(clamping: 1e19, to: Int.min...Int.max) == Int.max)
        #expect(Int(clamping: -1e19, to: Int.min...Int.max) == Int.min)
        // A bound that is not a double of its own: 2^62 + 1 rounds to 2^62.
        #expect(Int(clamping: 4_611_686_018_427_387_904.0, to: 0...(1 << 62) + 1) == 1 << 62)
    }

    @Test func formatterIsTotal() {
        for x in Self.extremes {
            for places in [0, 1, 2, 6] { _ = NumberFormat.fixed(x, places) }
            _ = NumberFormat.plain(x)
            _ = NumberFormat.amount(x)
            _ = NumberFormat.percent(x)
            _ = NumberFormat.percentWhole(x)
            _ = NumberFormat.ratio(x)
            _ = NumberFormat.twoDecimals(x)
            for m in Metric.allCases { _ = NumberFormat.value(x, of: m) }
        }
        _ = NumberFormat.rounded(2.5, places: -1)  // an empty loop, not a trap
    }

    @Test func formatterOnExtremes() {
        #expect(NumberFormat.fixed(.nan, 1) == NumberFormat.undefined)
        #expect(NumberFormat.amount(.infinity) == NumberFormat.undefined)
        #expect(NumberFormat.fixed(1e19, 1) == "1e+19")
        #expect(NumberFormat.fixed(-1e19, 1) == "-1e+19")
        #expect(NumberFormat.amount(.greatestFiniteMagnitude) == "1.7976931348623157e+308")
        #expect(NumberFormat.plain(1.5e20) == "1.5e+20")  // the exponent's zero is kept
        #expect(NumberFormat.plain(-3e300) == "-3e+300")
        // Up to Int's range the digits are exact and grouped, as before.
        #expect(NumberFormat.fixed(9e18, 0) == "9,000,000,000,000,000,000")
        #expect(NumberFormat.amount(1_234_567.5) == "1,234,567.5")
        #expect(NumberFormat.plain(1e-20) == "0")
        #expect(NumberFormat.percent(1e22).hasSuffix("\u{202F}%"))
    }
}
