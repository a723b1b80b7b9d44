/// What a metric cell holds.
enum CellValue: Equatable {
    case number(Double)
    case missing
    /// Not a number: treated as missing and reported (`unparsed-value`).
    case unparsed
}

/// Number parsing straight from the cell's bytes (`export-format.md`, "Values").
///
/// Hand-written because it runs once per cell of every row (tens of millions of cells in an
/// org export): creating a `String` per cell and calling `Double(_:)` costs several times the
/// whole CSV scan. Plain decimals take a fast path that is exact — a mantissa below 2^53
/// divided by a power of ten up to 10^22 is one correctly rounded IEEE division (Clinger's
/// fast path), the same double `Double(String)` gives; everything else (exponents, thousands
/// separators, long mantissas) falls back to `Double(String)`.
enum NumberCell {
    @usableFromInline static let powersOfTen: [Double] = (0...22).map { k in
        var p = 1.0
        for _ in 0..<k { p *= 10 }
        return p
    }

    /// Parses one cell; `quoted` allows `1,234.5` thousands separators.
    @inline(__always)
    static func parse(_ cell: UnsafeBufferPointer<UInt8>, quoted: Bool) -> CellValue {
        var i = 0
        var n = cell.count
        while i < n, cell[i] == 0x20 || cell[i] == 0x09 { i += 1 }
        while n > i, cell[n - 1] == 0x20 || cell[n - 1] == 0x09 { n -= 1 }
        if i == n { return .missing }
        // Fast path: [-+]digits[.digits][%]
        var negative = false
        var p = i
        if cell[p] == UInt8(ascii: "-") { negative = true; p += 1 } else if cell[p] == UInt8(ascii: "+") { p += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        var seenPoint = false
        var end = n
        if cell[end - 1] == UInt8(ascii: "%") { end -= 1 }
        var fast = true
        var anyDigit = false
        while p < end {
            let c = cell[p]
            if c &- 48 < 10 {
                anyDigit = true
                if digits == 19 { fast = false; break }
                mantissa = mantissa &* 10 &+ UInt64(c &- 48)
                if mantissa != 0 { digits += 1 }
                if seenPoint { fraction += 1 }
            } else if c == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                fast = false
                break
            }
            p += 1
        }
        if fast, anyDigit, mantissa <= 1 << 53, fraction <= 22 {
            let v = Double(mantissa) / powersOfTen[fraction]
            return .number(negative ? -v : v)
        }
        return slowParse(UnsafeBufferPointer(rebasing: cell[i..<n]), quoted: quoted)
    }

    /// Missing markers, exponents, thousands separators, long mantissas.
    static func slowParse(_ cell: UnsafeBufferPointer<UInt8>, quoted: Bool) -> CellValue {
        let text = String(decoding: cell, as: UTF8.self)
        switch text.lowercased() {
        case "na", "n/a", "null", "nan", "-", "—", "none": return .missing
        default: break
        }
        var body = Substring(text)
        if body.hasSuffix("%") { body = body.dropLast() }
        if quoted, body.contains(",") {
            guard let plain = withoutThousandsSeparators(body) else { return .unparsed }
            body = Substring(plain)
        }
        // Only decimal forms: Double(String) would also take "inf", "nan" and hex floats.
        var sawDigit = false
        for ch in body.utf8 {
            switch ch {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): break
            default: return .unparsed
            }
        }
        guard sawDigit, let v = Double(body), v.isFinite else { return .unparsed }
        return .number(v)
    }

    /// `1,234,567.5` → `1234567.5`; nil when the commas are not thousands separators.
    static func withoutThousandsSeparators(_ s: Substring) -> String? {
        var intPart = s
        var rest: Substring = ""
        if let dot = s.firstIndex(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
            intPart = s[..<dot]
            rest = s[dot...]
            if rest.contains(",") { return nil }
        }
        var sign: Substring = ""
        if let f = intPart.first, f == "-" || f == "+" {
            sign = intPart.prefix(1)
            intPart = intPart.dropFirst()
        }
        let groups = intPart.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count),
              groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        return String(sign) + groups.joined() + String(rest)
    }
}
