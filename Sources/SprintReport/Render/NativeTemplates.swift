/// The native variants of the two hottest templates, registered in place of the embedded
/// files when the user's `--templates` folder does not replace them.
///
/// A team page renders `chart-group` once per mark group of its charts and `part-table`'s
/// rows once per table cell; through swift-mustache that is thousands of context lookups per
/// page. The variants keep everything else of the embedded templates and insert the
/// repeated parts written by `MarkGroupHTML` (`gHTML`) and `TableRowsHTML` (`tbHead`,
/// `tbBody`), which produce exactly the bytes the embedded templates produce (tests render
/// both ways). A replaced template is used as the user wrote it, through swift-mustache with
/// the usual keys (`GroupContext`, `TableContext` offer both).
enum NativeTemplates {
    /// The native variant of the embedded template `name` (without `.mustache`), or nil when
    /// it has none (or its text no longer has the parts the variant replaces).
    static func variant(of name: String, embedded text: String) -> String? {
        switch name {
        case "chart-group": "{{{gHTML}}}"
        case "part-table": partTable(text)
        default: nil
        }
    }

    /// `part-table` with its header cells and its rows (section through the next newline)
    /// replaced by `{{{tbHead}}}` and `{{{tbBody}}}`.
    static func partTable(_ text: String) -> String? {
        guard let head = text.range(of: "{{#tbColumns}}"),
              let headEnd = text.range(of: "{{/tbColumns}}", range: head.upperBound..<text.endIndex),
              let rows = text.range(of: "{{#tbRows}}\n", range: headEnd.upperBound..<text.endIndex),
              let rowsEnd = text.range(of: "{{/tbRows}}\n", range: rows.upperBound..<text.endIndex)
        else { return nil }
        var s = text
        s.replaceSubrange(rows.lowerBound..<rowsEnd.upperBound, with: "{{{tbBody}}}")
        s.replaceSubrange(head.lowerBound..<headEnd.upperBound, with: "{{{tbHead}}}")
        return s
    }
}
