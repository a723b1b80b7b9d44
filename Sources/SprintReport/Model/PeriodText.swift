/// Bytes of period labels and sprint ids, appended once and never changed: many rows share
/// one block, so a row keeps a reference, an offset and two lengths instead of a `String`
/// each (a label past 15 bytes, such as "Amber Lynx Sprint 12", is a heap object of its own
/// as a `String`: about 64 bytes per row more than its text).
///
/// Shared across threads (`Period.text`): bytes a `Period` refers to are written before the `Period` exists and never
/// afterwards; only the unused tail of a block is written (by the one reader that fills it).
public final class PeriodText: ManagedBuffer<Int, UInt8> {
    /// A block with room for `capacity` bytes (header = bytes used).
    static func make(capacity: Int) -> PeriodText {
        unsafeDowncast(PeriodText.create(minimumCapacity: capacity) { _ in 0 }, to: PeriodText.self)
    }

    /// A block holding exactly `parts`, one after another.
    static func make(_ parts: [UInt8]...) -> PeriodText {
        let block = make(capacity: parts.reduce(0) { $0 + $1.count })
        for p in parts { p.withUnsafeBufferPointer { _ = block.append($0) } }
        return block
    }

    /// Bytes still free.
    var room: Int { capacity - header }

    /// Appends bytes (there must be `room`); returns their offset.
    func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let at = header
        if let base = bytes.baseAddress, bytes.count > 0 {
            withUnsafeMutablePointerToElements { ($0 + at).update(from: base, count: bytes.count) }
        }
        header = at + bytes.count
        return at
    }

    /// The bytes at `offset ..< offset + count` as a string.
    @inline(__always)
    func string(_ offset: Int, _ count: Int) -> String {
        withUnsafeMutablePointerToElements {
            String(decoding: UnsafeBufferPointer(start: $0 + offset, count: count), as: UTF8.self)
        }
    }

    /// Calls `body` with the bytes at `offset ..< offset + count`.
    @inline(__always)
    func withBytes<R>(_ offset: Int, _ count: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withUnsafeMutablePointerToElements { try body(UnsafeBufferPointer(start: $0 + offset, count: count)) }
    }
}
