import Testing
@testable import SprintReport

/// `DistinctCount`, the reader's count of distinct period keys.
@Suite struct InputDistinctCountTests {
    @Test func distinctCount() {
        var c = DistinctCount()
        var expected = Set<UInt64>()
        var x: UInt64 = 0x1234_5678_9ABC_DEF1
        for i in 0..<5000 {
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let v = i % 3 == 0 ? UInt64(i % 17) : x  // repeats and random values
            c.insert(v)
            expected.insert(v)
        }
        c.insert(0)
        expected.insert(0)
        #expect(c.count() == expected.count)
    }

    /// The sort sorts, whatever the spread of the top bits (one bucket, many, all).
    @Test func sorts() {
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        for spread in [0, 8, 16, 40, 64] {
            var a: [UInt64] = []
            for i in 0..<20_000 {
                x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                a.append(spread == 0 ? UInt64(i % 97) : (x >> UInt64(64 - spread)) << UInt64(64 - spread) | (x & 0xFF))
            }
            var b = a
            DistinctCount.sort(&b)
            #expect(b == a.sorted(), "spread \(spread)")
            var c = DistinctCount(capacity: a.count)
            for v in a { c.insert(v) }
            #expect(c.count() == Set(a).count)
        }
    }
}
