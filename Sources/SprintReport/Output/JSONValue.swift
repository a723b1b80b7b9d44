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
    public func text() -> String { JSONWriter.text { write(to: &$0) } }

    /// The same text as `text()`, handed to `sink` in pieces of about `chunk` bytes.
    public func write(chunk: Int = 1 << 20, to sink: @escaping (String) -> Void) {
        var w = JSONWriter(chunk: chunk) { sink(String(decoding: $0, as: UTF8.self)) }
        write(to: &w)
        w.finish()
    }

    /// The value through `writer` (a compact value and everything inside it on one line).
    public func write(to w: inout JSONWriter, compact: Bool = false) {
        switch self {
        case .null: w.null()
        case .bool(let b): w.bool(b)
        case .number(let x): w.number(x)
        case .string(let s): w.string(s)
        case .compact(let value): value.write(to: &w, compact: true)
        case .array(let items):
            w.beginArray(compact: compact)
            for item in items { item.write(to: &w) }
            w.endArray()
        case let .lazyArray(count, element):
            w.beginArray(compact: compact)
            for i in 0..<count { element(i).write(to: &w) }
            w.endArray()
        case .object(let members):
            w.beginObject(compact: compact)
            for (key, value) in members {
                w.key(key)
                value.write(to: &w)
            }
            w.endObject()
        }
    }

    /// The text of a number as `JSONWriter` writes it.
    static func format(_ x: Double) -> String {
        let out = ByteBuffer()
        out.appendNumber(x)
        return String(decoding: out.array, as: UTF8.self)
    }
}
