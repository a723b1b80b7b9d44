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

    /// The indexes of chunk `chunk` (from 0) when `count` indexes go in chunks of `size`:
    /// `size` of them from `chunk · size`, fewer in the last chunk; none (at the end) for a
    /// chunk past the last. No overflow for any size (`Int.max` is one chunk).
    static func indexes(ofChunk chunk: Int, count: Int, size: Int) -> Range<Int> {
        precondition(chunk >= 0, "ParallelChunks: chunks are numbered from 0")
        let end = max(0, count)
        guard chunk < Self.count(count, size: size) else { return end..<end }
        let start = chunk * size  // below `count`: no overflow
        return start..<start + min(size, count - start)
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
            let c = i - tasks
            body(c, indexes(ofChunk: c, count: count, size: size))
        }
    }

    /// The array of `make(i)` for each index `i` of `0..<count`, made in parallel chunks of
    /// `size`. Each chunk puts its elements straight into the array's memory (so that memory
    /// is first touched, page by page, in parallel as well, and no empty array is filled
    /// first on one thread).
    static func map<T>(_ count: Int, size: Int, _ make: @Sendable (Int) -> T) -> [T] {
        map(count, size: size, alongside: 0, { _ in }, make)
    }

    /// The same, with `other` run beside the chunks as one task `alongside` (`forEach`);
    /// returns the array and what `other` returned. (Its result is handed back here, through
    /// a slot only that task writes, so no caller needs memory of its own for it.)
    static func map<T, U: Sendable>(_ count: Int, size: Int, alongside other: @Sendable () -> U,
                                    _ make: @Sendable (Int) -> T) -> ([T], U) {
        var made: [T] = []
        let result = [U](unsafeUninitializedCapacity: 1) { slot, initialized in
            nonisolated(unsafe) let slot = slot  // written once, by the task alongside
            made = map(count, size: size, alongside: 1, { _ in slot.initializeElement(at: 0, to: other()) }, make)
            initialized = 1
        }
        return (made, result[0])
    }

    /// `map` in one round with `tasks` other pieces of work, as `forEach` runs them.
    private static func map<T>(_ count: Int, size: Int, alongside tasks: Int, _ task: @Sendable (_ task: Int) -> Void,
                               _ make: @Sendable (Int) -> T) -> [T] {
        [T](unsafeUninitializedCapacity: max(0, count)) { buffer, initialized in
            nonisolated(unsafe) let buffer = buffer  // each index initialized by exactly one chunk
            forEach(count, size: size, alongside: tasks, task) { _, indexes in
                for i in indexes { buffer.initializeElement(at: i, to: make(i)) }
            }
            initialized = max(0, count)
        }
    }

    /// The non-nil `make(i)` for each index `i` of `0..<count`, in index order, made in
    /// parallel chunks of `size`: each chunk keeps its elements in memory of its own, then
    /// each moves them, in parallel again, to where they begin in the array (gathering them
    /// one by one, a copy of every element and a first touch of every page of the array
    /// were a pass on one core while the other waited).
    static func compactMap<T>(_ count: Int, size: Int, _ make: @Sendable (Int) -> T?) -> [T] {
        let parts = map(Self.count(count, size: size), size: 1) { c -> UnsafeMutableBufferPointer<T> in
            let indexes = Self.indexes(ofChunk: c, count: count, size: size)
            let part = UnsafeMutableBufferPointer<T>.allocate(capacity: indexes.count)
            var n = 0
            for i in indexes {
                if let element = make(i) {
                    part.initializeElement(at: n, to: element)
                    n += 1
                }
            }
            return UnsafeMutableBufferPointer(rebasing: part[..<n])
        }
        var starts: [Int] = []
        starts.reserveCapacity(parts.count)
        var total = 0
        for part in parts {
            starts.append(total)
            total += part.count
        }
        nonisolated(unsafe) let moved = parts  // each part moved and freed by one task
        let begin = starts
        return [T](unsafeUninitializedCapacity: total) { buffer, initialized in
            nonisolated(unsafe) let buffer = buffer  // each part's slots written by its task
            forEach(moved.count, size: 1) { c, _ in
                let part = moved[c]
                if let from = part.baseAddress {
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[begin[c]..<begin[c] + part.count])
                        .moveInitialize(fromContentsOf: part)
                    from.deallocate()
                }
            }
            initialized = total
        }
    }
}
