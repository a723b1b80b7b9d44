/// Bytes of period labels and sprint ids, appended once and never changed: many rows share
/// one block, so a row keeps a reference, an offset and two lengths instead of a `String`
/// each (a label past 15 bytes, such as "Amber Lynx Sprint 12", is a heap object of its own
/// as a `String`: about 64 bytes per row more than its text).
///
/// Shared across threads (`Period.text`): bytes a `Period` refers to are written before the
/// `Period` exists and never afterwards; only the unused tail of a block is written, by the
/// one reader that fills it. The header is the block's usable size; the writer keeps count
/// of what it used (no class-property access per append).
public final class PeriodText: ManagedBuffer<Int, UInt8> {
    /// A block with room for at least `capacity` bytes.
    static func make(capacity: Int) -> PeriodText {
        let block = unsafeDowncast(PeriodText.create(minimumCapacity: capacity) { _ in capacity }, to: PeriodText.self)
        return block
    }

    /// A block holding exactly `parts`, one after another.
    static func make(_ parts: [UInt8]...) -> PeriodText {
        let block = make(capacity: parts.reduce(0) { $0 + $1.count })
        var at = 0
        for p in parts { p.withUnsafeBufferPointer { block.write($0, at: at) }; at += p.count }
        return block
    }

    /// Copies `bytes` to `offset` (inside the block's size, past every byte in use).
    @inline(__always)
    func write(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        withUnsafeMutablePointerToElements { ($0 + offset).update(from: base, count: bytes.count) }
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
