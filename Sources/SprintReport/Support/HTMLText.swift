/// Text for HTML, escaped with swift-mustache's replacements — one Unicode scalar at a time.
///
/// The one escaper of the pages: templates escape through it (`Render/FastHTML`), and so do
/// the writers of finished markup (`Charts/SVGWriter`, `Render/TableBody`), so a text is
/// escaped the same way wherever it lands.
///
/// swift-mustache's HTML escaping (`String.htmlEscape` in its `String.swift`) replaces only
/// the characters `<`, `>`, `&`, `"` and `'` and copies every other character. So a string
/// whose UTF-8 holds none of those five bytes is emitted as is (it would come out of `{{x}}`
/// unchanged).
///
/// swift-mustache 2.1.1 compares whole *characters* (grapheme clusters) with its table, so
/// one of the five followed by a combining mark (`"` + U+0301 is one character) is not
/// escaped at all: a team named `x"́ onmouseover=…` would end an attribute and add an event
/// handler. So any string with one of the five bytes is escaped here scalar by scalar, with
/// the replacement that swift-mustache's `{{s}}` gives for that character alone. The five are
/// ASCII, so they never occur inside a multi-byte UTF-8 sequence and a byte walk is a scalar
/// walk. Tests compare this with swift-mustache for every ASCII character, every BMP scalar
/// and random strings (scalar by scalar), and check that the combining-mark case is escaped.
enum HTMLText {
    /// The replacement of each of the five characters, indexed by its byte (nil for every
    /// other byte): swift-mustache's own, which a test asks swift-mustache for.
    private static let replacements: [[UInt8]?] = {
        var table = [[UInt8]?](repeating: nil, count: 128)
        let five: [(UInt8, String)] = [(0x3C, "&lt;"), (0x3E, "&gt;"), (0x26, "&amp;"), (0x22, "&quot;"), (0x27, "&#39;")]
        for (byte, replacement) in five { table[Int(byte)] = Array(replacement.utf8) }
        return table
    }()

    /// `s` (which holds at least one of the five bytes) escaped scalar by scalar.
    private static func escapedBytes(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        for b in s.utf8 {
            if isEscaped(b), let r = replacements[Int(b)] { out += r } else { out.append(b) }
        }
        return out
    }

    /// Whether `b` is one of `<`, `>`, `&`, `"`, `'`.
    @inline(__always) static func isEscaped(_ b: UInt8) -> Bool {
        b == 0x3C || b == 0x3E || b == 0x26 || b == 0x22 || b == 0x27
    }

    /// True when the bytes hold none of the five.
    @inline(__always) static func isPlain<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        !bytes.contains(where: isEscaped)
    }

    /// True when `s` holds none of `<`, `>`, `&`, `"`, `'` (as UTF-8 bytes).
    @inline(__always) static func isPlain(_ s: String) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { isPlain($0) } ?? isPlain(s.utf8)
    }

    /// `s` escaped for HTML text and attribute values.
    static func escaped(_ s: String) -> String {
        isPlain(s) ? s : String(decoding: escapedBytes(s), as: UTF8.self)
    }

    /// Appends `s` escaped, as UTF-8.
    static func append(_ s: String, to out: ByteBuffer) {
        let done = s.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard isPlain(bytes) else { return false }
            out.append(bytes)
            return true
        }
        switch done {
        case true?: return
        case false?, nil: escapedBytes(s).withUnsafeBufferPointer { out.append($0) }
        }
    }
}

extension ByteBuffer {
    /// Appends a literal's UTF-8 bytes (no `String` machinery: the writers append a few
    /// literals per mark and per cell).
    @inline(__always) func append(_ s: StaticString) {
        s.withUTF8Buffer { append($0) }
    }

    /// The bytes as a `String` (they are UTF-8: text appended by `appendText` and `HTMLText`).
    var string: String { withBytes { String(decoding: $0, as: UTF8.self) } }
}
