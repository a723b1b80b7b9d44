/// Estimated text widths, so labels can be placed without a font engine.
///
/// The estimate is deliberately generous (widest common sans-serif glyphs, one em for
/// anything outside ASCII such as CJK or emoji), so a label that fits here fits on screen.
enum TextMetrics {
    /// Width in user units of `text` set at `fontSize`.
    static func width(_ text: String, fontSize: Double) -> Double {
        var em = 0.0
        if isByteCharacters(text) {
            for b in text.utf8 { em += advance(b) }
        } else {
            for ch in text { em += advance(ch) }
        }
        return em * fontSize
    }

    /// True when each byte of `text` is one character (ASCII without CR, which joins LF into
    /// one character): then the bytes give the same advances in the same order as the
    /// characters, without grapheme breaking (the period axis measures every label of every
    /// chart).
    @inline(__always) static func isByteCharacters(_ text: String) -> Bool {
        !text.utf8.contains { $0 >= 0x80 || $0 == 0x0D }
    }

    /// Advance of one ASCII byte in em (as `advance(_: Character)`).
    @inline(__always) static func advance(_ a: UInt8) -> Double {
        switch a {
        case 0x20: 0.3
        case UInt8(ascii: "i"), UInt8(ascii: "l"), UInt8(ascii: "j"), UInt8(ascii: "."),
             UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "|"),
             UInt8(ascii: "!"), UInt8(ascii: "'"), UInt8(ascii: "I"): 0.32
        case UInt8(ascii: "M"), UInt8(ascii: "W"), UInt8(ascii: "m"), UInt8(ascii: "w"),
             UInt8(ascii: "@"), UInt8(ascii: "%"): 0.95
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): 0.72
        default: 0.6
        }
    }

    /// Advance of one character in em.
    static func advance(_ ch: Character) -> Double {
        guard ch.isASCII, let a = ch.asciiValue else { return 1.0 }
        return advance(a)
    }
}

extension TextMetrics {
    /// `text` shortened in the middle (`Platf…2026-14`), keeping the start and the end that
    /// tell periods apart; at most `maxWidth` wide.
    static func truncateMiddle(_ text: String, fontSize: Double, maxWidth: Double) -> String {
        if width(text, fontSize: fontSize) <= maxWidth { return text }
        if isByteCharacters(text) {
            let bytes = Array(text.utf8)
            let (head, tail) = middleCut(bytes, fontSize: fontSize, maxWidth: maxWidth, advance: advance)
            return String(decoding: bytes[0..<head], as: UTF8.self) + "…"
                + String(decoding: bytes[(bytes.count - tail)...], as: UTF8.self)
        }
        let chars = Array(text)
        let (head, tail) = middleCut(chars, fontSize: fontSize, maxWidth: maxWidth, advance: advance)
        return String(chars[0..<head]) + "…" + String(chars[(chars.count - tail)...])
    }

    /// How many characters of the start and of the end fit beside `…`.
    private static func middleCut<C>(_ chars: [C], fontSize: Double, maxWidth: Double,
                                     advance: (C) -> Double) -> (head: Int, tail: Int) {
        let budget = maxWidth - TextMetrics.advance("…" as Character) * fontSize
        var head = 0, tail = 0, used = 0.0
        // Alternate start and end: the end often tells periods apart (`…2026-14`).
        while head + tail < chars.count {
            let takeTail = (head + tail) % 2 == 1
            let ch = takeTail ? chars[chars.count - 1 - tail] : chars[head]
            let w = advance(ch) * fontSize
            if used + w > budget { break }
            used += w
            if takeTail { tail += 1 } else { head += 1 }
        }
        return (head, tail)
    }
}
