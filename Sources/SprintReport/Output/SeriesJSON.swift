/// The `series` points of a team in `summary --format json`: one line per period,
/// `{"label": …, "start": …, "end": …, "values": {…}, "derived": […], "rolling": …}`.
///
/// Hand-written for speed: this is ≈ 95 % of the document (one line per input row). Each
/// point is composed straight into the output buffer after one capacity check, keys and
/// punctuation as static bytes, numbers through `ByteCursor.number`; the same bytes as
/// writing it member by member with `JSONWriter` (tests compare the two).
enum SeriesJSON {
    /// Writes the points of `t` as elements of the open `series` array.
    static func write(_ t: TeamReport, to w: inout JSONWriter) {
        MetricText.shared.withBytes { text in
            switch t.points {
            case let .rows(rows):
                for i in rows.indices { point(rows, i, rolling: RollingMean.at(i, in: rows), text: text, to: &w) }
            case let .points(points):
                for i in points.indices { point(points, i, rolling: points[i].rolling, text: text, to: &w) }
            }
        }
    }

    /// Bytes of a point besides its label and its values' keys and names (braces, the other
    /// keys, separators, two days, the rolling mean).
    static let fixedBytes = 160

    /// Point `i` of `rows`, read in place in the array: a row, its period or its values
    /// passed on as arguments were copied first, a reference count up and down per point
    /// (on the period's block of labels, which every thread's points share).
    @inline(__always)
    static func point<P: WindowRow>(_ rows: [P], _ i: Int, rolling: Double?, text: MetricText.Bytes,
                                    to w: inout JSONWriter) {
        let label = rows[i].period.labelInPlace
        let most = fixedBytes + ByteCursor.maxQuoted(utf8Count: label.count) + text.maxPoint
        w.rawValue(atMost: most) { c in
            c.put("{\"label\": ")
            c.quoted(utf8: label)
            c.put(", \"start\": ")
            c.day(rows[i].period.start, table: text.days)
            c.put(", \"end\": ")
            c.day(rows[i].period.end, table: text.days)
            c.put(", \"values\": {")
            var first = true
            rows[i].values.forEachValue { m, value in
                c.putPadded(text.key(m, first: first))
                first = false
                switch value {
                case .hundredths(let k): c.hundredths(Int64(k), table: text.hundredths)  // exactly Double(k) / 100, digit by digit
                case .double(let v): c.number(v)
                }
            }
            c.put("}, \"derived\": [")
            let derived = rows[i].derived
            if !derived.isEmpty {
                first = true
                for m in 0..<Metric.count where derived.bits & (1 << UInt32(m)) != 0 {
                    c.putPadded(text.name(m, first: first))
                    first = false
                }
            }
            c.put("], \"rolling\": ")
            c.numberSeenBefore(rolling)
            c.put(0x7D)
        }
    }
}

/// Every metric's `, "NAME": ` and `, "NAME"` as bytes, made once, in one block (a
/// container's first member takes them without the leading `, `), with the day and number
/// tables of `ByteCursor`, fetched once for a run of points.
final class MetricText: Sendable {
    static let shared = MetricText()

    /// `, "NAME": ` then `, "NAME"` of each metric, in `Metric.allCases` order.
    private let blob: [UInt8]
    /// Start of each metric's key (2 i) and name (2 i + 1) in `blob`, and the end.
    private let offsets: [Int]

    private init() {
        var blob: [UInt8] = [], offsets: [Int] = []
        for m in Metric.allCases {
            offsets.append(blob.count)
            blob += Self.separator + JSONWriter.keyBytes(m.rawValue)
            offsets.append(blob.count)
            blob += Self.separator + JSONWriter.quotedBytes(m.rawValue)
        }
        offsets.append(blob.count)
        precondition(Self.separator.count == Bytes.separatorCount, "MetricText: the separator's length")
        blob += [UInt8](repeating: 0, count: ByteCursor.padding)  // `ByteCursor.putPadded` reads ahead
        self.blob = blob
        self.offsets = offsets
    }

    /// `JSONWriter.memberSeparator`, before every key and name in `blob`.
    static let separator = Array(UnsafeBufferPointer(start: JSONWriter.memberSeparator.utf8Start,
                                                     count: JSONWriter.memberSeparator.utf8CodeUnitCount))

    /// The table in place, for a run of points.
    func withBytes<R>(_ body: (Bytes) -> R) -> R {
        blob.withUnsafeBufferPointer { b in
            offsets.withUnsafeBufferPointer { o in
                body(Bytes(blob: b, offsets: o, days: DayText.bytes, hundredths: HundredthsText.slots))
            }
        }
    }

    struct Bytes {
        let blob: UnsafeBufferPointer<UInt8>
        let offsets: UnsafeBufferPointer<Int>
        /// `DayText.bytes` and `HundredthsText.slots`.
        let days: UnsafePointer<UInt8>
        let hundredths: UnsafePointer<UInt64>

        /// Bytes a container's first member leaves out: `separator`'s (`MetricText.init` checks).
        static let separatorCount = 2

        /// `"NAME": ` of metric `i`, after `, ` unless it is the container's first member.
        @inline(__always) func key(_ i: Int, first: Bool) -> UnsafeBufferPointer<UInt8> { slice(2 * i, first) }
        /// `"NAME"` of metric `i`, the same way.
        @inline(__always) func name(_ i: Int, first: Bool) -> UnsafeBufferPointer<UInt8> { slice(2 * i + 1, first) }

        @inline(__always) private func slice(_ k: Int, _ first: Bool) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: blob[offsets[k] + (first ? Bytes.separatorCount : 0)..<offsets[k + 1]])
        }

        /// Most bytes of a point's values and derived names: every metric with a number and
        /// derived, each with its separator.
        var maxPoint: Int { blob.count + Metric.count * (ByteCursor.maxNumber + 4) + 8 }
    }
}
