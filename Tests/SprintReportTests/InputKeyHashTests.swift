import Testing
@testable import SprintReport

/// `RowStore.hash`, the period key hash that distinct periods are counted by and duplicate
/// keys found with: every byte and the length count.
@Suite struct InputKeyHashTests {
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { RowStore.hash($0) }
    }

    @Test func everyByteAndTheLengthCount() {
        let text = Array("Amber Lynx Sprint 12 · team_00868-s12".utf8)
        var seen = Set<UInt64>()
        // Each prefix (0 to all bytes: every tail length after whole words), and each byte
        // of each prefix changed.
        for n in 0...text.count {
            let key = Array(text[..<n])
            #expect(seen.insert(Self.hash(key)).inserted, "prefix \(n)")
            for i in 0..<n {
                for b: UInt8 in [0, 1, 0x80, 0xFF] where b != key[i] {
                    var other = key
                    other[i] = b
                    #expect(seen.insert(Self.hash(other)).inserted, "prefix \(n), byte \(i) = \(b)")
                }
            }
        }
        // Zeros at the end change the length, and so the hash.
        #expect(Self.hash([0x61]) != Self.hash([0x61, 0]))
        #expect(Self.hash([]) != Self.hash([0]))
    }

    /// Sprint ids of an org export, and their groups by top 11 bits (`DistinctCount`) are
    /// all used.
    @Test func sprintIdsSpreadOverTheGroups() {
        var hashes = Set<UInt64>()
        var groups = Set<UInt64>()
        for t in 0..<2_000 {
            for s in 1...20 {
                let h = Self.hash(Array("team_\(t)-s\(s)".utf8))
                hashes.insert(h)
                groups.insert(h >> 53)
            }
        }
        #expect(hashes.count == 40_000)
        #expect(groups.count == 2048)
    }
}
