/// A JSON document with ordered keys, written byte for byte the same for the same value.
///
/// Hand-written rather than `JSONEncoder` because the summary needs a fixed key order,
/// `null` for undefined figures and the shortest round-trip form of every number.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
    /// The value written on one line (`{"a": 1, "b": [2, 3]}`): used for series points, which
    /// are many and small.
    case compact(JSONValue)
    /// An array whose elements are made one at a time while writing, so that a large
    /// document never exists whole in memory (the summary's teams, nodes, findings).
    case lazyArray(count: Int, element: @Sendable (Int) -> JSONValue)

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.text() == b.text() }

    /// A number, or `null` when undefined or not finite.
    public static func number(_ x: Double?) -> JSONValue {
        guard let x, x.isFinite else { return .null }
        return .number(x)
    }

    /// A string, or `null`.
    public static func string(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

    /// Pretty-printed with two-space indentation and a final newline.
    public func text() -> String {
        var all = ""
        write { all += $0 }
        return all
    }

    /// The same text as `text()`, handed to `sink` in pieces of about `chunk` bytes.
    public func write(chunk: Int = 1 << 20, to sink: (String) -> Void) {
        var out = ""
        write(to: &out, indent: 0) { buffer in
            if buffer.utf8.count >= chunk {
                sink(buffer)
                buffer = ""
            }
        }
        sink(out + "\n")
    }

    private func write(to out: inout String, indent: Int?, flush: (inout String) -> Void) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let x): out += Self.format(x)
        case .string(let s): Self.quote(s, into: &out)
        case .compact(let value): value.write(to: &out, indent: nil, flush: flush)
        case .array(let items):
            JSONValue.lazyArray(count: items.count) { items[$0] }.write(to: &out, indent: indent, flush: flush)
        case let .lazyArray(count, element):
            guard count > 0 else { out += "[]"; return }
            out += "["
            for i in 0..<count {
                Self.separate(first: i == 0, indent: indent.map { $0 + 1 }, into: &out)
                element(i).write(to: &out, indent: indent.map { $0 + 1 }, flush: flush)
                flush(&out)
            }
            Self.separate(first: true, indent: indent, into: &out)
            out += "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                Self.separate(first: i == 0, indent: indent.map { $0 + 1 }, into: &out)
                Self.quote(key, into: &out)
                out += ": "
                value.write(to: &out, indent: indent.map { $0 + 1 }, flush: flush)
            }
            Self.separate(first: true, indent: indent, into: &out)
            out += "}"
        }
    }

    /// Before a member (or the closing bracket, as `first`): `,` then a new line and
    /// indentation, or `, ` on one line (nil indent).
    private static func separate(first: Bool, indent: Int?, into out: inout String) {
        guard let indent else {
            if !first { out += ", " }
            return
        }
        if !first { out += "," }
        out += "\n"
        for _ in 0..<indent { out += "  " }
    }

    /// Integral values without `.0` (and `-0` as `0`); others in Swift's shortest
    /// round-trip form, which is valid JSON (`20.884615384615383`, `1e-05`).
    static func format(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == x.rounded(), abs(x) < 9_007_199_254_740_992 { return String(Int64(x)) }
        return "\(x)"
    }

    /// RFC 8259 string: quote, backslash and control characters escaped; other text as UTF-8.
    static func quote(_ s: String, into out: inout String) {
        var plain = true  // nothing to escape (0xE2 leads U+2028/2029): the common case, kept fast
        var bytes = s
        bytes.withUTF8 { b in
            for c in b where c < 0x20 || c == 0x22 || c == 0x5C || c == 0xE2 {
                plain = false
                break
            }
        }
        if plain {
            out.append("\"")
            out.append(bytes)
            out.append("\"")
            return
        }
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        out += "\""
    }
}
