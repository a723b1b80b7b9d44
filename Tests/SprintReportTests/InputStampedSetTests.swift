import Testing
@testable import SprintReport

/// `StampedSet` against its definition, a `Set` of (value, tag) pairs emptied by
/// `removeAll`: the same answers to every insert, the same count, over many fillings (the
/// stamps of earlier fillings must never count) and values that share their top bits (as
/// `DistinctCount`'s groups do) or their low bits.
@Suite struct InputStampedSetTests {
    @Test func insertsAnswerAsASetDoes() {
        var rng = SystemRandomNumberGenerator()
        var set = StampedSet(capacity: 64)
        #expect(set.capacity == 64)
        for round in 0..<500 {
            set.removeAll()
            var reference = Set<[UInt64]>()
            let n = Int.random(in: 0...64, using: &rng)
            for _ in 0..<n {
                let base = UInt64.random(in: 0..<16, using: &rng)
                // Few distinct values, so that many inserts repeat one; three ways of colliding.
                let value: UInt64 = switch round % 3 {
                case 0: base
                case 1: base << 60 | 0xFFFF  // same low bits, other top bits
                default: 0xABC << 52 | base  // same top bits
                }
                let tag = Int32.random(in: 0..<3, using: &rng)
                let added = set.insert(value, tag: tag)
                #expect(added == reference.insert([value, UInt64(tag)]).inserted)
                #expect(set.count == reference.count)
            }
        }
    }
}
