import Testing
@testable import SprintReport

/// `DistinctCount`, the reader's count of distinct period keys.
@Suite struct InputDistinctCountTests {
    @Test func distinctCount() {
        let c = DistinctCount()
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

    /// The count is the set's, whatever the spread of the top bits (one group, whose values
    /// are sorted; a few large ones; many small ones counted in the table), over several
    /// blocks, with and without repeats.
    @Test func countsWhateverTheSpread() {
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        for spread in [0, 4, 16, 64] {
            for repeats in [1, 3] {
                var a: [UInt64] = []
                for i in 0..<(DistinctCount.blockSize * 2 + 123) {
                    x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    let v = spread == 0 ? UInt64(i % 97)
                        : (x >> UInt64(64 - spread)) << UInt64(64 - spread) | (x & 0xFF)
                    // Values met again later (not only in a row), as keys of interleaved teams are.
                    a.append(repeats > 1 && i % repeats == 0 && !a.isEmpty ? a[(i * 7) % a.count] : v)
                }
                let c = DistinctCount()
                for v in a { c.insert(v) }
                #expect(c.count() == Set(a).count, "spread \(spread), repeats \(repeats)")
            }
        }
        let empty = DistinctCount()
        #expect(empty.count() == 0)
    }
}
