/// What a metric cell holds.
enum CellValue: Equatable {
    /// A number within ±`NumberCell.magnitudeLimit`.
    case number(Double)
    case missing
    /// Not a number: treated as missing and reported (`unparsed-value`).
    case unparsed
    /// A number no export holds (beyond ±`NumberCell.magnitudeLimit`): treated as missing
    /// and reported like a cell that is not a number.
    case outOfRange
}

/// Number parsing straight from the cell's bytes (`docs/input-format.md#values`).
///
/// Hand-written because it runs once per cell of every row (tens of millions of cells in an
/// org export): creating a `String` per cell and calling `Double(_:)` costs several times the
/// whole CSV scan. Plain decimals take a fast path that is exact — a mantissa below 2^53
/// divided by a power of ten up to 10^22 is one correctly rounded IEEE division (Clinger's
/// fast path), the same double `Double(String)` gives; everything else (exponents, thousands
/// separators, long mantissas) falls back to `Double(String)`.
enum NumberCell {
    /// The largest magnitude a cell may hold. The platform writes story points, ticket
    /// counts, percentages and ratios: an organisation's summed sprint commitment is in the
    /// millions at most (20,000 teams × 100 points), a percentage in the hundreds. A billion
    /// is 500 times the largest real figure, and keeps every sum of a million such cells
    /// (window totals, variances over 1e18) finite and within `Int` when formatted — 1e19 or
    /// 1e308 in a cell is a corrupt export, not a figure (such cells crashed the formatter).
    static let magnitudeLimit = 1e9

    /// 10^k for 0 ≤ k ≤ 22, all exact doubles (a switch: no global initialisation check per cell).
    @inline(__always)
    static func powerOfTen(_ k: Int) -> Double {
        switch k {
        case 0: 1
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }

    /// Parses one cell; `quoted` allows `1,234.5` thousands separators.
    @inline(__always)
    static func parse(_ cell: UnsafeBufferPointer<UInt8>, quoted: Bool) -> CellValue {
        var i = 0
        var n = cell.count
        while i < n, cell[i] == 0x20 || cell[i] == 0x09 { i += 1 }
        while n > i, cell[n - 1] == 0x20 || cell[n - 1] == 0x09 { n -= 1 }
        if i == n { return .missing }
        // Fast path: [-+]digits[.digits][%], at most 19 digits.
        var negative = false
        var p = i
        if cell[p] == UInt8(ascii: "-") { negative = true; p += 1 } else if cell[p] == UInt8(ascii: "+") { p += 1 }
        var end = n
        if cell[end - 1] == UInt8(ascii: "%") { end -= 1 }
        let digitsStart = p
        var mantissa: UInt64 = 0
        while p < end, cell[p] &- 48 < 10 {
            mantissa = mantissa &* 10 &+ UInt64(cell[p] &- 48)
            p += 1
        }
        var digits = p - digitsStart
        var fraction = 0
        if p < end, cell[p] == UInt8(ascii: ".") {
            p += 1
            let fractionStart = p
            while p < end, cell[p] &- 48 < 10 {
                mantissa = mantissa &* 10 &+ UInt64(cell[p] &- 48)
                p += 1
            }
            fraction = p - fractionStart
            digits += fraction
        }
        if p == end, digits > 0, digits <= 19, fraction <= 22, mantissa <= 1 << 53 {
            let v = Double(mantissa) / powerOfTen(fraction)
            if v > magnitudeLimit { return .outOfRange }
            return .number(negative ? -v : v)
        }
        return slowParse(UnsafeBufferPointer(rebasing: cell[i..<n]), quoted: quoted)
    }

    /// The hundredths of a plain cell — `[-]digits[.d[d]]`, nothing else, not `-0` — when
    /// they are at most `MetricValues.compactLimit` in magnitude; else nil (use `parse`).
    ///
    /// `Double(h) / 100` is then exactly what `parse` returns for the cell: both are the
    /// correctly rounded double of the same decimal (`parse` divides the mantissa by
    /// 10^fraction, this scales it to hundredths; both operands are exact doubles).
    @inline(__always)
    static func hundredths(_ cell: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = cell.count
        guard n > 0, n <= 10, let base = cell.baseAddress else { return nil }
        var p = 0
        let negative = base[0] == UInt8(ascii: "-")
        if negative { p = 1 }
        let digitsStart = p
        var v = 0
        while p < n {
            let d = base[p] &- 48
            if d >= 10 { break }
            v = v &* 10 &+ Int(d)
            p += 1
        }
        if p == digitsStart { return nil }
        if p < n {
            guard base[p] == UInt8(ascii: "."), n - p - 1 >= 1, n - p - 1 <= 2 else { return nil }
            p += 1
            let fractionStart = p
            while p < n {
                let d = base[p] &- 48
                if d >= 10 { return nil }
                v = v &* 10 &+ Int(d)
                p += 1
            }
            if p - fractionStart == 1 { v &*= 10 }
        } else {
            v &*= 100
        }
        // At most 9 digits: no overflow above.
        if v > MetricValues.compactLimit { return nil }
        if negative {
            if v == 0 { return nil }  // -0 is the double -0.0, which has no code
            return -v
        }
        return v
    }

    /// Missing markers, exponents, thousands separators, long mantissas.
    static func slowParse(_ cell: UnsafeBufferPointer<UInt8>, quoted: Bool) -> CellValue {
        let text = String(decoding: cell, as: UTF8.self)
        switch text.lowercased() {
        case "na", "n/a", "null", "nan", "-", "—": return .missing
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
        guard sawDigit, let v = Double(body) else { return .unparsed }
        // `Double` gives ±infinity for 1e400: a number, and out of range like 1e19.
        guard v.magnitude <= magnitudeLimit else { return v.isNaN ? .unparsed : .outOfRange }
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
