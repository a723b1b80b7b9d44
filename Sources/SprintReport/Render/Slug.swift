import Foundation

/// File names for teams and org-tree nodes: stable, unique, ASCII, and unable to leave the
/// output folder (`team-<ascii words>-<hash>`; only `a-z`, `0-9` and `-`, no dots or slashes).
enum Slug {
    /// Lower-case ASCII words of `text` joined by `-`: letters lose their accents, every other
    /// character separates words; at most 32 characters; never empty.
    static func words(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive],
                                  locale: nil).lowercased()
        var out = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            let v = scalar.value
            let keep = (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39)
            if keep {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(scalar)
                if out.count >= 32 { break }
            } else {
                pendingDash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "x" : out
    }

    /// First `length` hex digits of the SHA-256 of `key`: ties the name to the key, not to the
    /// words (two teams called "Falcon" get different files).
    static func hash(_ key: String, length: Int = 8) -> String {
        String(SHA256.hex(SHA256.hash(key.utf8)).prefix(length))
    }

    /// `prefix-words-hash`.
    static func make(prefix: String, words text: String, key: String, hashLength: Int = 8) -> String {
        "\(prefix)-\(words(text))-\(hash(key, length: hashLength))"
    }
}
