import PropertyBased
import Testing
@testable import SprintReport

/// The reader's exact shortcut: `NumberCell.hundredths` (a plain cell straight to the
/// hundredths `MetricValues` stores) must give the very double that `NumberCell.parse` and
/// `Double(String)` give (`ModelMetricValuesTests`: `MetricValues` hands it back bit for bit).
@Suite struct InputNumberCodeTests {
    static func hundredths(_ s: String) -> Int? {
        Array(s.utf8).withUnsafeBufferPointer { NumberCell.hundredths($0) }
    }

    static func parsed(_ s: String) -> Double? {
        if case .number(let v) = Array(s.utf8).withUnsafeBufferPointer({ NumberCell.parse($0, quoted: false) }) {
            return v
        }
        return nil
    }

    /// A decimal string: optional minus, 1–9 integer digits (leading zeros allowed), and 0–3
    /// fraction digits after a point when there are any.
    static func decimal(negative: Bool, whole: [Int], fraction: [Int]) -> String {
        let w: String = whole.map { String($0) }.joined()
        let f: String = fraction.map { String($0) }.joined()
        return (negative ? "-" : "") + w + (fraction.isEmpty ? "" : "." + f)
    }

    @Test func hundredthsGiveTheParsedDoubleExactly() async {
        await propertyCheck(count: 3000, input: Gen.bool(), Gen.int(in: 0...9).array(of: 1...9),
                            Gen.int(in: 0...9).array(of: 0...3)) { negative, whole, fraction in
            let s = Self.decimal(negative: negative, whole: whole, fraction: fraction)
            let expected = Double(s)!
            #expect(Self.parsed(s)?.bitPattern == expected.bitPattern)
            let digitsAfterPoint = fraction.count
            if let h = Self.hundredths(s) {
                #expect((Double(h) / 100).bitPattern == expected.bitPattern, "\(s) → \(h)")
                var v = MetricValues()
                v.set(hundredths: h, at: Metric.sprintCommit.index)
                #expect(v[.sprintCommit]?.bitPattern == expected.bitPattern)
            } else {
                // Only what the code cannot hold, or a cell over 10 bytes, goes the slow way.
                #expect(digitsAfterPoint > 2 || expected.magnitude * 100 > Double(MetricValues.compactLimit)
                        || (expected == 0 && expected.sign == .minus) || s.utf8.count > 10, "\(s)")
            }
        }
    }

    @Test func hundredthsRefuseWhatIsNotAPlainDecimal() {
        for s in ["", "-", ".", "1.", ".5", "+1", " 1", "1 ", "1%", "1e3", "1,000", "-0", "-0.00", "0x10", "1.2.3",
                  "12345678901", "83886.08", "NaN", "1.234"] {
            #expect(Self.hundredths(s) == nil, "\(s)")
        }
        #expect(Self.hundredths("83886.07") == MetricValues.compactLimit)
        #expect(Self.hundredths("-83886.07") == -MetricValues.compactLimit)
        #expect(Self.hundredths("0") == 0)
        #expect(Self.hundredths("12.5") == 1250)
        #expect(Self.hundredths("-3.25") == -325)
        #expect(Self.hundredths("007") == 700)
    }
}
