import Dispatch

/// Work over the indexes `0..<count` in chunks of `size` (the last one shorter), the chunks
/// run in parallel on all cores. Callers write each index's result into a slot of its own,
/// so what they make never depends on the number of threads.
enum ParallelChunks {
    /// How many chunks of `size` indexes `count` indexes make (no overflow for any size:
    /// tests pass `Int.max` for one chunk).
    static func count(_ count: Int, size: Int) -> Int {
        precondition(size > 0, "ParallelChunks: a chunk holds at least one index")
        return count <= 0 ? 0 : (count - 1) / size + 1
    }

    /// Calls `body` with each chunk's number and its indexes, in parallel; returns when every
    /// chunk is done.
    static func forEach(_ count: Int, size: Int, _ body: @Sendable (_ chunk: Int, _ indexes: Range<Int>) -> Void) {
        forEach(count, size: size, alongside: 0, { _ in }, body)
    }

    /// The same, in one parallel round with `tasks` other pieces of work, `task(0)` to
    /// `task(tasks - 1)`, which are started first: work of another kind that can run beside
    /// the chunks shares their round (and evens out its ends) instead of waiting for it.
    static func forEach(_ count: Int, size: Int, alongside tasks: Int, _ task: @Sendable (_ task: Int) -> Void,
                        _ body: @Sendable (_ chunk: Int, _ indexes: Range<Int>) -> Void) {
        DispatchQueue.concurrentPerform(iterations: tasks + Self.count(count, size: size)) { i in
            guard i >= tasks else { return task(i) }
            let c = i - tasks, start = c * size  // below `count`: no overflow
            body(c, start..<start + min(size, count - start))
        }
    }
}
