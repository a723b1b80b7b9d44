/// Reading one cell of a record: its bytes without the spaces and tabs around them, and as
/// text, cleaned of controls (`FileText`) the moment it becomes a `String` that is kept.
extension RecordMapper {
    @inline(__always)
    static func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var s = 0, e = b.count
        while s < e, b[s] == 0x20 || b[s] == 0x09 { s += 1 }
        while e > s, b[e - 1] == 0x20 || b[e - 1] == 0x09 { e -= 1 }
        if s == 0 && e == b.count { return b }
        return UnsafeBufferPointer(rebasing: b[s..<e])
    }

    @inline(__always)
    func cell(_ r: borrowing CSVRecord, _ c: Int) -> UnsafeBufferPointer<UInt8> {
        c < 0 ? UnsafeBufferPointer(start: nil, count: 0) : Self.trimmed(r.bytes(c))
    }

    @inline(__always)
    func text(_ r: borrowing CSVRecord, _ c: Int) -> String? {
        let b = cell(r, c)
        return b.isEmpty ? nil : FileText.string(b)
    }

    /// A cell's bytes as a message quotes them (cleaned, long ones cut: `FileText.excerpt`).
    static func quoted(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        "'" + FileText.excerpt(String(decoding: raw, as: UTF8.self)) + "'"
    }
}
