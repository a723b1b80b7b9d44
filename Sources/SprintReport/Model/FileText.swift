/// Text that came from a file, made fit to show: the reader passes every name, label, id and
/// header it keeps through here, so no later stage has to think about it.
///
/// Replaced by U+FFFD (the replacement character): the C0 controls other than tab, line
/// feed and carriage return (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F), DEL (U+007F),
/// the C1 controls (U+0080–U+009F) and the noncharacters (U+FDD0–U+FDEF and every
/// U+xFFFE / U+xFFFF). HTML forbids all of them in a document (a raw NUL is a parse error,
/// the others are reported by validators), XML-based SVG rejects the C0 ones outright, and
/// in a terminal an escape character in a team name is a command. Tab, line feed and
/// carriage return are ordinary whitespace in every output, and CSV quoting allows them.
///
/// Also `excerpt`: the one way a message quotes file data, cut so that a 4 MB cell cannot
/// become a 4 MB error line.
public enum FileText {
    /// The replacement's UTF-8 bytes.
    static let replacementBytes: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Whether `bytes` (valid UTF-8) may hold something to replace: a byte check that is
    /// exact for ASCII and conservative above it (`cleaned` decides).
    @inline(__always)
    static func mayNeedCleaning(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var i = 0
        // Eight bytes at a time while they are ASCII without a control (most names and
        // labels, checked once per row): the classic zero-byte test on x − 0x20… flags a
        // byte below 0x20, on x ^ 0x7F… a DEL; tab, LF and CR go to the byte loop.
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while i &+ 8 <= bytes.count {
            let x = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            let low = (x &- ones &* 0x20) & ~x & highs
            let del = ((x ^ (ones &* 0x7F)) &- ones) & ~(x ^ (ones &* 0x7F)) & highs
            if (x & highs) | low | del != 0 { break }
            i &+= 8
        }
        for b in UnsafeBufferPointer(rebasing: bytes[i...]) {
            // Controls below 0x20 except tab/LF/CR; DEL; 0xC2 leads U+0080–U+00BF (the C1
            // controls among them); 0xEF leads U+F000–U+FFFF (U+FDD0… and U+FFFE/F); 0xF0–0xF4
            // lead the other planes, whose last two code points are noncharacters.
            if b < 0x20 {
                if b != 0x09 && b != 0x0A && b != 0x0D { return true }
            } else if b == 0x7F || b == 0xC2 || b >= 0xEF {
                return true
            }
        }
        return false
    }

    /// Whether the scalar is one that `cleaned` replaces.
    @inline(__always)
    static func isReplaced(_ v: UInt32) -> Bool {
        if v < 0x20 { return v != 0x09 && v != 0x0A && v != 0x0D }
        if v >= 0x7F && v <= 0x9F { return true }
        if v >= 0xFDD0 && v <= 0xFDEF { return true }
        return v & 0xFFFE == 0xFFFE
    }

    /// `bytes` (valid UTF-8) as a string, cleaned.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let s = String(decoding: bytes, as: UTF8.self)
        return mayNeedCleaning(bytes) ? cleaned(s) : s
    }

    /// `s` with every replaced scalar turned into U+FFFD.
    public static func cleaned(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { isReplaced($0.value) }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars { out.append(isReplaced(u.value) ? "\u{FFFD}" : u) }
        return String(out)
    }

    /// The bytes of `bytes` (valid UTF-8) cleaned, when anything had to be replaced; else nil
    /// (use the bytes as they are).
    static func cleanedBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard mayNeedCleaning(bytes) else { return nil }
        let s = String(decoding: bytes, as: UTF8.self)
        let c = cleaned(s)
        return c == s ? nil : Array(c.utf8)
    }

    /// How many characters of a value a message quotes.
    public static let excerptLength = 80

    /// `s` cleaned, and when longer than `excerptLength` Unicode scalars, its first ones then
    /// `… (N bytes)`: how every message quotes a value from a file.
    public static func excerpt(_ s: String) -> String {
        let scalars = s.unicodeScalars
        let n = s.utf8.count
        guard n > excerptLength, scalars.count > excerptLength else { return cleaned(s) }
        let head = String(String.UnicodeScalarView(scalars.prefix(excerptLength)))
        return cleaned(head) + "… (\(n) bytes)"
    }
}
