/// Words for chart titles, descriptions and mark titles.
enum ChartText {
    /// Control characters (newlines, tabs) become spaces: a label is one line of text.
    static func oneLine(_ s: String) -> String {
        // Printable ASCII only (the common label): nothing to replace.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 >= 0x7F }) { return s }
        return String(s.map { $0.isNewline || ($0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) ? " " : $0 })
    }

    /// "1 sprint", "6 sprints".
    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(n == 1 ? noun : plural(noun))"
    }

    static func plural(_ noun: String) -> String { noun + "s" }

    /// An amount with its unit: "24 story points".
    static func amount(_ x: Double?, _ mode: ComputationMode) -> String {
        "\(NumberFormat.amount(x)) \(mode.unitName)"
    }

    /// A whole-number percentage for sentences ("81 %").
    static func percent(_ x: Double?) -> String { NumberFormat.percentWhole(x) }

    /// "Sprint 7" style prefix of a mark title: the period's full label.
    static func period(_ label: String) -> String { oneLine(label) }

    /// The first letter upper-cased ("sprint" → "Sprint").
    static func capitalised(_ s: String) -> String {
        guard let f = s.first else { return s }
        return f.uppercased() + s.dropFirst()
    }

    /// Chart labels without the words that every label starts with, keeping the last of
    /// them: "Scarlet Hawk Sprint 6" … on one team's chart read "Sprint 6" …; "Sprint 6"
    /// and monthly labels stay as they are. The data tables keep the full labels.
    static func shortLabels(_ labels: [String]) -> [String] {
        if labels.count > 1, labels.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) { return shortASCIILabels(labels) }
        return shortLabelsByWords(labels)
    }

    /// `shortLabels` by its definition, word by word (any text; tests compare the ASCII path with it).
    static func shortLabelsByWords(_ labels: [String]) -> [String] {
        let words = labels.map { $0.split(separator: " ", omittingEmptySubsequences: false) }
        guard let first = words.first, labels.count > 1, labels.contains(where: { $0 != labels[0] }) else { return labels }
        var common = 0
        while common < first.count - 1, words.allSatisfy({ $0.count > common + 1 && $0[common] == first[common] }) {
            common += 1
        }
        guard common >= 2 else { return labels }
        return words.map { $0.dropFirst(common - 1).joined(separator: " ") }
    }

    /// `shortLabels` of ASCII labels on bytes (four charts per page shorten the same labels):
    /// the words every label starts with are those that end, with their space, within the
    /// bytes all labels share with the first one.
    private static func shortASCIILabels(_ labels: [String]) -> [String] {
        guard labels.contains(where: { $0 != labels[0] }) else { return labels }
        let first = labels[0].utf8
        // Byte offsets where the first label's 2nd, 3rd … words start.
        var starts: [Int] = []
        for (i, b) in first.enumerated() where b == UInt8(ascii: " ") { starts.append(i + 1) }
        var shared = first.count
        // Compared as byte arrays (a `zip` of two UTF-8 views walked string indices: 1 % of a
        // site build).
        let firstBytes = Array(first)
        for label in labels.dropFirst() {
            let bytes = Array(label.utf8)
            var n = 0
            while n < shared && n < bytes.count && bytes[n] == firstBytes[n] { n += 1 }
            shared = n
        }
        let common = starts.prefix { $0 <= shared }.count
        guard common >= 2 else { return labels }
        let offset = starts[common - 2]
        return labels.map { String(decoding: $0.utf8.dropFirst(offset), as: UTF8.self) }
    }
}
