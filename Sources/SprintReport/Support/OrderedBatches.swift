import Foundation

/// Batches `0..<count` composed into buffers on up to `workers` threads and handed on in
/// batch order, each as soon as it and every batch before it are composed: the parallel
/// elements of `JSONWriter.elements` (a large organisation's teams, ≈ 1 GB of JSON).
///
/// Why a pipeline, not rounds of parallel tasks joined one by one: a round waited for its
/// slowest task with the other core idle, and its buffers went to the sink (write(2))
/// only after it, while no thread composed. Here a thread that finishes a batch claims the
/// next one at once; the thread that completes the batch next in order hands on every
/// batch ready from there, while the other threads go on composing; a thread whose buffers
/// all wait to be handed on waits. The bytes handed on are the same whatever the thread
/// count, the timing or the number of buffers: batch b's buffer holds exactly what
/// `compose(b)` wrote, and buffers are handed on in batch order.
///
/// Why it cannot stall: the thread composing the first batch not yet handed on holds a
/// buffer; the batches it composed before wait in its other buffers and come earlier, so
/// they were handed on, and a thread only ever waits for its own buffers. When nobody is
/// handing on, the first batch not handed on is not composed yet (whoever completes it
/// hands it on). Stopping early (`stop`) only lowers the number of batches to claim to
/// those already claimed, so the same holds.
///
/// One `run` at a time: the buffers and the state below belong to the run in progress
/// (every copy of a `JSONWriter` shares its pool), and a second run at once is a
/// programming error, stopped by a precondition.
final class OrderedBatches: @unchecked Sendable {
    /// Each worker's buffers, reused from one run to the next (they keep their capacity).
    private let buffers: [[ByteBuffer]]
    /// Everything below is read and written under `condition`'s lock.
    private let condition = NSCondition()
    /// A `run` is in progress.
    private var running = false
    /// Per worker, its buffers not holding a batch.
    private var free: [[Int]]
    /// Per batch, the buffer (worker, index) holding it once composed, until handed on.
    private var ready: [(worker: Int, buffer: Int)?] = []
    /// Batches to compose and hand on: the run's count, lowered to `nextClaim` on a stop.
    private var count = 0
    private var nextClaim = 0
    private var nextHand = 0
    /// A thread is handing batches on (it alone calls `hand`, with the lock released).
    private var handing = false

    /// `workers` threads at most, `depth` buffers each (at least 1 worker and 1 buffer
    /// each), each buffer first made with room for `capacity` bytes; each worker's buffers
    /// share one `NumberMemo`, used by that worker only.
    init(workers: Int, depth: Int, capacity: Int) {
        buffers = (0..<max(1, workers)).map { _ in
            let memo = NumberMemo.Owner()
            return (0..<max(1, depth)).map { _ in ByteBuffer(capacity: capacity, sharing: memo) }
        }
        free = buffers.map { Array($0.indices) }
    }

    /// Calls `compose(b, buffer)` for each batch b in `0..<count` on up to `workers` threads
    /// (the buffer is empty), and `hand(buffer)` with each composed buffer in batch order,
    /// one call at a time (from any of the threads; each call ends before the next starts);
    /// returns when every batch is handed on.
    ///
    /// `stop` is asked, under the lock, before each batch is claimed: once it returns true no
    /// further batch is claimed, the batches already claimed are composed and handed on, and
    /// `run` returns (after a failed write, the rest of the document is not composed).
    ///
    /// One `run` at a time (a precondition): the buffers belong to the run in progress.
    func run(count: Int, compose: @Sendable (Int, ByteBuffer) -> Void, hand: @Sendable (ByteBuffer) -> Void,
             stop: @Sendable () -> Bool = { false }) {
        guard count > 0 else { return }
        condition.lock()
        precondition(!running, "OrderedBatches: one run at a time")
        running = true
        self.count = count
        ready = Array(repeating: nil, count: count)
        nextClaim = 0
        nextHand = 0
        condition.unlock()
        DispatchQueue.concurrentPerform(iterations: min(buffers.count, count)) { w in
            work(as: w, compose: compose, hand: hand, stop: stop)
        }
        condition.lock()
        precondition(nextHand == self.count && !handing, "OrderedBatches: every claimed batch is handed on at the end")
        ready = []
        running = false
        condition.unlock()
    }

    private func work(as w: Int, compose: (Int, ByteBuffer) -> Void, hand: (ByteBuffer) -> Void, stop: () -> Bool) {
        condition.lock()
        defer { condition.unlock() }
        while true {
            while nextClaim < count && free[w].isEmpty { condition.wait() }
            if nextClaim < count && stop() {
                count = nextClaim
                condition.broadcast()  // a worker waiting for a buffer has nothing left to claim
            }
            guard nextClaim < count else { return }
            let b = nextClaim, k = free[w].removeLast()
            nextClaim += 1
            condition.unlock()
            compose(b, buffers[w][k])
            condition.lock()
            ready[b] = (w, k)
            if handing { continue }
            handing = true
            while nextHand < count, let (v, j) = ready[nextHand] {
                ready[nextHand] = nil
                condition.unlock()
                let buffer = buffers[v][j]
                hand(buffer)
                buffer.count = 0
                condition.lock()
                free[v].append(j)
                nextHand += 1
                condition.broadcast()  // a worker may wait for this buffer
            }
            handing = false
        }
    }
}
