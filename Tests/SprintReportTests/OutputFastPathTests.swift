import Foundation
import PropertyBased
import Testing
@testable import SprintReport

/// The JSON output's fast paths against the plain definitions they replace.
@Suite struct OutputFastPathTests {
    /// What a JSON number must read: integral values (|x| < 2^53) as their digits without
    /// `.0` (`-0` as `0`), every other finite value as `description` (the shortest
    /// round-trip form), `null` for NaN and infinities.
    static func reference(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == x.rounded(), abs(x) < 9_007_199_254_740_992 { return String(Int64(x)) }
        return x.description
    }

    static func fast(_ x: Double) -> String { JSONWriter.numberText(x) }

    static func check(_ x: Double) {
        #expect(fast(x) == reference(x), "bits \(x.bitPattern): \(x)")
    }

    @Test func edgeValues() {
        let twoTo53 = 9_007_199_254_740_992.0
        var xs: [Double] = [0, -0.0, 1, -1, 0.01, -0.01, 0.1, 0.5, 0.05, 0.005, 0.015, 0.995, 1.05, 23.5, 86.5,
                            99.99, 100.01, 1e-4, 9.99e-5, 1e13, 1e13 - 0.01, 1e13 + 0.01, 9_999_999_999_999.99,
                            10_000_000_000_000.01, 1e15, 1e15 - 1, 1e16, twoTo53, twoTo53 - 1, twoTo53 + 2,
                            -twoTo53, -(twoTo53 - 1), .leastNonzeroMagnitude, .leastNormalMagnitude,
                            .greatestFiniteMagnitude, .nan, .infinity, -.infinity, 0.1 + 0.2, 1.0 / 3,
                            92_233_720_368_547.75, 4_503_599_627_370_495.5, 0.3 - 0.1]
        // Around the cents limit (|k| < 10^15, i.e. |x| < 10^13) and the integer limit.
        for k in [1_000_000_000_000_000 as Int64, 999_999_999_999_999, 999_999_999_999_998, 100_000_000_000_001] {
            for d in -3...3 {
                xs.append(Double(k + Int64(d)) / 100)
                xs.append(-Double(k + Int64(d)) / 100)
            }
        }
        for x in xs {
            Self.check(x)
            Self.check(x.nextUp)
            Self.check(x.nextDown)
        }
    }

    @Test func randomHundredths() async {
        await propertyCheck(count: 2000, input: Gen.int64(in: -2_000_000_000_000_000...2_000_000_000_000_000),
                            Gen.int(in: 0...4)) { k, scale in
            // Exported amounts (k/100), their neighbours, small ones, and x·100 rounding cases.
            let small = k % 100_000_000
            for x in [Double(k) / 100, Double(small) / 100, Double(small) / 1000, Double(small) / 10,
                      (Double(small) / 100).nextUp, (Double(small) / 100).nextDown,
                      Double(small) * 0.01, Double(k) / pow(10, Double(scale))] {
                Self.check(x)
            }
        }
    }

    @Test func randomDoubles() async {
        await propertyCheck(count: 3000, input: Gen.uint64()) { bits in
            let x = Double(bitPattern: bits)
            Self.check(x)
            // Same significand at magnitudes where JSON numbers live.
            let m = Double(bitPattern: bits & 0x800F_FFFF_FFFF_FFFF | 0x3FF0_0000_0000_0000)
            for e in [-6.0, -2, 0, 1, 2, 5, 12, 13, 15, 16, 20] { Self.check(m * pow(10, e)) }
        }
    }

    /// Rolling means (sums of up to three exported amounts over 2 or 3) and ratios of two
    /// amounts: the values that are not hundredths and so take the `write(to:)` path.
    @Test func meansAndRatiosOfHundredths() async {
        await propertyCheck(count: 3000, input: Gen.int(in: -100_000_000...100_000_000),
                            Gen.int(in: -100_000_000...100_000_000), Gen.int(in: -100_000...100_000)) { a, b, c in
            let x = Double(a) / 100, y = Double(b) / 100, z = Double(c) / 100
            for v in [(x + y) / 2, (x + y + z) / 3, (0 + z + x) / 3, (0 + z) / 3, 100 * x / y, x / y, 100 * z / x] {
                Self.check(v)
            }
        }
    }

