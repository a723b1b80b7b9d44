/// Text from the files, made safe for a terminal: a team name could hold an escape sequence
/// that moves the cursor or recolours the screen, so control characters become `?`.
public enum TerminalText {
    public static func clean(_ s: String) -> String {
        if isPrintableASCII(s) { return s }  // no control character: nothing to change
        return String(String.UnicodeScalarView(s.unicodeScalars.map { u in
            u.properties.generalCategory == .control ? "?" : u
        }))
    }

    /// Every byte is printable ASCII (0x20–0x7E).
    public static func isPrintableASCII(_ s: String) -> Bool {
        for b in s.utf8 where b < 0x20 || b > 0x7E { return false }
        return true
    }
}
