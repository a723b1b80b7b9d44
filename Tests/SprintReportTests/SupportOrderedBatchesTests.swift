import Synchronization
import Testing
@testable import SprintReport

@Suite struct SupportOrderedBatchesTests {
    /// Every batch handed on once, in batch order, with the bytes its compose wrote, never
    /// two hand-ons at once, for any count of threads and buffers (one buffer per thread
    /// makes the threads wait on each other most).
    @Test func handOnInOrder() {
        struct Log { var handed: [String] = []; var handing = false; var overlapped = false }
        for workers in [1, 2, 3, 8] {
            for depth in [1, 2, 3] {
                let batches = OrderedBatches(workers: workers, depth: depth, capacity: 16)
                for count in [0, 1, 5, 200] {
                    let log = Mutex(Log())
                    batches.run(count: count, compose: { b, buffer in
                        // Uneven work, so that batches finish out of order.
                        var x = UInt64(b)
                        for _ in 0..<(b % 7) * 2_000 { x = x &* 6_364_136_223_846_793_005 &+ 1 }
                        buffer.appendText("batch \(b) \(x == 0 ? "" : "")")  // x kept, so the loop is run
                    }, hand: { buffer in
                        log.withLock { if $0.handing { $0.overlapped = true }; $0.handing = true }
                        let text = String(decoding: buffer.array, as: UTF8.self)  // while marked as handing
                        log.withLock { $0.handed.append(text); $0.handing = false }
                    })
                    log.withLock { log in
                        #expect(log.handed == (0..<count).map { "batch \($0) " }, "\(workers) \(depth) \(count)")
                        #expect(!log.overlapped)
                    }
                }
            }
        }
    }

    /// Once `stop` is true no batch is claimed: a hand-on that fails at batch k leaves the
    /// rest uncomposed (at most the batches already claimed, one per buffer, are made after
    /// it), the run returns, and what was handed on is batches 0, 1, … in order.
    @Test func stopEndsTheClaims() {
        struct Log { var composed = 0; var handed: [Int] = []; var failed = false }
        let count = 500
        for workers in [1, 2, 4] {
            for depth in [1, 3] {
                let batches = OrderedBatches(workers: workers, depth: depth, capacity: 16)
                for k in [0, 1, 7] {
                    let log = Mutex(Log())
                    batches.run(count: count, compose: { b, buffer in
                        buffer.appendText("\(b)")
                        log.withLock { $0.composed += 1 }
                    }, hand: { buffer in
                        let b = Int(String(decoding: buffer.array, as: UTF8.self)) ?? -1
                        log.withLock { $0.handed.append(b); if b == k { $0.failed = true } }
                    }, stop: { log.withLock { $0.failed } })
                    log.withLock { log in
                        let what = "\(workers) \(depth) \(k)"
                        #expect(log.failed, "\(what)")
                        #expect(log.composed <= k + 1 + workers * depth, "\(what)")
                        #expect(log.handed == Array(0..<log.composed), "\(what)")
                    }
                    // The pool is ready for the next run: a whole one hands on every batch.
                    let all = Mutex(0)
                    batches.run(count: 20, compose: { _, _ in }, hand: { _ in all.withLock { $0 += 1 } })
                    #expect(all.withLock { $0 } == 20)
                }
            }
        }
    }
}
