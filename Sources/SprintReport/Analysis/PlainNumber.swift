/// A figure inside a sentence (findings, threshold lists): NumberFormat's 2 decimals without
/// grouping, trailing zeros dropped (`30`, `28.5`, `52.63`), so the two sides of a
/// mismatch never print alike.
enum PlainNumber {
    static func text(_ x: Double) -> String {
        var s = NumberFormat.fixed(x, 2, grouping: false)
        guard s.contains(".") else { return s }
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
