import Foundation

/// The native variants of the hottest templates, registered in place of the embedded
/// files when the user's `--templates` folder does not replace them.
///
/// A team page renders `chart-group` once per mark group of its charts and `part-table`'s
/// rows once per table cell; through swift-mustache that is thousands of context lookups per
/// page. The variants keep everything else of the embedded templates and insert the
/// repeated parts written by `MarkGroupHTML` (`gHTML`) and `TableRowsHTML` (`tbHead`,
/// `tbBody`), which produce exactly the bytes the embedded templates produce (tests render
/// both ways). A replaced template is used as the user wrote it, through swift-mustache with
/// the usual keys (`GroupContext`, `TableContext` offer both).
///
/// A variant is used only while the parts it replaces are exactly the text the writers were
/// made for (SHA-256 below): an edit of those parts of the embedded file turns the native
/// path off (and fails `RenderNativeTests`) until the writer and the digest follow.
enum NativeTemplates {
    /// SHA-256 of `Templates/charts/chart-group.mustache`, which `MarkGroupHTML` writes.
    static let chartGroupDigest = "d63e8921ff7658bbbb2f8cdf6dd65984deb0e01b6b5df8d9445af7e978f28bc6"
    /// SHA-256 of the header-cell section and then the rows section of
    /// `Templates/part-table.mustache`, which `TableRowsHTML` writes.
    static let partTableDigest = "003e54780693747ff137bc1ea59ba83a0bd2dcf7b5dd736a25220a716621c4c9"

    /// SHA-256 of `Templates/charts/chart-svg.mustache` and of `chart-sparkline.mustache`,
    /// whose opening lines (through `</desc>`) `ChartHeadHTML` writes.
    static let chartSvgDigest = "07d446fea248e97a8fb0ebe1ceb3e8cc40575ad71caaee9d9b77240f89d5559f"
    static let chartSparklineDigest = "4423fb790c72dcdccccccb55171222b01ae3529fe6c88c71ce11c7eb417264d7"

    static func digest(_ text: String) -> String {
        SHA256.hex(SHA256.hash(text.utf8))
    }

    /// The native variant of the embedded template `name` (without `.mustache`), or nil when
    /// it has none (or its text no longer has the parts the variant replaces).
    static func variant(of name: String, embedded text: String) -> String? {
        switch name {
        case "chart-group": digest(text) == chartGroupDigest ? "{{{gHTML}}}" : nil
        case "part-table": partTable(text)
        case "chart-svg": digest(text) == chartSvgDigest ? chartHead(text, key: "svgHead") : nil
        case "chart-sparkline": digest(text) == chartSparklineDigest ? chartHead(text, key: "sparkHead") : nil
        default: nil
        }
    }

    /// A chart template with its opening lines, from `<svg` through `</desc>` (not the
    /// newline after it: the next line's section tag stays standalone), replaced by
    /// `{{{key}}}`.
    static func chartHead(_ text: String, key: String) -> String? {
        guard let start = text.range(of: "<svg"), let end = text.range(of: "</desc>", range: start.upperBound..<text.endIndex)
        else { return nil }
        var s = text
        s.replaceSubrange(start.lowerBound..<end.upperBound, with: "{{{" + key + "}}}")
        return s
    }

    /// `part-table` with its header cells and its rows (section through the next newline)
    /// replaced by `{{{tbHead}}}` and `{{{tbBody}}}`.
    static func partTable(_ text: String) -> String? {
        guard let head = text.range(of: "{{#tbColumns}}"),
              let headEnd = text.range(of: "{{/tbColumns}}", range: head.upperBound..<text.endIndex),
              let rows = text.range(of: "{{#tbRows}}\n", range: headEnd.upperBound..<text.endIndex),
              let rowsEnd = text.range(of: "{{/tbRows}}\n", range: rows.upperBound..<text.endIndex)
        else { return nil }
        let replaced = text[head.lowerBound..<headEnd.upperBound] + text[rows.lowerBound..<rowsEnd.upperBound]
        guard digest(String(replaced)) == partTableDigest else { return nil }
        var s = text
        s.replaceSubrange(rows.lowerBound..<rowsEnd.upperBound, with: "{{{tbBody}}}")
        s.replaceSubrange(head.lowerBound..<headEnd.upperBound, with: "{{{tbHead}}}")
        return s
    }
}
