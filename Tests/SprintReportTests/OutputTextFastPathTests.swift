import PropertyBased
import Testing
@testable import SprintReport

/// The text and Markdown summaries' byte-level shortcuts against the character-level
/// definitions they stand for, on strings built from awkward pieces.
@Suite struct OutputTextFastPathTests {
    /// Pieces that matter to graphemes and escaping: a Prepend mark (U+0600) and a combining
    /// accent next to spaces, CR LF, controls (C0, DEL, C1), non-ASCII text and punctuation.
    static let pieces = [" ", "  ", "a", "Z", "\u{0600}", "\u{0301}", "e\u{0301}", "\r\n", "\r", "\n", "\t", "\u{1B}",
                         "\u{7F}", "\u{85}", "\u{9F}", "—", "\u{202F}%", "日本", "😀", "|", "*", "_", "`", "\\", "!", "~",
                         "&", "$", "<", ">", "[", "]", "0", "12.5", "-"]

    static func text(_ picks: [Int]) -> String { picks.map { pieces[$0 % pieces.count] }.joined() }

    @Test func trimmingMatchesDroppingSpaceCharacters() async {
        await propertyCheck(count: 1500, input: Gen.int(in: 0...1000).array(of: 0...8), Gen.int(in: 0...4)) { picks, spaces in
            let line = Self.text(picks) + String(repeating: " ", count: spaces)
            let reference = String(line.reversed().drop(while: { $0 == " " }).reversed())
            #expect(SummaryText.trimmingTrailingSpaces(line) == reference, "\(Array(line.unicodeScalars))")
        }
    }

    @Test func widthIsTheCharacterCount() async {
        await propertyCheck(count: 1500, input: Gen.int(in: 0...1000).array(of: 0...8)) { picks in
            let s = Self.text(picks)
            #expect(SummaryText.width(s) == s.count)
        }
    }

    @Test func cleanAndEscapeMatchTheirDefinitions() async {
        await propertyCheck(count: 1500, input: Gen.int(in: 0...1000).array(of: 0...8)) { picks in
            let s = Self.text(picks)
            let cleaned = String(String.UnicodeScalarView(s.unicodeScalars.map { u in
                u.properties.generalCategory == .control ? "?" : u
            }))
            #expect(SummaryText.clean(s) == cleaned)
            var escaped = ""
            for u in s.unicodeScalars {
                if u.properties.generalCategory == .control {
                    escaped += " "
                } else if SummaryMarkdown.special.contains(u) {
                    escaped += "\\" + String(u)
                } else {
                    escaped.unicodeScalars.append(u)
                }
            }
            #expect(SummaryMarkdown.escape(s) == escaped)
        }
    }
}