    @Test func integers() async {
        await propertyCheck(count: 1000, input: Gen.int64(in: -9_007_199_254_740_992...9_007_199_254_740_992)) { i in
            Self.check(Double(i))
            Self.check(Double(i % 1_000_000))
        }
    }
    /// Numbers written by a buffer with a `NumberMemo` against the same numbers written
    /// without one: rolling means and ratios of amounts (few distinct values, each written
    /// many times, so found in the memo), random doubles (more distinct values than the
    /// memo has slots, so slots taken over), and texts too long to keep; each written between
    /// other bytes, as in a line, so a copy of a kept text's padding would show.
    /// `numberSeenBefore` (the memo looked up first) writes the same.
    @Test func memoizedNumbersMatchTheFormatter() {
        func text(_ xs: [Double], memo: Bool, seenBefore: Bool = false) -> [UInt8] {
            let buffer = ByteBuffer(capacity: 64, memoizingNumbers: memo)
            for x in xs {
                buffer.write(atMost: 2 + ByteCursor.maxNumber) { c in
                    c.put(0x5B)
                    if seenBefore { c.numberSeenBefore(x) } else { c.number(x) }
                    c.put(0x5D)
                }
            }
            return buffer.withBytes { Array($0) }
        }
        var xs: [Double] = []
        var random = SystemRandomNumberGenerator()
        for _ in 0..<40_000 {
            let a = Double(Int.random(in: 0...20_000, using: &random)) / 100
            let b = Double(Int.random(in: 0...20_000, using: &random)) / 100
            let c = Double(Int.random(in: 0...200, using: &random)) / 2
            xs += [(a + b + c) / 3, (c + c + 0.5) / 3, (a + b) / 2, b == 0 ? 1 / 3 : a / b, 100 * c / (b + 1)]
            xs.append(Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &random)))
        }
        xs += [-2.2250738585072014e-308, .leastNonzeroMagnitude, -.greatestFiniteMagnitude, 1.0 / 3, 2.0 / 3, .nan,
               .infinity, 1.0 / 3, -2.2250738585072014e-308, 0.1 + 0.2, 0.1 + 0.2]
        xs += [-.nan, Double(bitPattern: Double.nan.bitPattern), 35, -0.0, 0, 12.5, 12.5]  // an empty slot's key: NaN
        #expect(text(xs, memo: true) == text(xs, memo: false))
        #expect(text(xs, memo: true, seenBefore: true) == text(xs, memo: false))
        let none = ByteBuffer(capacity: 64, memoizingNumbers: true)
        none.write(atMost: ByteCursor.maxNumber) { $0.numberSeenBefore(nil) }
        #expect(none.array == Array("null".utf8))
        #expect(text([1.0 / 3, 1.0 / 3], memo: true) == Array("[0.3333333333333333][0.3333333333333333]".utf8))
    }

    /// The table of common amounts against the digits it is made from, for every k it
    /// holds and some past either end (written after a prefix, as inside a line).
    @Test func hundredthsTableMatchesTheDigits() {
        func text(_ k: Int64, table: Bool) -> [UInt8] {
            let buffer = ByteBuffer(capacity: 64)
            buffer.write(atMost: 2 + ByteCursor.maxNumber) { c in
                c.put(0x5B)
                if table { c.hundredths(k) } else { c.hundredthsDigits(k) }
                c.put(0x5D)
            }
            return buffer.withBytes { Array($0) }
        }
        for k in Int64(-200)...HundredthsText.count + 200 {
            #expect(text(k, table: true) == text(k, table: false), "k \(k)")
        }
        #expect(text(2350, table: true) == Array("[23.5]".utf8))
        #expect(text(9999, table: true) == Array("[99.99]".utf8) && text(0, table: true) == Array("[0]".utf8))
    }

    /// The word-at-a-time escape test against the byte test: every byte value at every
    /// position of strings of 0 to 20 bytes (the other bytes plain, or each of the others).
    @Test func needsEscapeMatchesTheByteTest() {
        for n in 0...20 {
            for fill: UInt8 in [0x41, 0x21, 0x1F, 0x23, 0x5B, 0x5D, 0xE1, 0xE3, 0x7F, 0xFF] {
                for at in 0..<max(n, 1) {
                    for v in UInt8.min...UInt8.max {
                        var bytes = [UInt8](repeating: fill, count: n)
                        if n > 0 { bytes[at] = v }
                        let expected = bytes.contains { ByteCursor.needsEscape(byte: $0) }
                        let got = bytes.withUnsafeBufferPointer { ByteCursor.needsEscape($0) }
                        if got != expected { Issue.record("n \(n) fill \(fill) at \(at) value \(v)") }
                    }
                }
            }
        }
        #expect(ByteCursor.needsEscape(UnsafeBufferPointer(start: nil, count: 0)) == false)
    }

    /// `quoted(utf8:)` (word by word from 8 bytes) against `quoted` of the string, for
    /// texts of 0 to 40 bytes with a character to escape (or none) at each position.
    @Test func quotedBytesMatchQuotedString() {
        func text(_ body: (inout ByteCursor) -> Void) -> [UInt8] {
            let buffer = ByteBuffer(capacity: 64)
            buffer.write(atMost: ByteCursor.maxQuoted(utf8Count: 60) + 2) { c in
                c.put(0x5B)
                body(&c)
                c.put(0x5D)
            }
            return buffer.withBytes { Array($0) }
        }
        for n in 0...40 {
            for special in ["", "\"", "\\", "\n", "\u{01}", "\u{2028}", "é", "\u{2029}", "€"] {
                for at in 0...n {
                    let s = String(repeating: "a", count: at) + special + String(repeating: "b", count: n - at)
                    let bytes = Array(s.utf8)
                    let fast = bytes.withUnsafeBufferPointer { b in text { $0.quoted(utf8: b) } }
                    let plain = text { $0.quoted(s) }
                    if fast != plain { Issue.record("\(s.debugDescription)") }
                }
            }
        }
        #expect(text { $0.quoted(utf8: UnsafeBufferPointer(start: nil, count: 0)) } == Array("[\"\"]".utf8))
    }
}
