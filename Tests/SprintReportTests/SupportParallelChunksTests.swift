import Synchronization
import Testing
@testable import SprintReport

/// `ParallelChunks` covers every index once, in chunks of the asked size, for any count and
/// size (`Int.max` included: one chunk).
@Suite struct SupportParallelChunksTests {
    @Test(arguments: [(0, 1), (1, 1), (5, 2), (64, 64), (65, 64), (1000, 7), (3, Int.max)])
    func everyIndexOnce(count: Int, size: Int) {
        let seen = Mutex([Int](repeating: 0, count: count))
        let chunks = Mutex(Set<Int>())
        ParallelChunks.forEach(count, size: size) { c, indexes in
            #expect(indexes.lowerBound == c * size && indexes.count <= size && !indexes.isEmpty)
            chunks.withLock { _ = $0.insert(c) }
            seen.withLock { for i in indexes { $0[i] += 1 } }
        }
        #expect(seen.withLock { $0.allSatisfy { $0 == 1 } })
        #expect(chunks.withLock { $0.count } == ParallelChunks.count(count, size: size))
        // The definition: chunks begin at 0, size, 2 size, … while below count.
        let starts = Array(stride(from: 0, to: count, by: size))
        #expect(ParallelChunks.count(count, size: size) == starts.count)
        // Chunk c: from its start to the next one's (the last to `count`); none past the last.
        for c in starts.indices {
            let end = c + 1 < starts.count ? starts[c + 1] : count
            #expect(ParallelChunks.indexes(ofChunk: c, count: count, size: size) == starts[c]..<end)
        }
        for c in starts.count...starts.count + 1 {
            #expect(ParallelChunks.indexes(ofChunk: c, count: count, size: size) == count..<count)
        }
        // With other tasks in the same round: each task once, and the same chunks.
        for tasks in [0, 1, 8] {
            let ran = Mutex([Int](repeating: 0, count: tasks))
            let again = Mutex([Int](repeating: 0, count: count))
            ParallelChunks.forEach(count, size: size, alongside: tasks) { t in
                ran.withLock { $0[t] += 1 }
            } _: { c, indexes in
                #expect(indexes.lowerBound == c * size && indexes.count <= size && !indexes.isEmpty)
                again.withLock { for i in indexes { $0[i] += 1 } }
            }
            #expect(ran.withLock { $0.allSatisfy { $0 == 1 } })
            #expect(again.withLock { $0.allSatisfy { $0 == 1 } })
        }
    }

    /// With tasks alongside: each runs once, and the chunks as without them.
    @Test(arguments: [(0, 1), (5, 2), (65, 64), (3, Int.max)])
    func alongside(count: Int, size: Int) {
        let seen = Mutex([Int](repeating: 0, count: count))
        let others = Mutex([Int](repeating: 0, count: 3))
        ParallelChunks.forEach(count, size: size, alongside: 3, { t in others.withLock { $0[t] += 1 } }) { c, indexes in
            #expect(indexes.lowerBound == c * size && indexes.count <= size && !indexes.isEmpty)
            seen.withLock { for i in indexes { $0[i] += 1 } }
        }
        #expect(seen.withLock { $0.allSatisfy { $0 == 1 } })
        #expect(others.withLock { $0 } == [1, 1, 1])
    }

    /// `map` makes each element once, in index order, with and without a task alongside
    /// (whose result comes back with the array).
    @Test(arguments: [(0, 1), (5, 2), (65, 64), (1000, 7), (3, Int.max)])
    func map(count: Int, size: Int) {
        #expect(ParallelChunks.map(count, size: size) { "\($0)" } == (0..<count).map { "\($0)" })
        let others = Mutex(0)
        let (made, other) = ParallelChunks.map(count, size: size, alongside: { () -> [Int] in
            others.withLock { $0 += 1 }
            return Array(0..<count).reversed()
        }) { [$0, $0 * 2] }
        #expect(made == (0..<count).map { [$0, $0 * 2] })
        #expect(other == Array(0..<count).reversed())
        #expect(others.withLock { $0 } == 1)
    }

    /// `compactMap` keeps the non-nil elements in index order, whatever the chunks (some
    /// keeping none, some all).
    @Test(arguments: [(0, 1), (5, 2), (65, 64), (1000, 7), (3, Int.max)])
    func compactMap(count: Int, size: Int) {
        let make: @Sendable (Int) -> [Int]? = { i in i % 3 == 0 || (i / 7) % 2 == 1 ? nil : [i, i * 2] }
        #expect(ParallelChunks.compactMap(count, size: size, make) == (0..<count).compactMap(make))
        #expect(ParallelChunks.compactMap(count, size: size) { "\($0)" } == (0..<count).map { "\($0)" })
    }
}
