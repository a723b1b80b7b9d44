import Testing
@testable import SprintReport

@Suite struct SupportNumberFormatTests {
    @Test func roundsHalfAwayFromZero() {
        #expect(NumberFormat.rounded(2.5, places: 0) == 3)
        #expect(NumberFormat.rounded(-2.5, places: 0) == -3)
        #expect(NumberFormat.rounded(0.125, places: 2) == 0.13)
        #expect(NumberFormat.rounded(-0.125, places: 2) == -0.13)
        #expect(NumberFormat.fixed(-0.0001, 1) == "0.0")
    }

    @Test func formatsEachKind() {
        #expect(NumberFormat.amount(24.5) == "24.5")
        #expect(NumberFormat.amount(24) == "24")
        // `amount` is `fixed(x, 1)` without a trailing `.0`, for every tenth and around halves.
        for i in -30_000...30_000 {
            for x in [Double(i) / 10, Double(i) / 10 + 0.05, Double(i) * 1234.567, -Double(i) / 100] {
                let f = NumberFormat.fixed(x, 1)
                let expected = f.hasSuffix(".0") ? String(f.dropLast(2)) : f
                if NumberFormat.amount(x) != expected { Issue.record("\(x): \(NumberFormat.amount(x)) ≠ \(expected)") }
            }
        }
        #expect(NumberFormat.amount(-0.04) == "0" && NumberFormat.amount(.infinity) == NumberFormat.undefined)
        #expect(NumberFormat.amount(1234.56) == "1,234.6")
        #expect(NumberFormat.percent(81.333) == "81.3\u{202F}%")
        #expect(NumberFormat.percentWhole(80.5) == "81\u{202F}%")
        #expect(NumberFormat.ratio(0.955) == "0.96")
        #expect(NumberFormat.amount(nil) == "—")
        #expect(NumberFormat.percent(.nan) == "—")
    }
}
