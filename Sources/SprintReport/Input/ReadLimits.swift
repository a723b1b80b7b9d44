/// How much one record of an export may hold (docs/limits.md). The reader keeps a record
/// whole in memory until it is complete, so without a bound a file with no line ending (or
/// a gzip of zeros) would take memory without end; past a limit the file is an error that
/// names the limit and how to raise it (`--limit NAME=VALUE`).
///
/// The defaults are far above any export the platform writes (its longest cell is a
/// hierarchy path of a few hundred bytes; its widest header about 60 columns) and small
/// enough that a hostile file fails within milliseconds. The header is a record like the
/// others and held to the same limits.
public struct ReadLimits: Sendable, Equatable {
    /// Bytes of one field (as in the file, quotes included).
    public var fieldBytes = 64 * 1024
    /// Bytes of one record, line endings inside quoted fields included.
    public var recordBytes = 1024 * 1024
    /// Fields of one record (the header's columns too).
    public var recordFields = 10_000

    public static let defaults = ReadLimits()

    public init() {}

    /// The names `--limit` takes, in the order `--help` lists them.
    public static let names = ["field-bytes", "record-bytes", "record-fields"]

    /// The highest value a limit takes (1 GiB): a period label and its sprint id then fit
    /// the 32-bit offsets a row keeps (`Period`), and buffers that double stay far from any
    /// overflow.
    public static let maximum = 1 << 30

    /// Sets one limit from `NAME=VALUE` (VALUE: a whole number, optionally followed by K, M
    /// or G for 2^10, 2^20, 2^30). Throws a sentence for the user when it is not one.
    public mutating func set(_ assignment: String) throws(InvalidLimit) {
        guard let eq = assignment.firstIndex(of: "=") else {
            throw InvalidLimit("'\(FileText.excerpt(assignment))' is not NAME=VALUE (names: \(Self.names.joined(separator: ", ")))")
        }
        let name = String(assignment[..<eq]), text = String(assignment[assignment.index(after: eq)...])
        guard let value = Self.parse(text) else {
            throw InvalidLimit("\(FileText.excerpt(name)) takes a whole number from 1 to \(Self.maximum) (K, M, G allowed), not '\(FileText.excerpt(text))'")
        }
        switch name {
        case "field-bytes": fieldBytes = value
        case "record-bytes": recordBytes = value
        case "record-fields": recordFields = value
        default:
            throw InvalidLimit("unknown limit '\(FileText.excerpt(name))' (names: \(Self.names.joined(separator: ", ")))")
        }
    }

    /// `65536`, `64K`, `1M`, `2G` → a value in 1…`maximum`; nil otherwise.
    static func parse(_ text: String) -> Int? {
        var digits = Substring(text)
        var unit = 1
        switch digits.last {
        case "K", "k": unit = 1 << 10
        case "M", "m": unit = 1 << 20
        case "G", "g": unit = 1 << 30
        default: break
        }
        if unit > 1 { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.utf8.count <= 13, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let n = Int(digits) else { return nil }
        let (v, overflow) = n.multipliedReportingOverflow(by: unit)
        guard !overflow, v >= 1, v <= maximum else { return nil }
        return v
    }

    /// What a message says to raise a limit.
    static func advice(_ name: String) -> String { "raise it with --limit \(name)=N" }
}

/// A `--limit` value that is not one.
public struct InvalidLimit: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
