import Testing
@testable import SprintReport

/// The byte fast paths of `TextMetrics` and `ChartText.oneLine` give what the character
/// loops give (the reference loops are copied here as they were).
@Suite struct TextMetricsFastPathTests {
    static func referenceWidth(_ text: String, fontSize: Double) -> Double {
        var em = 0.0
        for ch in text { em += TextMetrics.advance(ch) }
        return em * fontSize
    }

    static func referenceTruncateMiddle(_ text: String, fontSize: Double, maxWidth: Double) -> String {
        if referenceWidth(text, fontSize: fontSize) <= maxWidth { return text }
        let chars = Array(text)
        let budget = maxWidth - TextMetrics.advance("…") * fontSize
        var head = 0, tail = 0, used = 0.0
        while head + tail < chars.count {
            let takeTail = (head + tail) % 2 == 1
            let ch = takeTail ? chars[chars.count - 1 - tail] : chars[head]
            let w = TextMetrics.advance(ch) * fontSize
            if used + w > budget { break }
            used += w
            if takeTail { tail += 1 } else { head += 1 }
        }
        return String(chars[0..<head]) + "…" + String(chars[(chars.count - tail)...])
    }

    static func referenceOneLine(_ s: String) -> String {
        String(s.map { $0.isNewline || ($0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) ? " " : $0 })
    }

    @Test func fastPathsMatchTheCharacterLoops() {
        var state: UInt64 = 3
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % n
        }
        var strings = ["", "Sprint 12", "Amber Lynx Platform Sprint 2026-14", "a\r\nb", "\r", "\n\n", "x\u{7F}y",
                       "é", "🚀 Sprint", "e\u{301}", "Mmmm WWWW iiii", String(repeating: "W", count: 200)]
        for _ in 0..<3000 {
            let pool = next(4) == 0 ? Array(0..<128) : Array(32..<127)
            strings.append(String(decoding: (0..<next(60)).map { _ in UInt8(pool[next(pool.count)]) }, as: UTF8.self))
        }
        for s in strings {
            for fs in [11.0, 12.0] {
                #expect(TextMetrics.width(s, fontSize: fs) == Self.referenceWidth(s, fontSize: fs), "\(s.debugDescription)")
                for maxWidth in [0.0, 20, 64.5, 100, 110] {
                    #expect(TextMetrics.truncateMiddle(s, fontSize: fs, maxWidth: maxWidth)
                        == Self.referenceTruncateMiddle(s, fontSize: fs, maxWidth: maxWidth), "\(s.debugDescription)")
                }
            }
            #expect(ChartText.oneLine(s) == Self.referenceOneLine(s), "\(s.debugDescription)")
        }
    }
}
